// The pure analysis core: string in, typed spans out. No editor, protocol or file system here.
export * from './types';
export { analyze, AnalysisCache } from './analyze';
export { buildGazetteer, Gazetteer } from './gazetteer';
export { stripBom, lineCol, isValidIsoDate } from './text';

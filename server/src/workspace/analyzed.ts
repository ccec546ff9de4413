// One analysed text: what every feature works from. The analysis' offsets index
// `text` (BOM removed); `doc` is the text as the editor has it, `base` the
// difference (1 when the editor kept a BOM), so features can turn offsets into
// positions without caring.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalysisCache, stripBom } from '../analysis';
import type { Analysis, GazetteerEntry } from '../analysis';
import { applySidecar, type Sidecar } from './annotations';

/** What an analysis depends on besides the text: when any part changes it is stale. */
export interface Stamp {
  version: number | null;
  /** Bumped whenever the user gazetteer changes. */
  generation: number;
  sidecar: Sidecar | undefined;
  referenceDate: string;
}

export interface AnalyzedText {
  uri: string;
  /** fs path, null for non-file documents (untitled...). */
  path: string | null;
  /** Document version for open documents, null for files read from disk. */
  version: number | null;
  /** The text analysed, as the editor has it (a frozen copy: positions never drift). */
  doc: TextDocument;
  base: number;
  text: string;
  analysis: Analysis;
  sidecar: Sidecar | undefined;
  stamp: Stamp;
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.version === b.version && a.generation === b.generation && a.sidecar === b.sidecar && a.referenceDate === b.referenceDate;
}

export function analyzeDocument(
  doc: TextDocument,
  path: string | null,
  stamp: Stamp,
  gazetteer: GazetteerEntry[],
  cache?: AnalysisCache,
): AnalyzedText {
  const raw = doc.getText();
  // The editor's document object is updated in place by later edits: keep a frozen
  // copy, so offsets of this analysis always convert against the text they index.
  const frozen = TextDocument.create(doc.uri, doc.languageId, doc.version, raw);
  const text = stripBom(raw);
  const options = { gazetteer, ...(stamp.referenceDate ? { date: stamp.referenceDate } : {}) };
  const analysis = applySidecar(text, analyze(text, options, cache), stamp.sidecar);
  return {
    uri: doc.uri, path, version: stamp.version, doc: frozen, base: raw.length - text.length, text, analysis,
    sidecar: stamp.sidecar, stamp,
  };
}

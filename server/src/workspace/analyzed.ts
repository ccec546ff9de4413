// One analysed text: what every feature works from. The analysis' offsets index
// `text` (BOM removed); `doc` is the text as the editor has it, `base` the
// difference (1 when the editor kept a BOM), so features can turn offsets into
// positions without caring.
import type { Position, Range, TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalysisCache, stripBom } from '../analysis';
import type { Analysis, GazetteerEntry } from '../analysis';
import { LiveDocument, lineStartsOf } from '../features/liveDocument';
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
  // An open document's line index is kept current per edit: copy it (microseconds)
  // rather than scan a long text again.
  const frozen = new FrozenText(doc.uri, doc.languageId, doc.version, raw, doc instanceof LiveDocument ? doc.lineStarts() : undefined);
  const text = stripBom(raw);
  const options = { gazetteer, ...(stamp.referenceDate ? { date: stamp.referenceDate } : {}) };
  const analysis = applySidecar(text, analyze(text, options, cache), stamp.sidecar);
  return {
    uri: doc.uri, path, version: stamp.version, doc: frozen, base: raw.length - text.length, text, analysis,
    sidecar: stamp.sidecar, stamp,
  };
}

/**
 * A read-only TextDocument over one version's text, with the same positions as
 * `TextDocument.create` (\n, \r\n and \r end lines; a position inside a line
 * break clamps to its start). Built once per analysed version, so its line index is
 * found with `indexOf`, several times faster than a character loop on a long text
 * without carriage returns.
 */
export class FrozenText implements TextDocument {
  private starts: number[] | undefined;

  /** `starts`: the text's line starts when the caller has them (they are not checked). */
  constructor(readonly uri: string, readonly languageId: string, readonly version: number, private readonly content: string, starts?: number[]) {
    this.starts = starts;
  }

  getText(range?: Range): string {
    return range ? this.content.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.content.length));
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > offset) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineBreak(offset, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.content.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, this.lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    const starts = this.lineStarts();
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.content.length - starts[last] } };
    }
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(this.lineEnd(line), starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lineStarts();
    if (line < 0 || line >= starts.length) return '';
    const end = this.lineEnd(line);
    return this.content.slice(this.beforeLineBreak(end, starts[line]), end);
  }

  /** Where the next line starts (the text's end for the last line). */
  private lineEnd(line: number): number {
    const starts = this.lineStarts();
    return line + 1 < starts.length ? starts[line + 1] : this.content.length;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.content.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  private lineStarts(): number[] {
    return (this.starts ??= lineStartsOf(this.content));
  }
}

const isLineBreak = (c: number) => c === 10 || c === 13;
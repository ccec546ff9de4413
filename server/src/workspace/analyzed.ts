// One analysed text: what every feature works from. The analysis' offsets index
// `text` (BOM removed); `doc` is the text as the editor has it, `base` the
// difference (1 when the editor kept a BOM), so features can turn offsets into
// positions without caring.
import type { Range, TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalysisCache, stripBom } from '../analysis';
import type { PieceText } from '../analysis/pieceText';
import type { Analysis, GazetteerEntry } from '../analysis';
import { LiveDocument } from '../features/liveDocument';
import { LineIndexed, lineStartsOf } from '../features/lines';
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
  doc: FrozenText;
  base: number;
  /**
   * The text the analysis' offsets index. An open document's version is held in pieces:
   * the first read joins them (costly for a long article), so code on the typing path
   * reads `size` or slices through `doc` instead.
   */
  readonly text: string;
  /** text.length, without joining anything. */
  size: number;
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
  // An open document's version comes as pieces (not joined: see analysis/pieceText.ts).
  const raw: string | PieceText = doc instanceof LiveDocument ? doc.source() : doc.getText();
  // The editor's document object is updated in place by later edits: keep a frozen
  // copy, so offsets of this analysis always convert against the text they index.
  // An open document's line index is kept current per edit: copy it (microseconds)
  // rather than scan a long text again.
  const frozen = new FrozenText(doc.uri, doc.languageId, doc.version, raw, doc instanceof LiveDocument ? doc.lineStarts() : undefined);
  const unmarked = stripBom(raw);
  const base = raw.length - unmarked.length;
  let text: string | undefined;
  const textOf = () => (text ??= stripBom(frozen.getText()));
  const options = { gazetteer, ...(stamp.referenceDate ? { date: stamp.referenceDate } : {}) };
  const analyzed = analyze(raw, options, cache);
  // Annotations are re-anchored in the text as it is held (pieces are searched, not joined);
  // in an open document they follow its edits (offsets without a BOM are the document's).
  const edited = doc instanceof LiveDocument && base === 0 ? doc : undefined;
  const analysis = stamp.sidecar?.annotations.length ? applySidecar(unmarked, analyzed, stamp.sidecar, edited) : analyzed;
  return {
    uri: doc.uri, path, version: stamp.version, doc: frozen, base, get text() { return textOf(); }, size: unmarked.length, analysis,
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
export class FrozenText extends LineIndexed implements TextDocument {
  private lineIndex: number[] | undefined;

  /**
   * `content`: the version's text, a string or pieces (joined when the whole is asked for);
   * `starts`: its line starts when the caller has them (they are not checked).
   */
  constructor(readonly uri: string, readonly languageId: string, readonly version: number, private readonly content: string | PieceText, starts?: number[]) {
    super();
    this.lineIndex = starts;
  }

  get starts(): readonly number[] {
    return (this.lineIndex ??= lineStartsOf(this.getText()));
  }

  get size(): number {
    return this.content.length;
  }

  charCodeAt(offset: number): number {
    return this.content.charCodeAt(offset);
  }

  getText(range?: Range): string {
    return range ? this.content.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content.toString();
  }

  /** Units [start, end) of the text (document offsets), without joining a text held in pieces. */
  slice(start: number, end: number): string {
    return this.content.slice(start, end);
  }

}

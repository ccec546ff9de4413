// The open documents as the server keeps them between edits: the same behaviour as
// vscode-languageserver-textdocument's TextDocument (positions, line breaks,
// incremental and full changes), but an edit does not rebuild the text. The
// library splices the string and reads a character of the result, which makes V8
// copy the whole text on every key: 2 MB for a 1 MB article with typographic
// quotes (UTF-16), in fresh memory pages (see analysis/pieceText.ts). Here the text
// is a PieceText: an edit copies one short piece, each version is a snapshot the
// analysis reads in place, and the whole text is joined only when a request asks
// for it. The line index is kept up to date per edit.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { PieceText } from '../analysis/pieceText';
import type { TextEdit } from '../sidecar/anchor';
import { LineIndexed, lineStartsOf } from './lines';

export { lineStartsOf };

export class LiveDocument extends LineIndexed implements TextDocument {
  /** The current text (immutable: an edit makes a new one). */
  private text: PieceText;
  /** Offsets where lines start (the first is 0; read-only outside this class). */
  starts: number[];
  private currentVersion: number;
  /**
   * The offset edits of the latest updates, each from the version before it, so that
   * what was placed in an earlier version (the annotations) can follow the text exactly.
   */
  private log: { from: number; edits: TextEdit[] }[] = [];

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    super();
    this.text = PieceText.of(content);
    this.starts = lineStartsOf(content);
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** Length of the text. */
  get size(): number {
    return this.text.length;
  }

  /** The current version's text as pieces (a snapshot: later edits do not change it). */
  source(): PieceText {
    return this.text;
  }

  /** A copy of the line starts of the current text (the document's own change with edits). */
  lineStarts(): number[] {
    return this.starts.slice();
  }

  getText(range?: Range): string {
    return range ? this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text.toString();
  }

  /** Applies the changes of one `didChange`, in order (as TextDocument.update does). */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    const edits: TextEdit[] = [];
    let whole = false;
    for (const change of changes) {
      if ('range' in change && change.range) edits.push(this.replace(change.range, change.text));
      else if (typeof change.text === 'string') {
        this.text = PieceText.of(change.text);
        this.starts = lineStartsOf(change.text);
        whole = true;
      } else throw new Error('Unknown change event received');
    }
    // A whole text replaced starts the log afresh: nothing placed before follows it.
    if (whole) this.log = [];
    else this.log.push({ from: this.currentVersion, edits });
    if (this.log.length > EDIT_LOG) this.log.shift();
    this.currentVersion = version;
  }

  /**
   * The offset edits that turned version `from` into the current one, in order (each
   * against the text the previous one left); null when the log no longer reaches back.
   */
  editsSince(from: number): readonly TextEdit[] | null {
    if (from === this.currentVersion) return [];
    const i = this.log.findIndex((entry) => entry.from === from);
    return i < 0 ? null : this.log.slice(i).flatMap((entry) => entry.edits);
  }

  private replace(range: Range, text: string): TextEdit {
    const [from, to] = ordered(range);
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    const edit = { start, end, text };
    this.text = this.text.edit(start, end, text);
    const insertedEnd = start + text.length;
    // A CR and an LF brought together by the edit make one line break, which the
    // inserted text alone does not show: count the lines again (rare).
    const crlfAt = (i: number) => this.charCodeAt(i - 1) === 13 && this.charCodeAt(i) === 10;
    if (crlfAt(start) || crlfAt(insertedEnd)) {
      this.starts = lineStartsOf(this.text.toString());
      return edit;
    }
    const startLine = Math.max(from.line, 0);
    const endLine = Math.max(to.line, 0);
    const added = lineStartsOf(text).slice(1).map((s) => s + start);
    this.starts.splice(startLine + 1, endLine - startLine, ...added);
    const shift = text.length - (end - start);
    if (shift) for (let i = startLine + 1 + added.length; i < this.starts.length; i++) this.starts[i] += shift;
    return edit;
  }

  /** The UTF-16 unit at an offset (NaN outside the text), without joining the pieces. */
  charCodeAt(offset: number): number {
    return this.text.charCodeAt(offset);
  }
}

/** Updates whose edits an open document keeps (the analysis is never that far behind). */
const EDIT_LOG = 256;

/** A range's ends in document order (clients may send them reversed). */
function ordered(range: Range): [Position, Position] {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
}

/** The `TextDocuments` configuration that keeps open documents as LiveDocuments. */
export const liveDocuments = {
  create: (uri: string, languageId: string, version: number, content: string) => new LiveDocument(uri, languageId, version, content),
  update: (doc: LiveDocument, changes: TextDocumentContentChangeEvent[], version: number) => {
    doc.update(changes, version);
    return doc;
  },
};

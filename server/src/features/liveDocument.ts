// The open documents as the server keeps them between edits: the same behaviour as
// vscode-languageserver-textdocument's TextDocument (positions, line breaks,
// incremental and full changes), but an edit does not rebuild the text. The
// library splices the string and reads a character of the result, which makes V8
// copy the whole text on every key: 2 MB for a 1 MB article with typographic
// quotes (UTF-16). When edits arrive faster than the analysis, only the version
// that gets analysed needs its text in one piece; here the text is a list of
// pieces, joined on the first read, and the line index is kept up to date per edit.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { LineIndexed, lineStartsOf } from './lines';

export { lineStartsOf };

/** More pieces than this and the next edit joins them (lookups walk the list). */
const MAX_PIECES = 256;

export class LiveDocument extends LineIndexed implements TextDocument {
  /** The text is pieces.join(''); one piece after any read of the whole text. */
  private pieces: string[];
  /** Length of the text (read-only outside this class). */
  size: number;
  /** Offsets where lines start (the first is 0; read-only outside this class). */
  starts: number[];
  private currentVersion: number;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    super();
    this.pieces = [content];
    this.size = content.length;
    this.starts = lineStartsOf(content);
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  /** A copy of the line starts of the current text (the document's own change with edits). */
  lineStarts(): number[] {
    return this.starts.slice();
  }

  getText(range?: Range): string {
    const text = this.joined();
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  /** Applies the changes of one `didChange`, in order (as TextDocument.update does). */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change && change.range) this.replace(change.range, change.text);
      else if (typeof change.text === 'string') {
        this.pieces = [change.text];
        this.size = change.text.length;
        this.starts = lineStartsOf(change.text);
      } else throw new Error('Unknown change event received');
    }
    this.currentVersion = version;
  }

  private replace(range: Range, text: string): void {
    const [from, to] = ordered(range);
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    this.splice(start, end, text);
    const insertedEnd = start + text.length;
    // A CR and an LF brought together by the edit make one line break, which the
    // inserted text alone does not show: count the lines again (rare).
    const crlfAt = (i: number) => this.charCodeAt(i - 1) === 13 && this.charCodeAt(i) === 10;
    if (crlfAt(start) || crlfAt(insertedEnd)) {
      this.starts = lineStartsOf(this.joined());
      return;
    }
    const startLine = Math.max(from.line, 0);
    const endLine = Math.max(to.line, 0);
    const added = lineStartsOf(text).slice(1).map((s) => s + start);
    this.starts.splice(startLine + 1, endLine - startLine, ...added);
    const shift = text.length - (end - start);
    if (shift) for (let i = startLine + 1 + added.length; i < this.starts.length; i++) this.starts[i] += shift;
  }

  /** Replaces [start, end) with `text` in the piece list, copying no piece whole. */
  private splice(start: number, end: number, text: string): void {
    const out: string[] = [];
    let at = 0;
    let inserted = false;
    for (const piece of this.pieces) {
      const pieceEnd = at + piece.length;
      if (pieceEnd <= start) out.push(piece);
      else if (at >= end) {
        if (!inserted) out.push(text);
        inserted = true;
        out.push(piece);
      } else {
        if (start > at) out.push(piece.slice(0, start - at));
        if (!inserted) out.push(text);
        inserted = true;
        if (end < pieceEnd) out.push(piece.slice(end - at));
      }
      at = pieceEnd;
    }
    if (!inserted) out.push(text);
    this.pieces = out.filter((p) => p.length > 0);
    this.size += text.length - (end - start);
    if (this.pieces.length > MAX_PIECES) this.joined();
  }

  /** The whole text, as one string from now on. */
  private joined(): string {
    if (this.pieces.length !== 1) this.pieces = [this.pieces.join('')];
    return this.pieces[0];
  }

  /** The UTF-16 unit at an offset (NaN outside the text), without joining the pieces. */
  charCodeAt(offset: number): number {
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return offset < at ? NaN : piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return NaN;
  }
}

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

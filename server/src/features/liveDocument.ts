// The open documents as the server keeps them between edits: the same behaviour as
// vscode-languageserver-textdocument's TextDocument (positions, line breaks,
// incremental and full changes), but an edit does not rebuild the text. The
// library splices the string and reads a character of the result, which makes V8
// copy the whole text on every key: 2 MB for a 1 MB article with typographic
// quotes (UTF-16). When edits arrive faster than the analysis, only the version
// that gets analysed needs its text in one piece; here the text is a list of
// pieces, joined on the first read, and the line index is kept up to date per edit.
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** More pieces than this and the next edit joins them (lookups walk the list). */
const MAX_PIECES = 256;

const isLineBreak = (c: number) => c === 10 || c === 13;

export class LiveDocument implements TextDocument {
  /** The text is pieces.join(''); one piece after any read of the whole text. */
  private pieces: string[];
  private size: number;
  /** Offsets where lines start (the first is 0). */
  private starts: number[];
  private currentVersion: number;

  constructor(readonly uri: string, readonly languageId: string, version: number, content: string) {
    this.pieces = [content];
    this.size = content.length;
    this.starts = lineStartsOf(content);
    this.currentVersion = version;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** A copy of the line starts of the current text (the document's own change with edits). */
  lineStarts(): number[] {
    return this.starts.slice();
  }

  getText(range?: Range): string {
    const text = this.joined();
    return range ? text.slice(this.offsetAt(range.start), this.offsetAt(range.end)) : text;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.size));
    const starts = this.starts;
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
    const starts = this.starts;
    if (position.line >= starts.length) return this.size;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    return this.beforeLineBreak(Math.min(start + position.character, this.lineEnd(position.line)), start);
  }

  getLineRange(line: number): Range {
    const starts = this.starts;
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (line >= starts.length) {
      const last = starts.length - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.size - starts[last] } };
    }
    return { start: { line, character: 0 }, end: { line, character: this.beforeLineBreak(this.lineEnd(line), starts[line]) - starts[line] } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.starts.length) return '';
    const end = this.lineEnd(line);
    const from = this.beforeLineBreak(end, this.starts[line]);
    let eol = '';
    for (let i = from; i < end; i++) eol += String.fromCharCode(this.charCodeAt(i));
    return eol;
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
  private charCodeAt(offset: number): number {
    let at = 0;
    for (const piece of this.pieces) {
      if (offset < at + piece.length) return offset < at ? NaN : piece.charCodeAt(offset - at);
      at += piece.length;
    }
    return NaN;
  }

  private lineEnd(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.size;
  }

  private beforeLineBreak(offset: number, lineStart: number): number {
    while (offset > lineStart && isLineBreak(this.charCodeAt(offset - 1))) offset--;
    return offset;
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

/** Offsets where lines start (the first is 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

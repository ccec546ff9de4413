// A long text held as a list of short strings, for a document that is edited while it
// is analysed. Each version is a new PieceText sharing every piece the edit did not touch.
//
// Why: V8 puts a string of more than 128 KB (64 K UTF-16 units) in fresh pages of its
// own, every page a fault on first write. On these machines one 2 MB string (a 1 MB
// article with typographic quotes) costs ~7 ms to make, ~35 ms at the 99th
// percentile with the collections that follow, however it is made (join, +, concat).
// A keystroke that rebuilt the whole text spent most of its time there. Pieces stay
// under that size: an edit copies one piece, and a reader slices only the stretch it
// reads (a slice of one piece shares its memory). The whole text is joined only when
// something asks for it (`toString`), once per version.
import { lastAtMost } from './sort';

/**
 * What the analysis reads of a text: its length, a character, a stretch. A plain string
 * is one, so the pure functions below take either.
 */
export interface Source {
  readonly length: number;
  charCodeAt(offset: number): number;
  slice(start: number, end: number): string;
  indexOf(needle: string, from?: number): number;
}

/** Target piece length in UTF-16 units (64 KB; V8's young generation takes strings up to 128 KB). */
export const PIECE_UNITS = 32 * 1024;

export class PieceText implements Source {
  private joined: string | undefined;

  /**
   * `starts[i]`: offset of pieces[i]; one more entry holds the length. `unit`: the target
   * piece length (smaller only in tests, to exercise the piece boundaries).
   */
  private constructor(private readonly pieces: readonly string[], private readonly starts: readonly number[], private readonly unit: number) {}

  /** A text as pieces (slices of it: no copy). */
  static of(text: string, unit = PIECE_UNITS): PieceText {
    const pieces: string[] = [];
    const starts: number[] = [];
    for (let at = 0; at < text.length; at += unit) {
      starts.push(at);
      pieces.push(text.slice(at, at + unit));
    }
    starts.push(text.length);
    const t = new PieceText(pieces, starts, unit);
    t.joined = text;
    return t;
  }

  get length(): number {
    return this.starts[this.starts.length - 1];
  }

  /** How many pieces (for tests and measurements). */
  get pieceCount(): number {
    return this.pieces.length;
  }

  /** The whole text, joined on the first call (a long one costs a new string of its own). */
  toString(): string {
    return (this.joined ??= this.pieces.join(''));
  }

  charCodeAt(offset: number): number {
    if (this.joined !== undefined) return this.joined.charCodeAt(offset);
    if (!(offset >= 0 && offset < this.length)) return NaN;
    const i = this.pieceAt(offset);
    return this.pieces[i].charCodeAt(offset - this.starts[i]);
  }

  /** Units [start, end), as String.prototype.slice reads them (a negative offset counts from the end). */
  slice(start: number, end: number = this.length): string {
    if (this.joined !== undefined) return this.joined.slice(start, end);
    const n = this.length;
    start = start < 0 ? Math.max(n + start, 0) : Math.min(start, n);
    end = end < 0 ? Math.max(n + end, 0) : Math.min(end, n);
    if (start >= end) return '';
    const i = this.pieceAt(start);
    const s = this.starts[i];
    if (end <= this.starts[i + 1]) return this.pieces[i].slice(start - s, end - s);
    let out = this.pieces[i].slice(start - s);
    for (let j = i + 1; j < this.pieces.length && this.starts[j] < end; j++) {
      out += end >= this.starts[j + 1] ? this.pieces[j] : this.pieces[j].slice(0, end - this.starts[j]);
    }
    return out;
  }

  /** Where `needle` first occurs at or after `from`, as String.prototype.indexOf answers. */
  indexOf(needle: string, from = 0): number {
    if (this.joined !== undefined) return this.joined.indexOf(needle, from);
    const n = this.length;
    from = Math.min(Math.max(0, Math.trunc(from) || 0), n);
    if (!needle) return from;
    if (from >= n) return -1;
    for (let i = this.pieceAt(from); i < this.pieces.length; i++) {
      const s = this.starts[i];
      const piece = this.pieces[i];
      const local = Math.max(0, from - s);
      // A match inside the piece starts before any that runs on into the next ones.
      const inside = piece.indexOf(needle, local);
      if (inside !== -1) return s + inside;
      if (needle.length > 1 && i + 1 < this.pieces.length) {
        const tail = Math.max(local, piece.length - needle.length + 1);
        const across = this.slice(s + tail, s + piece.length + needle.length - 1).indexOf(needle);
        if (across !== -1) return s + tail + across;
      }
    }
    return -1;
  }

  /**
   * The text with [start, end) replaced by `text` (a new PieceText; this one is
   * unchanged). Only the pieces the edit touches are copied.
   */
  edit(start: number, end: number, text: string): PieceText {
    const n = this.pieces.length;
    start = Math.max(0, Math.min(start, this.length));
    end = Math.max(start, Math.min(end, this.length));
    if (n === 0) return PieceText.of(text, this.unit);
    const unit = this.unit;
    // Pieces [a, b] hold the edit; an insertion at a piece boundary goes into the piece before.
    const a = start > 0 ? this.pieceAt(start - 1) : 0;
    const b = end > this.starts[a + 1] ? this.pieceAt(end - 1) : a;
    let mid = this.pieces[a].slice(0, start - this.starts[a]) + text + this.pieces[b].slice(end - this.starts[b]);
    let before = a;
    let after = b + 1;
    // A piece that shrank much joins its neighbour (the list would otherwise only grow).
    if (mid.length < unit / 4) {
      if (after < n && mid.length + this.pieces[after].length <= 2 * unit) mid += this.pieces[after++];
      else if (before > 0 && mid.length + this.pieces[before - 1].length <= 2 * unit) mid = this.pieces[--before] + mid;
    }
    const pieces: string[] = this.pieces.slice(0, before);
    const starts: number[] = this.starts.slice(0, before);
    let at = this.starts[before];
    // A piece grown past twice the target (a paste) is cut into parts of about the target.
    const parts = mid.length > 2 * unit ? Math.ceil(mid.length / unit) : 1;
    const size = Math.ceil(mid.length / parts);
    for (let k = 0; k < parts; k++) {
      const part = parts === 1 ? mid : mid.slice(k * size, (k + 1) * size);
      if (!part.length) continue;
      pieces.push(part);
      starts.push(at);
      at += part.length;
    }
    const delta = text.length - (end - start);
    for (let j = after; j < n; j++) {
      pieces.push(this.pieces[j]);
      starts.push(this.starts[j] + delta);
    }
    starts.push(this.length + delta);
    return new PieceText(pieces, starts, unit);
  }

  /**
   * Where this text and `other` differ: `prefix` equal units at the start, `suffix` at
   * the end (not overlapping). Pieces both texts share are skipped without reading them.
   */
  differenceFrom(other: PieceText): { prefix: number; suffix: number } {
    const a = this.pieces;
    const b = other.pieces;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    let j = 0;
    while (j < a.length - i && j < b.length - i && a[a.length - 1 - j] === b[b.length - 1 - j]) j++;
    const prefix = this.starts[i];
    const suffix = this.length - this.starts[a.length - j];
    return { prefix, suffix };
  }

  /** The piece holding offset (0 ≤ offset < length). */
  private pieceAt(offset: number): number {
    return lastAtMost(this.starts, this.pieces.length, offset);
  }
}

/** The whole text of a source as one string (joins a PieceText: costly for a long one). */
export function flat(text: Source): string {
  return typeof text === 'string' ? text : text.toString();
}

/** The text's first line with its line break (the whole text when it has none). */
export function firstLine(text: Source): string {
  if (typeof text === 'string') {
    const nl = text.indexOf('\n');
    return nl === -1 ? text : text.slice(0, nl + 1);
  }
  for (let end = Math.min(256, text.length); ; end = Math.min(end * 4, text.length)) {
    const head = text.slice(0, end);
    const nl = head.indexOf('\n');
    if (nl !== -1) return head.slice(0, nl + 1);
    if (end === text.length) return head;
  }
}

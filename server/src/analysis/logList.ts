// The attribution walk's name log as a version keeps it for the next one: like the
// quotes (quoteList.ts), in chunks shared between versions, each placed by an offset
// of its own, so an edit does not copy the log (a dozen thousand names and positions
// in a long article) but only adds what the walk found around the change.
import { type Known, MAX_KNOWN, NameLog } from './speakers';

/** Names per chunk at most; adjacent chunks hold more than this together. */
const CHUNK = 256;

/** Names and where they were written (the offsets of the version that built them). Never mutated. */
interface Chunk {
  readonly items: readonly Known[];
  readonly pos: readonly number[];
}

/** A chunk as one version has it: its names `delta` characters further on than stored. */
interface Piece {
  readonly chunk: Chunk;
  readonly delta: number;
}

export class LogList {
  readonly length: number;
  /** Index of each piece's first name, then the length. */
  private readonly firsts: Int32Array;
  private last = 0;

  private constructor(private readonly pieces: readonly Piece[]) {
    this.firsts = new Int32Array(pieces.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      this.firsts[i] = at;
      at += pieces[i].chunk.items.length;
    }
    this.firsts[pieces.length] = at;
    this.length = at;
  }

  /** A log's names (document offsets), taken as they are. */
  static of(log: NameLog): LogList {
    const b = new LogListBuilder();
    for (let i = 0; i < log.length; i++) b.push(log.items[i], log.pos[i]);
    return b.build();
  }

  /** @internal */ static fromPieces(pieces: readonly Piece[]): LogList {
    return new LogList(pieces);
  }

  private pieceOf(i: number): number {
    const f = this.firsts;
    let p = this.last;
    if (i >= f[p] && i < f[p + 1]) return p;
    let lo = 0;
    let hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (f[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    p = lo;
    this.last = p;
    return p;
  }

  itemAt(i: number): Known {
    const p = this.pieceOf(i);
    return this.pieces[p].chunk.items[i - this.firsts[p]];
  }

  /** Where name i was written (document offset). */
  posAt(i: number): number {
    const p = this.pieceOf(i);
    const piece = this.pieces[p];
    return piece.chunk.pos[i - this.firsts[p]] + piece.delta;
  }

  /** Names [from, to) in a NameLog of their own (document offsets). */
  slice(from: number, to: number): NameLog {
    const log = new NameLog();
    for (let i = Math.max(0, from); i < to; i++) log.push(this.itemAt(i), this.posAt(i));
    return log;
  }

  /** The names before index `length` the attribution rules can read (the last MAX_KNOWN). */
  tail(length: number): NameLog {
    return this.slice(length - MAX_KNOWN, length);
  }

  /** @internal */ forEachPiece(from: number, to: number, f: (piece: Piece, first: number) => void): void {
    if (from >= to) return;
    for (let p = this.pieceOf(from); p < this.pieces.length && this.firsts[p] < to; p++) f(this.pieces[p], this.firsts[p]);
  }
}

/** Builds a LogList from runs of other logs (whole chunks shared) and single names, in order. */
export class LogListBuilder {
  private readonly pieces: Piece[] = [];
  private items: Known[] = [];
  private pos: number[] = [];

  push(item: Known, pos: number): void {
    this.items.push(item);
    this.pos.push(pos);
    if (this.items.length === CHUNK) this.flush();
  }

  /** Names [from, to) of `list`, `shift` characters further on. */
  addRange(list: LogList, from: number, to: number, shift = 0): void {
    list.forEachPiece(from, to, (piece, first) => {
      const n = piece.chunk.items.length;
      const delta = piece.delta + shift;
      if (first >= from && first + n <= to) {
        this.flush();
        this.pieces.push(delta === piece.delta ? piece : { chunk: piece.chunk, delta });
        return;
      }
      const end = Math.min(to - first, n);
      for (let k = Math.max(0, from - first); k < end; k++) this.push(piece.chunk.items[k], piece.chunk.pos[k] + delta);
    });
  }

  build(): LogList {
    this.flush();
    return LogList.fromPieces(merged(this.pieces));
  }

  private flush(): void {
    if (!this.items.length) return;
    this.pieces.push({ chunk: { items: this.items, pos: this.pos }, delta: 0 });
    this.items = [];
    this.pos = [];
  }
}

/** Adjacent pieces small enough to share a chunk, merged (edits leave small ones behind). */
function merged(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; ) {
    let j = i + 1;
    let size = pieces[i].chunk.items.length;
    while (j < pieces.length && size + pieces[j].chunk.items.length <= CHUNK) size += pieces[j++].chunk.items.length;
    if (j === i + 1) {
      if (size) out.push(pieces[i]);
    } else if (size) {
      const items: Known[] = [];
      const pos: number[] = [];
      for (let k = i; k < j; k++) {
        const { chunk, delta } = pieces[k];
        for (let x = 0; x < chunk.items.length; x++) {
          items.push(chunk.items[x]);
          pos.push(chunk.pos[x] + delta);
        }
      }
      out.push({ chunk: { items, pos }, delta: 0 });
    }
    i = j;
  }
  return out;
}

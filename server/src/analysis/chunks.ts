// Lists kept in chunks shared between versions of a document, each chunk placed by an
// offset of its own: what the quote list (quoteList.ts) and the attribution walk's name
// log (logList.ts) have in common. An edit builds new chunks only around the change; the
// chunks after it are shared, with a new offset (one small object per chunk).
import { lastAtMost } from './sort';

/** Items stored once, in the offsets of the version that built them. */
export interface Chunk {
  readonly items: { readonly length: number };
}

/** A chunk as one version has it: its items `delta` characters further on than stored. */
export interface Piece<C extends Chunk> {
  readonly chunk: C;
  readonly delta: number;
}

/** Index over a version's pieces: which piece holds item i, and where each piece starts. */
export abstract class ChunkedList<C extends Chunk> {
  readonly length: number;
  /** Index of each piece's first item, then the length. */
  protected readonly firsts: Int32Array;
  /** The piece last looked up (reads come mostly in order). */
  private last = 0;

  protected constructor(protected readonly pieces: readonly Piece<C>[]) {
    this.firsts = new Int32Array(pieces.length + 1);
    let at = 0;
    for (let i = 0; i < pieces.length; i++) {
      this.firsts[i] = at;
      at += pieces[i].chunk.items.length;
    }
    this.firsts[pieces.length] = at;
    this.length = at;
  }

  /** The piece holding item i (0 ≤ i < length). */
  pieceOf(i: number): number {
    const f = this.firsts;
    let p = this.last;
    if (i >= f[p] && i < f[p + 1]) return p;
    p = lastAtMost(f, this.pieces.length, i);
    this.last = p;
    return p;
  }

  /** Piece p (read-only access, to compare two versions' lists chunk by chunk). */
  pieceAt(p: number): Piece<C> {
    return this.pieces[p];
  }
  /** Index of piece p's first item. */
  firstOf(p: number): number {
    return this.firsts[p];
  }

  /** Calls `f` with each piece holding items of [from, to) and the index of its first item. */
  forEachPiece(from: number, to: number, f: (piece: Piece<C>, first: number) => void): void {
    if (from >= to) return;
    for (let p = this.pieceOf(from); p < this.pieces.length && this.firsts[p] < to; p++) f(this.pieces[p], this.firsts[p]);
  }
}

/**
 * Pieces [from, to) of `list` for a builder, `shift` characters further on: whole chunks
 * are shared (`share`), the items of a chunk cut by the range are handed one by one
 * (`one`, with the chunk, the item's index in it and the offset to add).
 */
export function addRange<C extends Chunk>(
  list: ChunkedList<C>, from: number, to: number, shift: number,
  share: (piece: Piece<C>) => void, one: (chunk: C, k: number, delta: number) => void,
): void {
  list.forEachPiece(from, to, (piece, first) => {
    const n = piece.chunk.items.length;
    const delta = piece.delta + shift;
    if (first >= from && first + n <= to) {
      share(delta === piece.delta ? piece : { chunk: piece.chunk, delta });
      return;
    }
    const end = Math.min(to - first, n);
    for (let k = Math.max(0, from - first); k < end; k++) one(piece.chunk, k, delta);
  });
}

/**
 * Adjacent pieces small enough to share a chunk of at most `max` items, merged (`join`
 * builds one chunk, in offset 0, from a run of pieces): edits leave small chunks around
 * the change, and merging keeps the number of chunks near length / max.
 */
export function mergeSmall<C extends Chunk>(pieces: readonly Piece<C>[], max: number, join: (run: readonly Piece<C>[]) => C): Piece<C>[] {
  const out: Piece<C>[] = [];
  for (let i = 0; i < pieces.length; ) {
    let j = i + 1;
    let size = pieces[i].chunk.items.length;
    while (j < pieces.length && size + pieces[j].chunk.items.length <= max) size += pieces[j++].chunk.items.length;
    if (j === i + 1) {
      if (size) out.push(pieces[i]);
    } else if (size) {
      out.push({ chunk: join(pieces.slice(i, j)), delta: 0 });
    }
    i = j;
  }
  return out;
}

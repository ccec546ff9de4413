// The attribution walk's name log as a version keeps it for the next one: like the
// quotes (quoteList.ts), in chunks shared between versions, each placed by an offset
// of its own, so an edit does not copy the log (a dozen thousand names and positions
// in a long article) but only adds what the walk found around the change.
import { addRange, type Chunk, ChunkedList, mergeSmall, type Piece } from './chunks';
import { type Known, MAX_KNOWN, NameLog } from './speakers';

/** Names per chunk at most; adjacent chunks hold more than this together. */
const CHUNK = 256;

/** Names and where they were written (the offsets of the version that built them). Never mutated. */
interface LogChunk extends Chunk {
  readonly items: readonly Known[];
  readonly pos: readonly number[];
}

export class LogList extends ChunkedList<LogChunk> {
  /** A log's names (document offsets), taken as they are. */
  static of(log: NameLog): LogList {
    const b = new LogListBuilder();
    for (let i = 0; i < log.length; i++) b.push(log.items[i], log.pos[i]);
    return b.build();
  }

  /** @internal */ static fromPieces(pieces: readonly Piece<LogChunk>[]): LogList {
    return new LogList(pieces);
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
}

/** Builds a LogList from runs of other logs (whole chunks shared) and single names, in order. */
export class LogListBuilder {
  private readonly pieces: Piece<LogChunk>[] = [];
  private items: Known[] = [];
  private pos: number[] = [];

  push(item: Known, pos: number): void {
    this.items.push(item);
    this.pos.push(pos);
    if (this.items.length === CHUNK) this.flush();
  }

  /** Names [from, to) of `list`, `shift` characters further on (whole chunks shared). */
  addRange(list: LogList, from: number, to: number, shift = 0): void {
    addRange(list, from, to, shift, (piece) => {
      this.flush();
      this.pieces.push(piece);
    }, (chunk, k, delta) => this.push(chunk.items[k], chunk.pos[k] + delta));
  }

  build(): LogList {
    this.flush();
    return LogList.fromPieces(mergeSmall(this.pieces, CHUNK, (run) => {
      const items: Known[] = [];
      const pos: number[] = [];
      for (const { chunk, delta } of run) {
        for (let x = 0; x < chunk.items.length; x++) {
          items.push(chunk.items[x]);
          pos.push(chunk.pos[x] + delta);
        }
      }
      return { items, pos };
    }));
  }

  private flush(): void {
    if (!this.items.length) return;
    this.pieces.push({ chunk: { items: this.items, pos: this.pos }, delta: 0 });
    this.items = [];
    this.pos = [];
  }
}

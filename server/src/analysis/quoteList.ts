// The attributed quotes of an analysis, kept so that the next version can reuse them
// without copying. A keystroke moves every quote after it; moving each one (a new quote,
// speaker and cue span per quote, thousands in a long article) is what made the garbage
// collector pause while the user typed. So quotes are stored in chunks that never change,
// and a version places each chunk at an offset of its own: an edit builds new chunks only
// around the change and, for the chunks after it, a new offset (one small object per chunk).
// Diagnostics are kept per chunk the same way. The document-offset list every consumer reads
// (`Analysis.quotes`) is built from the chunks when first read.
import { addRange, type Chunk, ChunkedList, mergeSmall, type Piece } from './chunks';
import { quoteDiagnostics } from './diagnostics';
import type { Diagnostic, Quote, Span, Speaker } from './types';

/** Quotes per chunk at most; adjacent chunks hold more than this together (few chunks). */
const CHUNK = 64;

/** Quotes stored once, in the offsets of the version that built them. Never mutated but for `diagnostics`. */
interface QuoteChunk extends Chunk {
  readonly items: readonly Quote[];
  /** The items' diagnostics, in the same offsets (built on first use). */
  diagnostics?: Diagnostic[];
  /** The longest item's length (built on first use). */
  longest?: number;
}

/** Read access to quotes by index, without copying them to document offsets. */
export interface QuoteSeq {
  readonly length: number;
  startOf(i: number): number;
  endOf(i: number): number;
  /** Quote i in document offsets (a copy when its chunk moved). */
  at(i: number): Quote;
  /** The length (end − start) of the longest quote: how far back one may reach. */
  longest(): number;
}

/**
 * Indices of the quotes of `seq` (sorted by start) that overlap [start, end), in order:
 * found by binary search and a walk back as far as the longest quote reaches.
 */
export function overlappingQuotes(seq: QuoteSeq, start: number, end: number): number[] {
  let lo = 0;
  let hi = seq.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (seq.startOf(mid) < end) lo = mid + 1;
    else hi = mid;
  }
  const reach = seq.longest();
  const out: number[] = [];
  for (let i = lo - 1; i >= 0 && seq.startOf(i) + reach > start; i--) if (seq.endOf(i) > start) out.push(i);
  return out.reverse();
}

/** The chunked list behind an analysis whose `quotes` are built from one on first read. */
const listsOf = new WeakMap<object, QuoteList>();

/** Notes that `analysis.quotes` is `list` in document offsets (incremental.ts, for each kept analysis). */
export function noteQuoteList(analysis: object, list: QuoteList): void {
  listsOf.set(analysis, list);
}

/**
 * The chunked list behind `analysis.quotes`, when it has one: a reader comparing two
 * versions can skip the chunks they share without building either document-offset list.
 */
export function quoteListOf(analysis: object): QuoteList | undefined {
  return listsOf.get(analysis);
}

/**
 * A plain list of quotes (document offsets) as a QuoteSeq, with methods on a class (an
 * object of closures made per call lost its optimised code at each full collection).
 * One instance is kept for good (see NameLog.shapesKept): code that read instances
 * keeps their shape.
 */
export class ArraySeq implements QuoteSeq {
  static readonly shapeKept = new ArraySeq([]);
  readonly length: number;
  private max: number | undefined;
  constructor(private readonly quotes: readonly Quote[]) {
    this.length = quotes.length;
  }
  startOf(i: number): number {
    return this.quotes[i].start;
  }
  endOf(i: number): number {
    return this.quotes[i].end;
  }
  at(i: number): Quote {
    return this.quotes[i];
  }
  longest(): number {
    if (this.max === undefined) {
      this.max = 0;
      for (const q of this.quotes) this.max = Math.max(this.max, q.end - q.start);
    }
    return this.max;
  }
}

export class QuoteList extends ChunkedList<QuoteChunk> implements QuoteSeq {
  /** Quotes in document offsets (taken as they are: the list owns them from now on). */
  static of(quotes: readonly Quote[]): QuoteList {
    const b = new QuoteListBuilder();
    b.addAll(quotes);
    return b.build();
  }

  /** @internal */ static fromPieces(pieces: readonly Piece<QuoteChunk>[]): QuoteList {
    return new QuoteList(pieces);
  }

  startOf(i: number): number {
    const p = this.pieceOf(i);
    const piece = this.pieces[p];
    return piece.chunk.items[i - this.firsts[p]].start + piece.delta;
  }

  endOf(i: number): number {
    const p = this.pieceOf(i);
    const piece = this.pieces[p];
    return piece.chunk.items[i - this.firsts[p]].end + piece.delta;
  }

  at(i: number): Quote {
    const p = this.pieceOf(i);
    const piece = this.pieces[p];
    return shiftQuoteDeep(piece.chunk.items[i - this.firsts[p]], piece.delta);
  }

  longest(): number {
    let max = 0;
    for (const { chunk } of this.pieces) {
      if (chunk.longest === undefined) {
        let m = 0;
        for (const q of chunk.items) m = Math.max(m, q.end - q.start);
        chunk.longest = m;
      }
      max = Math.max(max, chunk.longest);
    }
    return max;
  }

  /** Calls `f` with quotes [from, to) as stored and the offset to add to every span of each. */
  forEachStored(from: number, to: number, f: (stored: Quote, delta: number, i: number) => void): void {
    if (from >= to) return;
    for (let p = this.pieceOf(from); p < this.pieces.length && this.firsts[p] < to; p++) {
      const { chunk, delta } = this.pieces[p];
      const first = this.firsts[p];
      const end = Math.min(to - first, chunk.items.length);
      for (let k = Math.max(0, from - first); k < end; k++) f(chunk.items[k], delta, first + k);
    }
  }

  /** Every quote in document offsets. */
  toArray(): Quote[] {
    const out: Quote[] = [];
    for (const { chunk, delta } of this.pieces) for (const q of chunk.items) out.push(shiftQuoteDeep(q, delta));
    return out;
  }

  /** The quotes' diagnostics in document offsets (a chunk's are computed once, then moved). */
  diagnostics(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { chunk, delta } of this.pieces) {
      const ds = (chunk.diagnostics ??= quoteDiagnostics(chunk.items));
      for (const d of ds) out.push(shiftDiagnostic(d, delta));
    }
    return out;
  }
}

/**
 * Builds a QuoteList from runs of other lists (whole chunks are shared, not copied) and
 * quotes in document offsets, in order.
 */
export class QuoteListBuilder {
  private readonly pieces: Piece<QuoteChunk>[] = [];
  /** Quotes in document offsets not yet in a chunk. */
  private pending: Quote[] = [];

  add(q: Quote): void {
    this.pending.push(q);
    if (this.pending.length === CHUNK) this.flush();
  }

  addAll(quotes: readonly Quote[]): void {
    for (const q of quotes) this.add(q);
  }

  /** Quotes [from, to) of `list`, `shift` characters further on (whole chunks shared). */
  addRange(list: QuoteList, from: number, to: number, shift = 0): void {
    addRange(list, from, to, shift, (piece) => {
      this.flush();
      this.pieces.push(piece);
    }, (chunk, k, delta) => this.add(shiftQuoteDeep(chunk.items[k], delta)));
  }

  build(): QuoteList {
    this.flush();
    return QuoteList.fromPieces(mergeSmall(this.pieces, CHUNK, (run) => {
      const items: Quote[] = [];
      for (const { chunk, delta } of run) for (const q of chunk.items) items.push(shiftQuoteDeep(q, delta));
      return { items };
    }));
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.pieces.push({ chunk: { items: this.pending }, delta: 0 });
    this.pending = [];
  }
}

// Moved copies, built field by field (object spread is several times slower).
export function shiftQuote(q: Quote, d: number, speaker: Quote['speaker'], cueSpan: Span | null = q.cueSpan): Quote {
  return { start: q.start + d, end: q.end + d, text: q.text, kind: q.kind, speaker, cue: q.cue, cueSpan, closed: q.closed, paragraphs: q.paragraphs };
}
export function shiftQuoteDeep(q: Quote, d: number): Quote {
  if (d === 0) return q;
  return shiftQuote(q, d, q.speaker && shiftSpeaker(q.speaker, d), q.cueSpan && { start: q.cueSpan.start + d, end: q.cueSpan.end + d });
}
export function shiftSpeaker(s: Speaker, d: number): Speaker {
  return { start: s.start + d, end: s.end + d, text: s.text, via: s.via, name: s.name };
}
function shiftDiagnostic(x: Diagnostic, d: number): Diagnostic {
  if (d === 0) return x;
  const out: Diagnostic = { start: x.start + d, end: x.end + d, severity: x.severity, code: x.code, message: x.message };
  if (x.related) out.related = x.related.map((r) => ({ start: r.start + d, end: r.end + d, message: r.message }));
  return out;
}

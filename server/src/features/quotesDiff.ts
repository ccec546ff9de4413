// Which quotes changed between two analysed versions of a document, for the `seed/quotes`
// delta (QuotesDelta in shared/protocol.ts). The typing path keeps quotes in chunks
// shared between versions (analysis/quoteList.ts): a chunk both versions hold at the
// same index and offset holds equal quotes, so the unchanged runs at the start and the
// end are found a chunk at a time, and only the quotes around the change are compared
// one by one and converted. Nothing is built for the whole document.
import type { Analysis, Quote } from '../analysis';
import { QuoteList, quoteListOf } from '../analysis/quoteList';
import type { QuoteInfo, QuotesDelta } from '../shared/protocol';

/** One version's quotes as the answer sees them: offsets + `base` index the editor's text (`length` characters). */
export interface QuoteSource {
  list: QuoteList;
  base: number;
  length: number;
}

/** The quotes of an analysis as a QuoteSource (its chunks when it has them, else a list over its quotes). */
export function quoteSource(analysis: Analysis, base: number, length: number): QuoteSource {
  // An analysis with a sidecar applied has a plain list (sidecar/apply.ts): compared quote by quote.
  return { list: quoteListOf(analysis) ?? QuoteList.of(analysis.quotes), base, length };
}

/** A quote in the editor's offsets (`delta` added), as the client sees it. */
export function quoteInfo(q: Quote, delta: number): QuoteInfo {
  return { start: q.start + delta, end: q.end + delta, kind: q.kind, speaker: q.speaker?.name ?? null, via: q.speaker?.via ?? null, cue: q.cue };
}

/** Whether two stored quotes read the same to the client, `da`/`db` added to their offsets. */
function same(a: Quote, da: number, b: Quote, db: number): boolean {
  return a.start + da === b.start + db && a.end + da === b.end + db && a.kind === b.kind && a.cue === b.cue
    && (a.speaker?.name ?? null) === (b.speaker?.name ?? null) && (a.speaker?.via ?? null) === (b.speaker?.via ?? null);
}

/**
 * `next`'s quotes as a change of `prev`'s: the longest run kept at the start, then the
 * longest run at the end that only moved by the text's change in length, the rest
 * replaced. Exact: applied to prev's quotes (applyQuotesDelta) it gives next's.
 */
export function diffQuotes(prev: QuoteSource, next: QuoteSource, from: number): QuotesDelta {
  const a = prev.list;
  const b = next.list;
  const shift = next.length - prev.length;
  const keep = commonStart(prev, next);
  const tail = commonEnd(prev, next, shift, Math.min(a.length, b.length) - keep);
  const insert: QuoteInfo[] = [];
  b.forEachStored(keep, b.length - tail, (q, delta) => insert.push(quoteInfo(q, delta + next.base)));
  return { from, keep, drop: a.length - keep - tail, insert, shift };
}

/** Where quote `i` of a version is stored: its chunk, the chunk's first index, and the offset (plus `shift`) its quotes take. */
function locate(src: QuoteSource, i: number, shift = 0): { items: readonly Quote[]; first: number; delta: number; chunk: unknown } {
  const p = src.list.pieceOf(i);
  const piece = src.list.pieceAt(p);
  return { items: piece.chunk.items, chunk: piece.chunk, first: src.list.firstOf(p), delta: piece.delta + src.base + shift };
}

/** How many quotes at the start read the same in both versions. */
function commonStart(prev: QuoteSource, next: QuoteSource): number {
  const n = Math.min(prev.list.length, next.list.length);
  let i = 0;
  while (i < n) {
    const x = locate(prev, i);
    const y = locate(next, i);
    if (x.first === i && y.first === i && x.chunk === y.chunk && x.delta === y.delta) {
      i += x.items.length; // the same chunk in the same place: every quote in it reads the same
      continue;
    }
    if (!same(x.items[i - x.first], x.delta, y.items[i - y.first], y.delta)) break;
    i++;
  }
  return i;
}

/** How many quotes at the end (at most `room`) are the same in both versions but for `shift` characters. */
function commonEnd(prev: QuoteSource, next: QuoteSource, shift: number, room: number): number {
  let k = 0;
  while (k < room) {
    const ia = prev.list.length - 1 - k;
    const ib = next.list.length - 1 - k;
    const x = locate(prev, ia, shift);
    const y = locate(next, ib);
    const size = x.items.length;
    if (x.chunk === y.chunk && x.first + size - 1 === ia && y.first + size - 1 === ib && x.delta === y.delta && k + size <= room) {
      k += size; // the same chunk, last in both runs, moved by the shift: every quote in it did
      continue;
    }
    if (!same(x.items[ia - x.first], x.delta, y.items[ib - y.first], y.delta)) break;
    k++;
  }
  return k;
}

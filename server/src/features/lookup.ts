// What is at an offset: the quotes, dates, places, actors and speaker mentions of an
// analysis, sorted once per analysis and searched by bisection, so hovers and
// references stay fast in long articles.
import type { Analysis, DateMention, Entity, Quote, Span } from '../analysis';

export type Item =
  | { kind: 'quote'; span: Quote; quote: Quote }
  | { kind: 'date'; span: DateMention; date: DateMention }
  | { kind: 'entity'; span: Entity; entity: Entity }
  | { kind: 'speaker'; span: Span; quote: Quote };

interface Sorted<T extends Span> {
  items: T[];
  maxLen: number;
}

interface LookupIndex {
  quotes: Sorted<Quote>;
  dates: Sorted<DateMention>;
  entities: Sorted<Entity>;
  speakers: Sorted<Span & { quote: Quote }>;
}

const memo = new WeakMap<Analysis, LookupIndex>();

function sorted<T extends Span>(xs: T[]): Sorted<T> {
  const items = [...xs].sort((a, b) => a.start - b.start || a.end - b.end);
  let maxLen = 0;
  for (const x of items) maxLen = Math.max(maxLen, x.end - x.start);
  return { items, maxLen };
}

function index(a: Analysis): LookupIndex {
  let ix = memo.get(a);
  if (!ix) {
    const speakers: (Span & { quote: Quote })[] = [];
    for (const q of a.quotes) {
      const s = q.speaker;
      if (s && s.via !== 'annotation' && s.end > s.start) speakers.push({ start: s.start, end: s.end, quote: q });
    }
    ix = { quotes: sorted(a.quotes), dates: sorted(a.dates), entities: sorted([...a.actors, ...a.places]), speakers: sorted(speakers) };
    memo.set(a, ix);
  }
  return ix;
}

/** Spans of `s` containing `offset` (start ≤ offset ≤ end). */
function containing<T extends Span>(s: Sorted<T>, offset: number): T[] {
  const xs = s.items;
  let lo = 0;
  let hi = xs.length; // first index with start > offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo - 1; i >= 0 && xs[i].start >= offset - s.maxLen; i--) {
    if (xs[i].end >= offset) out.push(xs[i]);
  }
  return out;
}

/**
 * Every item at an offset, innermost first. A span touching the offset only at its
 * end (the cursor right after a word) counts, after the ones that truly contain it.
 */
export function itemsAt(a: Analysis, offset: number): Item[] {
  const ix = index(a);
  const out: Item[] = [
    ...containing(ix.speakers, offset).map((s): Item => ({ kind: 'speaker', span: s, quote: s.quote })),
    ...containing(ix.dates, offset).map((d): Item => ({ kind: 'date', span: d, date: d })),
    ...containing(ix.entities, offset).map((e): Item => ({ kind: 'entity', span: e, entity: e })),
    ...containing(ix.quotes, offset).map((q): Item => ({ kind: 'quote', span: q, quote: q })),
  ];
  const inside = (i: Item) => (i.span.end > offset || i.span.start === i.span.end ? 0 : 1);
  // Stable sort: among equal spans the order above decides (a speaker before its actor).
  return out
    .map((item, order) => ({ item, order }))
    .sort((x, y) => inside(x.item) - inside(y.item)
      || (x.item.span.end - x.item.span.start) - (y.item.span.end - y.item.span.start)
      || x.order - y.order)
    .map((x) => x.item);
}

/** The canonical entity name at an offset (an entity mention or a speaker mention). */
export function nameAt(a: Analysis, offset: number): string | null {
  for (const item of itemsAt(a, offset)) {
    if (item.kind === 'entity') return item.entity.name;
    if (item.kind === 'speaker') return item.quote.speaker!.name;
  }
  return null;
}

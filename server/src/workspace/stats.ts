// Per-analysis facts about named entities: every mention of each canonical name
// (entity mentions plus speaker mentions such as a resolved "he") and the quotes
// attributed to it. Memoised per Analysis object, so repeated hovers and
// reference lookups on a long article cost one pass per analysis.
import type { ActorType, Analysis, EntityKind, Quote, Span } from '../analysis';

export interface NameFacts {
  name: string;
  kinds: Set<EntityKind>;
  type?: ActorType;
  /** Mentions in document order. */
  mentions: Span[];
  /** The mentions as written ("Simonyan", "Gurgen Simonyan", "he"). */
  surfaces: Set<string>;
  /** Speech quotes whose speaker is this name. */
  quotes: Quote[];
}

const memo = new WeakMap<Analysis, Map<string, NameFacts>>();

export function entityFacts(a: Analysis): Map<string, NameFacts> {
  let facts = memo.get(a);
  if (facts) return facts;
  facts = new Map();
  const get = (name: string): NameFacts => {
    let f = facts!.get(name);
    if (!f) facts!.set(name, (f = { name, kinds: new Set(), mentions: [], surfaces: new Set(), quotes: [] }));
    return f;
  };
  // Spans as one number (start, end < 2^26): cheaper than string keys in long articles.
  const key = (x: Span) => x.start * 0x4000000 + x.end;
  const taken = new Set<number>();
  for (const e of [...a.places, ...a.actors]) {
    const f = get(e.name);
    f.kinds.add(e.kind);
    if (e.type && !f.type) f.type = e.type;
    const k = key(e);
    if (taken.has(k)) continue; // a country can be both place and actor at one spot
    taken.add(k);
    f.mentions.push({ start: e.start, end: e.end });
    f.surfaces.add(e.text);
  }
  for (const q of a.quotes) {
    const s = q.speaker;
    if (!s) continue;
    const f = get(s.name);
    f.kinds.add('actor');
    f.quotes.push(q);
    // The speaker mention ("he") counts as a mention when it is a real text span
    // outside the quote (an annotation may carry no mention of its own).
    const k = key(s);
    if (s.via !== 'annotation' && s.end > s.start && (s.end <= q.start || s.start >= q.end) && !taken.has(k)) {
      taken.add(k);
      f.mentions.push({ start: s.start, end: s.end });
      f.surfaces.add(s.text);
    }
  }
  for (const f of facts.values()) f.mentions.sort((x, y) => x.start - y.start);
  memo.set(a, facts);
  return facts;
}

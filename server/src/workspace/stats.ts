// Per-analysis facts about named entities: every mention of each canonical name
// (entity mentions plus speaker mentions such as a resolved "he") and the quotes
// attributed to it. Memoised per Analysis object, so repeated hovers and
// reference lookups on a long article cost one pass per analysis.
import type { ActorType, Analysis, Entity, EntityKind, Quote, Span, Speaker } from '../analysis';

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
  visitNames(a, {
    entity(e, counted) {
      const f = get(e.name);
      f.kinds.add(e.kind);
      if (e.type && !f.type) f.type = e.type;
      if (!counted) return;
      f.mentions.push({ start: e.start, end: e.end });
      f.surfaces.add(e.text);
    },
    speaker(q, s, counted) {
      const f = get(s.name);
      f.kinds.add('actor');
      f.quotes.push(q);
      if (!counted) return;
      f.mentions.push({ start: s.start, end: s.end });
      f.surfaces.add(s.text);
    },
  });
  for (const f of facts.values()) if (!inOrder(f.mentions)) f.mentions.sort((x, y) => x.start - y.start);
  memo.set(a, facts);
  return facts;
}

/** Per canonical name, what the workspace index keeps of it (see digest.ts): entityFacts without the texts. */
export interface NameMentions {
  name: string;
  place: boolean;
  actor: boolean;
  type?: ActorType;
  /** Mention spans as start/end pairs, in document order. */
  spans: number[];
}

/**
 * The names of an analysis in entityFacts' order, with their kinds, type and mentions
 * (the same ones), without the sets and objects entityFacts builds for hovers: the
 * index digests every file of the workspace with this.
 */
export function nameMentions(a: Analysis): NameMentions[] {
  const byName = new Map<string, NameMentions>();
  const get = (name: string): NameMentions => {
    let n = byName.get(name);
    if (!n) byName.set(name, (n = { name, place: false, actor: false, type: undefined, spans: [] }));
    return n;
  };
  visitNames(a, {
    entity(e, counted) {
      const n = get(e.name);
      if (e.kind === 'place') n.place = true;
      else n.actor = true;
      if (e.type && !n.type) n.type = e.type;
      if (counted) n.spans.push(e.start, e.end);
    },
    speaker(_q, s, counted) {
      const n = get(s.name);
      n.actor = true;
      if (counted) n.spans.push(s.start, s.end);
    },
  });
  const out = [...byName.values()];
  for (const n of out) if (!pairsInOrder(n.spans)) n.spans = sortPairs(n.spans);
  return out;
}

interface NameVisitor {
  /** Each place, then each actor; `counted` is false for a span counted before (a country both place and actor at one spot). */
  entity(e: Entity, counted: boolean): void;
  /** Each attributed quote; `counted` when its speaker mention counts as a mention of the speaker. */
  speaker(q: Quote, s: Speaker, counted: boolean): void;
}

/** The one definition of which spans mention a name, for entityFacts and nameMentions. */
function visitNames(a: Analysis, visit: NameVisitor): void {
  const taken = new TakenSpans();
  for (const e of a.places) visit.entity(e, taken.take(e.start, e.end));
  for (const e of a.actors) visit.entity(e, taken.take(e.start, e.end));
  for (const q of a.quotes) {
    const s = q.speaker;
    if (!s) continue;
    // The speaker mention ("he") counts as a mention when it is a real text span
    // outside the quote (an annotation may carry no mention of its own).
    const real = s.via !== 'annotation' && s.end > s.start && (s.end <= q.start || s.start >= q.end);
    visit.speaker(q, s, real && taken.take(s.start, s.end));
  }
}

/**
 * The spans already counted, by start (a small integer key, where start and end as one
 * number would be a heap number): the end taken there, or the ends when several spans
 * start at one offset.
 */
class TakenSpans {
  private readonly byStart = new Map<number, number | number[]>();

  /** Takes the span; false when it was taken already. */
  take(start: number, end: number): boolean {
    const ends = this.byStart.get(start);
    if (ends === undefined) this.byStart.set(start, end);
    else if (ends === end || (typeof ends !== 'number' && ends.includes(end))) return false;
    else if (typeof ends === 'number') this.byStart.set(start, [ends, end]);
    else ends.push(end);
    return true;
  }
}

/** Whether spans are in document order already (most are: sorting is then skipped). */
function inOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (spans[i - 1].start > spans[i].start) return false;
  return true;
}

function pairsInOrder(pairs: readonly number[]): boolean {
  for (let i = 2; i < pairs.length; i += 2) if (pairs[i - 2] > pairs[i]) return false;
  return true;
}

/** Start/end pairs sorted by start, stably (as entityFacts sorts its mentions). */
function sortPairs(pairs: readonly number[]): number[] {
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i).sort((x, y) => pairs[2 * x] - pairs[2 * y]);
  return order.flatMap((i) => [pairs[2 * i], pairs[2 * i + 1]]);
}

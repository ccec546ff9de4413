// A `seed/quotes` answer as a change of the quotes the client already holds (QuotesDelta
// in protocol.ts): while the user types, a keystroke changes a few quotes around it and
// moves the ones after it, so the server sends those few and one shift instead of every
// quote of a long article. Plain data only: imported by the client and the server.
import type { QuoteInfo, QuotesDelta, QuotesResult } from './protocol';

/** A delta that does not fit the quotes it is applied to (the caller then asks for the full list). */
export class QuotesDeltaError extends Error {}

/**
 * The quotes `delta` describes, from `held` (the quotes of analysis `delta.from`).
 * `held` is not changed; the kept quotes are shared with it, the shifted ones are copies.
 * Throws QuotesDeltaError when the delta cannot apply to `held`.
 */
export function applyQuotesDelta(held: readonly QuoteInfo[], delta: QuotesDelta): QuoteInfo[] {
  const { keep, drop, insert, shift } = delta;
  const count = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!count(keep) || !count(drop) || !Number.isInteger(shift) || !Array.isArray(insert)) {
    throw new QuotesDeltaError(`malformed quotes delta: ${JSON.stringify({ keep, drop, shift, insert: Array.isArray(insert) ? insert.length : insert })}`);
  }
  if (keep + drop > held.length) {
    throw new QuotesDeltaError(`quotes delta keeps ${keep} and drops ${drop} of ${held.length} quotes`);
  }
  const out: QuoteInfo[] = new Array(held.length - drop + insert.length);
  let n = 0;
  for (let i = 0; i < keep; i++) out[n++] = held[i];
  for (const q of insert) out[n++] = q;
  for (let i = keep + drop; i < held.length; i++) {
    const q = held[i];
    out[n++] = shift === 0 ? q : { start: q.start + shift, end: q.end + shift, kind: q.kind, speaker: q.speaker, via: q.via, cue: q.cue };
  }
  return out;
}

/**
 * The full answer `r` stands for, for a client holding `held` (its last full answer for
 * the document): `held` itself when r says "unchanged", a delta applied to held's
 * quotes, or r when it is full. Undefined when r is about an analysis other than the
 * one held (the client then asks for the full list); throws QuotesDeltaError when a
 * delta cannot apply to the quotes held.
 */
export function fullAnswer(held: QuotesResult | undefined, r: QuotesResult): QuotesResult | undefined {
  if (r.unchanged) return held && held.analysis === r.analysis ? held : undefined;
  if (!r.delta) return r;
  if (!held || held.analysis !== r.delta.from) return undefined;
  const { delta, ...rest } = r;
  return { ...rest, quotes: applyQuotesDelta(held.quotes, delta) };
}

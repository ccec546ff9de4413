// What a quote is called in symbol lists and the outline: its opening words and its
// speaker label. Kept free of any protocol import so the index worker can label quotes
// where it analyses them; the outline (features/symbols.ts) uses these too.
import type { Quote } from '../analysis';

const LEADING_MARKS = /^[\s“”"«»„‘’'‹›‚]+/u;
const TRAILING_MARKS = /[\s“”"«»„‘’'‹›‚]+$/u;

/** A quote's opening words, marks removed: its name in outlines and symbol lists. */
export function openingWords(text: string, maxWords = 8, maxChars = 60): string {
  // Only the head matters; long quotes are not scanned whole.
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const complete = head.length === text.length;
  let inner = head.replace(LEADING_MARKS, '');
  if (complete) inner = inner.replace(TRAILING_MARKS, '');
  inner = inner.replace(/\s+/g, ' ');
  let out = inner.split(' ').slice(0, maxWords).join(' ');
  if (out.length > maxChars) out = out.slice(0, maxChars - 1).trimEnd();
  if (!out) return text.trim() || text;
  return out.length < inner.length || !complete ? `${out}…` : out;
}

/** The speaker's canonical name, or what an unattributed quote is. */
export function speakerLabel(q: Pick<Quote, 'speaker' | 'kind'>): string {
  return q.speaker ? q.speaker.name : q.kind === 'term' ? 'term' : 'unattributed';
}

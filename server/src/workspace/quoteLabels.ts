// What a quote is called in symbol lists and the outline: its opening words and its
// speaker label. Kept free of any protocol import so the index worker can label quotes
// where it analyses them; the outline (features/symbols.ts) uses these too.
import type { Quote } from '../analysis';
import { isSpaceCode } from '../analysis/text';

/** Quote marks stripped from both ends of a quote's text (whitespace too). */
const MARKS = new Set([...'“”"«»„‘’\'‹›‚'].map((c) => c.charCodeAt(0)));

const isMark = (c: number) => isSpaceCode(c) || MARKS.has(c);

/**
 * A quote's opening words, marks removed: its name in outlines and symbol lists. The
 * head of the text, outer marks stripped, whitespace runs read as one space: its first
 * `maxWords` words (at most `maxChars` characters), with '…' when the quote goes on.
 * One scan of at most the words it keeps: the index names every quote of every file.
 */
export function openingWords(text: string, maxWords = 8, maxChars = 60): string {
  // Only the head matters; long quotes are not scanned whole.
  const headLength = Math.min(text.length, maxChars * 4);
  const complete = headLength === text.length;
  let start = 0;
  while (start < headLength && isMark(text.charCodeAt(start))) start++;
  let end = headLength;
  if (complete) while (end > start && isMark(text.charCodeAt(end - 1))) end--;
  // The words, whitespace runs read as one space, until the space before word maxWords + 1.
  let out = '';
  let words = 1;
  let cut = false; // whether the head goes on after `out`
  for (let i = start; i < end; ) {
    let j = i;
    while (j < end && !isSpaceCode(text.charCodeAt(j))) j++;
    out += text.slice(i, j);
    if (j === end) break;
    if (words === maxWords) {
      cut = true;
      break;
    }
    words++;
    out += ' ';
    while (j < end && isSpaceCode(text.charCodeAt(j))) j++;
    i = j;
  }
  let shown = out;
  if (shown.length > maxChars) shown = shown.slice(0, maxChars - 1).trimEnd();
  if (!shown) return text.trim() || text;
  return shown.length < out.length || cut || !complete ? `${shown}…` : shown;
}

/** The speaker's canonical name, or what an unattributed quote is. */
export function speakerLabel(q: Pick<Quote, 'speaker' | 'kind'>): string {
  return q.speaker ? q.speaker.name : q.kind === 'term' ? 'term' : 'unattributed';
}

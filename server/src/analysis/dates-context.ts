// Which way a bare date points ("Friday", "April", "March 5"): the tense of the
// clause around it. News mostly reports the recent past, so a date with no
// tense cue is read as past; a future cue ("will", "is scheduled to") next to
// it reads it as the coming one.

export type Tense = 'past' | 'future' | null;

// The cue words, lower-case. A word is a cue by its lower-case form, except that "-ed"
// forms count only as written in lower case (see classify).
const FUTURE = words("will won't won’t shall would could might going plan plans planning planned scheduled expected expect expects expecting due upcoming next coming soon begin begins start starts expire expires open opens resume resumes payable effective ahead");
const PAST = words("was wasn't wasn’t were weren't weren’t had hadn't hadn’t did didn't didn’t ago last earlier previously since said told began came went took gave made met fell rose left won lost held died found saw sent ran broke struck killed became set brought bought sought thought fought caught taught spoke wrote chose drove grew knew threw flew drew shot hit cut put quit led fled paid laid sold stood understood rang sang got kept felt heard meant spent built swore wore tore woke ate arose forgot hid bit slid sank spun overcame withdrew undertook forbade");
// Words ending in -ed that speak of the future, or are adjectives more often than verbs.
const NOT_PAST = words('planned scheduled expected proposed intended needed related based united red bed shed hundred indeed speed need feed seed proceed succeed exceed led');
const ADJECTIVE_CONTEXT = words('a an the this that its his her their our still newly so-called very more most less un');

function words(list: string): Set<string> {
  return new Set(list.split(' '));
}

/**
 * A number for a word's length and first three characters, letters in any case (every cue
 * word has three or more): most words are no cue, and this tells so without a string.
 */
const shapeOf = (text: string, s: number, len: number): number =>
  ((len * 31 + (text.charCodeAt(s) | 0x20)) * 31 + (text.charCodeAt(s + 1) | 0x20)) * 31 + (text.charCodeAt(s + 2) | 0x20);
const CUE_SHAPES = new Set([...FUTURE, ...PAST].map((w) => shapeOf(w, 0, w.length)));

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isLowerLetter = (c: number) => c >= 97 && c <= 122;

/**
 * The tense a word [s, e) of text gives ("will", "said", "reported"), or null. A word is ASCII
 * letters with an optional apostrophe and lower-case ending ("won't", "they'll").
 */
function classify(text: string, s: number, e: number): Tense {
  const len = e - s;
  const last = text.charCodeAt(e - 1);
  // "they'll", "we’ll"
  if (len >= 4 && last === 108 && text.charCodeAt(e - 2) === 108 && isApostrophe(text.charCodeAt(e - 3))) return 'future';
  const cue = len >= 3 && CUE_SHAPES.has(shapeOf(text, s, len));
  // A regular past form is written in lower case: "reported" (not "United").
  const ed = len >= 5 && last === 100 && text.charCodeAt(e - 2) === 101 && isLowerAsciiWord(text, s, e);
  if (!cue && !ed) return null;
  const word = text.slice(s, e);
  const lower = word.toLowerCase();
  if (FUTURE.has(lower)) return 'future';
  if (PAST.has(lower)) return 'past';
  if (ed && !NOT_PAST.has(lower)) return 'past';
  return null;
}

const isApostrophe = (c: number) => c === 39 || c === 0x2019;

function isLowerAsciiWord(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isLowerLetter(text.charCodeAt(i))) return false;
  return true;
}

/** Whether text[s, e) is `word` (lower case) in any case. */
function isWord(text: string, s: number, e: number, word: string): boolean {
  if (e - s !== word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(s + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The tense cue nearest to text[start, end) within its sentence, looking at most
 * `reach` characters either side; null when there is none.
 */
export function tenseAt(text: string, start: number, end: number, reach = 120): Tense {
  const from = sentenceStart(text, start, reach);
  const to = sentenceEnd(text, end, reach);
  const n = text.length;
  let best: Tense = null;
  let bestDistance = Infinity;
  // The word before (outside the date), as offsets; -1 before the first.
  let prevS = -1, prevE = -1;
  let i = from;
  for (;;) {
    // Words: ASCII letters, then optionally an apostrophe and lower-case letters ("won't").
    while (i < n && !isLetter(text.charCodeAt(i))) i++;
    if (i >= n || i >= to) break;
    const ws = i;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isLowerLetter(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isLowerLetter(text.charCodeAt(i))) i++;
    }
    const we = i;
    if (ws >= start && ws < end) continue;
    // Words after the date only get further away: none of them can beat a nearer cue.
    if (ws >= end && (ws - end) * 1.5 > bestDistance) break;
    // "will be held", "to be paid": a participle after "be" keeps the modal's tense.
    // "a still unspecified date", "the revised plan": an -ed word after a determiner is an adjective.
    // (The word itself first: most words are no cue, and then the word before does not matter.)
    let t = classify(text, ws, we);
    if (t && prevS >= 0 && (isWord(text, prevS, prevE, 'be') || isWord(text, prevS, prevE, 'being') || (endsWithEd(text, ws, we) && adjectiveContext(text, prevS, prevE)))) t = null;
    prevS = ws;
    prevE = we;
    if (!t) continue;
    // Cues before the date count a little more: "will meet Friday", "said Friday it would".
    const distance = ws < start ? start - we : (ws - end) * 1.5;
    if (distance < bestDistance || (distance === bestDistance && t === 'past')) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

function endsWithEd(text: string, s: number, e: number): boolean {
  return e - s >= 2 && text.charCodeAt(e - 1) === 100 && text.charCodeAt(e - 2) === 101;
}

function adjectiveContext(text: string, s: number, e: number): boolean {
  return e - s <= 8 && ADJECTIVE_CONTEXT.has(text.slice(s, e).toLowerCase());
}

/** JavaScript's \s for one UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether the letters just before i (looking back at most 4 characters, not before lo) are 3 or more: a word, not "Mr" or "U.S". */
function wordBefore(text: string, i: number, lo: number): boolean {
  let k = i;
  const stop = Math.max(lo, i - 4);
  while (k > stop && isLetter(text.charCodeAt(k - 1))) k--;
  return i - k >= 3;
}

// A sentence ends at . ! ? followed by a space and a capital or a quote; "Sept. 11"
// and "Mr. Smith" don't matter much here, as the window is bounded anyway.
function sentenceStart(text: string, start: number, reach: number): number {
  const lo = Math.max(0, start - reach);
  for (let i = start - 1; i > lo; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) && wordBefore(text, i, lo)) return i + 1;
    if (c === 10) return i + 1;
  }
  return lo;
}

function sentenceEnd(text: string, end: number, reach: number): number {
  const hi = Math.min(text.length, end + reach);
  for (let i = end; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 59 || c === 10) return i;
    if (c === 46 && i + 1 < text.length && isSpace(text.charCodeAt(i + 1)) && wordBefore(text, i, 0)) return i;
  }
  return hi;
}

// Dates normalised against the publication date. CONTRACT:
//  detectDates(paragraphText, referenceDate): offsets local to the paragraph text.
//
// Hand-written rules rather than a general date parser: one scan finds the
// words a date hangs on (a month or weekday name, a year, "yesterday", "week",
// a holiday), and a small rule per kind reads the words around it ("the end of
// February", "December 12 last year", "two weeks ago"). This is fast enough for
// a 1 MB article typed in live, and keeps the news conventions explicit: a bare
// "Saturday" or "April" is read by the tense of its clause, past by default.
// Durations ("for two years"), sets ("every Monday"), decades ("the 1990s") and
// "now" give no date. Without a reference date only dates that name their year
// get a value.
import * as calendar from './dates-calendar';
import type { Ymd } from './dates-calendar';
import * as context from './dates-context';
import type { Tense } from './dates-context';
import * as lexicon from './dates-lexicon';
import * as textHelpers from './text';
import type { DateMention } from './types';

// Copied to module constants: an unbundled build (tests, the bench) reads an imported
// binding through a getter on every call.
const {
  addDays, dayNumber, easterSunday, formatDay, formatMonth, formatMonthIndex, formatWeek, formatYear,
  isoWeekday, isRealDay, monthIndex, nthWeekdayOfMonth, parseYmd,
} = calendar;
const { tenseAt } = context;
const {
  COUNT_RE, countValue, isFullMonthName, MONTH_RE, monthNumber, ORDINAL_WORD_RE, ordinalWordValue, POSITION_RE, positionValue,
  SPOKEN_YEAR_RE, spokenYearValue, WEEKDAY_RE, weekdayNumber,
} = lexicon;
const { isSpaceCode } = textHelpers;

/** A recognised expression; value null marks words that are no date ("every Monday") and block others. */
interface Found {
  start: number;
  end: number;
  value: string | null;
  /** "that year", "the next day": counted from the date mentioned before it in the paragraph. */
  anaphor?: Anaphor;
  /** A month or day whose year was guessed: a range's end may tell it ("September 27 – November 10, 2020"). */
  yearless?: boolean;
}

interface Anaphor {
  unit: 'day' | 'month' | 'year';
  shift: number;
}

interface Scan {
  text: string;
  ref: Ymd | null;
  found: Found[];
}

/** Which way to resolve a date without a year: as written ("last", "next", "this") or by context. */
type Direction = 'past' | 'future' | 'this' | 'auto';

const HOLIDAY_RE = `(?:Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year['’]s(?:\\s+(?:Day|Eve))?|Thanksgiving(?:\\s+Day)?|Easter(?:\\s+(?:Sunday|Monday|week))?|Good\\s+Friday|Halloween|Valentine['’]s\\s+Day|Election\\s+Day)(?![A-Za-z])`;
const DAYWORD_RE = `(?:[Tt]oday|TODAY|[Tt]onight|[Yy]esterday|YESTERDAY|[Tt]omorrow)(?![A-Za-z])`;
const UNIT_RE = `(?:[Ww]eek(?:end)?|[Mm]onth|[Yy]ear|[Dd]ay)s?(?![A-Za-z])`;

// The words a date hangs on. No named groups: they make the scan three times slower;
// headKind() tells the alternatives apart from the matched text instead.
// One \b before the alternatives (not one per alternative) lets the engine screen positions faster.
const HEAD = new RegExp(`\\b(?:${[
  `\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}\\b|\\d{1,2}[./]\\d{1,2}[./]\\d{4}\\b`,
  MONTH_RE,
  WEEKDAY_RE,
  `(?:1[6-9]|20|21)\\d\\d\\b`,
  DAYWORD_RE,
  UNIT_RE,
  HOLIDAY_RE,
  `(?:[Nn]ineteen|[Ee]ighteen|[Tt]wo\\s+thousand)\\b`,
].join('|')})`, 'g');

type HeadKind = 'iso' | 'year' | 'month' | 'weekday' | 'dayword' | 'unit' | 'holiday' | 'spoken';

function headKind(word: string): HeadKind {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return word.length > 4 ? 'iso' : 'year';
  if (monthNumber(word)) return 'month';
  if (weekdayNumber(word)) return 'weekday';
  if (/^(?:today|tonight|yesterday|tomorrow)$/i.test(word)) return 'dayword';
  if (/^(?:week|weekend|month|year|day)s?$/i.test(word)) return 'unit';
  if (/^(?:nineteen|eighteen|two\s+thousand)$/i.test(word)) return 'spoken';
  return 'holiday';
}

/** A word head with its kind, its month or weekday number and its lower-case form. */
interface WordHead {
  kind: HeadKind;
  number: number;
  lower: string;
  /** A month name written in full. */
  full: boolean;
}

// The same few words ("March", "Friday", "year") head most dates: read each once. Digits
// (years, numeric dates) are many and cheap to tell apart, so they stay out.
const wordHeads = new Map<string, WordHead>();
const WORD_HEADS_SIZE = 1024;

function wordHead(word: string): WordHead {
  let h = wordHeads.get(word);
  if (h === undefined) {
    const kind = headKind(word);
    const number = kind === 'month' ? monthNumber(word) : kind === 'weekday' ? weekdayNumber(word) : 0;
    h = { kind, number, lower: word.toLowerCase(), full: kind === 'month' && isFullMonthName(word) };
    if (wordHeads.size >= WORD_HEADS_SIZE) wordHeads.clear();
    wordHeads.set(word, h);
  }
  return h;
}

export function detectDates(paragraphText: string, referenceDate: string | null): DateMention[] {
  const scan: Scan = { text: paragraphText, ref: referenceDay(referenceDate), found: [] };
  const re = HEAD; // shared: detectDates never re-enters itself
  re.lastIndex = 0;
  for (let m = re.exec(paragraphText); m; m = re.exec(paragraphText)) {
    const s = m.index;
    const e = s + m[0].length;
    const foundBefore = scan.found.length;
    const c = m[0].charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (m[0].length > 4) isoAt(scan, s, e);
      else yearAt(scan, s, e, +m[0]);
    } else {
      const h = wordHead(m[0]);
      switch (h.kind) {
        case 'month': monthAt(scan, s, e, h.number, h.full); break;
        case 'weekday': weekdayAt(scan, s, e, h.number); break;
        case 'dayword': daywordAt(scan, s, e, h.lower); break;
        case 'unit': unitAt(scan, s, e, h.lower); break;
        case 'spoken': spokenYearAt(scan, s); break;
        default: holidayAt(scan, s, e, m[0]);
      }
    }
    // Don't re-read words a rule has just consumed ("2020" in "November 9, 2020").
    for (let i = foundBefore; i < scan.found.length; i++) re.lastIndex = Math.max(re.lastIndex, scan.found[i].end);
  }
  return finalize(paragraphText, scan.found);
}

// ---------------------------------------------------------------- helpers

// The reference date is the same for every paragraph of a file: parse it once.
let lastReference: { iso: string | null; day: Ymd | null } = { iso: null, day: null };
function referenceDay(iso: string | null): Ymd | null {
  if (iso !== lastReference.iso) lastReference = { iso, day: parseYmd(iso) };
  return lastReference.day;
}

/**
 * A pattern matched at a position, with the characters it can begin with: most positions
 * fail that test and cost no regular-expression call. For a pattern that can match the
 * empty string, a failed test gives null where the pattern would give "".
 */
interface Sticky {
  re: RegExp;
  first: (c: number) => boolean;
}
const sticky = (source: string, flags = '', first: (c: number) => boolean = () => true): Sticky => ({ re: new RegExp(source, `y${flags}`), first });
const atEnd = (source: string, flags = ''): RegExp => new RegExp(`(?:${source})$`, flags);

/** Matches `p` at position `at`. */
function after(p: Sticky, text: string, at: number): RegExpExecArray | null {
  if (at >= text.length || !p.first(text.charCodeAt(at))) return null;
  p.re.lastIndex = at;
  return p.re.exec(text);
}

// First characters for Sticky patterns.
const isSpace = isSpaceCode;
const spaceOr = (...chars: string[]) => {
  const codes = chars.map((ch) => ch.charCodeAt(0));
  return (c: number) => isSpace(c) || codes.includes(c);
};
const isDigitCode = (c: number) => c >= 48 && c <= 57;

/** Matches `re` (anchored with $) against the text just before `at`. */
function before(re: RegExp, text: string, at: number, reach = 60): RegExpExecArray | null {
  return re.exec(text.slice(Math.max(0, at - reach), at));
}

const PLURAL_NOUN = sticky(`\\s+(?!(?:is|was|has|as|its|this|his|us|versus|plus|whereas|thus|does|goes)\\b)[a-z]{2,}s\\b`, '', isSpace);

/** Whether a plural noun follows: "2000 troops", "nineteen ninety people". */
function pluralNounAt(text: string, at: number): boolean {
  return !!after(PLURAL_NOUN, text, at);
}

const STARTS_CAPITAL = /^[A-Z]/;

/** "This Week" (a programme), "VOA Today": a capitalised word inside a sentence is a name. */
function isTitleInSentence(text: string, start: number, end: number): boolean {
  const words = text.slice(start, end).split(/\s+/);
  for (const w of words) if (!STARTS_CAPITAL.test(w)) return false;
  return words.length > 1 || /[\p{L}\p{N},]\s*$/u.test(text.slice(Math.max(0, start - 3), start));
}

function push(scan: Scan, start: number, end: number, value: string | null, extra?: Pick<Found, 'anaphor' | 'yearless'>): void {
  // One object shape for all findings keeps the hot path monomorphic.
  scan.found.push({ start, end, value, anaphor: extra?.anaphor, yearless: extra?.yearless });
}

/** Picks the year of a month (or month-day) that has none, relative to the reference. */
function pickYear(scan: Scan, start: number, end: number, month: number, day: number | null, direction: Direction): number | null {
  const ref = scan.ref;
  if (!ref) return null;
  if (direction === 'this') return ref.year;
  const tense: Tense = direction === 'past' ? 'past' : direction === 'future' ? 'future' : tenseAt(scan.text, start, end);
  const strict = direction !== 'auto';
  let best: number | null = null;
  let bestCost = Infinity;
  for (let year = ref.year - 1; year <= ref.year + 1; year++) {
    if (day !== null && !isRealDay(year, month, day)) continue;
    // Distance in days for a day, in months (as 30 days) for a month.
    const d = day !== null
      ? dayNumber({ year, month, day }) - dayNumber(ref)
      : (monthIndex(year, month) - monthIndex(ref.year, ref.month)) * 30;
    // "last April" and "next March" are strict; a tense only weighs the distance:
    // "payable Dec. 7" in late October is December to come even after a past verb.
    let cost: number;
    if (strict && tense === 'future') cost = d > 0 ? d : Infinity;
    else if (strict) cost = d < 0 ? -d : Infinity;
    else if (tense === 'future') cost = d >= 0 ? d : -d * 4;
    else if (tense === 'past') cost = d <= 0 ? -d : d * 4;
    else cost = d > 0 ? d * 2 : -d;
    if (cost < bestCost) {
      bestCost = cost;
      best = year;
    }
  }
  return best;
}

function dayValue(year: number | null, month: number, day: number): string | null {
  if (year === null || !isRealDay(year, month, day)) return null;
  return formatDay({ year, month, day });
}

// ---------------------------------------------------------------- numeric dates

function isoAt(scan: Scan, s: number, e: number): void {
  const parts = scan.text.slice(s, e).split(/[-./]/).map(Number);
  let year: number, month: number, day: number;
  if (parts[0] > 999) [year, month, day] = parts; // 2020-11-09, 2020/11/09
  // 09.11.2020 is day first, as Europe writes it; 11/09/2020 month first, as US wires do,
  // unless the first number can't be a month (25/12/2020).
  else if (scan.text[s + String(parts[0]).length] === '.' || parts[0] > 12) [day, month, year] = parts;
  else [month, day, year] = parts;
  push(scan, s, e, isRealDay(year, month, day) ? formatDay({ year, month, day }) : null);
}

// ---------------------------------------------------------------- month names

const DAY_NUM = `(?<!\\d)([12]?\\d|3[01])(?:st|nd|rd|th)?(?!\\d|:\\d|\\s*%|,\\d)`;
const MONTH_DAY = sticky(`\\.?\\s*(?:the\\s+)?${DAY_NUM}`, '', (c) => isDigitCode(c) || isSpace(c) || c === 46 || c === 116);
const MONTH_ORDINAL_DAY = sticky(`\\s+(?:the\\s+)?(${ORDINAL_WORD_RE})\\b`, 'i', isSpace);
const SECOND_DAY = sticky(`(\\s*(?:-|–|—|and|or|to|through|&)\\s*)${DAY_NUM}`, '', spaceOr('-', '–', '—', 'a', 'o', 't', '&'));
const YEAR_AFTER = sticky(`(?:\\s*,\\s*|\\s+)(?:of\\s+)?((?:1[6-9]|20|21)\\d\\d)(?![\\d%])`, '', spaceOr(','));
const SPOKEN_YEAR_AFTER = sticky(`\\s+(${SPOKEN_YEAR_RE})\\b`, 'i', isSpace);
const RELATIVE_YEAR_AFTER = sticky(`\\s*,?\\s+(this|last|next)\\s+year\\b`, 'i', spaceOr(','));
const FIRST_DAY_BEFORE = atEnd(`(?<![\\d.,])\\b([12]?\\d|3[01])(st|nd|rd|th)?\\s*(?:-|–|—|and|or|to|&)\\s*`);
const DAY_BEFORE_MONTH = atEnd(`\\b(?:the\\s+)?(?<!\\d)([12]?\\d|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?`);
const ORDINAL_BEFORE_MONTH = atEnd(`\\b(?:the\\s+)?(${ORDINAL_WORD_RE})\\s+(?:of\\s+)?`, 'i');
const WEEK_OF_MONTH = atEnd(`\\bthe\\s+(${POSITION_RE})\\s+week\\s+of\\s+`, 'i');
const WEEK_OF_DAY = atEnd(`\\bthe\\s+week\\s+of\\s+`, 'i');
const MONTH_MODIFIER = atEnd(`\\b(?:(?:early|late|mid|(?:the\\s+)?(?:end|beginning|start|middle|rest)\\s+of)[\\s-]*)?(?:(last|next|this|this\\s+coming|coming|past)\\s+)?`, 'i');
/** The words a non-empty MONTH_MODIFIER match ends with, before its spaces and hyphens. */
const MONTH_MODIFIER_ENDS = ['early', 'late', 'mid', 'of', 'last', 'next', 'this', 'coming', 'past'];

/**
 * MONTH_MODIFIER before `at` when it matches something: null when it matches nothing or
 * only the empty string. Most months have none of its words just before them, and then
 * need no match.
 */
function monthModifier(text: string, at: number): RegExpExecArray | null {
  if (!endsWithCue(text, at, 60, MONTH_MODIFIER_ENDS, true)) return null;
  const mod = before(MONTH_MODIFIER, text, at);
  return mod && mod[0] ? mod : null;
}

/**
 * A necessary condition for a pattern anchored before `at` (within `reach`) that ends with
 * one of `words` and then white space (at least one character, or any number of spaces and
 * hyphens when `hyphens`): whether the text before `at` has that shape.
 */
function endsWithCue(text: string, at: number, reach: number, words: readonly string[], hyphens = false): boolean {
  const lo = Math.max(0, at - reach);
  let k = at;
  while (k > lo && (isSpace(text.charCodeAt(k - 1)) || (hyphens && text.charCodeAt(k - 1) === 45))) k--;
  if (!hyphens && k === at) return false;
  for (const w of words) if (endsWithWord(text, lo, k, w)) return true;
  return false;
}

/** Whether text[lo, k) ends with `word` (lower-case letters), in any case. */
function endsWithWord(text: string, lo: number, k: number, word: string): boolean {
  if (k - lo < word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(k - word.length + i) | 0x20) !== word.charCodeAt(i)) return false;
  return true;
}
// Words after which a bare month reads as a date, not a name or a verb ("in May").
const MONTH_CUE = atEnd(`\\b(?:in|on|since|until|till|by|from|to|through|during|before|after|of|for|between|and|or|since|last|next|this|early|late|mid|end|beginning|start|middle|until|as\\s+of|each|every)[\\s-]+`, 'i');
const SET_BEFORE = atEnd(`\\b(?:every|each)\\s+`, 'i');

/** A month name at [s, e), `full` when written in full ("May", not "Jun."). */
function monthAt(scan: Scan, s: number, e: number, month: number, full: boolean): void {
  const { text } = scan;
  const abbreviated = !full;
  let start = s;
  let end = e;
  let day: number | null = null;
  let year: number | null = null;
  let secondDay: { start: number; end: number; day: number } | null = null;
  let firstEnd = e;
  let firstDay: { start: number; end: number; day: number } | null = null;

  const md = after(MONTH_DAY, text, e);
  const mo = md ? null : after(MONTH_ORDINAL_DAY, text, e);
  if (md) {
    day = +md[1];
    end = firstEnd = e + md[0].length;
    const second = after(SECOND_DAY, text, end);
    if (second && +second[2] > day) {
      const from = end + second[1].length;
      secondDay = { start: from, end: end + second[0].length, day: +second[2] };
      end = secondDay.end;
    }
  } else if (mo) {
    day = ordinalWordValue(mo[1]);
    end = e + mo[0].length;
  } else {
    const dm = before(DAY_BEFORE_MONTH, text, s) ?? before(ORDINAL_BEFORE_MONTH, text, s);
    if (dm) {
      day = /^\d/.test(dm[1]) ? +dm[1] : ordinalWordValue(dm[1]);
      start = s - dm[0].length;
      // "10 and 12 April", "25-27 March": the first day of the pair.
      const first = before(FIRST_DAY_BEFORE, text, start, 16);
      if (first && +first[1] < day) {
        const at = start - first[0].length;
        firstDay = { start: at, end: at + first[1].length + (first[2]?.length ?? 0), day: +first[1] };
      }
    }
  }
  const y = after(YEAR_AFTER, text, end);
  const sy = y ? null : after(SPOKEN_YEAR_AFTER, text, end);
  if (y) {
    year = +y[1];
    end += y[0].length;
  } else if (sy) {
    year = spokenYearValue(sy[1]);
    end += sy[0].length;
  } else {
    const rel = after(RELATIVE_YEAR_AFTER, text, end);
    if (rel && scan.ref) {
      year = scan.ref.year + ({ this: 0, last: -1, next: 1 } as Record<string, number>)[rel[1].toLowerCase()];
      end += rel[0].length;
    }
  }

  // "the first week of April", "the week of March 6": a week.
  const weekOf = day === null ? before(WEEK_OF_MONTH, text, start) : null;
  const weekOfDay = day !== null && !secondDay ? before(WEEK_OF_DAY, text, start) : null;

  if (day === null && year === null) {
    // A bare month: only where it reads as a date.
    if (abbreviated) return;
    if (before(SET_BEFORE, text, s)) return push(scan, s, e, null);
    const cue = before(MONTH_CUE, text, s);
    const ambiguous = month === 5 || month === 3 || month === 8;
    if (ambiguous && !cue) return;
    // "April Smith", "Tropical Storm June": a name.
    if (/^\s+[A-Z][a-z]/.test(text.slice(e, e + 3)) && !cue) return;
  }

  let direction: Direction = 'auto';
  const yearless = year === null;
  if (year === null) {
    const mod = monthModifier(text, start);
    if (mod && mod[0]) {
      start -= mod[0].length;
      const which = mod[1]?.toLowerCase().replace(/\s+/g, ' ');
      if (which === 'last' || which === 'past') direction = 'past';
      else if (which === 'next' || which === 'coming' || which === 'this coming') direction = 'future';
      else if (which === 'this') direction = 'this';
    }
    year = pickYear(scan, start, end, month, day, direction);
  } else {
    const mod = monthModifier(text, start);
    if (mod && mod[0] && !mod[1]) start -= mod[0].length;
  }

  if (weekOf) {
    const n = positionValue(weekOf[1]);
    const value = year === null ? null : formatWeek(nthWeekdayOfMonth(year, month, 1, n));
    return push(scan, start - weekOf[0].length, end, value);
  }
  if (day !== null) {
    if (firstDay) push(scan, firstDay.start, firstDay.end, dayValue(year, month, firstDay.day), { yearless });
    if (secondDay) {
      push(scan, start, firstEnd, dayValue(year, month, day), { yearless });
      push(scan, secondDay.start, end, dayValue(year, month, secondDay.day), { yearless });
      return;
    }
    const value = dayValue(year, month, day);
    if (weekOfDay) return push(scan, start - weekOfDay[0].length, end, value && year !== null ? formatWeek({ year, month, day }) : null);
    return push(scan, start, end, value, { yearless });
  }
  push(scan, start, end, year === null ? null : formatMonth(year, month), { yearless });
}

// ---------------------------------------------------------------- weekdays

// Named days that are no date of this week: "Bloody Sunday", "Black Friday"; papers: "the Sunday Times".
const NAMED_WEEKDAY_BEFORE = atEnd(`\\b(?:Black|Bloody|Super|Cyber|Palm|Ash|Holy|Maundy|Shrove|Whit|Low|Giving)\\s+`);
const NAMED_WEEKDAY_AFTER = sticky(`\\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Observer|Independent|Mail|Star|Tribune|Night\\s+Football|Evening\\s+Post|Bloody\\s+Sunday)\\b`, '', isSpace);
/** The words WEEKDAY_LEFT and UNIT_LEFT end with, before their white space. */
const WEEKDAY_LEFT_ENDS = ['every', 'each', 'alternate', 'most', 'all', 'last', 'next', 'past', 'this', 'coming', 'previous', 'following', 'early', 'late', 'earlier', 'later', 'before', 'after'];
const UNIT_LEFT_ENDS = ['past', 'this', 'last', 'next', 'current', 'coming', 'previous', 'following', 'same', 'that', 'full', 'whole', 'entire', 'the', 'fiscal', 'financial', 'calendar'];
const WEEKDAY_LEFT = atEnd(`\\b(?:(every|each|on\\s+alternate|most|all)|(?:the\\s+)?(last|next|this\\s+past|this|this\\s+coming|coming|previous|following|early|late|earlier|later)|the\\s+day\\s+(before|after)\\s+(last|next)?)\\s+`, 'i');
const WEEKDAY_RIGHT = sticky(`(?:['’]s)?(?:\\s+(?:morning|afternoon|evening|night|noon|overnight))?`, 'i', spaceOr("'", '’'));

function weekdayAt(scan: Scan, s: number, e: number, weekday: number): void {
  const { text, ref } = scan;
  if (before(NAMED_WEEKDAY_BEFORE, text, s, 12) || after(NAMED_WEEKDAY_AFTER, text, e)) return;
  let start = s;
  let end = e + (after(WEEKDAY_RIGHT, text, e)?.[0].length ?? 0);
  const left = endsWithCue(text, s, 60, WEEKDAY_LEFT_ENDS) ? before(WEEKDAY_LEFT, text, s) : null;
  let direction: Direction = 'auto';
  let shift = 0;
  if (left) {
    if (left[1]) return push(scan, start - left[0].length, end, null);
    const word = (left[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
    if (word === 'following') return push(scan, s - left[0].length, end, null);
    if (word === 'last' || word === 'previous' || word === 'this past') direction = 'past';
    else if (word === 'next' || word === 'coming' || word === 'this coming') direction = 'future';
    else if (word === 'this') direction = 'this';
    if (left[3]) {
      shift = left[3].toLowerCase() === 'before' ? -1 : 1;
      if (left[4]) direction = left[4].toLowerCase() === 'last' ? 'past' : 'future';
    }
    start = s - left[0].length;
  }
  if (!ref) return push(scan, start, end, null);
  const delta = (weekday - isoWeekday(ref) + 7) % 7;
  let offset: number;
  if (direction === 'this') offset = weekday - isoWeekday(ref);
  else if (direction === 'past') offset = delta === 0 ? -7 : delta - 7;
  else if (direction === 'future') offset = delta === 0 ? 7 : delta;
  else if (delta === 0) offset = 0;
  // "Wednesday's ruling" names a past event; otherwise the tense of the clause decides.
  else if (/^['’]s\b/.test(text.slice(e, e + 3))) offset = delta - 7;
  else offset = tenseAt(text, s, e) === 'future' ? delta : delta - 7;
  push(scan, start, end, formatDay(addDays(ref, offset + shift)));
}

// ---------------------------------------------------------------- years

// A four-digit number that is a quantity, a decade or a time, not a year ("1990-91" and
// "2021-2022" are years).
const YEAR_NOT_BEFORE = atEnd(`(?:[$£€#\\d]|\\d[,.]|\\bNos?\\.\\s*|№\\s*|\\b(?:number|page|route|flight|room|resolution|article|paragraph|point|section|chapter|item|unit|code|model|version|decree|order|rule|at|about|some|nearly|almost|approximately|roughly|than|up\\s+to)\\s+)`, 'i');
const YEAR_NOT_AFTER_FIRST = spaceOr('s', '%', 'p', ',', '.', '-', '–', 'G', 'U', 'h');
const YEAR_NOT_AFTER = sticky(`(?:s\\b|\\s*%|\\s*percent|[,.]\\d|\\d|[-–](?!\\d\\d\\b|(?:1[6-9]|20|21)\\d\\d\\b)\\d|\\s*(?:GMT|UTC|hours|hrs|h)\\b)`, '', (c) => isDigitCode(c) || YEAR_NOT_AFTER_FIRST(c));
// "2000 troops" is a count, "the 1996 elections" a year: a plural noun after a bare number.
const DETERMINER_BEFORE = atEnd(`\\b(?:the|a|an|its|his|her|their|our|your|my|that|this|these|those|whose)\\s+(?:[a-z]+\\s+)?|['’]s\\s+|[-–]`, 'i');
const THE_BEFORE = atEnd(`\\bthe\\s+`, 'i');
const YEAR_LEFT = atEnd(`\\b(?:(?:early|late|mid|pre|post|fiscal|calendar|the\\s+(?:end|beginning|start|middle|rest)\\s+of)[\\s-]*|FY\\s*)`, 'i');

function yearAt(scan: Scan, s: number, e: number, year: number): void {
  const { text } = scan;
  // "the 1990s", "the 1990's" are decades: say so, so that no rule reads "1990" in them.
  // "2023's budget" is a year.
  const decade = /^s\b/.test(text.slice(e, e + 2)) ? 1
    : /^['’]s\b/.test(text.slice(e, e + 3)) && year % 10 === 0 && before(THE_BEFORE, text, s, 8) ? 2 : 0;
  if (decade) return push(scan, s, e + decade, null);
  if (before(YEAR_NOT_BEFORE, text, s, 24) || after(YEAR_NOT_AFTER, text, e)) return;
  if (pluralNounAt(text, e) && !before(DETERMINER_BEFORE, text, s, 30)) return;
  const left = before(YEAR_LEFT, text, s, 30);
  push(scan, left ? s - left[0].length : s, e, formatYear(year));
}

const SPOKEN_YEAR = sticky(SPOKEN_YEAR_RE, 'i');
const YEAR_WORD_BEFORE = atEnd(`\\byear\\s+`, 'i');

function spokenYearAt(scan: Scan, s: number): void {
  const m = after(SPOKEN_YEAR, scan.text, s);
  if (!m) return;
  const year = spokenYearValue(m[0]);
  // "two thousand" is more often a count; only "the year two thousand" and a lone "two thousand" read as a year.
  if (/^two\s+thousand$/i.test(m[0]) && !before(YEAR_WORD_BEFORE, scan.text, s)) return;
  if (year === null || pluralNounAt(scan.text, s + m[0].length)) return;
  push(scan, s, s + m[0].length, formatYear(year));
}

// ---------------------------------------------------------------- today, yesterday, tomorrow

const GENERIC_TODAY = /^['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|children|generation|economy|markets?|standards|young|students|people|technology|environment|culture|life|families|computers|politics|media)\b/i;
const OF_BEFORE = atEnd(`\\bof\\s+`, 'i');
const DAYWORD_LEFT = atEnd(`\\b(?:(?:early|late|earlier|later)\\s+|the\\s+day\\s+(?:before|after)\\s+)`, 'i');
const DAYWORD_RIGHT = sticky(`(?:['’]s)?(?:\\s+(?:morning|afternoon|evening|night))?`, 'i', spaceOr("'", '’'));

function daywordAt(scan: Scan, s: number, e: number, word: string): void {
  const { text, ref } = scan;
  // "today's world", "the people of tomorrow", "VOA Today": no particular day.
  if (word === 'today' && GENERIC_TODAY.test(text.slice(e, e + 24))) return push(scan, s, e + 2, null);
  if (before(OF_BEFORE, text, s, 8) && word !== 'yesterday') return push(scan, s, e, null);
  if (isTitleInSentence(text, s, e)) return;
  const left = before(DAYWORD_LEFT, text, s, 30);
  const start = left ? s - left[0].length : s;
  const end = e + (after(DAYWORD_RIGHT, text, e)?.[0].length ?? 0);
  let offset = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
  if (left && /day\s+before/i.test(left[0])) offset--;
  if (left && /day\s+after/i.test(left[0])) offset++;
  push(scan, start, end, ref ? formatDay(addDays(ref, offset)) : null);
}

// ---------------------------------------------------------------- week, month, year as units

// "this week", "earlier this year", "the end of last month", "the past year", "the current fiscal year"
const UNIT_LEFT = atEnd(
  `(?:\\b(?<edge>early|late|mid|earlier|later)(?:[\\s-]+in)?[\\s-]+)?` +
  `(?:\\bthe\\s+(?<part>end|beginning|start|middle|rest|remainder|first\\s+half|second\\s+half)\\s+of\\s+)?` +
  `(?:\\b(?<prep>for|of|during|through|throughout|over|in)\\s+)?` +
  `\\b(?<det>this\\s+past|this|last|next|the\\s+next|the\\s+past|the\\s+last|the\\s+current|the\\s+coming|the\\s+previous|the\\s+following|the\\s+same|that\\s+same|that|the\\s+full|the\\s+whole|the\\s+entire|the)\\s+` +
  `(?:(?<fiscal>fiscal|financial|calendar)\\s+)?`, 'i');
const DAY_BEFORE_AFTER = sticky(`\\s+(before|after)(?=\\s*[,.;:)]|\\s*$)`, 'i', isSpace);
const ANAPHORIC_SHIFT: Record<string, number> = {
  that: 0, 'that same': 0, 'the same': 0, 'the following': 1, 'the next': 1, 'the previous': -1,
};
const isAnaphorUnit = (unit: string): unit is Anaphor['unit'] => unit === 'day' || unit === 'month' || unit === 'year';
const AGO_RIGHT = sticky(`\\s+(?:or\\s+so\\s+)?(ago|earlier|before|later|after)\\b`, 'i', isSpace);
const AGO_LEFT = atEnd(`\\b(?:(?:almost|nearly|about|some|more\\s+than|over|just|only|roughly|barely|less\\s+than|around|exactly)\\s+)?(${COUNT_RE})[\\s-]+`, 'i');
const COMPOUND_NOT_AFTER = atEnd(`\\b(?:this|last|next|each|every|\\d+)\\s*-?\\s*`, 'i');
const YEAR_COMPOUND = sticky(`(?:-|\\s+|['’]s\\s+)end\\b|-(?:earlier|ago)\\b`, 'i', spaceOr('-', "'", '’'));

function unitAt(scan: Scan, s: number, e: number, word: string): void {
  const { text, ref } = scan;
  const plural = word.endsWith('s');
  const unit = plural ? word.slice(0, -1) : word;

  // "two weeks ago", "a year earlier"
  const ago = after(AGO_RIGHT, text, e);
  const count = ago && before(AGO_LEFT, text, s, 40);
  if (ago && count) {
    const n = countValue(count[1]);
    const start = s - count[0].length;
    const end = e + ago[0].length;
    const dir = ago[1].toLowerCase();
    if (n === null) return push(scan, start, end, null);
    // "a year later", "two days earlier": from the date before. "A year earlier" in news
    // compares with a year ago ("up from $4 a year earlier"): from publication.
    if ((dir === 'later' || dir === 'earlier') && !(dir === 'earlier' && unit === 'year') && isAnaphorUnit(unit)) {
      return push(scan, start, end, null, { anaphor: { unit, shift: dir === 'later' ? n : -n } });
    }
    if (dir !== 'ago' && dir !== 'earlier') return push(scan, start, end, null); // "two days after the vote"
    if (!ref) return push(scan, start, end, null);
    return push(scan, start, end, shifted(ref, unit, -n));
  }

  if (unit === 'year' && !plural) {
    const compound = after(YEAR_COMPOUND, text, e);
    if (compound && ref && !before(COMPOUND_NOT_AFTER, text, s, 12)) {
      const value = /earlier|ago/i.test(compound[0]) ? ref.year - 1 : ref.year;
      return push(scan, s, e + compound[0].length, formatYear(value));
    }
  }

  const left = endsWithCue(text, s, 60, UNIT_LEFT_ENDS) ? before(UNIT_LEFT, text, s, 60) : null;
  if (!left) return;
  const g = left.groups!;
  const det = g.det.toLowerCase().replace(/\s+/g, ' ');
  // The preposition only told "for the year" from "the year": it is no part of the date.
  const start = s - left[0].length + (g.prep ? left[0].indexOf(g.prep) + g.prep.length + 1 : 0);
  if (plural) return push(scan, start, e, null); // "the past two years", "the last few weeks" (a duration)
  const shift = ANAPHORIC_SHIFT[det];
  // "the next year" with no date before it is the coming one, as "next year" ("over the next year or so").
  if (shift !== undefined && !(det === 'the next' && unit !== 'day')) {
    if (g.part || !isAnaphorUnit(unit)) return push(scan, start, e, null);
    return push(scan, start, e, null, { anaphor: { unit, shift } });
  }
  if (unit === 'day') {
    // "the day before," and "the day after." count from the date before; "the day before the vote" doesn't.
    const side = det === 'the' ? after(DAY_BEFORE_AFTER, text, e) : null;
    if (side) push(scan, start, e + side[0].length, null, { anaphor: { unit: 'day', shift: /before/i.test(side[1]) ? -1 : 1 } });
    return;
  }
  // "the year" alone is vague; "for the year", "earlier in the year" and "the weekend" are this one.
  if (isTitleInSentence(text, start, e)) return;
  if ((det === 'the' || det === 'the full' || det === 'the whole' || det === 'the entire') && !g.part && !g.fiscal
    && unit !== 'weekend' && !(unit === 'year' && (g.prep || g.edge || det !== 'the'))) return;
  if (det === 'the' && unit === 'year' && /^\s+(?:before|after|earlier|later|of|that|when|in\s+which|\d|two\s+thousand|nineteen)/i.test(text.slice(e, e + 16))) return;
  if (g.fiscal && unit !== 'year') return;
  if (!ref) return push(scan, start, e, null);
  let offset = 0;
  if (det === 'last' || det === 'the past' || det === 'the last' || det === 'this past') offset = -1;
  else if (det === 'next' || det === 'the next' || det === 'the coming') offset = 1;
  // "the past week" and "the last week" run up to today: this week.
  if ((det === 'the past' || det === 'the last') && unit === 'week') offset = 0;
  if (unit === 'weekend') return push(scan, start, e, weekendValue(scan, ref, s, e, det));
  push(scan, start, e, shifted(ref, unit, offset));
}

/** The TIMEX3 value of `ref` moved by n units, at that unit's granularity. */
function shifted(ref: Ymd, unit: string, n: number): string {
  switch (unit) {
    case 'day': return formatDay(addDays(ref, n));
    case 'week':
    case 'weekend': return formatWeek(addDays(ref, 7 * n));
    case 'month': return formatMonthIndex(monthIndex(ref.year, ref.month) + n);
    default: return formatYear(ref.year + n);
  }
}

/** "the weekend": the one just past in news, the coming one with a future verb. */
function weekendValue(scan: Scan, ref: Ymd, s: number, e: number, det: string): string {
  const wd = isoWeekday(ref);
  let saturday: Ymd;
  if (wd >= 6) saturday = addDays(ref, 6 - wd);
  else {
    const future = det === 'next' || det === 'the coming' || ((det === 'this' || det === 'the') && tenseAt(scan.text, s, e) === 'future');
    saturday = addDays(ref, future ? 6 - wd : -1 - wd);
  }
  if (det === 'last' && wd >= 6) saturday = addDays(saturday, -7);
  if (det === 'next' && wd >= 6) saturday = addDays(saturday, 7);
  return `${formatWeek(saturday)}-WE`;
}

// ---------------------------------------------------------------- holidays

const HOLIDAY_LEFT = atEnd(`\\b(last|next|this)\\s+`, 'i');

function holidayAt(scan: Scan, s: number, e: number, name: string): void {
  const key = name.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
  const left = before(HOLIDAY_LEFT, scan.text, s, 12);
  const start = left ? s - left[0].length : s;
  const y = after(YEAR_AFTER, scan.text, e);
  const end = y ? e + y[0].length : e;
  const dayIn = (year: number): Ymd => {
    if (key.startsWith('christmas eve')) return { year, month: 12, day: 24 };
    if (key.startsWith('christmas')) return { year, month: 12, day: 25 };
    if (key.startsWith("new year's eve")) return { year, month: 12, day: 31 };
    if (key.startsWith('new year')) return { year, month: 1, day: 1 };
    if (key.startsWith('thanksgiving')) return nthWeekdayOfMonth(year, 11, 4, 4);
    if (key.startsWith('halloween')) return { year, month: 10, day: 31 };
    if (key.startsWith('valentine')) return { year, month: 2, day: 14 };
    // US Election Day: the Tuesday after the first Monday of November.
    if (key.startsWith('election')) return addDays(nthWeekdayOfMonth(year, 11, 1, 1), 1);
    if (key.startsWith('good')) return addDays(easterSunday(year), -2);
    const easter = easterSunday(year);
    return key.endsWith('monday') ? addDays(easter, 1) : easter;
  };
  const week = key.endsWith('week');
  let year: number | null = y ? +y[1] : null;
  if (year === null && scan.ref) {
    const ref = scan.ref;
    const which = left?.[1].toLowerCase();
    const tense = which === 'last' ? 'past' : which === 'next' ? 'future' : which === 'this' ? null : tenseAt(scan.text, s, e);
    let bestCost = Infinity;
    for (let cand = ref.year - 1; cand <= ref.year + 1; cand++) {
      const d = dayNumber(dayIn(cand)) - dayNumber(ref);
      const cost = which === 'this' ? Math.abs(cand - ref.year)
        : which === 'last' ? (d < 0 ? -d : Infinity)
        : which === 'next' ? (d > 0 ? d : Infinity)
        : tense === 'future' ? (d >= 0 ? d : -4 * d) : tense === 'past' ? (d <= 0 ? -d : 4 * d) : d > 0 ? 2 * d : -d;
      if (cost < bestCost) {
        bestCost = cost;
        year = cand;
      }
    }
  }
  if (year === null) return push(scan, start, end, null);
  const day = dayIn(year);
  push(scan, start, end, week ? formatWeek(day) : formatDay(day));
}

// ---------------------------------------------------------------- output

/** "that year" after "in June 1998": 1998; "the next day" needs a day before it. */
function resolveAnaphor(anchor: string, { unit, shift }: Anaphor): string | null {
  const [y, m, d] = anchor.split('-').map(Number);
  if (unit === 'year') return formatYear(y + shift);
  if (unit === 'month') return m ? formatMonthIndex(monthIndex(y, m) + shift) : null;
  return d ? formatDay(addDays({ year: y, month: m, day: d }, shift)) : null;
}

const RANGE_GAP = /^\s*(?:-|–|—|to|until|till|through|and)\s*$/;

/** The first date of a range takes the year of its end, or the one before ("December 20 – January 5, 2021"). */
function yearFromRangeEnd(value: string, end: string): string {
  const year = +end.slice(0, 4);
  const same = formatYear(year) + value.slice(4);
  return same.localeCompare(end.slice(0, same.length)) <= 0 ? same : formatYear(year - 1) + value.slice(4);
}

const JOIN_WEEKDAY = /^,?\s+(?:the\s+)?$/;

/** Whether a value is a year, month or day (YYYY, YYYY-MM, YYYY-MM-DD): a date later words may count from. */
function isAnchor(v: string): boolean {
  if (v.length !== 4 && v.length !== 7 && v.length !== 10) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

const byStartLongestFirst = (a: Found, b: Found): number => a.start - b.start || b.end - a.end;

/** Findings sorted by start, without those overlapping an earlier one (the longer wins). */
function dropOverlaps(found: Found[]): Found[] {
  const kept: Found[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) {
      if (f.end - f.start > last.end - last.start) kept[kept.length - 1] = f;
      continue;
    }
    kept.push(f);
  }
  return kept;
}

/** Orders the findings, drops overlaps (the longer wins) and non-dates, joins "Friday, Oct. 23". */
function finalize(text: string, found: Found[]): DateMention[] {
  // Most paragraphs have one or two findings: no sort call (it allocates) for those.
  if (found.length === 2) {
    if (byStartLongestFirst(found[0], found[1]) > 0) found.reverse();
  } else if (found.length > 2) found.sort(byStartLongestFirst);
  // One finding has nothing to overlap: no second list.
  const kept = found.length < 2 ? found : dropOverlaps(found);
  const out: DateMention[] = [];
  let anchor: string | null = null;
  for (let i = 0; i < kept.length; i++) {
    let f = kept[i];
    const next = kept[i + 1];
    // A weekday naming the same day as the date after it: one mention, the date's value.
    if (next && next.value && /^\d{4}-\d\d-\d\d$/.test(next.value) && JOIN_WEEKDAY.test(text.slice(f.end, next.start))
      && weekdayNumber(text.slice(f.start, f.end).split(/\s+/).pop() ?? '') > 0) {
      f = { start: f.start, end: next.end, value: next.value, yearless: next.yearless };
      i++;
    }
    if (f.anaphor) f = { ...f, value: anchor && resolveAnaphor(anchor, f.anaphor) };
    const following = kept[i + 1];
    if (f.yearless && f.value && following?.value && !following.yearless && RANGE_GAP.test(text.slice(f.end, following.start))) {
      f = { ...f, value: yearFromRangeEnd(f.value, following.value) };
    }
    if (!f.value) continue;
    if (isAnchor(f.value)) anchor = f.value;
    out.push({ start: f.start, end: f.end, text: text.slice(f.start, f.end), value: f.value });
  }
  return out;
}

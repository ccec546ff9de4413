// Words of English dates: month and weekday names, small numbers, ordinals,
// and the regular-expression fragments built from them.

const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan']],
  [2, ['february', 'feb']],
  [3, ['march', 'mar']],
  [4, ['april', 'apr']],
  [5, ['may']],
  [6, ['june', 'jun']],
  [7, ['july', 'jul']],
  [8, ['august', 'aug']],
  [9, ['september', 'sept', 'sep']],
  [10, ['october', 'oct']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec']],
];

const WEEKDAYS: Array<[number, string[]]> = [
  [1, ['monday', 'mon']],
  [2, ['tuesday', 'tues', 'tue']],
  [3, ['wednesday', 'wed']],
  [4, ['thursday', 'thurs', 'thu']],
  [5, ['friday', 'fri']],
  [6, ['saturday', 'sat']],
  [7, ['sunday', 'sun']],
];

const monthByName = new Map(MONTHS.flatMap(([n, names]) => names.map((w) => [w, n] as const)));
const weekdayByName = new Map(WEEKDAYS.flatMap(([n, names]) => names.map((w) => [w, n] as const)));

/** Month number of a name or abbreviation ("Sept." → 9), or 0. */
export function monthNumber(word: string): number {
  return monthByName.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/** ISO weekday of a name (Monday 1 … Sunday 7), or 0. */
export function weekdayNumber(word: string): number {
  return weekdayByName.get(word.toLowerCase().replace(/\.$/, '').replace(/['’]s$/, '')) ?? 0;
}

/** Whether a month word is written in full ("May", "June"), not abbreviated ("Jun."). */
export function isFullMonthName(word: string): boolean {
  return MONTHS.some(([, names]) => names[0] === word.toLowerCase());
}

const cap = (w: string): string => w[0].toUpperCase() + w.slice(1);

/**
 * A month name, capitalised (or in capitals) as English writes it. Abbreviations
 * take an optional dot; "May" and "March" have no short form, so the verb "may"
 * and the noun "march" in lower case never match.
 */
export const MONTH_RE = (() => {
  const full = MONTHS.map(([, n]) => n[0]);
  const abbr = MONTHS.flatMap(([, n]) => n.slice(1));
  const alts = [...full.flatMap((w) => [cap(w), w.toUpperCase()]), ...abbr.flatMap((w) => [`${cap(w)}\\.?`, `${w.toUpperCase()}\\.?`])];
  return `(?:${alts.join('|')})(?![A-Za-z])`;
})();

/** A weekday name, capitalised; "Monday's" included. */
export const WEEKDAY_RE = (() => {
  const alts = WEEKDAYS.flatMap(([, n]) => [cap(n[0]), n[0].toUpperCase()]);
  return `(?:${alts.join('|')})(?![A-Za-z])`;
})();

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth',
  'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth',
  'eighteenth', 'nineteenth'];

/** A count as digits or a small number word ("a", "two", "several" excluded). */
export const COUNT_RE = `(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a\\s+few|a\\s+couple\\s+of)`;

/** The value of a COUNT_RE match; null for vague counts ("a few"). */
export function countValue(word: string): number | null {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (/^\d+$/.test(w)) return +w;
  if (w === 'a' || w === 'an') return 1;
  const i = UNITS.indexOf(w);
  if (i >= 0) return i;
  const t = TENS.indexOf(w);
  return t >= 2 ? t * 10 : null;
}

/** An ordinal day in words: "eighth", "twenty-first", "thirty first". */
export const ORDINAL_WORD_RE = `(?:(?:twenty|thirty)[-\\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|twentieth|thirtieth|${ORDINAL_UNITS.slice(1).reverse().join('|')})`;

export function ordinalWordValue(word: string): number {
  const parts = word.toLowerCase().split(/[-\s]+/);
  if (parts.length === 2) return (parts[0] === 'twenty' ? 20 : 30) + ORDINAL_UNITS.indexOf(parts[1]);
  if (parts[0] === 'twentieth') return 20;
  if (parts[0] === 'thirtieth') return 30;
  return ORDINAL_UNITS.indexOf(parts[0]);
}

/** Ordinal position words for "the first week of April", "the last week". */
export const POSITION_RE = `(?:first|second|third|fourth|fifth|last|final)`;

export function positionValue(word: string): number {
  const w = word.toLowerCase();
  return w === 'last' || w === 'final' ? -1 : ORDINAL_UNITS.indexOf(w);
}

/** A year spelled out as broadcasts write it: "nineteen ninety-six", "two thousand one". */
export const SPOKEN_YEAR_RE = (() => {
  const unit = UNITS.slice(1, 10).join('|');
  const teen = UNITS.slice(10).join('|');
  const tens = TENS.slice(2).join('|');
  const pair = `(?:(?:${tens})(?:[-\\s](?:${unit}))?|${teen}|oh[-\\s](?:${unit}))`;
  return `(?:(?:nineteen|eighteen)[-\\s]${pair}|two\\s+thousand(?:\\s+(?:and\\s+)?(?:${teen}|${unit}))?)`;
})();

export function spokenYearValue(text: string): number | null {
  const words = text.toLowerCase().split(/[-\s]+/).filter((w) => w !== 'and' && w !== 'oh');
  const num = (w: string): number => {
    const u = UNITS.indexOf(w);
    return u >= 0 ? u : TENS.indexOf(w) * 10;
  };
  if (words[0] === 'two' && words[1] === 'thousand') return 2000 + words.slice(2).reduce((s, w) => s + num(w), 0);
  const century = num(words[0]);
  if (century < 10) return null;
  return century * 100 + words.slice(1).reduce((s, w) => s + num(w), 0);
}

// Calendar arithmetic for date normalisation. Days are counted in UTC so that
// no local time zone or daylight-saving shift can move a date.

/** A calendar day; `month` is 1-12. */
export interface Ymd {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Parses a YYYY-MM-DD string; null when it is no real calendar day. */
export function parseYmd(iso: string | null): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const d: Ymd = { year: +m[1], month: +m[2], day: +m[3] };
  return isRealDay(d.year, d.month, d.day) ? d : null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Day number (days since 1970-01-01) of a calendar day. */
export function dayNumber(d: Ymd): number {
  const { year, month, day } = d;
  // Arithmetic for plain days (a Date per call costs more than the rest of a date's rule).
  // Date.UTC reads years 0-99 as 1900-1999 and would see anything else alike: it stays theirs.
  if (Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && year >= 100 && year <= 9999 && month >= 1 && month <= 12 && day >= -1000 && day <= 1000) {
    return daysFromCivil(year, month, day);
  }
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromDayNumber(n: number): Ymd {
  if (Number.isInteger(n) && n >= -600_000 && n <= 2_950_000) return civilFromDays(n);
  const t = new Date(n * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

// Days from and to a proleptic Gregorian date, as Date counts them, by the era arithmetic of
// H. Hinnant's "chrono-Compatible Low-Level Date Algorithms" (eras of 400 years, years from March).

/** Day number of year-month-day (month 1-12; a day past the month's end runs on into the next). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function addDays(d: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(d) + days);
}

/** Day of the week, ISO numbering: Monday 1 … Sunday 7. */
export function isoWeekday(d: Ymd): number {
  // Day 0, 1970-01-01, was a Thursday (4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

/** Months since year 0: lets month differences be plain subtraction. */
export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function formatYear(year: number): string {
  return pad(year, 4);
}

export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

export function formatMonthIndex(index: number): string {
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

export function formatDay(d: Ymd): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** ISO-8601 week of a day, as TIMEX3 writes it: 2023-W14. */
export function formatWeek(d: Ymd): string {
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDays(d, 4 - isoWeekday(d));
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((dayNumber(thursday) - jan1) / 7) + 1;
  return `${pad(thursday.year, 4)}-W${pad(week)}`;
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): Ymd {
  if (n > 0) {
    const first = { year, month, day: 1 };
    const offset = (weekday - isoWeekday(first) + 7) % 7;
    return addDays(first, offset + 7 * (n - 1));
  }
  const last = { year, month, day: daysInMonth(year, month) };
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Ymd {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

// Calendar arithmetic for date hovers: weekday of a day value and how a TIMEX3
// value (day, month, year) relates to the publication date.

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function utcDay(value: string): number | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  const d = new Date(t);
  // Reject 2023-02-30 and friends, which Date.UTC silently rolls over.
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? t / 86400000 : null;
}

/** "Monday" for a full day value, null for anything less precise or invalid. */
export function weekday(value: string): string | null {
  const day = utcDay(value);
  return day === null ? null : WEEKDAYS[new Date(day * 86400000).getUTCDay()];
}

/**
 * "2 days before publication", "on the day of publication", "3 months after
 * publication"... `what` names the reference ("publication" or "the reference
 * date"). Null when the value cannot be compared (a week, a season, junk).
 */
export function describeRelation(value: string, reference: string, what = 'publication'): string | null {
  const ref = DAY.exec(reference);
  const refDay = utcDay(reference);
  if (!ref || refDay === null) return null;
  const day = utcDay(value);
  if (day !== null) return relate(day - refDay, 'day', what, `on the day of ${what}`);
  const month = MONTH.exec(value);
  if (month) {
    const diff = (+month[1] - +ref[1]) * 12 + (+month[2] - +ref[2]);
    return relate(diff, 'month', what, `in the month of ${what}`);
  }
  const year = YEAR.exec(value);
  if (year) return relate(+year[1] - +ref[1], 'year', what, `in the year of ${what}`);
  return null;
}

function relate(diff: number, unit: string, what: string, same: string): string {
  if (diff === 0) return same;
  const n = Math.abs(diff);
  return `${n} ${unit}${n === 1 ? '' : 's'} ${diff < 0 ? 'before' : 'after'} ${what}`;
}

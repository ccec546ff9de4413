import * as assert from 'assert';
import { addDays, dayNumber, fromDayNumber, isoWeekday } from '../../../server/src/analysis/dates-calendar';

const DAY_MS = 86_400_000;
/** What Date says, the reference the arithmetic must agree with. */
const byDate = (year: number, month: number, day: number): number => Math.round(Date.UTC(year, month - 1, day) / DAY_MS);

describe('dates-calendar: day numbers', () => {
  it('counts days as Date does, for every day from 1500 to 2600', () => {
    const from = byDate(1500, 1, 1), to = byDate(2600, 12, 31);
    for (let n = from; n <= to; n++) {
      const t = new Date(n * DAY_MS);
      const d = fromDayNumber(n);
      if (d.year !== t.getUTCFullYear() || d.month !== t.getUTCMonth() + 1 || d.day !== t.getUTCDate()) {
        assert.fail(`fromDayNumber(${n}) = ${JSON.stringify(d)}, Date says ${t.toISOString()}`);
      }
      if (dayNumber(d) !== n) assert.fail(`dayNumber(${JSON.stringify(d)}) = ${dayNumber(d)}, not ${n}`);
    }
  });

  it('runs a day past its month on into the next, as Date does', () => {
    for (const [y, m, d] of [[2023, 2, 29], [2024, 2, 30], [2023, 12, 32], [2023, 1, 0], [2023, 3, -1], [1900, 2, 29], [2000, 2, 29]]) {
      assert.strictEqual(dayNumber({ year: y, month: m, day: d }), byDate(y, m, d), `${y}-${m}-${d}`);
    }
  });

  it('leaves years Date reads its own way (0-99 as 1900-1999) and odd values to Date', () => {
    for (const [y, m, d] of [[50, 3, 1], [0, 2, 29], [99, 12, 31], [2020, 13, 1], [2020, 0, 1], [2020.5, 1, 1]]) {
      assert.strictEqual(dayNumber({ year: y, month: m, day: d }), byDate(y, m, d), `${y}-${m}-${d}`);
    }
    assert.ok(Number.isNaN(dayNumber({ year: 2020, month: NaN, day: 1 })));
    assert.ok(Number.isNaN(fromDayNumber(NaN).year));
  });

  it('moves by days and tells weekdays across month, year and leap-day ends', () => {
    assert.deepStrictEqual(addDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
    assert.deepStrictEqual(addDays({ year: 2023, month: 12, day: 31 }, 1), { year: 2024, month: 1, day: 1 });
    assert.deepStrictEqual(addDays({ year: 2024, month: 3, day: 1 }, -1), { year: 2024, month: 2, day: 29 });
    assert.strictEqual(isoWeekday({ year: 2020, month: 5, day: 12 }), 2); // a Tuesday
  });
});

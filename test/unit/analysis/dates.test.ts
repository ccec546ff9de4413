import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { detectDates } from '../../../server/src/analysis/dates';
import { easterSunday, formatDay, formatWeek, nthWeekdayOfMonth, parseYmd } from '../../../server/src/analysis/dates-calendar';
import { parseHeader, splitParagraphs } from '../../../server/src/analysis/header';

const REF = '2023-03-27'; // a Monday

/** [text, value] of each date found, in order. */
function dates(text: string, ref: string | null = REF): Array<[string, string]> {
  return detectDates(text, ref).map((d) => [d.text, d.value]);
}

/** The single value found in a sentence. */
function valueOf(text: string, ref: string | null = REF): string | undefined {
  const found = detectDates(text, ref);
  assert.ok(found.length <= 1, `more than one date in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0]?.value;
}

describe('dates', () => {
  describe('month modifiers', () => {
    it('reads a modifier before a month in any case, with a hyphen or several spaces', () => {
      assert.deepStrictEqual(dates('Prices rose in mid-March.'), [['mid-March', '2023-03']]);
      assert.deepStrictEqual(dates('Prices rose in MID March.'), [['MID March', '2023-03']]);
      assert.deepStrictEqual(dates('It ends early  April.'), [['early  April', '2023-04']]);
      assert.deepStrictEqual(dates('It ended at the end of last May.'), [['the end of last May', '2022-05']]);
      assert.deepStrictEqual(dates('It ends this coming June'), [['this coming June', '2023-06']]);
    });
    it('does not read a modifier inside another word', () => {
      assert.deepStrictEqual(dates('We met amid March protests.'), []);
      assert.deepStrictEqual(dates('The talks of March 3 failed.'), [['March 3', '2023-03-03']]);
    });
  });

  describe('absolute dates', () => {
    it('reads a full date, abbreviated or not', () => {
      assert.deepStrictEqual(dates('The statement of November 9, 2020 ended the war.'), [['November 9, 2020', '2020-11-09']]);
      assert.deepStrictEqual(dates('It was signed on Nov. 9, 2020.'), [['Nov. 9, 2020', '2020-11-09']]);
      assert.deepStrictEqual(dates('It was signed on 9 November 2020.'), [['9 November 2020', '2020-11-09']]);
      assert.strictEqual(valueOf('The ISO form 2020-11-09 is read too.'), '2020-11-09');
    });
    it('reads a month with its year and a year alone', () => {
      assert.deepStrictEqual(dates('blocked since December 2022 by activists'), [['December 2022', '2022-12']]);
      assert.deepStrictEqual(dates('The law was passed in 2019.'), [['2019', '2019']]);
      assert.strictEqual(valueOf('The census of nineteen ninety-six was late.'), '1996');
      assert.strictEqual(valueOf("The 2023's budget was cut."), '2023');
    });
    it('gives absolute dates a value without a reference date, and skips relative ones', () => {
      assert.deepStrictEqual(dates('On November 9, 2020 and in December 2022, not on March 5 or Saturday or yesterday.', null),
        [['November 9, 2020', '2020-11-09'], ['December 2022', '2022-12']]);
    });
    it('treats an impossible reference date as none', () => {
      assert.deepStrictEqual(dates('It happened yesterday.', '2023-02-30'), []);
    });
  });

  describe('a month and day without a year', () => {
    it('takes the year of the publication for recent days', () => {
      assert.strictEqual(valueOf('the Ministry reported on the morning of March 27.'), '2023-03-27');
      assert.strictEqual(valueOf('on March 5 the armed forces shot three policemen'), '2023-03-05');
      assert.strictEqual(valueOf('on March the 5th they met'), '2023-03-05');
      assert.strictEqual(valueOf('on the fifth of March they met'), '2023-03-05');
    });
    it('allows a date a few weeks ahead, but reads a far one as past', () => {
      assert.strictEqual(valueOf('The talks are on April 10.'), '2023-04-10');
      assert.strictEqual(valueOf('The attack of Sept. 11 changed everything.'), '2022-09-11');
      assert.strictEqual(valueOf('The blockade began on December 12.'), '2022-12-12');
    });
    it('follows a future verb to the coming date', () => {
      assert.strictEqual(valueOf('The summit will be held on July 4.'), '2023-07-04');
    });
    it('reads "December 12 last year" and "June this year"', () => {
      assert.deepStrictEqual(dates('The blockade began on December 12 last year.'), [['December 12 last year', '2022-12-12']]);
      assert.strictEqual(valueOf('It opens in June this year.'), '2023-06');
    });
    it('splits "March 25 and 27" into two dates', () => {
      const found = detectDates('the events that took place on March 25 and 27.', REF);
      assert.deepStrictEqual(found.map((d) => [d.text, d.value]), [['March 25', '2023-03-25'], ['27', '2023-03-27']]);
    });
    it('reads day-first pairs and takes a range\'s year from its end', () => {
      assert.deepStrictEqual(dates('Talks are set for 10 and 12 April.'), [['10', '2023-04-10'], ['12 April', '2023-04-12']]);
      assert.deepStrictEqual(dates('The war (September 27 – November 10, 2020) ended.'),
        [['September 27', '2020-09-27'], ['November 10, 2020', '2020-11-10']]);
      assert.deepStrictEqual(dates('From December 20 to January 5, 2021, it snowed.'),
        [['December 20', '2020-12-20'], ['January 5, 2021', '2021-01-05']]);
    });
    it('reads numeric dates: ISO, European dots, US slashes unless the day comes first', () => {
      assert.deepStrictEqual(dates('On 12.03.2023, 2023/03/12, 25/12/2022 and 3/4/2021.').map(([, v]) => v),
        ['2023-03-12', '2023-03-12', '2022-12-25', '2021-03-04']);
      assert.deepStrictEqual(dates('Invalid: 31.02.2023.'), []);
    });
    it('reads both years of a span of years', () => {
      assert.deepStrictEqual(dates('In 2021-2022 and the 1990-91 season.').map(([, v]) => v), ['2021', '2022', '1990']);
    });
    it('reads month parts and weeks of a month', () => {
      assert.deepStrictEqual(dates('At the end of February two meetings were held.'), [['the end of February', '2023-02']]);
      assert.deepStrictEqual(dates('a meeting in the first week of April in Baku'), [['the first week of April', '2023-W14']]);
      assert.strictEqual(valueOf('Prices rose in early March.'), '2023-03');
      assert.strictEqual(valueOf('Prices rose last November.'), '2022-11');
    });
  });

  describe('weekdays', () => {
    it('reads a bare weekday as the last one before publication', () => {
      assert.deepStrictEqual(dates('On Saturday, the military advanced.'), [['Saturday', '2023-03-25']]);
      assert.strictEqual(valueOf('Officials met on Thursday night.'), '2023-03-23');
    });
    it('reads the weekday of publication as that day', () => {
      assert.strictEqual(valueOf('The ministry said Monday that talks failed.'), '2023-03-27');
    });
    it('reads "next Monday" and a future verb forward, "last Friday" back', () => {
      assert.strictEqual(valueOf('They meet again next Monday.'), '2023-04-03');
      assert.strictEqual(valueOf('The minister will visit Yerevan on Friday.'), '2023-03-31');
      assert.strictEqual(valueOf('We’ll meet them on Friday.'), '2023-03-31');
      assert.strictEqual(valueOf('He resigned last Friday.'), '2023-03-24');
    });
    it('joins a weekday to the date it names', () => {
      assert.deepStrictEqual(dates('The paper wrote on Friday, March 24: no.'), [['Friday, March 24', '2023-03-24']]);
    });
    it('gives no date to a recurring weekday', () => {
      assert.deepStrictEqual(dates('Protesters gather every Monday and on Sundays.'), []);
    });
  });

  describe('relative dates', () => {
    it('reads yesterday, today and tomorrow as days', () => {
      assert.deepStrictEqual(dates('Yesterday he left; today he is back; tomorrow he flies.'),
        [['Yesterday', '2023-03-26'], ['today', '2023-03-27'], ['tomorrow', '2023-03-28']]);
    });
    it('reads weeks, months and years relative to publication', () => {
      assert.strictEqual(valueOf('The talks collapsed last week.'), '2023-W12');
      assert.strictEqual(valueOf('The talks resume this week.'), '2023-W13');
      assert.strictEqual(valueOf('Inflation fell last month.'), '2023-02');
      assert.strictEqual(valueOf('Elections are due this year.'), '2023');
      assert.strictEqual(valueOf('Elections were held last year.'), '2022');
      assert.strictEqual(valueOf('Earlier this year, prices rose.'), '2023');
      assert.strictEqual(valueOf('A deal is expected early next year.'), '2024');
      assert.strictEqual(valueOf('Prices have risen over the past year.'), '2022');
    });
    it('counts back "ago"', () => {
      assert.strictEqual(valueOf('He left three days ago.'), '2023-03-24');
      assert.strictEqual(valueOf('He left two months ago.'), '2023-01');
      assert.strictEqual(valueOf('He left a year ago.'), '2022');
      assert.strictEqual(valueOf('He left two weeks ago.'), '2023-W11');
    });
    it('reads the weekend just past', () => {
      assert.strictEqual(valueOf('Clashes broke out over the weekend.'), '2023-W12-WE');
      assert.strictEqual(valueOf('Clashes broke out this past weekend.'), '2023-W12-WE');
      assert.strictEqual(valueOf('He spoke this past Friday.'), '2023-03-24');
    });
    it('reads holidays', () => {
      assert.strictEqual(valueOf('They met on Christmas Day.'), '2022-12-25');
      assert.strictEqual(valueOf('Churches will be full on Good Friday.'), '2023-04-07');
    });
    it('counts "that year" and "the next day" from the date before them in the paragraph', () => {
      assert.deepStrictEqual(dates('He fled in June 1998 and returned later that year.'), [['June 1998', '1998-06'], ['later that year', '1998']]);
      assert.deepStrictEqual(dates('He was promoted on May 22, 1995; the following year he retired.'),
        [['May 22, 1995', '1995-05-22'], ['the following year', '1996']]);
      assert.deepStrictEqual(dates('The vote was on March 5. The next day, protests began.'),
        [['March 5', '2023-03-05'], ['The next day', '2023-03-06']]);
      assert.deepStrictEqual(dates('Protests began that day.'), [], 'no date before it: no value');
    });
  });

  describe('what is no date', () => {
    it('skips durations, sets, decades and "now"', () => {
      for (const s of [
        'For several weeks now, there have been reports.',
        'The war lasted two years.',
        'Prices rose over the past two years.',
        'Until now official Yerevan has not reacted.',
        'The city grew in the 1990s.',
        "The city grew in the 1990's.",
        'They meet every Monday.',
        'Prices may rise, and the march went on.',
      ]) assert.deepStrictEqual(dates(s), [], s);
    });
    it('skips numbers that are counts, money or percentages', () => {
      for (const s of ['About 2000 troops were sent.', 'It cost $2019 in all.', 'Turnout was 1999 percent.'])
        assert.deepStrictEqual(dates(s), [], s);
    });
    it('skips named days and papers: "Bloody Sunday", "the Sunday Times", "Resolution 2118"', () => {
      assert.deepStrictEqual(dates('The Sunday Times recalled Bloody Sunday and Resolution 2118.'), []);
    });
    it('skips generic "today\'s" and names such as "This Week"', () => {
      assert.deepStrictEqual(dates("In today's world, speed matters."), []);
      assert.deepStrictEqual(dates('He said on ABC\'s "This Week" show that talks go on.'), []);
    });
  });

  describe('offsets and input', () => {
    it('returns offsets local to the paragraph, matching the text', () => {
      const p = 'First, on March 5 and, second, yesterday.';
      for (const d of detectDates(p, REF)) assert.strictEqual(p.slice(d.start, d.end), d.text);
      assert.deepStrictEqual(detectDates(p, REF).map((d) => d.start), [10, 31]);
    });
    it('returns nothing for empty or date-free text', () => {
      assert.deepStrictEqual(dates(''), []);
      assert.deepStrictEqual(dates('No time words here at all.'), []);
    });
  });

  describe('calendar helpers', () => {
    const day = (iso: string) => parseYmd(iso)!;
    it('numbers ISO weeks across year ends', () => {
      assert.strictEqual(formatWeek(day('2023-04-03')), '2023-W14');
      assert.strictEqual(formatWeek(day('2021-01-03')), '2020-W53');
      assert.strictEqual(formatWeek(day('2024-12-30')), '2025-W01');
      assert.strictEqual(formatWeek(day('2023-01-01')), '2022-W52');
    });
    it('finds Easter and the n-th weekday of a month', () => {
      assert.strictEqual(formatDay(easterSunday(2000)), '2000-04-23');
      assert.strictEqual(formatDay(easterSunday(2023)), '2023-04-09');
      assert.strictEqual(formatDay(nthWeekdayOfMonth(2023, 11, 4, 4)), '2023-11-23'); // Thanksgiving
      assert.strictEqual(formatDay(nthWeekdayOfMonth(2023, 3, 1, -1)), '2023-03-27'); // last Monday of March
    });
    it('rejects impossible days', () => {
      assert.strictEqual(parseYmd('2023-02-29'), null);
      assert.ok(parseYmd('2024-02-29'));
      assert.strictEqual(parseYmd('27/03/2023'), null);
    });
  });

  it('finds the dates of the example article (checked by eye)', () => {
    const text = readFileSync(join(__dirname, '../../../seeds/000_69c84b4dfaca571e.txt'), 'utf8');
    const header = parseHeader(text);
    assert.strictEqual(header?.date, REF);
    const found: Array<[string, string]> = [];
    for (const p of splitParagraphs(text, header!.end)) found.push(...dates(text.slice(p.start, p.end), header!.date));
    assert.deepStrictEqual(found, [
      ['March 27', '2023-03-27'],
      ['Saturday', '2023-03-25'],
      ['March 25', '2023-03-25'],
      ['November 9, 2020', '2020-11-09'],
      ['March 5', '2023-03-05'],
      ['December 12 last year', '2022-12-12'],
      ['March 25', '2023-03-25'],
      ['27', '2023-03-27'],
      ['December 2022', '2022-12'],
      ['November 9, 2020', '2020-11-09'],
      ['March 27', '2023-03-27'],
      ['the first week of April', '2023-W14'],
      ['the end of February', '2023-02'],
      ['beginning of March', '2023-03'],
      ['March 13', '2023-03-13'],
      ['November 2020', '2020-11'],
    ]);
  });
});

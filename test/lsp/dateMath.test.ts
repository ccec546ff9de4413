// Calendar arithmetic behind date hovers (pure functions of the feature module).
import * as assert from 'assert';
import { describeRelation, weekday } from '../../server/src/features/dateMath';
import { openingWords } from '../../server/src/features/symbols';

describe('date hover arithmetic', () => {
  it('names the weekday of full dates only', () => {
    assert.strictEqual(weekday('2023-03-25'), 'Saturday');
    assert.strictEqual(weekday('2024-02-29'), 'Thursday');
    assert.strictEqual(weekday('2023-02-29'), null);
    assert.strictEqual(weekday('2023-03'), null);
    assert.strictEqual(weekday('2023-W14'), null);
  });

  it('relates days, months and years to the publication date', () => {
    assert.strictEqual(describeRelation('2023-03-25', '2023-03-27'), '2 days before publication');
    assert.strictEqual(describeRelation('2023-03-28', '2023-03-27'), '1 day after publication');
    assert.strictEqual(describeRelation('2023-03-27', '2023-03-27'), 'on the day of publication');
    assert.strictEqual(describeRelation('2022-12-31', '2023-01-01'), '1 day before publication');
    assert.strictEqual(describeRelation('2024-03-01', '2024-02-28'), '2 days after publication', 'leap year');
    assert.strictEqual(describeRelation('2022-12', '2023-03-27'), '3 months before publication');
    assert.strictEqual(describeRelation('2023-03', '2023-03-27'), 'in the month of publication');
    assert.strictEqual(describeRelation('2020', '2023-03-27'), '3 years before publication');
    assert.strictEqual(describeRelation('2023-03-20', '2023-03-27', 'the reference date'), '7 days before the reference date');
  });

  it('says nothing it cannot compute', () => {
    assert.strictEqual(describeRelation('2023-W14', '2023-03-27'), null);
    assert.strictEqual(describeRelation('PRESENT_REF', '2023-03-27'), null);
    assert.strictEqual(describeRelation('2023-03-25', 'not a date'), null);
    assert.strictEqual(describeRelation('2023-02-30', '2023-03-27'), null);
  });
});

describe('quote names in outlines', () => {
  it('takes the opening words without the marks', () => {
    assert.strictEqual(openingWords('“We are ready,”'), 'We are ready,');
    assert.strictEqual(openingWords('“one two three four five six seven eight nine ten”'), 'one two three four five six seven eight…');
    assert.strictEqual(openingWords('«\n  spread\nover   lines »'), 'spread over lines');
    assert.strictEqual(openingWords('“' + 'x'.repeat(100) + '”'), 'x'.repeat(59) + '…');
    assert.strictEqual(openingWords('“ ”'), '“ ”');
    const long = '“' + 'word '.repeat(100000) + '”';
    assert.strictEqual(openingWords(long), 'word word word word word word word word…');
  });
});

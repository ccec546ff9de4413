import * as assert from 'assert';
import fc from 'fast-check';
import { lastAtMost, sortStable } from '../../../server/src/analysis/sort';

describe('sortStable', () => {
  it('gives the order of Array.prototype.sort (stable), short lists and long ones, ties included', () => {
    const item = fc.record({ start: fc.integer({ min: 0, max: 6 }), end: fc.integer({ min: 0, max: 6 }), id: fc.nat() });
    const cmp = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || b.end - a.end;
    fc.assert(fc.property(fc.array(item, { maxLength: 60 }), (xs) => {
      const expected = xs.slice().sort(cmp);
      const copy = xs.slice();
      const got = sortStable(copy, cmp);
      assert.strictEqual(got, copy, 'sorts in place');
      assert.deepStrictEqual(got, expected);
    }), { numRuns: 2000 });
  });
});

describe('lastAtMost', () => {
  it('finds the last start at or before an offset, as a scan does (repeated starts included)', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 40 }), fc.nat({ max: 60 }), (xs, x) => {
      const sorted = [0, ...xs].sort((a, b) => a - b);
      let expected = 0;
      for (let i = 0; i < sorted.length; i++) if (sorted[i] <= x) expected = i;
      assert.strictEqual(lastAtMost(sorted, sorted.length, x), expected);
    }), { numRuns: 2000 });
  });
});

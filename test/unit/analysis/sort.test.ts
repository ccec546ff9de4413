import * as assert from 'assert';
import fc from 'fast-check';
import { sortStable } from '../../../server/src/analysis/sort';

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

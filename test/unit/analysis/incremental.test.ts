// Re-analysis of an edited long article (incremental.ts): what it keeps alive.
// (That it equals a fresh analysis is a property test in properties.test.ts.)
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { analyze, AnalysisCache } from '../../../server/src/analysis';
import { difference } from '../../../server/src/analysis/incremental';
import { findQuotes } from '../../../server/src/analysis/quotes';
import { attributeSpeakers } from '../../../server/src/analysis/speakers';
import { generateArticle } from '../../bench/generate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

describe('incremental re-analysis', () => {
  it('finds the changed stretch of two texts', () => {
    assert.deepStrictEqual(difference('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
    assert.deepStrictEqual(difference('abc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepStrictEqual(difference('aaaa', 'aaaaa'), { prefix: 4, suffix: 0 });
    const long = 'x'.repeat(10_000);
    assert.deepStrictEqual(difference(long + 'a' + long, long + 'bb' + long), { prefix: 10_000, suffix: 10_000 });
  });

  it('attributes a long article chunk by chunk exactly as in one pass over the whole text', function () {
    this.timeout(60_000);
    // analyze() masks a few hundred paragraphs at a time; attributeSpeakers masks the whole text.
    for (const seed of [11, 12, 13]) {
      const text = generateArticle({ bytes: 300_000, seed });
      const a = analyze(text);
      assert.ok(a.paragraphs.length > 1000, 'several chunks');
      const whole = attributeSpeakers(text, a.paragraphs, findQuotes(text, a.paragraphs), a.actors);
      assert.deepStrictEqual(a.quotes, whole);
    }
  });

  it('does not keep earlier versions of the text alive while the user types', function () {
    this.timeout(120_000);
    // Each version of a 1 MB article is 2 MB of memory: findings cut from a version's text
    // as views on it (V8 slices) would keep one version per edit alive.
    let text = generateArticle({ bytes: 1_000_000, seed: 5 });
    const cache = new AnalysisCache();
    const first = analyze(text, {}, cache);
    let at = first.paragraphs[first.paragraphs.length >> 1].end;
    const before = heapMb();
    for (let i = 0; i < 40; i++) {
      text = text.slice(0, at) + 'the ministry said '[i % 18] + text.slice(at);
      at++;
      analyze(text, {}, cache);
    }
    const grown = heapMb() - before;
    assert.strictEqual(cache.edits, 40);
    assert.ok(grown < 25, `the heap grew by ${grown.toFixed(1)} MB over 40 edits (80 MB if every version stayed alive)`);
  });
});

// The start-up warm-up (analysis/warmUp.ts) is only worth its time if it reaches what
// real articles reach: a regular expression first run by a user's article is compiled
// then, on the clock (a millisecond or more each for the large Unicode ones).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { readdirSync } from 'fs';
import { join } from 'path';
import { analyze } from '../../../server/src/analysis';
import { START_ARTICLE, startUpTexts } from '../../../server/src/analysis/warmUp';

const ROOT = join(__dirname, '../../..');
const SEEDS = readdirSync(join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => join('seeds', f));

describe('start-up warm-up', () => {
  it('is articles with a header, a few paragraphs each, then the whole article', () => {
    const texts = startUpTexts();
    assert.ok(texts.length >= 3, `${texts.length} steps`);
    assert.strictEqual(texts[texts.length - 1], START_ARTICLE);
    for (const t of texts) {
      const a = analyze(t);
      assert.ok(a.header, `no header in ${JSON.stringify(t.slice(0, 60))}`);
      assert.deepStrictEqual(a.diagnostics.filter((d) => d.code === 'missing-header' || d.code === 'invalid-date'), []);
    }
    // The whole article has what it is there to warm up: quotes with speakers, dates, places and actors.
    const whole = analyze(START_ARTICLE);
    assert.ok(whole.quotes.filter((q) => q.speaker).length >= 10, 'quotes with a speaker');
    assert.ok(whole.dates.length >= 15, 'dates');
    assert.ok(whole.places.length >= 3 && whole.actors.length >= 5, 'places and actors');
  });

  it('runs every regular expression that analysing the seed articles runs', function () {
    this.timeout(60_000);
    const r = spawnSync(process.execPath, ['-r', './scripts/register-ts.cjs', 'test/unit/analysis/regexUse.ts', ...SEEDS], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(r.status, 0, r.stderr);
    const { startUp, files } = JSON.parse(r.stdout) as { startUp: string[]; files: Record<string, string[]> };
    const warmed = new Set(startUp);
    assert.ok(warmed.size >= 50, `the warm-up ran only ${warmed.size} regexes`);
    for (const [file, used] of Object.entries(files)) {
      assert.ok(used.length > 0, `no regex ran on ${file}`);
      const cold = used.filter((s) => !warmed.has(s));
      assert.deepStrictEqual(cold, [], `${file} runs regexes the start-up article does not reach: add a sentence of that kind to analysis/warmUp.ts`);
    }
  });
});

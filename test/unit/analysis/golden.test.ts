// Golden snapshots: the full analyze() output for every article in seeds/, compared
// exactly with test/golden/analysis/<seed file name>.json. After an intended change,
// rewrite them with `UPDATE_GOLDEN=1 npx mocha test/unit/analysis/golden.test.ts` and
// review the diff by eye (one span per line keeps it readable).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze } from '../../../server/src/analysis/analyze';
import type { Analysis } from '../../../server/src/analysis/types';

const root = path.join(__dirname, '../../..');
const seedDir = path.join(root, 'seeds');
const goldenDir = path.join(root, 'test/golden/analysis');
const update = process.env.UPDATE_GOLDEN === '1';

/** JSON with each top-level field on its own line and each span of a list on its own line. */
export function serialize(a: Analysis): string {
  const fields = Object.entries(a).map(([k, v]) => {
    if (Array.isArray(v)) {
      const items = v.map((x) => `    ${JSON.stringify(x)}`);
      return `  ${JSON.stringify(k)}: ${items.length ? `[\n${items.join(',\n')}\n  ]` : '[]'}`;
    }
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${fields.join(',\n')}\n}\n`;
}

function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n'), a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) return `line ${i + 1}\n  expected: ${e[i] ?? '(end)'}\n  actual:   ${a[i] ?? '(end)'}`;
  }
  return '(none)';
}

describe('golden snapshots of the seed articles', () => {
  const seeds = fs.existsSync(seedDir) ? fs.readdirSync(seedDir).filter((f) => f.endsWith('.txt')).sort() : [];

  it('has seed articles to check', () => {
    assert.ok(seeds.length > 0, `no .txt files in ${seedDir}`);
  });

  for (const name of seeds) {
    it(name, function () {
      const text = fs.readFileSync(path.join(seedDir, name), 'utf8');
      const actual = serialize(analyze(text));
      // The snapshot must itself be valid JSON equal to the analysis.
      assert.deepStrictEqual(JSON.parse(actual), JSON.parse(JSON.stringify(analyze(text))));
      const file = path.join(goldenDir, `${name}.json`);
      if (update) {
        fs.mkdirSync(goldenDir, { recursive: true });
        fs.writeFileSync(file, actual);
        return;
      }
      if (!fs.existsSync(file)) {
        // A seed added without its snapshot: say so rather than fail the whole suite.
        console.warn(`    no snapshot for ${name}: run UPDATE_GOLDEN=1 npx mocha test/unit/analysis/golden.test.ts`);
        this.skip();
      }
      const expected = fs.readFileSync(file, 'utf8');
      if (expected !== actual) {
        assert.fail(
          `analysis of seeds/${name} differs from its snapshot at ${firstDifference(expected, actual)}\n` +
            'If the change is intended, run UPDATE_GOLDEN=1 npx mocha test/unit/analysis/golden.test.ts and review the diff.',
        );
      }
    });
  }
});

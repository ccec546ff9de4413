// The CLI as a real process (dist/cli.js, built by `npm test`'s pretest).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const CLI = join(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('seed-annotate analyze (process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-cli-'));
  it('prints one JSON object per file with the documented fields', () => {
    const f = join(dir, 'a.txt');
    writeFileSync(f, '\uFEFFdate 2023-03-27 Title here\n\nBody text.\n');
    const r = run('analyze', '--json', f);
    assert.strictEqual(r.status, 0, r.stderr);
    const o = JSON.parse(r.stdout.trim());
    assert.deepStrictEqual(Object.keys(o), ['file', 'date', 'title', 'sections', 'quotes', 'dates', 'places', 'actors', 'diagnostics']);
    assert.strictEqual(o.file, f);
    assert.strictEqual(o.date, '2023-03-27');
    assert.strictEqual(o.title, 'Title here');
  });
  it('reports an unreadable or binary file on stderr, analyses the rest, exits 1', () => {
    const good = join(dir, 'good.txt');
    const bin = join(dir, 'bin.txt');
    writeFileSync(good, 'date 2023-01-01 Ok\n\nText.\n');
    writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255]));
    const r = run('analyze', '--json', bin, join(dir, 'missing.txt'), good);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(r.stdout.trim().split('\n').length, 1);
    assert.match(r.stderr, /bin\.txt: binary file/);
    assert.match(r.stderr, /missing\.txt: no such file/);
  });
  it('exits 2 on bad usage', () => {
    assert.strictEqual(run('analyze').status, 2);
    assert.strictEqual(run('analyze', '--date', '2023-13-01', 'x').status, 2);
    assert.strictEqual(run('frobnicate').status, 2);
  });
  it('flags a missing header and an impossible header date', () => {
    const f1 = join(dir, 'nohead.txt');
    const f2 = join(dir, 'baddate.txt');
    writeFileSync(f1, 'Just text.\n');
    writeFileSync(f2, 'date 2023-02-30 Bad\n\nText.\n');
    const out = run('analyze', '--json', f1, f2).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(out[0].diagnostics.map((d: { code: string }) => d.code), ['missing-header']);
    assert.deepStrictEqual(out[1].diagnostics.map((d: { code: string }) => d.code), ['invalid-date']);
    assert.strictEqual(out[1].date, null);
  });
});

describe('seed-annotate analyze into a pipe closed early', () => {
  it('stops quietly when the reader goes away (`| head -1`)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" analyze seeds seeds seeds | head -1`], {
      cwd: join(__dirname, '../..'), encoding: 'utf8',
    });
    assert.strictEqual(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
  });
});

// The bench's own pieces (statistics, article generator) and a smoke run of
// `npm run bench -- --quick` as a real process, so the bench cannot rot unseen.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateArticle, loadSeeds } from '../bench/generate';
import { percentiles, powerLawExponent, quantile, summarize } from '../bench/stats';

const ROOT = join(__dirname, '../..');

describe('bench statistics', () => {
  it('summarises runs as median, min, max and IQR', () => {
    const s = summarize([5, 1, 3, 2, 4]);
    assert.deepStrictEqual(s, { median: 3, min: 1, max: 5, iqr: 2, runs: 5 });
    assert.strictEqual(summarize([1, 2, 3, 10]).median, 2.5);
  });
  it('interpolates quantiles and percentiles', () => {
    assert.strictEqual(quantile([0, 10], 0.25), 2.5);
    const p = percentiles(Array.from({ length: 101 }, (_, i) => i));
    assert.strictEqual(p.p50, 50);
    assert.strictEqual(p.p99, 99);
    assert.strictEqual(p.max, 100);
  });
  it('recovers the exponent of a power law on log-log', () => {
    const xs = [1e4, 1e5, 1e6, 1e7];
    const lin = powerLawExponent(xs, xs.map((x) => 2e-3 * x));
    assert.ok(Math.abs(lin.k - 1) < 1e-9 && Math.abs(lin.r2 - 1) < 1e-9);
    const quad = powerLawExponent(xs, xs.map((x) => 1e-9 * x * x));
    assert.ok(Math.abs(quad.k - 2) < 1e-9);
    assert.throws(() => powerLawExponent([1], [1]));
  });
});

describe('bench article generator', () => {
  const seeds = loadSeeds();
  it('is deterministic for a seed and differs between seeds', () => {
    assert.strictEqual(generateArticle({ bytes: 20_000, seed: 5, seeds }), generateArticle({ bytes: 20_000, seed: 5, seeds }));
    assert.notStrictEqual(generateArticle({ bytes: 20_000, seed: 5, seeds }), generateArticle({ bytes: 20_000, seed: 6, seeds }));
  });
  it('reaches the requested size with a valid header and no repeated paragraph', () => {
    const text = generateArticle({ bytes: 300_000, seed: 9, seeds });
    const bytes = Buffer.byteLength(text);
    assert.ok(bytes >= 300_000 && bytes < 310_000, `${bytes} bytes`);
    assert.match(text, /^date \d{4}-\d{2}-\d{2} \S/);
    const paragraphs = text.split('\n\n');
    assert.strictEqual(new Set(paragraphs).size, paragraphs.length, 'a repeated paragraph would hit the per-paragraph cache');
  });
});

describe('npm run bench -- --quick (smoke run)', function () {
  this.timeout(120_000); // seconds on an idle machine; the shared one can be 10× slower
  it('measures every section or says why not, and writes the JSON with the targets', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-bench-test-'));
    try {
      const out = join(dir, 'quick.json');
      const r = spawnSync(process.execPath, ['--expose-gc', '-r', './scripts/register-ts.cjs', 'test/bench/run.ts', '--quick', '--out', out], { cwd: ROOT, encoding: 'utf8' });
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stdout, /analyze 10 KB \(MB\/s\)/);
      const res = JSON.parse(readFileSync(out, 'utf8'));
      assert.strictEqual(res.mode, 'quick');
      assert.ok(res.machine.cpus >= 1 && /^v\d+/.test(res.machine.node));
      assert.deepStrictEqual(res.analysis.sizes.map((s: { label: string }) => s.label), ['10 KB', '100 KB']);
      for (const s of res.analysis.sizes) assert.ok(s.mbPerSec.median > 0 && s.mbPerSec.min <= s.mbPerSec.max && s.ms.runs === 3);
      assert.ok(Number.isFinite(res.analysis.scaling.k));
      assert.ok(res.peer.sizes[0].mbPerSec.median > 0 && res.peer.sizes[0].found.dates > 0, 'the peer ran and found dates');
      const analyzeCli = res.cli.find((c: { command: string }) => c.command.includes(' analyze '));
      assert.strictEqual(analyzeCli.status, 'measured');
      assert.strictEqual(analyzeCli.outputLines, 20, 'one JSON line per file');
      assert.ok(analyzeCli.peakRssMb.median > 10);
      // The language server over the protocol (dist/server.js).
      assert.strictEqual(res.lsp.status, 'measured', JSON.stringify(res.lsp));
      assert.ok(res.lsp.hover.n === 20 && res.lsp.hover.p50 > 0 && res.lsp.hover.p50 <= res.lsp.hover.p99);
      assert.strictEqual(res.lsp.editToDiagnostics.n + res.lsp.editToDiagnostics.timeouts, 10, 'every edit is accounted for');
      assert.strictEqual(res.workspace[0].status, 'measured', JSON.stringify(res.workspace[0]));
      assert.ok(res.workspace[0].firstCompleteSeconds > 0 && res.workspace[0].peakRssMb > 10);
      // The export command is measured once it exists, or the result says why not.
      for (const c of res.cli) assert.ok(c.status === 'measured' || c.note, JSON.stringify(c));
      assert.strictEqual(res.targets.length, 9); // issue 6's eight and issue 3's outline p99
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

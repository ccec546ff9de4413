// `seed-annotate export` as a real process (dist/cli.js, built by `npm test`'s pretest).
// Human annotations come from the golden fixture's sidecar; assertions about
// detected findings only use what every detected record must satisfy.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const CLI = join(__dirname, '../../dist/cli.js');
const GOLDEN = join(__dirname, '../golden/export');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });

/** A work folder: articles/a.txt with the golden sidecar, articles/sub/b.txt without one. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-export-'));
  mkdirSync(join(dir, 'articles/sub'), { recursive: true });
  cpSync(join(GOLDEN, 'article.txt'), join(dir, 'articles/a.txt'));
  writeFileSync(join(dir, 'articles/a.txt.ann.yaml'), readFileSync(join(GOLDEN, 'article.txt.ann.yaml'), 'utf8').replace('source: article.txt', 'source: a.txt'));
  writeFileSync(join(dir, 'articles/sub/b.txt'), 'date 2024-05-03 Second\n\n“Nothing annotated here,” she said.\n');
  return dir;
}

const HUMAN_IDS = ['q1', 't1', 'q2', 'q3', 'd1', 'p1', 'n1', 'r1'];

describe('seed-annotate export (process)', () => {
  it('jsonl to stdout: the human annotations only, with current offsets', () => {
    const dir = workspace();
    const r = run(dir, 'export', '--format', 'jsonl', 'articles');
    assert.strictEqual(r.status, 0, r.stderr);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepStrictEqual(records.map((x) => x.id).sort(), [...HUMAN_IDS].sort());
    const text = readFileSync(join(dir, 'articles/a.txt'), 'utf8');
    for (const x of records) {
      assert.strictEqual(x.file, 'articles/a.txt');
      assert.strictEqual(x.origin, 'human');
      assert.strictEqual(text.slice(x.start, x.end), x.exact);
    }
  });

  it('--include-detected adds machine findings, marked, never over a human annotation of the same kind', () => {
    const dir = workspace();
    const r = run(dir, 'export', '--format', 'jsonl', '--include-detected', 'articles');
    assert.strictEqual(r.status, 0, r.stderr);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const human = records.filter((x) => x.origin === 'human');
    assert.deepStrictEqual(human.map((x) => x.id).sort(), [...HUMAN_IDS].sort());
    const group = (k: string) => (k === 'place' || k === 'actor' ? 'entity' : k);
    for (const d of records.filter((x) => x.origin === 'detected')) {
      assert.strictEqual(d.origin, 'detected');
      const clash = human.find((h) => h.status !== 'rejected' && h.file === d.file && group(h.kind) === group(d.kind) && h.start < d.end && d.start < h.end);
      assert.ok(!clash, `detected ${d.id} overlaps human ${clash?.id}`);
    }
  });

  it('csv and w3c to a file with --out; w3c parses and its selectors match', () => {
    const dir = workspace();
    assert.strictEqual(run(dir, 'export', '--format', 'csv', '--out', 'out/quotes.csv', 'articles').status, 0);
    const csv = readFileSync(join(dir, 'out/quotes.csv'), 'utf8');
    assert.ok(csv.startsWith('\uFEFFfile,date,speaker,quote,kind,start,end,origin\r\n'));
    assert.ok(csv.includes("'-one critic"), 'formula guard');
    const w = run(dir, 'export', '--format=w3c', 'articles/a.txt');
    assert.strictEqual(w.status, 0, w.stderr);
    const doc = JSON.parse(w.stdout);
    assert.strictEqual(doc.type, 'AnnotationCollection');
    // r1 is a rejection: not a statement about the text, not in the W3C export.
    assert.strictEqual(doc.total, HUMAN_IDS.length - 1);
    const chars = Array.from(readFileSync(join(dir, 'articles/a.txt'), 'utf8'));
    for (const item of doc.first.items) {
      const [q, p] = item.target.selector;
      assert.strictEqual(chars.slice(p.start, p.end).join(''), q.exact);
    }
  });

  it('brat and md write one file per article below --out, keeping sub-folders', () => {
    const dir = workspace();
    const b = run(dir, 'export', '--format', 'brat', '--out', 'brat', 'articles');
    assert.strictEqual(b.status, 0, b.stderr);
    assert.deepStrictEqual(readdirSync(join(dir, 'brat')).sort(), ['a.ann', 'a.txt', 'annotation.conf', 'sub']);
    assert.deepStrictEqual(readdirSync(join(dir, 'brat/sub')).sort(), ['b.ann', 'b.txt']);
    assert.strictEqual(readFileSync(join(dir, 'brat/a.txt'), 'utf8'), readFileSync(join(dir, 'articles/a.txt'), 'utf8'));
    assert.match(readFileSync(join(dir, 'brat/a.ann'), 'utf8'), /^T\d+\tQuote \d+ \d+\t“We will reopen the bridge by June,”$/m);
    const m = run(dir, 'export', '--format', 'md', '--out', 'md', 'articles/a.txt');
    assert.strictEqual(m.status, 0, m.stderr);
    assert.match(readFileSync(join(dir, 'md/a.md'), 'utf8'), /^### Mayor Ana Lopes$/m);
  });

  it('refuses to write over its inputs, and needs --out for per-article formats', () => {
    const dir = workspace();
    const before = readFileSync(join(dir, 'articles/a.txt'));
    const r = run(dir, 'export', '--format', 'brat', '--out', 'articles', 'articles');
    assert.notStrictEqual(r.status, 0);
    assert.match(r.stderr, /would overwrite the input/);
    assert.ok(readFileSync(join(dir, 'articles/a.txt')).equals(before));
    assert.ok(!existsSync(join(dir, 'articles/a.ann')), 'nothing written');
    const noOut = run(dir, 'export', '--format', 'md', 'articles');
    assert.strictEqual(noOut.status, 2);
    assert.match(noOut.stderr, /--out FOLDER/);
    assert.strictEqual(run(dir, 'export', '--format', 'pdf', 'articles').status, 2);
  });

  it('a malformed sidecar is reported with file:line:col; the other articles are exported; exit 1', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'articles/sub/b.txt.ann.yaml'), 'version: 1\nsource: b.txt\nannotations:\n  - id: x\n    kind: quote\n    target: {exact: y}\n    speech: maybe\n');
    const r = run(dir, 'export', '--format', 'jsonl', 'articles');
    assert.strictEqual(r.status, 1);
    assert.match(r.stderr, /b\.txt\.ann\.yaml:7:\d+: error: annotation "x": speech must be true or false/);
    assert.strictEqual(r.stdout.trim().split('\n').length, HUMAN_IDS.length);
  });
});

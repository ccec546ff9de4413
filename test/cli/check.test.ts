// `seed-annotate check` as a real process (dist/cli.js, built by `npm test`'s pretest).
// The annotations make the findings asserted here, so the test does not depend
// on what the recognisers currently detect.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const CLI = join(__dirname, '../../dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
const LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint) ([a-z-]+) (.+)$/;

const ARTICLE = '\uFEFFdate 2024-05-02 Bridge\n\nThe council met.\n\n“We will reopen the bridge.”\n';
const QUOTE = '“We will reopen the bridge.”';
const QSTART = ARTICLE.slice(1).indexOf(QUOTE);

function sidecar(extra: string): string {
  return `version: 1\nsource: a.txt\nannotations:\n  - id: q1\n    kind: quote\n    target: {exact: "${QUOTE}", start: ${QSTART}, end: ${QSTART + QUOTE.length}}\n${extra}`;
}

describe('seed-annotate check (process)', () => {
  const fresh = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-check-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };

  it('prints file:line:col: severity code message, 1-based, BOM not counted', () => {
    const dir = fresh({ 'a.txt': ARTICLE, 'a.txt.ann.yaml': sidecar('') });
    const r = run(dir, 'check', 'a.txt');
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.every((l) => LINE.test(l)), r.stdout);
    // A quote annotated without a speaker is an unattributed quote, at line 5, column 1.
    assert.ok(lines.includes(`a.txt:5:1: warning unattributed-quote Quote without a speaker: ${QUOTE}`), r.stdout);
    assert.strictEqual(r.status, 0, 'warnings alone pass');
    assert.strictEqual(run(dir, 'check', '--strict', 'a.txt').status, 1, '--strict fails on warnings');
  });

  it('an annotated speaker silences unattributed-quote, as in the editor', () => {
    const dir = fresh({ 'a.txt': ARTICLE, 'a.txt.ann.yaml': sidecar('    speaker: Mayor Ana Lopes\n') });
    const r = run(dir, 'check', '--strict', 'a.txt');
    assert.ok(!/a\.txt:5:1: warning unattributed-quote/.test(r.stdout), r.stdout);
    assert.ok(!r.stdout.includes('unattributed-quote'), r.stdout);
    assert.strictEqual(r.status, 0, r.stdout + r.stderr);
  });

  it('an orphaned annotation is a warning where it used to be', () => {
    const dir = fresh({ 'a.txt': ARTICLE, 'a.txt.ann.yaml': 'version: 1\nsource: a.txt\nannotations:\n  - {id: gone1, kind: note, target: {exact: a sentence deleted since, start: 25, end: 49}}\n' });
    const r = run(dir, 'check', 'a.txt');
    assert.match(r.stdout, /^a\.txt:3:\d+: warning orphaned-annotation Annotation gone1 \(note\)/m);
  });

  it('a malformed sidecar is an error naming it with line:col; its article is still checked', () => {
    const bad = 'version: 1\nsource: a.txt\nannotations:\n  - id: q1\n    kind: quote\n    target: {exact: x, start: 9, end: 2}\n';
    const dir = fresh({ 'a.txt': 'date 2023-02-30 Bad date\n\nText.\n', 'a.txt.ann.yaml': bad });
    const r = run(dir, 'check', 'a.txt');
    assert.match(r.stdout, /^a\.txt\.ann\.yaml:6:\d+: error invalid-sidecar annotation "q1": target is out of range/m);
    assert.match(r.stdout, /^a\.txt:1:6: error invalid-date /m);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(readFileSync(join(dir, 'a.txt.ann.yaml'), 'utf8'), bad, 'check never rewrites a sidecar');
  });

  it('checks folders, reports unreadable files, exits 2 on bad usage', () => {
    const dir = fresh({ 'a.txt': ARTICLE, 'b.txt': 'No header here.\n' });
    const r = run(dir, 'check', '.', 'missing.txt');
    assert.match(r.stdout, /^b\.txt:1:1: warning missing-header /m);
    assert.match(r.stdout, /^missing\.txt:1:1: error unreadable-file no such file$/m);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(run(dir, 'check').status, 2);
    assert.strictEqual(run(dir, 'check', '--frobnicate', 'a.txt').status, 2);
  });
});

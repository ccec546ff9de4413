// A corpus split across processes (seed-annotate names + --gazetteer), as a real process:
// each part run with the names file gives what one run over the whole corpus gives.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const CLI = join(__dirname, '../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

/** Four articles; the first two have sidecars naming an organisation and a person the rules do not know. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seed-names-'));
  const a = 'date 2024-02-01 Water board\n\nThe Velmora Trust paid for the new pipes in the valley.\n';
  const b = 'date 2024-02-02 Bridge\n\nKestrin Dalvo opened the bridge. “It is safe,” Dalvo said.\n';
  writeFileSync(join(dir, 'a.txt'), a);
  writeFileSync(join(dir, 'b.txt'), b);
  writeFileSync(join(dir, 'c.txt'), 'date 2024-02-03 Pipes\n\nVelmora Trust engineers inspected the pipes. “They hold,” said one of them.\n');
  writeFileSync(join(dir, 'd.txt'), 'date 2024-02-04 Opening\n\nDalvo thanked the builders of the bridge on Tuesday.\n');
  const at = (text: string, s: string) => `{exact: ${s}, start: ${text.indexOf(s)}, end: ${text.indexOf(s) + s.length}}`;
  writeFileSync(join(dir, 'a.txt.ann.yaml'), `version: 1\nsource: a.txt\nannotations:\n  - {id: o1, kind: actor, name: Velmora Trust, type: organization, target: ${at(a, 'Velmora Trust')}}\n`);
  writeFileSync(join(dir, 'b.txt.ann.yaml'), `version: 1\nsource: b.txt\nannotations:\n  - {id: p1, kind: actor, name: Kestrin Dalvo, type: person, target: ${at(b, 'Kestrin Dalvo')}}\n`);
  return dir;
}

describe('seed-annotate names and --gazetteer (process)', () => {
  it('gathers the annotated names into a names file', () => {
    const dir = corpus();
    const r = run('names', '--out', join(dir, 'names.json'), dir);
    assert.strictEqual(r.status, 0, r.stderr);
    const names = JSON.parse(readFileSync(join(dir, 'names.json'), 'utf8'));
    assert.deepStrictEqual(names.map((n: { name: string; kind: string; type?: string }) => [n.name, n.kind, n.type]).sort(), [
      ['Kestrin Dalvo', 'actor', 'person'], ['Velmora Trust', 'actor', 'organization'],
    ]);
    assert.match(r.stderr, /2 name\(s\) from the sidecars of 4 file\(s\)/);
  });

  it('parts run with the names file give exactly the whole run', () => {
    const dir = corpus();
    const files = ['a.txt', 'b.txt', 'c.txt', 'd.txt'].map((f) => join(dir, f));
    const whole = run('analyze', '--json', ...files);
    assert.strictEqual(whole.status, 0, whole.stderr);
    assert.strictEqual(run('names', '--out', join(dir, 'names.json'), ...files).status, 0);
    const parts = [files.slice(0, 1), files.slice(1, 3), files.slice(3)];
    const split = parts.map((part) => run('analyze', '--json', '--gazetteer', join(dir, 'names.json'), ...part).stdout).join('');
    assert.strictEqual(split, whole.stdout);
    // Without it, a part that holds no sidecar misses the names (what the option is for).
    const alone = run('analyze', '--json', files[2], files[3]).stdout;
    assert.notStrictEqual(alone, whole.stdout.split('\n').slice(2).join('\n'));
    const actorsOf = (line: string) => JSON.parse(line).actors.map((x: { name: string }) => x.name);
    assert.ok(actorsOf(whole.stdout.split('\n')[2]).includes('Velmora Trust'));
    assert.ok(!actorsOf(alone.split('\n')[0]).includes('Velmora Trust'));
    // export and check take it too.
    const exported = run('export', '--format', 'jsonl', '--include-detected', '--gazetteer', join(dir, 'names.json'), files[2]);
    assert.strictEqual(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Velmora Trust/);
    assert.strictEqual(run('check', '--gazetteer', join(dir, 'names.json'), files[3]).status, 0);
  });

  it('refuses a bad names file with a message that says what is wrong', () => {
    const dir = corpus();
    const bad = (content: string) => {
      writeFileSync(join(dir, 'bad.json'), content);
      return run('analyze', '--gazetteer', join(dir, 'bad.json'), join(dir, 'a.txt'));
    };
    let r = bad('{not json');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /bad\.json: not JSON/);
    r = bad('[{"name": "Velmora Trust", "kind": "actor"}, {"name": "Nowhere", "kind": "river"}]');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /bad\.json: entry 2 \(Nowhere\): "kind" must be "place" or "actor"/);
    r = bad('[{"name": "Velmora Trust", "kind": "place", "type": "person"}]');
    assert.match(r.stderr, /entry 1 \(Velmora Trust\): "type" is for actors/);
    r = run('analyze', '--gazetteer', join(dir, 'missing.json'), join(dir, 'a.txt'));
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /missing\.json: no such file/);
    assert.strictEqual(run('analyze', '--gazetteer').status, 2);
  });
});

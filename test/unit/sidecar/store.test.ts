import * as assert from 'assert';
import * as fs from 'fs';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, join } from 'path';
import { parseSidecar, SidecarError, type Annotation } from '../../../server/src/sidecar/format';
import { readSidecar, sidecarPathFor, writeFileAtomic, writeSidecar, type SidecarFs } from '../../../server/src/sidecar/store';

const dir = mkdtempSync(join(tmpdir(), 'seed-sidecar-'));
let n = 0;
/** A fresh seed file path (the seed itself need not exist for the store). */
const freshSource = () => join(dir, `article${++n}.txt`);

const ann = (id: string, exact: string, extra: Partial<Annotation> = {}): Annotation => ({ id, kind: 'note', target: { exact, start: 0, end: exact.length }, ...extra });

const BAD_FILES: Record<string, string | (() => string)> = {
  'malformed YAML': 'version: 1\nsource: a.txt\nannotations:\n  - id: [x\n',
  'wrong types': 'version: 1\nsource: a.txt\nannotations:\n  - id: x\n    kind: note\n    target: {exact: a}\n    tags: 5\n',
  'a newer version': 'version: 3\nsource: a.txt\nannotations: []\n',
  'duplicate ids': 'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: note, target: {exact: a}}\n  - {id: x, kind: note, target: {exact: b}}\n',
  'an out-of-range target': 'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: note, target: {exact: a, start: 5, end: 1}}\n',
  'an alias bomb': 'version: 1\nsource: a.txt\nannotations: []\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
  'a 20 MB file': () => 'version: 1\nsource: a.txt\nannotations: []\n' + ('# ' + 'x'.repeat(1022) + '\n').repeat(20 * 1024),
  'a source outside the folder': 'version: 1\nsource: ../secret.txt\nannotations: []\n',
  'a custom tag': 'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: !!python/object quote, target: {exact: a}}\n',
};

describe('sidecar store: invalid files are never overwritten', () => {
  for (const [what, content] of Object.entries(BAD_FILES)) {
    it(`refuses ${what}, naming file, line and column, and leaves it byte for byte`, () => {
      const src = freshSource();
      const path = sidecarPathFor(src);
      const bytes = Buffer.from(typeof content === 'function' ? content() : content, 'utf8');
      writeFileSync(path, bytes);
      const read = readSidecar(src);
      assert.strictEqual(read.kind, 'invalid');
      assert.throws(() => writeSidecar(src, [ann('new1', 'hello')], null), (e: unknown) => {
        assert.ok(e instanceof SidecarError);
        assert.match(e.message, new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
        return true;
      });
      assert.ok(readFileSync(path).equals(bytes), 'the file changed');
      assert.deepStrictEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
    });
  }
});

describe('sidecar store: writing', () => {
  it('creates a new sidecar and reads it back', () => {
    const src = freshSource();
    const r = writeSidecar(src, [ann('a1', 'one'), ann('a2', 'two', { speaker: 'X' })], null);
    assert.ok(r.written && !r.merged);
    const back = readSidecar(src);
    assert.ok(back.kind === 'ok');
    assert.strictEqual(back.sidecar.source, src.split(/[\\/]/).pop());
    assert.deepStrictEqual(back.sidecar.annotations.map((a) => a.id), ['a1', 'a2']);
    assert.strictEqual(writeSidecar(src, back.sidecar.annotations, back).written, false);
  });

  it('merges a change made on disk since it was read, losing neither side', () => {
    const src = freshSource();
    const first = writeSidecar(src, [ann('a1', 'one'), ann('a2', 'two'), ann('a3', 'three')], null).snapshot;
    // Another writer (a git pull, a second window): edits a2, adds b1, deletes a3, adds a comment.
    const other = first.text.replace('exact: two', 'exact: two (theirs)').replace('annotations:', '# pulled\nannotations:') +
      '  - id: b1\n    kind: note\n    target: {exact: theirs}\n';
    writeFileSync(sidecarPathFor(src), other.replace(/  - id: a3\n(    .*\n)+?(?=  - id: b1)/, ''));
    // Meanwhile we edited a1 and added c1 from the first version.
    const ours = [ann('a1', 'one (ours)'), ann('a2', 'two'), ann('a3', 'three'), ann('c1', 'ours')];
    const r = writeSidecar(src, ours, first);
    assert.ok(r.merged);
    assert.deepStrictEqual(r.conflicts, []);
    const back = readSidecar(src);
    assert.ok(back.kind === 'ok');
    const byId = new Map(back.sidecar.annotations.map((a) => [a.id, a.target.exact]));
    assert.deepStrictEqual([...byId].sort(), [['a1', 'one (ours)'], ['a2', 'two (theirs)'], ['b1', 'theirs'], ['c1', 'ours']]);
    assert.ok(back.text.includes('# pulled'), 'the other writer\'s comment is kept');
  });

  it('keeps both versions of an annotation edited on both sides', () => {
    const src = freshSource();
    const first = writeSidecar(src, [ann('a1', 'one')], null).snapshot;
    writeFileSync(sidecarPathFor(src), first.text.replace('exact: one', 'exact: one (disk)'));
    const r = writeSidecar(src, [ann('a1', 'one (ours)')], first);
    assert.strictEqual(r.conflicts.length, 1);
    assert.strictEqual(r.conflicts[0].id, 'a1');
    const back = readSidecar(src);
    assert.ok(back.kind === 'ok');
    assert.deepStrictEqual(back.sidecar.annotations.map((a) => [a.id, a.target.exact]), [['a1', 'one (disk)'], [r.conflicts[0].newId, 'one (ours)']]);
  });

  it('writes ours when the file was deleted meanwhile', () => {
    const src = freshSource();
    const first = writeSidecar(src, [ann('a1', 'one')], null).snapshot;
    fs.unlinkSync(sidecarPathFor(src));
    writeSidecar(src, [ann('a1', 'one'), ann('a2', 'two')], first);
    const back = readSidecar(src);
    assert.ok(back.kind === 'ok' && back.sidecar.annotations.length === 2);
  });
});

/**
 * Fault injection: a file system that fails at the k-th call of one operation
 * (writes go in 29-byte pieces, so a failing write leaves a partial temp file),
 * optionally "dying" so that the clean-up fails too.
 */
function faultyFs(op: keyof SidecarFs, k: number, dies: boolean): SidecarFs & { fired: boolean } {
  let calls = 0;
  const real = fs as unknown as SidecarFs;
  const f = {
    fired: false,
    // fsync only matters on power loss, which a test cannot cause; skipping it keeps the 256 runs fast.
    readFileSync: real.readFileSync, statSync: real.statSync, openSync: real.openSync, fsyncSync: () => {},
    closeSync: real.closeSync, renameSync: real.renameSync, unlinkSync: real.unlinkSync,
    writeSync: (fd: number, buf: Uint8Array, off: number, len: number) => real.writeSync(fd, buf, off, Math.min(29, len)),
  } as SidecarFs & { fired: boolean };
  const inner = f[op] as (...a: unknown[]) => unknown;
  (f as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => {
    if (++calls === k) {
      f.fired = true;
      if (op === 'writeSync') real.writeSync(args[0] as number, args[1] as Uint8Array, args[2] as number, Math.min(3, args[3] as number));
      throw Object.assign(new Error(`injected ${op} failure`), { code: 'EIO' });
    }
    return inner(...args);
  };
  if (dies) f.unlinkSync = () => { throw new Error('process died before clean-up'); };
  return f;
}

const noSync: SidecarFs = { ...(fs as unknown as SidecarFs), fsyncSync: () => {} };

describe('sidecar store: interrupted writes leave the old file or the new one', () => {
  const ops: (keyof SidecarFs)[] = ['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync'];
  let injected = 0;
  after(() => console.log(`      (${injected} faults injected; every time the sidecar was the old or the new version)`));
  for (const existing of [true, false]) {
    it(`${existing ? 'over an existing sidecar' : 'for a new sidecar'}, at every step`, () => {
      for (const op of ops) {
        const points = op === 'writeSync' ? 12 : 1;
        for (let k = 1; k <= points; k++) {
          for (const dies of [false, true]) {
            const src = freshSource();
            const path = sidecarPathFor(src);
            const old = existing ? writeSidecar(src, [ann('old1', 'old text')], null, { fs: noSync }).snapshot : null;
            const oldBytes = existing ? readFileSync(path) : null;
            const target = [ann('old1', 'old text'), ann('new1', 'x'.repeat(200))];
            const faulty = faultyFs(op, k, dies);
            let threw = false;
            try { writeSidecar(src, target, old, { fs: faulty }); } catch { threw = true; }
            if (!faulty.fired) continue;
            injected++;
            assert.ok(threw, `${op}#${k}: the failure was swallowed`);
            const now = fs.existsSync(path) ? readFileSync(path) : null;
            if (oldBytes) assert.ok(now && now.equals(oldBytes), `${op}#${k}: the old file was damaged`);
            else assert.strictEqual(now, null, `${op}#${k}: a partial new file appeared`);
            const mine = (f: string) => f.startsWith('.' + basename(path)) && f.endsWith('.tmp');
            if (!dies) assert.deepStrictEqual(readdirSync(dir).filter(mine), [], `${op}#${k}: temp file left`);
            // A later write by a healthy process succeeds and reads back completely.
            writeSidecar(src, target, readSidecar(src), { fs: noSync });
            const back = parseSidecar(readFileSync(path, 'utf8'));
            assert.ok(back.ok && back.sidecar.annotations.length === 2);
          }
        }
      }
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.tmp'))) fs.unlinkSync(join(dir, f));
    });
  }
  it('writeFileAtomic replaces a file in one step', () => {
    const p = join(dir, 'plain.txt');
    writeFileSync(p, 'old');
    writeFileAtomic(p, 'new content');
    assert.strictEqual(readFileSync(p, 'utf8'), 'new content');
  });
});

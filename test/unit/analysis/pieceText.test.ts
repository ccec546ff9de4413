// The text of an open document in pieces (pieceText.ts): through any series of edits it
// reads exactly as the same edits applied to one string, and shares what they left alone.
import * as assert from 'assert';
import fc from 'fast-check';
import { firstLine, PieceText } from '../../../server/src/analysis/pieceText';
import { difference } from '../../../server/src/analysis/incremental';

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.nat({ max: 40 }), fc.nat({ max: 400 })),
  ins: fc.oneof(fc.string({ maxLength: 5 }), fc.string({ maxLength: 300 }), fc.constant('\n')),
});

function sameText(p: PieceText, s: string, probe: (n: number) => number): void {
  assert.strictEqual(p.length, s.length);
  for (let k = 0; k < 20; k++) {
    const a = probe(s.length + 1);
    const b = a + probe(200);
    assert.strictEqual(p.slice(a, b), s.slice(a, b), `slice(${a}, ${b})`);
    assert.ok(Object.is(p.charCodeAt(a), s.charCodeAt(a)), `charCodeAt(${a})`);
  }
  assert.strictEqual(p.slice(-3, s.length + 5), s.slice(-3, s.length + 5));
  assert.strictEqual(p.slice(-7, -2), s.slice(-7, -2));
  assert.strictEqual(firstLine(p), firstLine(s));
}

describe('text in pieces', () => {
  it('reads as the same edits applied to a string, at every piece boundary', () => {
    fc.assert(fc.property(
      fc.string({ maxLength: 2000 }), fc.integer({ min: 4, max: 64 }), fc.array(edit, { maxLength: 30 }), fc.integer(),
      (start, unit, edits, seed) => {
        let s = start;
        let p = PieceText.of(s, unit);
        let r = seed >>> 0;
        const probe = (n: number) => ((r = (Math.imul(r, 1103515245) + 12345) >>> 0) % Math.max(n, 1));
        sameText(p, s, probe);
        for (const e of edits) {
          const at = Math.floor(e.at * s.length);
          const before = p;
          p = p.edit(at, at + e.del, e.ins);
          s = s.slice(0, at) + e.ins + s.slice(at + e.del);
          sameText(p, s, probe);
          // No piece much longer than twice the target, and not many more pieces than needed.
          assert.ok(p.pieceCount <= Math.ceil(s.length / (unit / 4)) + 2, `${p.pieceCount} pieces for ${s.length} units`);
          // Where the versions differ: the shared pieces are equal text, and the edit lies between.
          const d = before.differenceFrom(p);
          assert.ok(d.prefix + d.suffix <= Math.min(before.length, p.length));
          assert.strictEqual(before.slice(0, d.prefix), p.slice(0, d.prefix));
          assert.strictEqual(before.slice(before.length - d.suffix, before.length), p.slice(p.length - d.suffix, p.length));
          assert.deepStrictEqual(difference(before, p), difference(before.toString(), s));
        }
        assert.strictEqual(p.toString(), s);
      },
    ), { numRuns: 300 });
  });

  it('finds a string as String.prototype.indexOf does, across piece boundaries too', () => {
    fc.assert(fc.property(
      fc.string({ unit: fc.constantFrom('a', 'b', 'ab', ' ', '“'), maxLength: 300 }), fc.integer({ min: 1, max: 16 }), fc.array(edit, { maxLength: 5 }),
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat({ max: 12 }), from: fc.integer({ min: -3, max: 320 }) }), { maxLength: 12 }),
      (start, unit, edits, probes) => {
        let s = start;
        let p = PieceText.of(s, unit);
        for (const e of edits) {
          const at = Math.floor(e.at * s.length);
          p = p.edit(at, at + e.del, e.ins);
          s = s.slice(0, at) + e.ins + s.slice(at + e.del);
        }
        for (const probe of probes) {
          // Needles cut from the text (so they occur), and the same with a letter changed.
          const at = Math.floor(probe.at * s.length);
          const needle = s.slice(at, at + probe.len);
          for (const x of [needle, needle + 'a', 'b' + needle, '']) {
            assert.strictEqual(p.indexOf(x, probe.from), s.indexOf(x, probe.from), `indexOf(${JSON.stringify(x)}, ${probe.from})`);
          }
          assert.strictEqual(p.indexOf(needle), s.indexOf(needle));
        }
      },
    ), { numRuns: 500 });
  });

  it('copies only the pieces an edit touches', () => {
    const text = 'a'.repeat(10_000) + 'b'.repeat(10_000);
    const p = PieceText.of(text, 1000);
    const q = p.edit(10_500, 10_500, 'X');
    assert.strictEqual(q.pieceCount, 20);
    const d = p.differenceFrom(q);
    assert.deepStrictEqual(d, { prefix: 10_000, suffix: 9_000 });
    assert.strictEqual(q.toString(), text.slice(0, 10_500) + 'X' + text.slice(10_500));
    // The old version is unchanged.
    assert.strictEqual(p.toString(), text);
  });

  it('cuts a long paste into pieces of about the target length', () => {
    const p = PieceText.of('start\n', 1000).edit(6, 6, 'x'.repeat(10_000));
    assert.ok(p.pieceCount >= 10 && p.pieceCount <= 11, `${p.pieceCount} pieces`);
    assert.strictEqual(p.slice(0, 8), 'start\nxx');
  });

  it('reads the first line of a long text without joining it', () => {
    const line = 'date 2024-01-02 ' + 'T'.repeat(5_000);
    const p = PieceText.of(line + '\nbody', 100);
    assert.strictEqual(firstLine(p), line + '\n');
    assert.strictEqual(firstLine(PieceText.of('no break', 3)), 'no break');
  });
});

// The server's frozen per-version document (workspace/analyzed.ts) must convert
// offsets and positions exactly as vscode-languageserver-textdocument does: every
// range the server sends goes through it.
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lineStartsOf } from '../../server/src/features/liveDocument';
import { FrozenText } from '../../server/src/workspace/analyzed';

/** Texts made of the characters that matter: line breaks of every kind, surrogates, letters. */
const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '\n\n', '😀', '“'), { maxLength: 60 }).map((xs) => xs.join(''));

describe('FrozenText (positions of an analysed version)', () => {
  it('agrees with TextDocument on positionAt, offsetAt, lineCount, getText and line ranges', () => {
    fc.assert(fc.property(text, fc.array(fc.record({ line: fc.integer({ min: -2, max: 30 }), character: fc.integer({ min: -2, max: 70 }) }), { maxLength: 20 }), (t, positions) => {
      const ours = new FrozenText('file:///x.txt', 'seed', 3, t);
      const ref = TextDocument.create('file:///x.txt', 'seed', 3, t);
      assert.strictEqual(ours.lineCount, ref.lineCount);
      for (let o = -1; o <= t.length + 1; o++) assert.deepStrictEqual(ours.positionAt(o), ref.positionAt(o), `positionAt(${o}) of ${JSON.stringify(t)}`);
      for (const p of positions) {
        assert.strictEqual(ours.offsetAt(p), ref.offsetAt(p), `offsetAt(${JSON.stringify(p)}) of ${JSON.stringify(t)}`);
        const range = { start: p, end: { line: p.line + 1, character: 0 } };
        assert.strictEqual(ours.getText(range), ref.getText(range));
        assert.deepStrictEqual(ours.getLineRange(p.line), ref.getLineRange(p.line));
        assert.strictEqual(ours.getEOLCharacters(p.line), ref.getEOLCharacters(p.line));
      }
      assert.strictEqual(ours.getText(), t);
    }), { numRuns: 500 });
  });

  it('finds line starts with and without carriage returns', () => {
    assert.deepStrictEqual(lineStartsOf(''), [0]);
    assert.deepStrictEqual(lineStartsOf('ab\ncd\n'), [0, 3, 6]);
    assert.deepStrictEqual(lineStartsOf('ab\r\ncd\rx\n'), [0, 4, 7, 9]);
  });
});

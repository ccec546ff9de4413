// openingWords names every quote of every indexed file, so it is a scan of the
// characters it keeps; its reference here is the regex version it replaced (the
// definition of what a quote is called), compared on generated texts and on the
// quotes of the seed articles.
import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../../server/src/analysis';
import { openingWords } from '../../../server/src/workspace/quoteLabels';

const LEADING_MARKS = /^[\s“”"«»„‘’'‹›‚]+/u;
const TRAILING_MARKS = /[\s“”"«»„‘’'‹›‚]+$/u;

function reference(text: string, maxWords = 8, maxChars = 60): string {
  const head = text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text;
  const complete = head.length === text.length;
  let inner = head.replace(LEADING_MARKS, '');
  if (complete) inner = inner.replace(TRAILING_MARKS, '');
  inner = inner.replace(/\s+/g, ' ');
  let out = inner.split(' ').slice(0, maxWords).join(' ');
  if (out.length > maxChars) out = out.slice(0, maxChars - 1).trimEnd();
  if (!out) return text.trim() || text;
  return out.length < inner.length || !complete ? `${out}…` : out;
}

describe('openingWords', () => {
  it('reads whitespace as \\s does, for every UTF-16 unit', () => {
    // One word per unit between two letters: a space unit splits it in two.
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      assert.strictEqual(openingWords(text), reference(text), `U+${c.toString(16)}`);
    }
  });

  it('names generated quotes as the regex version does (marks, whitespace runs, long words, long heads)', () => {
    const piece = fc.constantFrom('word', 'a', 'Ünïcode', '😀', ' ', '  ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff',
      '“', '”', '"', "'", '«', '»', '„', '‘', '’', '‹', '›', '‚', '.', '…', 'x'.repeat(70), '');
    const text = fc.array(piece, { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 80 }), (t, words, chars) => {
      assert.strictEqual(openingWords(t), reference(t));
      assert.strictEqual(openingWords(t, words, chars), reference(t, words, chars));
    }), { numRuns: 3000 });
  });

  it('names the quotes of the seed articles as the regex version does', () => {
    const dir = path.join(__dirname, '../../../seeds');
    let n = 0;
    for (const f of readdirSync(dir)) {
      for (const q of analyze(readFileSync(path.join(dir, f), 'utf8')).quotes) {
        assert.strictEqual(openingWords(q.text), reference(q.text), q.text);
        n++;
      }
    }
    assert.ok(n > 20, `only ${n} quotes in seeds/`);
  });
});

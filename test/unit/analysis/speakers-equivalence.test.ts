// The attribution's hot helpers read characters where they once ran a regex or cut
// strings (for speed). Each is checked here against the expression it replaced, on
// random strings over an alphabet made of what those expressions care about.
import * as assert from 'assert';
import fc from 'fast-check';
import { cueInternals } from '../../../server/src/analysis/cues';
import { quoteInternals } from '../../../server/src/analysis/quotes';
import { speakerInternals } from '../../../server/src/analysis/speakers';
import type { Quote } from '../../../server/src/analysis/types';

/** Letters of every case and script (𝐀 is an upper-case letter outside the BMP), spaces, marks, punctuation. */
const PIECES = [
  'a', 'e', 'f', 'd', 'r', 'y', 'l', 'n', 't', 's', 'A', 'E', 'F', 'D', 'R', 'Z', 'É', 'é', 'Ω', 'ω', 'ſ', 'K', '𝐀', '𝐚', '\uD835',
  ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', ',', '.', '!', '?', ')', '(', '’', "'", '"', '”', '“', '»', '-', '—', '■', '_', '1',
  'of', 'the', 'for', 'and', 'Of', 'THE', 'on', 'last', 'this', 'early', 'late', 'earlier', 'ly', 'n’t', "n't", 'has', 'also', 'week', 'Monday',
  'Mr.', 'Dr.', 'Gen.', 'de ', 'van ', 'von ', 'al-', 'of the ', 'John', 'Smith', 'Émile', 'Ōsaka', 'McCain', "O'Neil",
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((xs) => xs.join(''));
const RUNS = { numRuns: 3000 };

describe('attribution helpers equal the expressions they replaced', () => {
  it('mayTrail: last word looks like a trailing adverb or time word', () => {
    const TRAIL_WORDS = new Set(('has have had was were is are will would also then later previously once again recently further repeatedly ' +
      'reportedly publicly privately only first quickly simply flatly never earlier often frequently already even still did does do not long ' +
      'week weekend month year morning afternoon evening night statement interview tweet post letter speech email e-mail release op-ed column ' +
      'video message report memo radio').split(' '));
    const before = (s: string): boolean => {
      const w = s.slice(s.lastIndexOf(' ') + 1);
      if (!w) return false;
      if (w.endsWith(')') || /ly$|n[’']t$/.test(w)) return true;
      if (TRAIL_WORDS.has(w.toLowerCase())) return true;
      const rest = s.slice(0, s.length - w.length).trimEnd();
      return /\b(?:on|last|this|early|late|earlier)$/i.test(rest.slice(-8));
    };
    fc.assert(fc.property(text, (s) => cueInternals.mayTrail(s) === before(s)), RUNS);
  });

  it('withoutTrailingConnectors: replace(/(?:\\s+(?:of|the|for|and))+$/iu, "")', () => {
    fc.assert(fc.property(text, (s) => cueInternals.withoutTrailingConnectors(s) === s.replace(/(?:\s+(?:of|the|for|and))+$/iu, '')), RUNS);
  });

  it('leadingSpaceOrComma and hasSpace: /^[\\s,]*/u and /\\s/u', () => {
    fc.assert(fc.property(text, (s) => cueInternals.leadingSpaceOrComma(s) === /^[\s,]*/u.exec(s)![0].length && cueInternals.hasSpace(s) === /\s/u.test(s)), RUNS);
  });

  it('firstSpace: search(/\\s|$/u)', () => {
    fc.assert(fc.property(text, (s) => speakerInternals.firstSpace(s) === s.search(/\s|$/u)), RUNS);
  });

  it('wordCount: split(/\\s+/u).filter(Boolean).length, counted up to a limit', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 8 }), (s, max) => {
      const words = s.split(/\s+/u).filter(Boolean).length;
      return speakerInternals.wordCount(s, max) === Math.min(words, max);
    }), RUNS);
  });

  it('endsSentence: the quote without closing marks and trailing space ends in . ! or ?', () => {
    fc.assert(fc.property(text, text, text, (pre, body, post) => {
      const all = pre + body + post;
      const q = { start: pre.length, end: pre.length + body.length } as Quote;
      const inner = all.slice(q.start, q.end).replace(/["”’»“]+$/u, '').trimEnd();
      return speakerInternals.endsSentence(all, q) === /[.!?]$/u.test(inner);
    }), RUNS);
  });

  it('NAME_RUN: the same matches as with \\p{Lu} for the first capital, after no ASCII letter, digit or _', () => {
    // In a `u` regex \b knows only ASCII word characters: a name starting "É" after a space needs the lookbehind.
    const ORIGINAL = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?<![A-Za-z0-9_])\p{Lu}[\p{L}’'-]+(?:\s+(?:of\s+(?:the\s+)?|de\s+|van\s+|von\s+|al-)?\p{Lu}[\p{L}.’'-]*){1,4}/gu;
    const all = (re: RegExp, s: string) => [...s.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    fc.assert(fc.property(text, (s) => assert.deepStrictEqual(all(speakerInternals.NAME_RUN, s), all(ORIGINAL, s))), RUNS);
    assert.deepStrictEqual(all(speakerInternals.NAME_RUN, 'said Émile Zola and Ōsaka Bay'), ['5:Émile Zola', '20:Ōsaka Bay']);
    // Every upper-case letter is A-Z or from U+00C0 on (what the rewrite relies on).
    for (let c = 0; c < 0xc0; c++) assert.strictEqual(/\p{Lu}/u.test(String.fromCharCode(c)), c >= 0x41 && c <= 0x5a);
  });

  it('sentenceStart: the same start from the walk\'s break candidates as from reading every character', () => {
    // A text, and the same text with some stretches masked as quotations are (line breaks kept).
    const masks = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 12 })), { maxLength: 4 });
    let moved = 0;
    fc.assert(fc.property(text, text, masks, fc.nat(), fc.nat(), (a, b, spans, f, t) => {
      const plain = a + ' ' + b;
      const chars = plain.split('');
      for (const [at, len] of spans) for (let k = at % chars.length; k < Math.min(chars.length, (at % chars.length) + len); k++) if (chars[k] !== '\n') chars[k] = '■';
      const masked = chars.join('');
      const at = t % (masked.length + 1);
      const floor = Math.min(at, f % (masked.length + 1));
      const [indexed, scanned] = speakerInternals.sentenceStartBothWays(masked, plain, floor, at);
      assert.strictEqual(indexed, scanned);
      if (indexed > floor) moved++;
    }), { numRuns: 5000 });
    // Not a vacuous check: some cases (~4%) find a sentence start after the floor.
    assert.ok(moved > 50, `only ${moved} cases moved past the floor`);
  });
});

describe('quote helpers equal the expressions they replaced', () => {
  it('stripMarks: replace(/^["“”„«‘’\'‚‹]+|["“”»’\'‘›]+$/g, "")', () => {
    const marks = fc.array(fc.constantFrom('"', '“', '”', '„', '«', '»', '‘', '’', "'", '‚', '‹', '›', 'a', ' ', '.', 'B'), { maxLength: 12 }).map((xs) => xs.join(''));
    fc.assert(fc.property(marks, (s) => quoteInternals.stripMarks(s) === s.replace(/^["“”„«‘’'‚‹]+|["“”»’'‘›]+$/g, '')), RUNS);
  });
});

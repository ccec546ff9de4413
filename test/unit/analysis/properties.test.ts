// Property-based and hostile-input tests of the pure analysis: it never throws, every
// span is well-formed, the same input gives the same output, and the paragraph cache
// never changes the result.
import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { analyze, AnalysisCache } from '../../../server/src/analysis';
import type { Analysis, Span } from '../../../server/src/analysis';
import { PieceText } from '../../../server/src/analysis/pieceText';
import { generateArticle } from '../../bench/generate';

const SEEDS = join(__dirname, '../../../seeds');
const articles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
const OPENING_OR_CLOSING = /["“”‘’«»„‟‹›'`]/u;

function spansOf(a: Analysis): Array<[string, Span]> {
  const out: Array<[string, Span]> = [];
  const add = (kind: string, xs: readonly Span[]) => xs.forEach((x) => out.push([kind, x]));
  add('paragraph', a.paragraphs);
  add('section', a.sections);
  add('quote', a.quotes);
  add('speaker', a.quotes.flatMap((q) => (q.speaker ? [q.speaker] : [])));
  add('date', a.dates);
  add('place', a.places);
  add('actor', a.actors);
  add('diagnostic', a.diagnostics);
  if (a.header) add('header', [a.header]);
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, i: number) => i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));

/** Asserts the invariants every analysis must satisfy; `text` is the BOM-stripped input. */
function checkInvariants(input: string): Analysis {
  const a = analyze(input);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  for (const [kind, s] of spansOf(a)) {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${kind} offsets are integers`);
    assert.ok(s.start >= 0 && s.end <= text.length && s.start <= s.end, `${kind} ${s.start}-${s.end} inside 0-${text.length}`);
    assert.ok(!splitsPair(text, s.start) && !splitsPair(text, s.end), `${kind} ${s.start}-${s.end} splits a surrogate pair`);
  }
  for (const q of a.quotes) {
    assert.strictEqual(q.text, text.slice(q.start, q.end), 'quote text is its span');
    assert.match(text[q.start], OPENING_OR_CLOSING, `quote starts on a mark: ${JSON.stringify(q.text.slice(0, 20))}`);
    if (q.closed) assert.match(text[q.end - 1], OPENING_OR_CLOSING, `closed quote ends on a mark: ${JSON.stringify(q.text.slice(-20))}`);
  }
  for (const d of a.dates) assert.strictEqual(d.text, text.slice(d.start, d.end));
  for (const e of [...a.places, ...a.actors]) assert.strictEqual(e.text, text.slice(e.start, e.end));
  return a;
}

// Text built from the pieces that matter to the recognisers, so random strings hit the rules.
const piece = fc.constantFrom(
  '“', '”', '"', '‘', '’', '«', '»', '„', "'", ':', '.', ',', ' ', ' ', ' ', '\n', '\n\n', '\r\n', '\uFEFF', '\0',
  'said', 'he', 'she', 'told', 'according to', 'Azerbaijan', 'Baku', 'Gurgen Simonyan', 'the ministry',
  'March 27', 'On Saturday', 'last year', '2023', 'date 2023-03-27 Title\n\n', 'date 2023-02-30 X\n', '😀', 'שלום', 'مرحبا',
  'SMITH:', 'It was reported that', 'We', 'will', 'not', 'give', 'up', 'A heading\n\n',
);
const recogniserText = fc.array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 60 }).map((xs) => xs.join(''));

describe('analysis properties (fast-check)', () => {
  it('never throws and keeps every span well-formed on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => { checkInvariants(s); }), { numRuns: 400 });
  });

  it('keeps its invariants on text built from quote marks, cues, names and dates', () => {
    fc.assert(fc.property(recogniserText, (s) => { checkInvariants(s); }), { numRuns: 600 });
  });

  it('keeps its invariants on mutated real articles', () => {
    const mutation = fc.record({
      article: fc.nat({ max: articles.length - 1 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 40 }), ins: recogniserText }), { maxLength: 6 }),
    });
    fc.assert(fc.property(mutation, ({ article, edits }) => {
      let t = articles[article];
      for (const e of edits) {
        const at = Math.floor(e.at * t.length);
        t = t.slice(0, at) + e.ins + t.slice(at + e.del);
      }
      checkInvariants(t);
    }), { numRuns: 150 });
  });

  it('is deterministic: the same input gives the same output', () => {
    fc.assert(fc.property(recogniserText, (s) => { assert.deepStrictEqual(analyze(s), analyze(s)); }), { numRuns: 200 });
    for (const t of articles) assert.deepStrictEqual(analyze(t), analyze(t));
  });

  it('gives the same result with a warm paragraph cache as from scratch, through a series of edits', () => {
    fc.assert(fc.property(
      fc.nat({ max: articles.length - 1 }),
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat({ max: 30 }), ins: recogniserText }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 16, max: 2048 }),
      (article, edits, unit) => {
        const cache = new AnalysisCache();
        const inPieces = new AnalysisCache();
        let t = articles[article];
        let p = PieceText.of(t, unit);
        analyze(t, {}, cache);
        analyze(p, {}, inPieces);
        for (const e of edits) {
          const at = Math.floor(e.at * t.length);
          t = t.slice(0, at) + e.ins + t.slice(at + e.del);
          p = p.edit(at, at + e.del, e.ins);
          const fresh = analyze(t);
          assert.deepStrictEqual(analyze(t, {}, cache), fresh);
          // The same versions held in pieces (as an open document holds them).
          assert.deepStrictEqual(analyze(p, {}, inPieces), fresh);
        }
      },
    ), { numRuns: 60 });
  });

  // Re-analysis after an edit reuses the previous version (incremental.ts): the result
  // must equal a fresh analysis whatever the edit does to names, quotes and paragraphs.
  it('re-analyses a long article incrementally, equal to a fresh analysis, through random edits', function () {
    this.timeout(120_000);
    const pieces = ['x', ' ', 'said', '“', '”', '"', '\n\n', '\n', 'Anna Keller', ' he said. ', 'Mr. Novak', ': ', '.', 'the ministry', '“We will', ' according to Omar Haddad,', 'Ministry of Defence', 'it said.'];
    const base = generateArticle({ bytes: 30_000, seed: 31 });
    fc.assert(fc.property(
      fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.oneof(fc.constant(0), fc.nat({ max: 60 })), ins: fc.oneof(fc.constantFrom(...pieces), recogniserText) }), { minLength: 5, maxLength: 15 }),
      fc.integer({ min: 64, max: 4096 }),
      (edits, unit) => {
        const cache = new AnalysisCache();
        const inPieces = new AnalysisCache();
        let t = base;
        let p = PieceText.of(t, unit);
        analyze(t, {}, cache);
        analyze(p, {}, inPieces);
        const body = base.indexOf('\n') + 1; // edits leave the header line alone (an edit there starts afresh)
        for (const e of edits) {
          const at = body + Math.floor(e.at * (t.length - body));
          t = t.slice(0, at) + e.ins + t.slice(at + e.del);
          p = p.edit(at, at + e.del, e.ins);
          const fresh = analyze(t);
          assert.deepStrictEqual(analyze(t, {}, cache), fresh);
          // The same versions held in pieces (as an open document holds them).
          assert.deepStrictEqual(analyze(p, {}, inPieces), fresh);
        }
        assert.strictEqual(cache.edits, edits.length, 'every edit went the incremental way');
        assert.strictEqual(inPieces.edits, edits.length, 'every edit in pieces went the incremental way');
      },
    ), { numRuns: 20 });
  });
});

describe('analysis on hostile shapes', () => {
  // Generous bounds: these guard against super-linear blow-ups, not measure speed.
  const within = (ms: number, what: string, f: () => void) => {
    const t0 = process.hrtime.bigint();
    f();
    const took = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(took < ms, `${what} took ${took.toFixed(0)} ms (bound ${ms} ms)`);
  };

  it('an empty file, a lone BOM, white space only', () => {
    for (const s of ['', '\uFEFF', '   \n\n\t\n']) {
      const a = checkInvariants(s);
      assert.strictEqual(a.quotes.length, 0);
      assert.deepStrictEqual(a.diagnostics.map((d) => d.code), ['missing-header']);
    }
  });

  it('a header with an impossible date is an invalid-date error and no reference date', () => {
    const a = checkInvariants('date 2023-02-30 Leap day that is not\n\nOn Saturday, he said “hello.”\n');
    assert.ok(a.diagnostics.some((d) => d.code === 'invalid-date' && d.severity === 'error'));
    assert.strictEqual(a.referenceDate, null);
  });

  it('a 10 MB single line', function () {
    this.timeout(120000);
    const unit = 'The minister said “we will not give up” on Saturday in Baku, according to Gurgen Simonyan. ';
    const line = 'date 2023-03-27 Long\n\n' + unit.repeat(Math.ceil(10_000_000 / unit.length));
    within(60000, '10 MB single line', () => { analyze(line); });
  });

  it('100,000 quote marks', function () {
    this.timeout(60000);
    for (const mark of ['“', '"', '”', '«']) {
      const s = 'date 2023-03-27 Marks\n\n' + mark.repeat(100_000);
      within(15000, `100,000 × ${mark}`, () => { checkInvariants(s); });
    }
    within(15000, 'alternating marks', () => { checkInvariants('date 2023-03-27 M\n\n' + '“a” '.repeat(25_000)); });
  });

  it('deeply nested quotes', function () {
    this.timeout(30000);
    const depth = 5000;
    const s = 'date 2023-03-27 Nest\n\nShe said ' + '“‘'.repeat(depth) + 'x' + '’”'.repeat(depth) + '.';
    within(10000, 'nested quotes', () => { checkInvariants(s); });
  });

  it('CRLF, CR and mixed line ends give the same findings as LF, at their own offsets', () => {
    for (const t of articles) {
      const lf = analyze(t.replace(/\r\n?/g, '\n'));
      const crlf = checkInvariants(t.replace(/\r\n?/g, '\n').replace(/\n/g, '\r\n'));
      assert.deepStrictEqual(crlf.quotes.map((q) => q.text.replace(/\r\n/g, '\n')), lf.quotes.map((q) => q.text));
      assert.deepStrictEqual(crlf.quotes.map((q) => q.speaker?.name ?? null), lf.quotes.map((q) => q.speaker?.name ?? null));
      assert.deepStrictEqual(crlf.dates.map((d) => d.value), lf.dates.map((d) => d.value));
      const mixed = t.replace(/\r\n?/g, '\n').split('\n').map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
      checkInvariants(mixed);
    }
  });

  it('a BOM does not shift offsets: they count in the text without it', () => {
    for (const t of articles) {
      const plain = analyze(t.replace(/^\uFEFF/, ''));
      const bom = analyze('\uFEFF' + t.replace(/^\uFEFF/, ''));
      assert.deepStrictEqual(bom, plain);
    }
  });

  it('NUL bytes, right-to-left text and emoji', () => {
    checkInvariants('date 2023-03-27 Mixed\n\n\0\0 “שלום עולם,” she said. 😀😀 “مرحبا” 👩‍👩‍👧 «😀» \0');
    const emoji = checkInvariants('date 2023-03-27 E\n\n😀😀 “Hello 😀 there,” said Gurgen Simonyan on March 25.');
    for (const q of emoji.quotes) assert.ok(q.text.startsWith('“'));
  });
});

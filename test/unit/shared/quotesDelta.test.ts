// The `seed/quotes` delta: applying it (shared/quotesDelta.ts, what the client does) and
// finding it between two analysed versions (features/quotesDiff.ts, what the server does).
// Whatever the edits, the previous version's quotes with the delta applied must be
// exactly the next version's, whether the quotes come in chunks shared by the typing
// path, as a plain list (an analysis with a sidecar applied), or with a BOM before them.
import * as assert from 'assert';
import fc from 'fast-check';
import { analyze, AnalysisCache, type Analysis } from '../../../server/src/analysis';
import { quoteListOf } from '../../../server/src/analysis/quoteList';
import { diffQuotes, quoteInfo, quoteSource } from '../../../server/src/features/quotesDiff';
import type { QuoteInfo, QuotesResult } from '../../../server/src/shared/protocol';
import { applyQuotesDelta, fullAnswer, QuotesDeltaError } from '../../../server/src/shared/quotesDelta';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { generateArticle, SEEDS_DIR } from '../../bench/generate';

const q = (start: number, speaker: string | null = null): QuoteInfo => ({ start, end: start + 5, kind: 'speech', speaker, via: speaker ? 'cue' : null, cue: speaker ? 'said' : null });

describe('applyQuotesDelta', () => {
  const held = [q(0), q(10, 'Ana'), q(20), q(30, 'Rui')];

  it('keeps the start, replaces the dropped quotes and moves the rest', () => {
    const inserted = q(12, 'Eva');
    const out = applyQuotesDelta(held, { from: 1, keep: 1, drop: 2, insert: [inserted], shift: 3 });
    assert.deepStrictEqual(out, [q(0), inserted, { ...q(33, 'Rui') }]);
    assert.strictEqual(out[0], held[0], 'kept quotes are shared, not copied');
    assert.deepStrictEqual(held, [q(0), q(10, 'Ana'), q(20), q(30, 'Rui')], 'the held list is not changed');
  });

  it('shares the moved quotes when nothing moved, and handles empty lists', () => {
    const out = applyQuotesDelta(held, { from: 1, keep: 0, drop: 1, insert: [], shift: 0 });
    assert.strictEqual(out[2], held[3]);
    assert.deepStrictEqual(applyQuotesDelta([], { from: 1, keep: 0, drop: 0, insert: [q(4)], shift: 9 }), [q(4)]);
    assert.deepStrictEqual(applyQuotesDelta(held, { from: 1, keep: 0, drop: 4, insert: [], shift: -2 }), []);
  });

  it('refuses a delta that does not fit the quotes held', () => {
    for (const bad of [
      { keep: 3, drop: 2, insert: [], shift: 0 },
      { keep: -1, drop: 0, insert: [], shift: 0 },
      { keep: 0, drop: 1.5, insert: [], shift: 0 },
      { keep: 0, drop: 0, insert: [], shift: Number.NaN },
      { keep: 0, drop: 0, insert: null, shift: 0 },
    ]) {
      assert.throws(() => applyQuotesDelta(held, { from: 1, ...bad } as never), QuotesDeltaError, JSON.stringify(bad));
    }
  });
});

describe('fullAnswer (what the client keeps from an answer)', () => {
  const uri = 'file:///a.txt';
  const held: QuotesResult = { uri, version: 3, analysis: 10, quotes: [q(0), q(10, 'Ana')] };

  it('a full answer as it is, "unchanged" as the answer held, a delta applied to it', () => {
    const full: QuotesResult = { uri, version: 4, analysis: 11, quotes: [q(1)] };
    assert.strictEqual(fullAnswer(held, full), full);
    assert.strictEqual(fullAnswer(undefined, full), full);
    assert.strictEqual(fullAnswer(held, { uri, version: 3, analysis: 10, unchanged: true, quotes: [] }), held);
    const delta = { from: 10, keep: 1, drop: 0, insert: [q(5, 'Eva')], shift: 2 };
    assert.deepStrictEqual(fullAnswer(held, { uri, version: 4, analysis: 12, delta, quotes: [] }), {
      uri, version: 4, analysis: 12, quotes: [q(0), q(5, 'Eva'), q(12, 'Ana')],
    });
  });

  it('nothing when the answer is about another analysis than the one held: the client asks for all', () => {
    assert.strictEqual(fullAnswer(held, { uri, version: 3, analysis: 9, unchanged: true, quotes: [] }), undefined);
    assert.strictEqual(fullAnswer(undefined, { uri, version: 3, analysis: 10, unchanged: true, quotes: [] }), undefined);
    const delta = { from: 9, keep: 0, drop: 0, insert: [], shift: 0 };
    assert.strictEqual(fullAnswer(held, { uri, version: 4, analysis: 12, delta, quotes: [] }), undefined);
    assert.strictEqual(fullAnswer(undefined, { uri, version: 4, analysis: 12, delta, quotes: [] }), undefined);
    assert.throws(() => fullAnswer(held, { uri, version: 4, analysis: 12, delta: { ...delta, from: 10, keep: 3 }, quotes: [] }), QuotesDeltaError);
  });
});

describe('diffQuotes (between two analysed versions)', () => {
  const infos = (a: Analysis, base: number) => a.quotes.map((x) => quoteInfo(x, base));
  const seeds = readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(SEEDS_DIR, f), 'utf8'));
  // Pieces that make, break, move and attribute quotes.
  const piece = fc.constantFrom('x', ' ', '“', '”', '"', '«', '»', '\n\n', '\n', ' said ', 'Ana Lopes said: “We agree.”', 'Mr Costa', '.', '');
  const edit = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    cut: fc.integer({ min: 0, max: 40 }),
    text: fc.array(piece, { maxLength: 4 }).map((xs) => xs.join('')),
    bom: fc.boolean(), // whether this version's editor text starts with a BOM
    plain: fc.boolean(), // this version's quotes as a plain list (as with a sidecar applied)
    skip: fc.boolean(), // no answer for this version: the next delta spans two edits
  });

  it('the previous quotes with the delta applied are the next version\'s, after any edits', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 12 }), (which, edits) => {
      let text = seeds[which];
      const cache = new AnalysisCache();
      let a = analyze(text, {}, cache);
      let prev = { source: quoteSource(a, 0, text.length), quotes: infos(a, 0) };
      for (const [i, e] of edits.entries()) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.cut));
        a = e.plain ? analyze(text) : analyze(text, {}, cache);
        assert.strictEqual(quoteListOf(a) !== undefined, !e.plain, 'the typing path keeps chunks, a one-off analysis a plain list');
        if (e.skip && i < edits.length - 1) continue;
        const base = e.bom ? 1 : 0;
        const next = { source: quoteSource(a, base, base + text.length), quotes: infos(a, base) };
        const delta = diffQuotes(prev.source, next.source, 7);
        assert.strictEqual(delta.from, 7);
        assert.deepStrictEqual(applyQuotesDelta(prev.quotes, delta), next.quotes);
        prev = next;
      }
    }), { numRuns: 300 });
  });

  it('a keystroke in a long article costs the quotes around it, not the document', () => {
    let text = generateArticle({ bytes: 300_000, seed: 7 });
    const cache = new AnalysisCache();
    let a = analyze(text, {}, cache);
    assert.ok(a.quotes.length > 1000, `${a.quotes.length} quotes`);
    let prev = quoteSource(a, 0, text.length);
    let held = infos(a, 0);
    let sent = 0;
    const edits = 40;
    for (let i = 0; i < edits; i++) {
      const at = Math.floor(((i * 7919) % 1000) / 1000 * text.length);
      text = text.slice(0, at) + 'x' + text.slice(at);
      a = analyze(text, {}, cache);
      const next = quoteSource(a, 0, text.length);
      const delta = diffQuotes(prev, next, i);
      assert.strictEqual(delta.shift, 1);
      sent += delta.insert.length;
      held = applyQuotesDelta(held, delta);
      prev = next;
    }
    assert.deepStrictEqual(held, infos(a, 0));
    assert.ok(sent <= 3 * edits, `${sent} quotes sent for ${edits} one-character edits`);
  });
});

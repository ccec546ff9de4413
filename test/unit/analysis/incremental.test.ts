// Re-analysis of an edited long article (incremental.ts): what it keeps alive.
// (That it equals a fresh analysis is a property test in properties.test.ts.)
import * as assert from 'assert';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { analyze, AnalysisCache } from '../../../server/src/analysis';
import { difference } from '../../../server/src/analysis/incremental';
import { PieceText } from '../../../server/src/analysis/pieceText';
import { LogList, LogListBuilder } from '../../../server/src/analysis/logList';
import { QuoteList, QuoteListBuilder } from '../../../server/src/analysis/quoteList';
import { quoteDiagnostics } from '../../../server/src/analysis/diagnostics';
import { NameLog, type Known } from '../../../server/src/analysis/speakers';
import { EDIT_WARM_UP_STEPS, warmUpEdits } from '../../../server/src/analysis/warmUp';
import type { Quote } from '../../../server/src/analysis/types';
import { findQuotes } from '../../../server/src/analysis/quotes';
import { attributeSpeakers } from '../../../server/src/analysis/speakers';
import { generateArticle } from '../../bench/generate';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1e6;
};

describe('incremental re-analysis', () => {
  it('finds the changed stretch of two texts', () => {
    assert.deepStrictEqual(difference('abcdef', 'abXdef'), { prefix: 2, suffix: 3 });
    assert.deepStrictEqual(difference('abc', 'abc'), { prefix: 3, suffix: 0 });
    assert.deepStrictEqual(difference('aaaa', 'aaaaa'), { prefix: 4, suffix: 0 });
    const long = 'x'.repeat(10_000);
    assert.deepStrictEqual(difference(long + 'a' + long, long + 'bb' + long), { prefix: 10_000, suffix: 10_000 });
  });

  it('attributes a long article chunk by chunk exactly as in one pass over the whole text', function () {
    this.timeout(60_000);
    // analyze() masks a few hundred paragraphs at a time; attributeSpeakers masks the whole text.
    for (const seed of [11, 12, 13]) {
      const text = generateArticle({ bytes: 300_000, seed });
      const a = analyze(text);
      assert.ok(a.paragraphs.length > 1000, 'several chunks');
      const whole = attributeSpeakers(text, a.paragraphs, findQuotes(text, a.paragraphs), a.actors);
      assert.deepStrictEqual(a.quotes, whole);
    }
  });

  it('moves the quotes and diagnostics after an edit without copying them', function () {
    this.timeout(60_000);
    const text = generateArticle({ bytes: 300_000, seed: 21 });
    const cache = new AnalysisCache();
    const a0 = analyze(text, {}, cache);
    const stored0 = new Set<Quote>();
    const s0 = cache.current!.quotes;
    s0.forEachStored(0, s0.length, (q) => stored0.add(q));
    const at = a0.paragraphs[a0.paragraphs.length >> 1].end;
    const edited = text.slice(0, at) + ' Indeed.' + text.slice(at);
    const a1 = analyze(edited, {}, cache);
    assert.strictEqual(cache.edits, 1);
    const s1 = cache.current!.quotes;
    let made = 0;
    let after = 0;
    s1.forEachStored(0, s1.length, (q, d, i) => {
      if (!stored0.has(q)) made++;
      if (s1.startOf(i) > at) after++;
    });
    assert.ok(after > 500, `${after} quotes after the edit`);
    // Only the chunks around the change are new (each holds at most 64 quotes).
    assert.ok(made <= 3 * 64, `${made} quote objects made for one edit`);
    // Diagnostics before the change are the very same objects.
    const firstChanged = a0.diagnostics.findIndex((d) => d.end >= at - 20_000);
    assert.ok(firstChanged > 10, 'diagnostics well before the edit');
    for (let i = 0; i < firstChanged; i++) assert.strictEqual(a1.diagnostics[i], a0.diagnostics[i]);
    // And the result is still exactly a fresh analysis'.
    const fresh = analyze(edited);
    assert.deepStrictEqual(a1.quotes, fresh.quotes);
    assert.deepStrictEqual(a1.diagnostics, fresh.diagnostics);
  });

  it('keeps quote chunks that move whole, and reads them in document offsets', () => {
    const quote = (start: number, speaker: boolean): Quote => ({
      start, end: start + 10, text: '“abcdefgh”', kind: 'speech',
      speaker: speaker ? { start: start + 12, end: start + 20, name: 'Ana Lopez', text: 'Lopez', via: 'cue' } : null,
      cue: speaker ? 'said' : null, cueSpan: speaker ? { start: start + 21, end: start + 25 } : null, closed: start % 7 !== 0, paragraphs: 1,
    });
    const quotes = Array.from({ length: 300 }, (_, i) => quote(i * 40, i % 3 !== 0));
    const list = QuoteList.of(quotes);
    assert.deepStrictEqual(list.toArray(), quotes);
    assert.deepStrictEqual(list.diagnostics(), quoteDiagnostics(quotes));
    // An "edit" at quote 150: two new quotes, the rest 5 characters on.
    const b = new QuoteListBuilder();
    b.addRange(list, 0, 150);
    b.addAll([quote(150 * 40 + 1, false), quote(150 * 40 + 20, true)]);
    b.addRange(list, 151, 300, 5);
    const moved = b.build();
    const expected = [...quotes.slice(0, 150), quote(150 * 40 + 1, false), quote(150 * 40 + 20, true)];
    for (const q of quotes.slice(151)) expected.push({ ...quote(q.start + 5, !!q.speaker), closed: q.closed });
    assert.deepStrictEqual(moved.toArray(), expected);
    assert.deepStrictEqual(moved.diagnostics(), quoteDiagnostics(expected));
    for (let i = 0; i < expected.length; i += 17) {
      assert.strictEqual(moved.startOf(i), expected[i].start);
      assert.strictEqual(moved.endOf(i), expected[i].end);
    }
    let shared = 0;
    moved.forEachStored(0, moved.length, (q, d, i) => { if (i > 200 && quotes.includes(q) && d === 5) shared++; });
    assert.ok(shared >= 64, `the chunks after the edit are the old ones, moved (${shared} shared)`);
  });

  it('keeps name-log chunks the same way', () => {
    const names: Known[] = Array.from({ length: 20 }, (_, i) => ({ name: `Name ${i}`, phrase: `Name ${i}` }));
    const log = new NameLog();
    for (let i = 0; i < 1000; i++) log.push(names[i % 20], i * 10);
    const list = LogList.of(log);
    const b = new LogListBuilder();
    b.addRange(list, 0, 400);
    b.push(names[3], 3_995);
    b.addRange(list, 450, 1000, -3);
    const moved = b.build();
    assert.strictEqual(moved.length, 951);
    assert.strictEqual(moved.posAt(399), 3_990);
    assert.strictEqual(moved.posAt(400), 3_995);
    assert.strictEqual(moved.itemAt(401), names[450 % 20]);
    assert.strictEqual(moved.posAt(401), 4_497);
    assert.strictEqual(moved.posAt(950), 9_987);
    const tail = moved.tail(401);
    assert.deepStrictEqual(tail.pos.slice(-2), [3_990, 3_995]);
  });

  it('resumes entity resolution from kept states, equal to a fresh analysis', function () {
    this.timeout(60_000);
    // "The ministry" reads the last ministry named before it, dozens of paragraphs back;
    // typing a name no one else reads next to it re-resolves that paragraph from a kept
    // state (every 32 paragraphs). Two layouts: a ministry right at a kept state's
    // paragraph, and one before a kept state that a later one would overwrite.
    const layouts: Record<number, string>[] = [
      { 20: 'The Ministry of Transport closed the road north for a week.', 96: 'The Ministry of Health opened a clinic in the valley on Friday.' },
      { 20: 'The Ministry of Transport closed the road north for a week.', 90: 'The Ministry of Health opened a clinic in the valley on Friday.', 110: 'The Ministry of Finance paid for the clinic.' },
    ];
    for (const layout of layouts) {
      const paras = Array.from({ length: 160 }, (_, i) => layout[i] ?? `Paragraph ${i} tells of rain in the valley and of the long road north, which farmers use each week.`);
      paras[100] = 'The ministry said the clinic would stay open.';
      paras[131] = 'The ministry said the road would reopen.';
      let text = 'date 2023-05-02 Rain in the valley\n\n' + paras.join('\n\n') + '\n';
      const cache = new AnalysisCache();
      analyze(text, {}, cache);
      let kept = 0;
      const type = (after: string, typed: string) => {
        let at = text.indexOf(after) + after.length;
        for (const ch of typed) {
          text = text.slice(0, at) + ch + text.slice(at);
          at++;
          const a = analyze(text, {}, cache);
          kept = Math.max(kept, cache.current!.resolutionAt.length);
          assert.deepStrictEqual(a.actors, analyze(text).actors);
        }
      };
      type('the road would reopen.', ' Okafor agreed.');
      type('the clinic would stay open.', ' Okafor agreed.');
      type('Paragraph 40 tells of rain', ' Okafor');
      type('the clinic would stay open. Okafor agreed.', ' Adeyemi too.');
      assert.ok(cache.edits > 40, `${cache.edits} incremental edits`);
      assert.ok(kept > 0, 'states were kept');
    }
  });

  it('warms up the edit path in small steps, every edit re-analysed incrementally', () => {
    const warm = warmUpEdits();
    let steps = 0;
    let r = warm.next();
    for (; !r.done; r = warm.next()) steps++;
    assert.ok(steps > 20, `${steps} steps`);
    assert.strictEqual(steps + 1, EDIT_WARM_UP_STEPS, 'the step count Project.warmUp plans with');
    assert.ok(r.value > 100 && r.value >= (steps - 1) * 4, `${r.value} incremental edits in ${steps} steps`);
  });

  it('re-analyses a text held in pieces without joining it, diagnostics included', function () {
    this.timeout(60_000);
    const text = generateArticle({ bytes: 300_000, seed: 23 });
    let p = PieceText.of(text);
    const cache = new AnalysisCache();
    const first = analyze(p, {}, cache);
    let at = first.paragraphs[first.paragraphs.length >> 1].end;
    let joins = 0;
    for (let i = 0; i < 20; i++) {
      const next = p.edit(at, at, ' “We said so,” she said.'[i % 24]);
      const join = next.toString.bind(next);
      next.toString = () => {
        joins++;
        return join();
      };
      p = next;
      at++;
      assert.ok(analyze(p, {}, cache).diagnostics.length > 0);
    }
    assert.strictEqual(cache.edits, 20);
    assert.strictEqual(joins, 0, 'the whole text was joined on the typing path');
    assert.ok(p.pieceCount > 5, `${p.pieceCount} pieces`);
  });

  it('does not keep earlier versions of the text alive while the user types', function () {
    this.timeout(120_000);
    // Each version of a 1 MB article is 2 MB of memory: findings cut from a version's text
    // as views on it (V8 slices) would keep one version per edit alive.
    let text = generateArticle({ bytes: 1_000_000, seed: 5 });
    const cache = new AnalysisCache();
    const first = analyze(text, {}, cache);
    let at = first.paragraphs[first.paragraphs.length >> 1].end;
    const before = heapMb();
    for (let i = 0; i < 40; i++) {
      text = text.slice(0, at) + 'the ministry said '[i % 18] + text.slice(at);
      at++;
      analyze(text, {}, cache);
    }
    const grown = heapMb() - before;
    assert.strictEqual(cache.edits, 40);
    assert.ok(grown < 25, `the heap grew by ${grown.toFixed(1)} MB over 40 edits (80 MB if every version stayed alive)`);
  });
});

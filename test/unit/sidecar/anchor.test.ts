import * as assert from 'assert';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { anchor, retarget, shiftAnnotations, targetAt, type TextEdit } from '../../../server/src/sidecar/anchor';
import type { Annotation } from '../../../server/src/sidecar/format';
import { PieceText } from '../../../server/src/analysis/pieceText';

const SEEDS = join(__dirname, '../../../seeds');
const ARTICLE = readFileSync(join(SEEDS, readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()[0]), 'utf8').replace(/^\uFEFF/, '');

const TEXT = 'The council met on Monday. The mayor said the bridge would reopen. ' +
  'Later the mayor said the bridge would reopen soon, and the council agreed. The bridge closed in May.';

const at = (text: string, exact: string, nth = 0, id = 'a'): Annotation => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(exact, i + 1);
  assert.ok(i >= 0, `${exact} not in text`);
  return { id, kind: 'note', target: targetAt(text, i, i + exact.length) };
};

describe('anchor', () => {
  it('keeps an annotation whose offsets still hold', () => {
    const a = at(TEXT, 'the bridge would reopen', 1);
    const r = anchor(TEXT, [a]);
    assert.deepStrictEqual(r.anchored.map((x) => [x.start, x.end, x.how]), [[a.target.start, a.target.end, 'exact']]);
  });

  it('follows a moved quote and picks the right one of two occurrences by its context', () => {
    const a = at(TEXT, 'the bridge would reopen', 1);
    const edited = 'Breaking: ' + TEXT.replace('Later', 'Much later that week');
    const r = anchor(edited, [a]);
    const expected = edited.indexOf('the bridge would reopen soon');
    assert.deepStrictEqual(r.anchored.map((x) => [x.start, x.how]), [[expected, 'moved']]);
  });

  it('uses nearness to the old offset when the context does not decide', () => {
    const text = 'x NK y. x NK y. x NK y.';
    const a: Annotation = { id: 'a', kind: 'place', target: { exact: 'NK', start: 18, end: 20 } };
    assert.strictEqual(anchor('zz' + text, [a]).anchored[0].start, 20);
  });

  it('finds a quote whose words were edited (fuzzy), and orphans one that is gone', () => {
    const from = ARTICLE.indexOf('The advance has been');
    assert.ok(from > 0);
    const q = at(ARTICLE, ARTICLE.slice(from, from + 30));
    const quote = q.target.exact;
    const edited = ARTICLE.replace(quote, quote.replace('advance', 'advancement'));
    const gone: Annotation = { id: 'g', kind: 'note', target: { exact: 'A sentence this article never had in it.', start: 40, end: 80 } };
    const r = anchor(edited, [q, gone]);
    assert.strictEqual(r.anchored.length, 1);
    assert.strictEqual(r.anchored[0].how, 'fuzzy');
    assert.ok(edited.slice(r.anchored[0].start, r.anchored[0].end).startsWith('The advancement'), edited.slice(r.anchored[0].start, r.anchored[0].end));
    assert.deepStrictEqual(r.orphans.map((o) => o.id), ['g']);
  });

  it('does not fuzzily attach a very short quote without its context', () => {
    const a: Annotation = { id: 'a', kind: 'place', target: { exact: 'Lisbon', prefix: 'flights to ', suffix: ' resumed', start: 11, end: 17 } };
    assert.strictEqual(anchor('Nothing about that city here. Lisbox is a typo.', [a]).orphans.length, 1);
  });

  it('stays fast on a 1 MB text with 200 annotations, all offsets stale, 20 quotes edited', () => {
    const parts: string[] = [];
    // The article's sentences in a seeded shuffle, numbered: repeated phrases, varied contexts.
    const sentences = ARTICLE.split(/(?<=[.!?”])\s+/);
    let seed = 7;
    for (let i = 0, size = 0; size < 1_000_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const s = `[${i}] ${sentences[seed % sentences.length]}${i % 6 === 5 ? '\n\n' : ' '}`;
      parts.push(s);
      size += s.length;
    }
    const big = parts.join('');
    const anns: Annotation[] = [];
    for (let i = 0; i < 200; i++) {
      const start = Math.floor((i + 0.5) * (big.length / 200));
      anns.push({ id: `a${i}`, kind: 'note', target: targetAt(big, start, start + 40 + (i % 5) * 30) });
    }
    // An insertion at the top makes every stored offset stale; 20 quotes get a word changed.
    let edited = 'A new first line.\n' + big;
    for (let i = 0; i < 200; i += 10) {
      const s = anns[i].target.start! + 18 + 10;
      edited = edited.slice(0, s) + 'XYZ' + edited.slice(s + 2);
    }
    const t0 = Date.now();
    const r = anchor(edited, anns);
    const ms = Date.now() - t0;
    assert.strictEqual(r.anchored.length + r.orphans.length, 200);
    assert.ok(r.anchored.length >= 198, `${r.orphans.length} orphans`);
    assert.ok(ms < 4000, `took ${ms} ms`);
  });
});

describe('shiftAnnotations', () => {
  const base = 'one two three four five';
  const a: Annotation = { id: 'a', kind: 'note', target: targetAt(base, 4, 13) }; // "two three"
  const apply = (text: string, edits: TextEdit[]) => edits.reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
  const cases: Array<[string, TextEdit[], [number, number, string]]> = [
    ['an insertion before', [{ start: 0, end: 0, text: 'zero ' }], [9, 18, 'two three']],
    ['an insertion at its start goes before it', [{ start: 4, end: 4, text: 'X' }], [5, 14, 'two three']],
    ['an insertion at its end stays outside', [{ start: 13, end: 13, text: 'X' }], [4, 13, 'two three']],
    ['an edit inside updates exact', [{ start: 8, end: 13, text: '3' }], [4, 9, 'two 3']],
    ['an edit over its start clips it', [{ start: 0, end: 6, text: 'ONE T' }], [5, 12, 'o three']],
    ['an edit over its end clips it', [{ start: 10, end: 18, text: '' }], [4, 10, 'two th']],
    ['edits in sequence', [{ start: 0, end: 4, text: '' }, { start: 3, end: 3, text: ',' }], [0, 10, 'two, three']],
  ];
  for (const [what, edits, [s, e, exact]] of cases) {
    it(what, () => {
      const text = apply(base, edits);
      const [r] = shiftAnnotations([a], edits, text);
      assert.deepStrictEqual([r.target.start, r.target.end, r.target.exact], [s, e, exact]);
      assert.strictEqual(text.slice(s, e), exact);
      assert.strictEqual(shiftAnnotations([a], edits)[0].target.exact, exact, 'without the new text, exact is derived from the edits');
    });
  }
  it('keeps an annotation whose text was deleted, with its old quote, so it can come back or be reported', () => {
    const [r] = shiftAnnotations([a], [{ start: 2, end: 15, text: '' }]);
    assert.deepStrictEqual([r.target.start, r.target.end, r.target.exact], [2, 2, 'two three']);
    assert.strictEqual(r.id, 'a');
  });
});

/** Edits applied in sequence, with where each annotation's original text went (null when an edit touched it). */
function applyTracked(text: string, spans: Array<[number, number] | null>, edits: TextEdit[]): string {
  for (const e of edits) {
    const delta = e.text.length - (e.end - e.start);
    for (let i = 0; i < spans.length; i++) {
      const s = spans[i];
      if (!s) continue;
      if (e.end <= s[0] && !(e.start === e.end && e.start === s[0] && s[0] === s[1])) spans[i] = [s[0] + delta, s[1] + delta];
      else if (e.start >= s[1]) continue;
      else spans[i] = null;
    }
    text = text.slice(0, e.start) + e.text + text.slice(e.end);
  }
  return text;
}

describe('re-anchoring property (fast-check): random edits to an annotated article', () => {
  const stats = { pastes: 0, runs: 0, annotations: 0, intact: 0, sameText: 0, lost: 0, orphans: 0, fuzzy: 0, shiftedIntact: 0, shiftedOk: 0 };
  after(() => {
    const rate = stats.sameText / Math.max(1, stats.intact);
    console.log(`      re-anchoring: ${stats.runs} runs, ${stats.annotations} annotations, ${stats.pastes} of the edits pastes, ${stats.lost} lost, ${stats.orphans} orphaned, ${stats.fuzzy} fuzzy;` +
      ` ${stats.sameText}/${stats.intact} annotations whose text survived re-attached to it (${(100 * rate).toFixed(2)}%);` +
      ` shift kept ${stats.shiftedOk}/${stats.shiftedIntact}`);
  });

  // A position as a fraction of the text (fc.double leans to the extremes; this is even).
  const unit = fc.nat({ max: 999_999 }).map((x) => x / 1_000_000);
  const words = ['the', 'Karabakh', ' ', ', ', 'said', '“', '”', 'March 25', '\n\n', 'Azerbaijan', 'peacekeepers', 'a', 'of the', '.'];
  const edit = fc.record({
    at: unit,
    del: fc.nat({ max: 40 }),
    ins: fc.array(fc.constantFrom(...words), { maxLength: 6 }).map((xs) => xs.join('')),
    // A third of the edits paste a copy of existing text (a repeated quote is the hard case).
    copy: fc.option(fc.record({ from: unit, len: fc.integer({ min: 5, max: 90 }) }), { freq: 2 }),
  });
  const span = fc.record({ at: unit, words: fc.integer({ min: 1, max: 14 }) });

  it('loses no annotation and re-attaches ≥ 99% of those whose text still exists to that text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.array(span, { minLength: 3, maxLength: 15 }), fc.array(edit, { minLength: 1, maxLength: 40 }), (from, spanSeeds, editSeeds) => {
        const text = ARTICLE.slice(from, from + 3500);
        // Annotations on word boundaries, 1 to 14 words (short ones recur: "Karabakh" appears many times).
        const starts = [...text.matchAll(/\S+/g)].map((m) => m.index!);
        const annotations: Annotation[] = spanSeeds.map((s, i) => {
          const w = Math.floor(s.at * starts.length);
          const endWord = Math.min(starts.length - 1, w + s.words - 1);
          const end = starts[endWord] + /\S+/.exec(text.slice(starts[endWord]))![0].length;
          return { id: `a${i}`, kind: 'quote', target: targetAt(text, starts[w], end) };
        });
        const edits: TextEdit[] = [];
        let current = text;
        for (const e of editSeeds) {
          const start = Math.floor(e.at * current.length);
          const end = Math.min(current.length, start + e.del);
          const from = e.copy ? Math.floor(e.copy.from * current.length) : 0;
          const ins = e.copy ? current.slice(from, from + e.copy.len) : e.ins;
          edits.push({ start, end, text: ins });
          current = current.slice(0, start) + ins + current.slice(end);
          if (e.copy) stats.pastes++;
        }
        const truth: Array<[number, number] | null> = annotations.map((a) => [a.target.start!, a.target.end!]);
        const edited = applyTracked(text, truth, edits);

        const r = anchor(edited, annotations);
        // The same text in pieces (as the server holds an open document) anchors the same.
        let pieces = PieceText.of(text, 8 + (from % 120));
        for (const e of edits) pieces = pieces.edit(e.start, e.end, e.text);
        assert.deepStrictEqual(anchor(pieces, annotations), r, 'anchoring the text in pieces');
        stats.runs++;
        stats.annotations += annotations.length;
        const ids = [...r.anchored.map((x) => x.annotation.id), ...r.orphans.map((o) => o.id)].sort();
        const lost = annotations.length - new Set(ids).size;
        stats.lost += lost;
        assert.deepStrictEqual(ids, annotations.map((a) => a.id).sort(), 'an annotation was lost or duplicated');
        stats.orphans += r.orphans.length;
        for (const x of r.anchored) {
          if (x.how === 'fuzzy') stats.fuzzy++;
          else assert.strictEqual(edited.slice(x.start, x.end), x.annotation.target.exact);
          assert.ok(x.start >= 0 && x.end <= edited.length && x.start <= x.end);
        }
        annotations.forEach((a, i) => {
          const t = truth[i];
          if (!t) return;
          stats.intact++;
          const got = r.anchored.find((x) => x.annotation.id === a.id);
          if (got && got.start === t[0] && got.end === t[1]) stats.sameText++;
        });
        // The editor's path: shifting through the same edits must land exactly on every surviving text.
        const shifted = shiftAnnotations(annotations, edits, edited);
        // Without the new text, exact is rebuilt from the edits alone: it must still be the text at the new offsets.
        for (const s of shiftAnnotations(annotations, edits)) {
          if (s.target.start === s.target.end) continue; // its whole text was deleted: kept, to be reported
          assert.strictEqual(edited.slice(s.target.start, s.target.end), s.target.exact);
        }
        shifted.forEach((s, i) => {
          const t = truth[i];
          if (!t) return;
          stats.shiftedIntact++;
          if (s.target.start === t[0] && s.target.end === t[1] && s.target.exact === annotations[i].target.exact) stats.shiftedOk++;
        });
      }),
      { numRuns: 400, seed: 20261128 },
    );
    assert.strictEqual(stats.lost, 0);
    assert.ok(stats.intact > 1000, `only ${stats.intact} surviving annotations measured`);
    assert.ok(stats.sameText / stats.intact >= 0.99, `${stats.sameText}/${stats.intact} re-attached`);
    assert.strictEqual(stats.shiftedOk, stats.shiftedIntact);
  });

  it('retarget refreshes offsets and context for saving', () => {
    const a = at(TEXT, 'the council agreed');
    const edited = 'Intro. ' + TEXT;
    const [x] = anchor(edited, [a]).anchored;
    const saved = retarget(edited, x);
    assert.strictEqual(saved.target.start, a.target.start! + 7);
    assert.strictEqual(anchor(edited, [saved]).anchored[0].how, 'exact');
  });
});

// applyAnnotations reads only what annotations change (the machine's quotes by position,
// its diagnostics with the changed quotes' own replaced, every list when first read).
// Checked against the plain definition below, on random annotations over the seed
// articles and a generated long one, through both kinds of machine analysis (a one-off
// analysis' plain lists and an open document's chunked ones).
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze, AnalysisCache } from '../../../server/src/analysis';
import { quoteDiagnostics } from '../../../server/src/analysis/diagnostics';
import { quoteListOf } from '../../../server/src/analysis/quoteList';
import type { Analysis, Diagnostic, Quote, Span } from '../../../server/src/analysis/types';
import type { AnchorResult, Anchored } from '../../../server/src/sidecar/anchor';
import { applyAnnotations, orphanDiagnostic } from '../../../server/src/sidecar/apply';
import type { Annotation } from '../../../server/src/sidecar/format';
import { generateArticle } from '../../bench/generate';
import { mulberry32 } from '../../bench/prng';

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const byStart = <T extends Span>(xs: T[]) => xs.sort((x, y) => x.start - y.start || x.end - y.end);

/**
 * What applying quote annotations means, on a plain copy of the quotes (dates, places and
 * actors are applied as before, only when read: apply.test.ts checks what they become).
 */
function model(analysis: Analysis, anchoring: AnchorResult, textLength: number) {
  const quotes = analysis.quotes.slice();
  const byKind = (k: Annotation['kind']) => anchoring.anchored.filter((a) => a.annotation.kind === k).sort((a, b) => a.start - b.start);
  for (const a of byKind('quote')) {
    const ann = a.annotation;
    let i = -1;
    let bestRatio = 0.5;
    quotes.forEach((s, k) => {
      const inter = Math.min(s.end, a.end) - Math.max(s.start, a.start);
      const ratio = inter / (Math.max(s.end, a.end) - Math.min(s.start, a.start));
      if (inter > 0 && ratio >= bestRatio) { i = k; bestRatio = ratio; }
    });
    if (ann.status === 'rejected') {
      if (i !== -1) quotes.splice(i, 1);
      continue;
    }
    const machine = i === -1 ? null : quotes[i];
    const kind = ann.speech === false ? 'term' : ann.speaker || ann.speech === true ? 'speech' : (machine?.kind ?? 'speech');
    const speaker = kind === 'term' ? null
      : ann.speaker ? { start: a.start, end: a.end, name: ann.speaker, text: ann.speaker, via: 'annotation' as const } : (machine?.speaker ?? null);
    const q: Quote = {
      start: a.start, end: a.end, text: ann.target.exact, kind, speaker,
      cue: speaker && machine?.speaker === speaker ? machine.cue : null,
      cueSpan: speaker && machine?.speaker === speaker ? machine.cueSpan : null,
      closed: machine?.closed ?? true,
      paragraphs: machine?.paragraphs ?? Math.max(1, analysis.paragraphs.filter((p) => overlaps(p, a)).length),
    };
    if (i === -1) quotes.push(q);
    else quotes[i] = q;
  }
  const final = byStart(quotes);
  const diagnostics = [
    ...analysis.diagnostics.filter((d) => d.code !== 'unattributed-quote' && d.code !== 'unclosed-quote'),
    ...quoteDiagnostics(final),
    ...anchoring.orphans.map((o) => orphanDiagnostic(o, textLength)),
  ];
  return { quotes: final, diagnostics };
}

/** Diagnostics in one order whatever the order of equal positions. */
const canonical = (ds: readonly Diagnostic[]) => [...ds].map((d) => JSON.stringify(d)).sort();

/** Random annotations over the machine's findings and elsewhere: as a person makes them, and odder. */
function randomAnchoring(text: string, analysis: Analysis, random: () => number): AnchorResult {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const anchored: Anchored[] = [];
  const orphans: Annotation[] = [];
  let id = 0;
  const at = (start: number, end: number, kind: Annotation['kind'], extra: Partial<Annotation> = {}) => {
    start = Math.max(0, Math.min(text.length - 1, start));
    end = Math.max(start + 1, Math.min(text.length, end));
    const annotation: Annotation = { id: `a${++id}`, kind, target: { exact: text.slice(start, end), start, end }, ...extra };
    anchored.push({ annotation, start, end, how: 'exact' });
  };
  const quoteFields = (): Partial<Annotation> => pick([
    {}, { speaker: 'Ana Lopes' }, { speech: false }, { speech: true }, { status: 'rejected' }, { speaker: 'Ana Lopes', speech: true },
  ] as Partial<Annotation>[]);
  const n = 1 + Math.floor(random() * 12);
  for (let k = 0; k < n; k++) {
    const r = random();
    const q = analysis.quotes.length ? pick(analysis.quotes) : null;
    const jiggle = () => Math.floor(random() * 7) - 3;
    if (q && r < 0.35) at(q.start, q.end, 'quote', quoteFields());
    else if (q && r < 0.55) at(q.start + jiggle(), q.end + jiggle(), 'quote', quoteFields());
    else if (q && r < 0.62) {
      // Over two neighbouring quotes, or a piece of one.
      const i = analysis.quotes.indexOf(q);
      const next = analysis.quotes[i + 1] ?? q;
      const len = q.end - q.start;
      const r2 = random();
      if (r2 < 0.3) at(q.start, next.end, 'quote', quoteFields());
      else if (r2 < 0.5) at(q.start + 1, q.start + Math.max(2, len >> 2), 'quote', quoteFields());
      // Its latter part (reached from a start far inside it), or the quote and as much again.
      else if (r2 < 0.75) at(q.start + Math.floor(len * 0.4), q.end, 'quote', quoteFields());
      else {
        at(q.start, q.end + len, 'quote', quoteFields());
        if (random() < 0.7) at(q.end, q.end + len, 'quote', quoteFields());
      }
    } else if (r < 0.72) {
      const s = Math.floor(random() * text.length);
      at(s, s + 5 + Math.floor(random() * 60), 'quote', quoteFields());
    } else if (r < 0.8 && analysis.dates.length) {
      const d = pick(analysis.dates);
      at(d.start, d.end, 'date', pick([{}, { value: '2020-01-01' }, { status: 'rejected' }] as Partial<Annotation>[]));
    } else if (r < 0.9 && analysis.places.length + analysis.actors.length) {
      const e = pick([...analysis.places, ...analysis.actors]);
      at(e.start, e.end + (random() < 0.3 ? 2 : 0), pick(['place', 'actor'] as const), pick([{}, { name: 'Somewhere' }, { status: 'rejected' }, { type: 'organization' }] as Partial<Annotation>[]));
    } else {
      orphans.push({ id: `o${++id}`, kind: 'quote', target: { exact: 'words no longer here', start: Math.floor(random() * (text.length + 50)) } });
    }
  }
  // Annotations of the same quote twice happen (merged sidecars): repeat one now and then.
  if (anchored.length && random() < 0.2) {
    const again = pick(anchored);
    anchored.push({ ...again, annotation: { ...again.annotation, id: `a${++id}`, speaker: 'Rui Costa' } });
  }
  return { anchored, orphans };
}

const SEEDS = path.join(__dirname, '../../../seeds');

describe('applyAnnotations reads only what annotations change', () => {
  const texts = [
    ...readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(SEEDS, f), 'utf8')),
    generateArticle({ bytes: 60_000, seed: 7 }),
  ];

  for (const chunked of [false, true]) {
    it(`gives what the plain definition gives (${chunked ? 'an open document\'s chunked lists' : 'a one-off analysis'})`, function () {
      this.timeout(60_000);
      const random = mulberry32(chunked ? 2811 : 2812);
      for (const text of texts) {
        const machine = chunked ? analyze(text, {}, new AnalysisCache()) : analyze(text);
        assert.strictEqual(quoteListOf(machine) !== undefined, chunked, 'the kind of machine analysis under test');
        for (let round = 0; round < 40; round++) {
          const anchoring = randomAnchoring(text, machine, random);
          const got = applyAnnotations(machine, anchoring, text.length);
          const want = model(machine, anchoring, text.length);
          const what = JSON.stringify(anchoring.anchored.map((a) => [a.annotation.kind, a.start, a.end, a.annotation.speaker, a.annotation.speech, a.annotation.status]));
          assert.deepStrictEqual(canonical(got.diagnostics), canonical(want.diagnostics), `diagnostics, for ${what}`);
          for (let i = 1; i < got.diagnostics.length; i++) {
            const [x, y] = [got.diagnostics[i - 1], got.diagnostics[i]];
            assert.ok(x.start < y.start || (x.start === y.start && x.end <= y.end), 'diagnostics sorted by position');
          }
          assert.deepStrictEqual(got.quotes, want.quotes, `quotes, for ${what}`);
        }
      }
    });
  }

  it('does not build the lists of a long open article that typing does not read', () => {
    const text = generateArticle({ bytes: 300_000, seed: 9 });
    const machine = analyze(text, {}, new AnalysisCache());
    const q = quoteListOf(machine)!;
    // Every field read is noted (the analysis' own getters, wrapped in place).
    const read = new Set<string>();
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(machine))) {
      Object.defineProperty(machine, key, {
        enumerable: true, configurable: true,
        get: () => (read.add(key), d.get ? d.get.call(machine) : d.value),
      });
    }
    const anchoring: AnchorResult = { anchored: [10, 200, 900].map((i) => ({
      annotation: { id: `q${i}`, kind: 'quote' as const, speaker: 'Ana Lopes', target: { exact: text.slice(q.startOf(i), q.endOf(i)) } },
      start: q.startOf(i), end: q.endOf(i), how: 'exact' as const,
    })), orphans: [] };
    const applied = applyAnnotations(machine, anchoring, text.length);
    assert.strictEqual(applied.diagnostics.filter((d) => d.code === 'unattributed-quote' && [10, 200, 900].some((i) => d.start === q.startOf(i))).length, 0, 'the annotated quotes are attributed');
    assert.deepStrictEqual([...read].sort(), ['diagnostics'], 'fields read for the diagnostics');
    void applied.quotes;
    assert.ok(read.has('quotes'), 'quotes are read when asked for');
  });
});

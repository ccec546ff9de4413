// applyAnnotations over a hand-built machine analysis: independent of what the
// recognisers currently find.
import * as assert from 'assert';
import { quoteDiagnostics } from '../../../server/src/analysis/diagnostics';
import type { Analysis, Quote } from '../../../server/src/analysis/types';
import { anchor, targetAt } from '../../../server/src/sidecar/anchor';
import { analyzeWithAnnotations, applyAnnotations, gazetteerFromAnnotations } from '../../../server/src/sidecar/apply';
import type { Annotation } from '../../../server/src/sidecar/format';
import { mergeAnnotations } from '../../../server/src/sidecar/merge';

const TEXT = 'date 2024-05-02 Bridge\n\n“We will reopen the bridge,” the mayor said on Tuesday in Porto. Critics called it a “stunt”.\n';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const Q1 = '“We will reopen the bridge,”';
const Q2 = '“stunt”';

function machine(): Analysis {
  const quotes: Quote[] = [
    { ...span(Q1), text: Q1, kind: 'speech', speaker: null, cue: 'said', cueSpan: span('said'), closed: true, paragraphs: 1 },
    { ...span(Q2), text: Q2, kind: 'speech', speaker: null, cue: null, cueSpan: null, closed: true, paragraphs: 1 },
  ];
  return {
    header: { start: 0, end: 22, date: '2024-05-02', rawDate: '2024-05-02', dateSpan: { start: 5, end: 15 }, title: 'Bridge' },
    referenceDate: '2024-05-02',
    paragraphs: [{ start: 24, end: TEXT.length - 1, heading: false }],
    sections: [],
    quotes,
    dates: [{ ...span('Tuesday'), text: 'Tuesday', value: '2024-04-30' }],
    places: [{ ...span('Porto'), kind: 'place', text: 'Porto', name: 'Porto' }],
    actors: [{ ...span('the mayor'), kind: 'actor', text: 'the mayor', name: 'mayor', type: 'person' }],
    diagnostics: quoteDiagnostics(quotes),
  };
}

const ann = (id: string, exact: string, extra: Partial<Annotation>): Annotation => {
  const s = span(exact);
  return { id, kind: 'note', target: targetAt(TEXT, s.start, s.end), ...extra };
};
const run = (...anns: Annotation[]) => applyAnnotations(machine(), anchor(TEXT, anns), TEXT.length);

describe('applyAnnotations: human annotations win', () => {
  it('leaves a field it does not change unread until it is read (the outline of a long article is built on demand)', () => {
    const analysis = machine();
    let built = 0;
    const sections = [{ start: 24, end: TEXT.length - 1, title: 'Bridge', level: 1 }];
    Object.defineProperty(analysis, 'sections', { enumerable: true, configurable: true, get: () => (built++, sections) });
    const a = applyAnnotations(analysis, anchor(TEXT, [ann('s1', Q1, { kind: 'quote', speaker: 'Mayor Ana Lopes' })]), TEXT.length);
    assert.strictEqual(built, 0, 'applying annotations built the sections');
    assert.strictEqual(a.sections, sections);
    assert.strictEqual(a.quotes[0].speaker?.name, 'Mayor Ana Lopes');
  });
  it('an annotated speaker replaces the guess and silences unattributed-quote', () => {
    const before = machine();
    assert.strictEqual(before.diagnostics.filter((d) => d.code === 'unattributed-quote').length, 2);
    const a = run(ann('s1', Q1, { kind: 'quote', speaker: 'Mayor Ana Lopes' }));
    assert.deepStrictEqual(a.quotes[0].speaker && [a.quotes[0].speaker.name, a.quotes[0].speaker.via], ['Mayor Ana Lopes', 'annotation']);
    assert.deepStrictEqual(a.diagnostics.filter((d) => d.code === 'unattributed-quote').map((d) => d.start), [span(Q2).start]);
  });
  it('speech: false makes a quote a term (no warning)', () => {
    const a = run(ann('t1', Q2, { kind: 'quote', speech: false }));
    assert.strictEqual(a.quotes[1].kind, 'term');
    assert.strictEqual(a.quotes[1].speaker, null);
    assert.ok(!a.diagnostics.some((d) => d.start === span(Q2).start));
  });
  it('status: rejected removes the matching machine finding', () => {
    const a = run(ann('r1', Q2, { kind: 'quote', status: 'rejected' }), ann('r2', 'Porto', { kind: 'place', status: 'rejected' }), ann('r3', 'Tuesday', { kind: 'date', status: 'rejected' }));
    assert.deepStrictEqual(a.quotes.map((q) => q.text), [Q1]);
    assert.deepStrictEqual([a.places.length, a.dates.length], [0, 0]);
    assert.strictEqual(a.diagnostics.filter((d) => d.code === 'unattributed-quote').length, 1);
  });
  it('annotated dates, places and actors replace or add findings', () => {
    const a = run(
      ann('d1', 'Tuesday', { kind: 'date', value: '2024-04-23' }),
      ann('p1', 'Porto', { kind: 'actor', name: 'Porto city hall', type: 'organization' }),
      ann('p2', 'Critics', { kind: 'actor', name: 'opposition critics', type: 'group' }),
      ann('q3', 'the bridge', { kind: 'quote', speaker: 'Someone' }),
    );
    assert.deepStrictEqual(a.dates.map((d) => d.value), ['2024-04-23']);
    assert.deepStrictEqual(a.places, []);
    assert.deepStrictEqual(a.actors.map((e) => [e.name, e.type]), [['mayor', 'person'], ['Porto city hall', 'organization'], ['opposition critics', 'group']]);
    // A new quote inside another one is added, not merged into it.
    assert.deepStrictEqual(a.quotes.map((q) => [q.text, q.speaker?.name ?? null]), [[Q1, null], ['the bridge', 'Someone'], [Q2, null]]);
  });
  it('orphans become orphaned-annotation warnings; a note changes no finding', () => {
    const orphan: Annotation = { id: 'o1', kind: 'quote', target: { exact: 'a sentence that is not there', start: 30, end: 58 }, speaker: 'X' };
    const a = run(orphan, ann('n1', 'Porto', { kind: 'note', note: 'check the city' }));
    const d = a.diagnostics.filter((x) => x.code === 'orphaned-annotation');
    assert.strictEqual(d.length, 1);
    assert.strictEqual(d[0].severity, 'warning');
    assert.match(d[0].message, /o1/);
    assert.deepStrictEqual(a.places.map((p) => p.name), ['Porto']);
  });
  it('leaves the input analysis untouched', () => {
    const m = machine();
    const copy = JSON.stringify(m);
    applyAnnotations(m, anchor(TEXT, [ann('s1', Q1, { kind: 'quote', speaker: 'A' })]));
    assert.strictEqual(JSON.stringify(m), copy);
  });
});

describe('gazetteerFromAnnotations', () => {
  it('turns annotated places and actors into user entries with aliases and type', () => {
    const g = gazetteerFromAnnotations([
      ann('a', 'Porto', { kind: 'place', name: 'Porto', aliases: ['Oporto'] }),
      ann('b', 'the mayor', { kind: 'actor', name: 'Ana Lopes', type: 'person' }),
      ann('c', 'Critics', { kind: 'actor', name: 'Ana Lopes', aliases: ['Lopes'] }),
      ann('d', 'Tuesday', { kind: 'place', status: 'rejected' }),
      ann('e', Q1, { kind: 'quote', speaker: 'Ana Lopes' }),
    ]);
    assert.deepStrictEqual(g, [
      { name: 'Porto', kind: 'place', origin: 'user', aliases: ['Oporto'] },
      // "the mayor" is not taught to other articles (it is not a name); "Critics" looks like one.
      { name: 'Ana Lopes', kind: 'actor', origin: 'user', aliases: ['Lopes', 'Critics'], type: 'person' },
    ]);
  });
  it('is used by analyzeWithAnnotations, whatever the recognisers find', () => {
    const { analysis, anchoring } = analyzeWithAnnotations('\uFEFF' + TEXT, [ann('s1', Q1, { kind: 'quote', speaker: 'Ana Lopes' })]);
    assert.strictEqual(anchoring.anchored.length, 1);
    const q = analysis.quotes.find((x) => x.start === span(Q1).start);
    assert.strictEqual(q?.speaker?.via, 'annotation');
    assert.ok(!analysis.diagnostics.some((d) => d.code === 'unattributed-quote' && d.start === span(Q1).start));
  });
});

describe('mergeAnnotations', () => {
  const a = (id: string, exact: string): Annotation => ({ id, kind: 'note', target: { exact } });
  it('keeps additions from both sides and each side\'s edits', () => {
    const base = [a('1', 'x'), a('2', 'y')];
    const r = mergeAnnotations(base, [a('1', 'x!'), a('2', 'y'), a('3', 'ours')], [a('1', 'x'), a('2', 'y?'), a('4', 'theirs')]);
    assert.deepStrictEqual(r.annotations.map((x) => [x.id, x.target.exact]), [['1', 'x!'], ['2', 'y?'], ['4', 'theirs'], ['3', 'ours']]);
    assert.deepStrictEqual(r.conflicts, []);
  });
  it('a deletion wins only over an unchanged annotation', () => {
    const base = [a('1', 'x'), a('2', 'y')];
    // We delete 1 (unchanged on disk) and 2 (edited on disk): 1 goes, 2 stays.
    const r = mergeAnnotations(base, [], [a('1', 'x'), a('2', 'y edited')]);
    assert.deepStrictEqual(r.annotations.map((x) => x.id), ['2']);
    // Disk deleted 1, we edited it: ours stays.
    const r2 = mergeAnnotations(base, [a('1', 'x edited'), a('2', 'y')], [a('2', 'y')]);
    assert.deepStrictEqual(r2.annotations.map((x) => x.target.exact), ['y', 'x edited']);
  });
  it('both sides edit one annotation: disk keeps the id, ours gets a new one', () => {
    const r = mergeAnnotations([a('1', 'x')], [a('1', 'ours')], [a('1', 'theirs')]);
    assert.strictEqual(r.conflicts.length, 1);
    assert.deepStrictEqual(r.annotations.map((x) => x.target.exact), ['theirs', 'ours']);
    assert.strictEqual(r.annotations[1].id, r.conflicts[0].newId);
  });
});

import * as assert from 'assert';
import { upsertAnnotation, withFields } from '../../../client/src/annotations/edits';
import { parseSidecar, serializeSidecar, type Annotation } from '../../../server/src/sidecar/format';

const TEXT = 'date 2024-05-02 Harbour plans\n\n“We will rebuild the pier,” the mayor said in Lisbon.\n';
const Q = { start: TEXT.indexOf('“'), end: TEXT.indexOf('”') + 1 };
const NOW = '2026-01-02T03:04:05Z';
const base = { text: TEXT, orphans: new Set<string>(), now: NOW };

describe('client edits: saving an annotation from a command', () => {
  it('adds a new annotation with the shared target (exact, context, offsets)', () => {
    const { list, id } = upsertAnnotation([], { ...base, ...Q, kind: 'quote', fields: { speaker: 'Mayor', speech: true } });
    assert.strictEqual(list.length, 1);
    const a = list[0];
    assert.strictEqual(a.id, id);
    assert.deepStrictEqual([a.kind, a.speaker, a.speech, a.created], ['quote', 'Mayor', true, NOW]);
    assert.strictEqual(a.target.exact, '“We will rebuild the pier,”');
    assert.deepStrictEqual([a.target.start, a.target.end], [Q.start, Q.end]);
    assert.ok(a.target.prefix?.endsWith('\n\n') && a.target.suffix?.startsWith(' the mayor'));
    // What a command saves, the shared parser reads back.
    const parsed = parseSidecar(serializeSidecar({ version: 1, source: 'a.txt', annotations: list }));
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  });

  it('updates the quote annotation already there instead of adding a second one, and clears fields given as undefined', () => {
    const first = upsertAnnotation([], { ...base, ...Q, kind: 'quote', fields: { speaker: 'Mayor', speech: true } });
    // The analysis' quote span may differ a little from an earlier selection: overlapping is the same quote.
    const term = upsertAnnotation(first.list, { ...base, start: Q.start + 1, end: Q.end - 1, kind: 'quote', fields: { speech: false, speaker: undefined } });
    assert.strictEqual(term.id, first.id);
    assert.strictEqual(term.list.length, 1);
    assert.deepStrictEqual([term.list[0].speech, 'speaker' in term.list[0], term.list[0].updated], [false, false, NOW]);
  });

  it('keeps different kinds, different spans and orphans apart', () => {
    const city = { start: TEXT.indexOf('Lisbon'), end: TEXT.indexOf('Lisbon') + 6 };
    const place = upsertAnnotation([], { ...base, ...city, kind: 'place', fields: { name: 'Lisbon' } });
    const actor = upsertAnnotation(place.list, { ...base, ...city, kind: 'actor', fields: { name: 'Lisbon' } });
    assert.notStrictEqual(actor.id, place.id);
    const shorter = upsertAnnotation(actor.list, { ...base, start: city.start, end: city.end - 1, kind: 'place', fields: {} });
    assert.notStrictEqual(shorter.id, place.id);
    const orphaned = upsertAnnotation(place.list, { ...base, ...city, orphans: new Set([place.id]), kind: 'place', fields: { name: 'X' } });
    assert.notStrictEqual(orphaned.id, place.id, 'an orphan has no place to match');
    assert.strictEqual(orphaned.list.find((a) => a.id === place.id)?.name, 'Lisbon', 'the orphan was changed');
    assert.strictEqual(new Set(shorter.list.map((a) => a.id)).size, shorter.list.length);
  });

  it('sets and removes fields', () => {
    const a: Annotation = { id: 'a1', kind: 'note', target: { exact: 'x' }, note: 'old' };
    assert.strictEqual(withFields(a, { note: 'new' }).note, 'new');
    assert.ok(!('note' in withFields(a, { note: '' })));
    assert.strictEqual(a.note, 'old', 'the input was changed');
  });
});

// nameMentions (what the index digests) and entityFacts (what hovers and the outline
// read) share one walk over an analysis; these tests hold them to the same names,
// kinds, types and mentions, in the same order.
import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { analyze, type Analysis, type Entity, type Quote } from '../../../server/src/analysis';
import { entityFacts, nameMentions } from '../../../server/src/workspace/stats';

function same(a: Analysis): void {
  const facts = [...entityFacts(a).values()];
  const lean = nameMentions(a);
  assert.deepStrictEqual(lean.map((x) => x.name), facts.map((f) => f.name));
  lean.forEach((x, i) => {
    const f = facts[i];
    assert.deepStrictEqual(x.spans, f.mentions.flatMap((m) => [m.start, m.end]), x.name);
    assert.strictEqual(x.place, f.kinds.has('place'), x.name);
    assert.strictEqual(x.actor, f.kinds.has('actor'), x.name);
    assert.strictEqual(x.type, f.type, x.name);
  });
}

const entity = (kind: Entity['kind'], name: string, start: number, end: number, type?: Entity['type']): Entity =>
  ({ kind, name, text: `t${start}`, start, end, ...(type ? { type } : {}) });

const quote = (start: number, end: number, speaker: Quote['speaker']): Quote =>
  ({ text: 'q', kind: 'speech', speaker, cue: null, cueSpan: null, closed: true, paragraphs: 1, start, end });

describe('nameMentions', () => {
  it('lists the names, kinds, types and mentions entityFacts lists, for the seed articles', () => {
    const dir = path.join(__dirname, '../../../seeds');
    let names = 0;
    for (const f of readdirSync(dir)) {
      const a = analyze(readFileSync(path.join(dir, f), 'utf8'));
      same(a);
      names += nameMentions(a).length;
    }
    assert.ok(names > 50, `only ${names} names in seeds/`);
  });

  it('counts a span once, sorts mentions found out of order, and keeps speaker mentions inside quotes or from annotations out', () => {
    const a: Analysis = {
      ...analyze(''),
      places: [entity('place', 'Armenia', 10, 17), entity('place', 'Yerevan', 40, 47), entity('place', 'Armenia', 60, 67)],
      actors: [
        entity('actor', 'Armenia', 10, 17, 'country'), // the same spot as the place
        entity('actor', 'Armenia', 20, 27, 'country'), // between the place's mentions
        entity('actor', 'Ana Lopes', 30, 39, 'person'),
        entity('actor', 'Ana Lopes', 30, 35, 'person'), // same start, other end: a mention of its own
      ],
      quotes: [
        quote(100, 120, { name: 'Ana Lopes', text: 'she', via: 'pronoun', start: 90, end: 93 } as Quote['speaker']),
        quote(130, 150, { name: 'Ana Lopes', text: 'Ana Lopes', via: 'cue', start: 30, end: 39 } as Quote['speaker']), // taken already
        quote(160, 180, { name: 'Bo Li', text: 'Li', via: 'cue', start: 165, end: 167 } as Quote['speaker']), // inside its quote
        quote(190, 200, { name: 'Bo Li', text: '', via: 'annotation', start: 5, end: 8 } as Quote['speaker']),
        quote(210, 220, null),
      ],
    };
    same(a);
    const byName = new Map(nameMentions(a).map((x) => [x.name, x]));
    assert.deepStrictEqual(byName.get('Armenia')!.spans, [10, 17, 20, 27, 60, 67]);
    assert.deepStrictEqual(byName.get('Ana Lopes')!.spans, [30, 39, 30, 35, 90, 93]);
    assert.deepStrictEqual(byName.get('Bo Li'), { name: 'Bo Li', place: false, actor: true, type: undefined, spans: [] });
  });
});

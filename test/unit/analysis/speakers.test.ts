import * as assert from 'assert';
import { splitParagraphs } from '../../../server/src/analysis/header';
import { findQuotes } from '../../../server/src/analysis/quotes';
import { attributeSpeakers } from '../../../server/src/analysis/speakers';
import type { Entity } from '../../../server/src/analysis/types';
import { analyze } from '../../../server/src/analysis';

function attribute(body: string, actors: Entity[] = []) {
  const paragraphs = splitParagraphs(body, 0);
  return attributeSpeakers(body, paragraphs, findQuotes(body, paragraphs), actors);
}
/** [quote text, speaker name, via, cue] for each quote. */
function who(body: string, actors: Entity[] = []) {
  return attribute(body, actors).map((q) => [q.text, q.speaker?.name ?? null, q.speaker?.via ?? null, q.cue]);
}

describe('attributeSpeakers', () => {
  it('reads "X said" and inverted "said X" after the quote', () => {
    assert.deepStrictEqual(who('“We will rebuild the bridge,” Maria Lopez said.'), [
      ['“We will rebuild the bridge,”', 'Maria Lopez', 'cue', 'said'],
    ]);
    assert.deepStrictEqual(who('“We will rebuild the bridge,” said Maria Lopez, the mayor.'), [
      ['“We will rebuild the bridge,”', 'Maria Lopez', 'cue', 'said'],
    ]);
  });

  it('reads an appositive between the speaker and the verb', () => {
    const [q] = attribute('“The dam is safe,” Tom Reed, the chief engineer of the region, told reporters.');
    assert.strictEqual(q.speaker?.name, 'Tom Reed');
    assert.strictEqual(q.cue, 'told');
  });

  it('keeps the mention as written and its span', () => {
    const body = '“Prices will fall,” a senior official at the bank said.';
    const [q] = attribute(body);
    assert.ok(q.speaker);
    assert.strictEqual(body.slice(q.speaker.start, q.speaker.end), q.speaker.text);
    assert.match(q.speaker.text, /official/);
  });

  it('strips role words before a name: "political scientist Anna Berg" is Anna Berg', () => {
    assert.deepStrictEqual(who('Political scientist Anna Berg believes the plan is “a costly illusion.”')[0].slice(1), [
      'Anna Berg', 'cue', 'believes',
    ]);
  });

  it('reads a second appositive that holds a noun of saying ("one of the states suing"), a possessive subject and an adverb, and coordinated verbs', () => {
    const [pinto] = attribute('“It is an invasion of our domain,” Rosa Pinto, the attorney general of Lusitania, one of the states in the case, said at a forum.');
    assert.deepStrictEqual([pinto.speaker?.name, pinto.cue], ['Rosa Pinto', 'said']);
    const [father] = attribute('“We live in hard times,” my father often said.');
    assert.deepStrictEqual([father.speaker?.text, father.cue], ['my father', 'said']);
    const [me] = attribute('When the teacher asked about the test, I laughed and said, “I never believed in tests.”');
    assert.deepStrictEqual([me.speaker?.text, me.cue], ['I', 'said']);
  });

  it('does not take a new sentence of reported speech after a closed quote for its attribution', () => {
    const [q] = attribute('South Lusitania accused the rebel leader, Ivo Tan, of “fanatic recklessness.” Its president, Ana Ruiz, said the leader was unstable.');
    assert.strictEqual(q.speaker?.name, 'South Lusitania');
    const [r] = attribute('“The dam will hold.” Tom Reed said on Monday.');
    assert.strictEqual(r.speaker?.name, 'Tom Reed');
  });

  it('gives a quotation inside an opening participle clause to the main clause\'s subject', () => {
    const [q] = attribute('After saying the bridge was “too old to carry trucks,” Lidia Varga closed it for a week.');
    assert.strictEqual(q.speaker?.name, 'Lidia Varga');
    const [r] = attribute('Before telling reporters that the plan was “dead on arrival,” Senator Piet Anker left the hall.');
    assert.strictEqual(r.speaker?.name, 'Piet Anker');
  });

  it('reads "according to X" before and after the quote, and expands a surname', () => {
    const body = 'According to economist Paul Varga, the plan is “a costly illusion.” According to Varga, the bank is “running out of time.”';
    const out = who(body);
    assert.deepStrictEqual(out.map((r) => [r[1], r[2], r[3]]), [
      ['Paul Varga', 'according-to', 'According to'],
      ['Paul Varga', 'according-to', 'According to'],
    ]);
  });

  it('reads a colon before the quote, in the sentence or ending the paragraph before', () => {
    assert.deepStrictEqual(who('The committee warned: “Water levels are rising.”')[0].slice(1), ['committee', 'colon', 'warned']);
    const body = 'The ministry warned that the talks were only a pretext for “further delays”:\n\n“The convoy was stopped twice this week.”';
    const out = who(body);
    assert.strictEqual(out.length, 2);
    assert.deepStrictEqual(out[1].slice(1), ['ministry', 'colon', 'warned']);
  });

  it('continues the previous speaker for a quote paragraph with no cue of its own', () => {
    const body = '“The harvest was poor,” said Ilse Brandt, a farmer.\n\n“We lost half the wheat and all the barley this year.”';
    const out = who(body);
    assert.deepStrictEqual(out[1].slice(1, 3), ['Ilse Brandt', 'continuation']);
  });

  it('continues the speaker of the sentence before when the quote opens a sentence', () => {
    const out = who('The delay was costly, Governor Hale said. “We paid twice for the same road.”');
    assert.strictEqual(out[0][1], 'Hale');
  });

  it('collects a name that starts with a capital outside ASCII, for a pronoun to resolve to', () => {
    const [q] = attribute('Émile Arakelyan, a farmer, was less sure.\n\n“We must not be passive,” he told reporters.');
    assert.strictEqual(q.speaker?.via, 'pronoun');
    assert.strictEqual(q.speaker?.name, 'Émile Arakelyan');
  });

  it('reads an initial outside ASCII ("Ş.", "É.") as it reads "J.": no sentence end, part of the name', () => {
    // Analysed whole (the actors come from entity detection), then compared with the same
    // sentences written with an ASCII initial.
    const bodies = [
      '“We will rebuild the bridge,” Ş. Ozturk told reporters on Monday.',
      '“We will rebuild,” the mayor, Ş. Ozturk, said. “It will take a year.”',
      'The delay was costly, Governor Ş. Ozturk said. “We paid twice for the same road.”',
    ];
    const speakers = (body: string) => analyze(`date 2024-01-01 Bridge\n\n${body}\n`).quotes.map((q) => [q.speaker?.name ?? null, q.cue]);
    for (const body of bodies) {
      const ascii = speakers(body.replace('Ş.', 'J.')).map(([name, cue]) => [name?.replace('J.', 'Ş.') ?? null, cue]);
      assert.deepStrictEqual(speakers(body), ascii, body);
      assert.ok(ascii.every(([, cue]) => cue), `every quote of "${body}" has a cue`);
    }
    assert.strictEqual(speakers(bodies[0])[0][0], 'Ş. Ozturk');
  });

  it('resolves pronouns to the most recent fitting speaker', () => {
    const body = 'Political scientist Gurgen Arakelyan believes the plan will fail.\n\n“We must not be passive,” he told reporters.';
    const [q] = attribute(body);
    assert.strictEqual(q.speaker?.text, 'he');
    assert.strictEqual(q.speaker?.via, 'pronoun');
    assert.strictEqual(q.speaker?.name, 'Gurgen Arakelyan');
    assert.strictEqual(body.slice(q.speaker.start, q.speaker.end), 'he');
  });

  it('resolves "it" to an organisation, and uses actor names when given', () => {
    const body = 'The Water Agency issued a statement on Monday. It also states that “the reservoir is full.”';
    const [q] = attribute(body);
    assert.strictEqual(q.speaker?.via, 'pronoun');
    assert.match(q.speaker!.name, /Water Agency/);
    const actors: Entity[] = [{ kind: 'actor', start: 4, end: 15, text: 'Water Agency', name: 'National Water Agency', type: 'organization' }];
    assert.strictEqual(attribute(body, actors)[0].speaker?.name, 'National Water Agency');
  });

  it('gives no speaker to impersonal "It was reported that …"', () => {
    const out = who('Then came news from the border. It was reported that “the troops are pulling back.”');
    assert.deepStrictEqual(out[0].slice(1), [null, null, null]);
    assert.strictEqual(who('It is said that “walls have ears.”')[0][1], null);
  });

  it('attributes quoted fragments inside indirect speech to the speaker', () => {
    const out = who('Senator Ruth Kline said the agency would “keep the details under wraps” for now.');
    assert.deepStrictEqual(out[0].slice(1, 4), ['Ruth Kline', 'cue', 'said']);
  });

  it('reads interview transcripts: NAME: lines, quoted or not, and Q/A', () => {
    const labelled = who('SMITH: “We never agreed to that.”\n\nJONES: “We did, in May.”');
    assert.deepStrictEqual(labelled.map((r) => [r[1], r[2], r[3]]), [['SMITH', 'interview', ':'], ['JONES', 'interview', ':']]);
    const quoted = who('"WALLACE: Will you be there?\n\n"PENCE: I will be there.');
    assert.deepStrictEqual(quoted.map((r) => r[1]), ['WALLACE', 'PENCE']);
    const qa = who('"Q: Why now?\n\n"A: Because the money ran out.');
    assert.deepStrictEqual(qa.map((r) => r[1]), ['Q', 'A']);
  });

  it('reads a byline dash after the quote', () => {
    assert.strictEqual(who('“I am afraid for my children.” ― Rosa Mendez')[0][1], 'Rosa Mendez');
  });

  it('does not read a cue word inside another quote or a noun as a verb', () => {
    const out = who('“They said nothing,” Ann Wu said. Tom’s tweets were “unhinged.”');
    assert.strictEqual(out[0][1], 'Ann Wu');
    assert.notStrictEqual(out[1][3], 'tweets');
  });

  it('leaves a term with no speaker when nothing attributes it', () => {
    const out = attribute('Talks on “reintegration” were postponed.');
    assert.strictEqual(out[0].kind, 'term');
  });

  it('names a speaker after the actor mention it covers, among many actors', () => {
    // Actors before, inside and after the speaker phrase: only the covering one counts.
    const body = 'Mayor Ilse Brandt and the Port Authority met. “Prices will fall,” said Ilse Brandt, the mayor. Port Authority staff agreed.';
    const at = (t: string, from = 0) => body.indexOf(t, from);
    const actors: Entity[] = [
      { kind: 'actor', start: at('Ilse Brandt'), end: at('Ilse Brandt') + 11, text: 'Ilse Brandt', name: 'Ilse Brandt', type: 'person' },
      { kind: 'actor', start: at('Port Authority'), end: at('Port Authority') + 14, text: 'Port Authority', name: 'Port Authority', type: 'organization' },
      { kind: 'actor', start: at('Ilse Brandt', 30), end: at('Ilse Brandt', 30) + 11, text: 'Ilse Brandt', name: 'Mayor Ilse Brandt', type: 'person' },
      { kind: 'actor', start: at('Port Authority', 60), end: at('Port Authority', 60) + 14, text: 'Port Authority', name: 'The Port Authority', type: 'organization' },
    ];
    assert.strictEqual(attribute(body, actors)[0].speaker?.name, 'Mayor Ilse Brandt');
  });

  it('resolves a pronoun to the last fitting actor before it when no speaker was seen', () => {
    // Surnames alone are no names the rules collect: only the actors know who they are.
    const body = 'The Harbour Board met Reed and Ruiz on Monday, then the Water Agency.\n\n“We are not ready,” she told the board.';
    const at = (t: string) => body.indexOf(t);
    const mk = (t: string, name: string, type: 'person' | 'organization'): Entity => ({ kind: 'actor', start: at(t), end: at(t) + t.length, text: t, name, type });
    const actors = [mk('Harbour Board', 'Harbour Board', 'organization'), mk('Reed', 'Tom Reed', 'person'), mk('Ruiz', 'Ana Ruiz', 'person'), mk('Water Agency', 'Water Agency', 'organization')];
    const [q] = attribute(body, actors);
    assert.strictEqual(q.speaker?.via, 'pronoun');
    assert.strictEqual(q.speaker?.name, 'Ana Ruiz');
  });

  it('stays linear on one long paragraph without line breaks', () => {
    // Every look-around is bounded: a search for a line break or a sentence end must not
    // run back to the start (or on to the end) of a paragraph that has none.
    const unit = 'The minister said “we will not give up” on Saturday, according to Ana Ruiz ';
    const body = unit.repeat(20000);
    const t0 = process.hrtime.bigint();
    const out = attribute(body);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.strictEqual(out.length, 20000);
    assert.ok(out.every((q) => q.speaker), 'every quote attributed');
    // Generous for a shared machine: a quadratic search takes minutes here.
    assert.ok(ms < 15000, `took ${ms} ms`);
  });

  it('is fast on a long document', () => {
    const para = 'Officials met on Monday. “We are ready,” said Ana Ruiz, the minister. She added that the army was “on alert.”\n\n';
    const body = para.repeat(1000);
    const t0 = process.hrtime.bigint();
    const out = attribute(body);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.strictEqual(out.length, 2000);
    assert.ok(out.every((q) => q.speaker), 'every quote attributed');
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});

import * as assert from 'assert';
import * as fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analyze';
import { detectEntities } from '../../../server/src/analysis/entities';
import { resolveEntities } from '../../../server/src/analysis/resolve';
import { buildGazetteer } from '../../../server/src/analysis/gazetteer';
import type { Analysis, Entity, GazetteerEntry } from '../../../server/src/analysis/types';

const gazetteer = buildGazetteer();

/** Analyses a one-article body (with a header) and returns places and actors. */
function run(body: string, extra?: GazetteerEntry[]): Analysis {
  return analyze(`date 2024-03-01 Test\n\n${body}`, extra ? { gazetteer: extra } : {});
}
const show = (es: Entity[]) => es.map((e) => `${e.text}=>${e.name}${e.type ? `[${e.type}]` : ''}`);
const actor = (a: Analysis, text: string) => a.actors.find((e) => e.text === text);
const place = (a: Analysis, text: string) => a.places.find((e) => e.text === text);

describe('entities: places and actors', () => {
  it('gives paragraph-local offsets that slice to the mention text', () => {
    const p = 'Talks were held in Baku. The Ministry of Defense said so.';
    const ms = detectEntities(p, gazetteer);
    assert.ok(ms.length >= 2, JSON.stringify(ms));
    for (const m of ms) assert.strictEqual(p.slice(m.start, m.end), m.text);
  });

  it('finds known places and maps aliases to their canonical name', () => {
    const a = run('Shelling was reported in NK and near Stepanakert. Artsakh officials denied it.');
    assert.deepStrictEqual(a.places.map((p) => p.name).slice(0, 2), ['Nagorno-Karabakh', 'Stepanakert']);
    for (const p of a.places) assert.strictEqual(a.places.filter((q) => q.start === p.start).length, 1);
  });

  it('makes a country an actor when it acts and a place when it is a destination', () => {
    const a = run('Azerbaijan again invited the delegation to Baku. Later Azerbaijan wants to show its strength. The convoy drove to Azerbaijan.');
    const azs = [...a.actors, ...a.places].filter((e) => e.text === 'Azerbaijan').sort((x, y) => x.start - y.start);
    assert.deepStrictEqual(azs.map((e) => e.kind), ['actor', 'actor', 'place']);
    assert.strictEqual(azs[0].type, 'country');
    assert.strictEqual(place(a, 'Baku')?.name, 'Baku');
  });

  it('reads a capital that speaks for its state as a country actor', () => {
    const a = run('Until now official Yerevan has not reacted. Moscow said it would wait.');
    assert.strictEqual(actor(a, 'Yerevan')?.type, 'country');
    assert.strictEqual(actor(a, 'Moscow')?.type, 'country');
  });

  it('a possessive country with an agent noun acts; with another noun it is a place', () => {
    const a = run('Critics condemned Armenia’s policy. The museum showed Armenia’s mountains.');
    const all = [...a.actors, ...a.places].filter((e) => e.text === 'Armenia').sort((x, y) => x.start - y.start);
    assert.deepStrictEqual(all.map((e) => e.kind), ['actor', 'place']);
  });

  it('reads institution names with their "of" tails as organisations', () => {
    const a = run(
      'The Ministry of Defense of the unrecognized NKR reported an attack. ' +
        'On Monday the Presidential Administration of Azerbaijan made a proposal. ' +
        'The Foreign Ministry of the unrecognized republic issued a statement. ' +
        'The Information Headquarters of NK replied.',
    );
    assert.deepStrictEqual(
      a.actors.filter((e) => e.type === 'organization').map((e) => e.name),
      ['Ministry of Defense of the unrecognized NKR', 'Presidential Administration of Azerbaijan', 'Foreign Ministry of the unrecognized republic', 'Information Headquarters of NK'],
    );
    // A place inside an institution's name is part of the name, not a separate place.
    assert.deepStrictEqual(a.places, []);
  });

  it('keeps "for" and "on" inside an institution name, but not "on" before a place', () => {
    const a = run('The Center for Coastal Studies and the Committee on Budget Reform met at Hofstra University on Long Island.');
    assert.deepStrictEqual(a.actors.map((e) => e.text), ['Center for Coastal Studies', 'Committee on Budget Reform', 'Hofstra University']);
  });

  it('knows international organisations, longest name first', () => {
    const a = run('The UN Security Council met, and the UN and NATO sent observers; the OSCE stayed away.');
    assert.deepStrictEqual(show(a.actors), [
      'UN Security Council=>UN Security Council[organization]',
      'UN=>United Nations[organization]',
      'NATO=>NATO[organization]',
      'OSCE=>OSCE[organization]',
    ]);
  });

  it('finds persons after roles, titles and honorifics', () => {
    const a = run(
      'According to political scientist Gurgen Simonyan, the talks failed. ' +
        'President Joe Biden spoke later. The statement was read by spokeswoman Jane Doe. ' +
        'The report was written by Tom Smith. Mr. Smith declined to comment.',
    );
    assert.strictEqual(actor(a, 'Gurgen Simonyan')?.type, 'person');
    assert.strictEqual(actor(a, 'Joe Biden')?.type, 'person');
    assert.strictEqual(actor(a, 'Jane Doe')?.name, 'Jane Doe');
    assert.strictEqual(actor(a, 'Mr. Smith')?.name, 'Tom Smith');
    assert.ok(!a.actors.some((e) => /President|spokeswoman|political/.test(e.text)), show(a.actors).join());
  });

  it('finds a name after a possessive', () => {
    const a = run('He spoke with NRK’s Torvald Eikrem on Monday.');
    assert.strictEqual(actor(a, 'Torvald Eikrem')?.type, 'person', show(a.actors).join());
  });

  it('splits "Dr. X of Y University" into the person and the organisation', () => {
    const a = run('Dr. Aiko Tanaka of Kyoto University presented the results. Shares of Veltrix Corp fell.');
    assert.deepStrictEqual(show(a.actors), [
      'Dr. Aiko Tanaka=>Aiko Tanaka[person]',
      'Kyoto University=>Kyoto University[organization]',
      'Veltrix Corp=>Veltrix Corp[organization]',
    ]);
  });

  it('finds persons next to speech verbs, and resolves short forms to the full name', () => {
    const a = run('“We will not move,” said Amara Okafor. Okafor added that the strike would go on. According to Okafor, nobody called.');
    assert.deepStrictEqual(show(a.actors), ['Amara Okafor=>Amara Okafor[person]', 'Okafor=>Amara Okafor[person]', 'Okafor=>Amara Okafor[person]']);
  });

  it('resolves "the headquarters", "the ministry" and "the analyst" to what the article named before', () => {
    const a = run(
      'The Information Headquarters of NK reported shelling. The headquarters warned of more. ' +
        'The Ministry of Health of Chile published figures; the ministry said they were final. ' +
        'Analyst Rafael Ortiz disagreed, and the analyst called them early.',
    );
    assert.strictEqual(actor(a, 'The headquarters')?.name, 'Information Headquarters of NK');
    assert.strictEqual(actor(a, 'the ministry')?.name, 'Ministry of Health of Chile');
    assert.strictEqual(actor(a, 'the analyst')?.name, 'Rafael Ortiz');
    const b = run('The Ministry of Health of Chile published figures. Later the Ministry said they were final.');
    assert.strictEqual(actor(b, 'the Ministry')?.name, 'Ministry of Health of Chile');
  });

  it('drops "the X" references nothing in the article resolves', () => {
    const a = run('The committee met on Friday. The expert left early.');
    assert.deepStrictEqual(a.actors, []);
  });

  it('reads nationality plus group noun as a group actor', () => {
    const a = run(
      'Russian peacekeepers were stationed there. Units of the Azerbaijani Armed Forces advanced, ' +
        'the Azerbaijani side said. Czech hydrologists offered help, and Azerbaijanis protested.',
    );
    for (const g of ['Russian peacekeepers', 'Azerbaijani Armed Forces', 'Azerbaijani side', 'Czech hydrologists', 'Azerbaijanis']) {
      assert.strictEqual(actor(a, g)?.type, 'group', `${g}: ${show(a.actors).join(', ')}`);
    }
  });

  it('reads nationality plus a state institution as an organisation', () => {
    const a = run('The Russian Ministry of Defense confirmed it, and the Polish government agreed.');
    assert.deepStrictEqual(show(a.actors), [
      'Russian Ministry of Defense=>Russian Ministry of Defense[organization]',
      'Polish government=>Polish government[organization]',
    ]);
  });

  it('reads "the international community" as a group', () => {
    const a = run('The international community must act, the minister said.');
    assert.deepStrictEqual(show(a.actors), ['international community=>international community[group]']);
  });

  it('groups "the authorities of X" and "representatives of X"', () => {
    const a = run('The authorities of the unrecognized republic refused. Representatives of Azerbaijan met them.');
    assert.deepStrictEqual(a.actors.map((e) => e.text), ['authorities of the unrecognized republic', 'Representatives of Azerbaijan']);
  });

  it('takes places from their cues: prepositions, roads, corridors, regions', () => {
    const a = run(
      'The road passing through Lisagor is closed. Trucks used the Stepanakert-Lisagor dirt road ' +
        'and the Shushi-Lisagor section, then the Lachin corridor, to reach the Shusha region and the city of Gavar.',
    );
    assert.deepStrictEqual(a.places.map((p) => p.text), ['Lisagor', 'Stepanakert', 'Lisagor', 'Shushi', 'Lisagor', 'Lachin corridor', 'Shusha', 'Gavar']);
    assert.strictEqual(place(a, 'Shushi')?.name, 'Shusha');
  });

  it('takes a bare word for the place the article named with a cue, not for a first name', () => {
    const a = run('Protests spread in Velport on Monday. Later Velport was quiet. Velport Rangers fans stayed home.');
    assert.deepStrictEqual(a.places.map((p) => p.text), ['Velport', 'Velport']);
  });

  it('takes "to X" and "from X" for places only after a word of motion', () => {
    const a = run('Importers rerouted cargo to Velport and Hamburg. Flights from Ostrava resumed. He wrote a letter to Oskar.');
    assert.deepStrictEqual(a.places.map((p) => p.text), ['Velport', 'Hamburg', 'Ostrava']);
  });

  it('reads a brand-cased or acronym addressee of "told" as an organisation', () => {
    const a = run('“Talks are over,” he told NRGnews. Later she told BNT the same.');
    assert.deepStrictEqual(show(a.actors), ['NRGnews=>NRGnews[organization]', 'BNT=>BNT[organization]']);
  });

  it('does not take sentence-initial words, months or weekdays for names', () => {
    const a = run('Nothing is known. On Saturday, talks stalled. Then came March. However, Friday passed quietly. Meanwhile nobody spoke.');
    assert.deepStrictEqual([...a.places, ...a.actors], []);
  });

  it('does not take a name that modifies a noun for a place', () => {
    const a = run('He lost money in Mercer company shares.');
    assert.deepStrictEqual(a.places, []);
  });

  it('reads interview transcript speakers and resolves them to the introduced person', () => {
    const a = run('Hydrologist Marta Kowalczyk spoke to us.\n\nQ: Was it unusual?\n\nKOWALCZYK: Not really.');
    assert.deepStrictEqual(show(a.actors), ['Marta Kowalczyk=>Marta Kowalczyk[person]', 'KOWALCZYK=>Marta Kowalczyk[person]']);
  });

  it('finds nothing invented in a Title Case headline paragraph', () => {
    const a = run('Mayor Says Budget Talks Were Stalled Over Harbor Plans\n\nThe city council met on Monday.');
    assert.deepStrictEqual(a.actors, []);
  });

  it('a user entry teaches the analysis a new name', () => {
    const body = 'The Blue Harbor Trust owns the pier. Critics in Velmora agreed.';
    const before = run(body);
    assert.ok(!before.actors.some((e) => e.name === 'Blue Harbor Trust'));
    assert.ok(!before.places.some((e) => e.name === 'Velmora Bay'));
    const after = run(body, [
      { name: 'Blue Harbor Trust', kind: 'actor', type: 'organization', origin: 'user' },
      { name: 'Velmora Bay', kind: 'place', aliases: ['Velmora'], origin: 'user' },
    ]);
    assert.strictEqual(actor(after, 'Blue Harbor Trust')?.type, 'organization');
    assert.strictEqual(place(after, 'Velmora')?.name, 'Velmora Bay');
  });

  it('a user entry wins over a built-in one with the same surface', () => {
    const a = run('Jordan said the deal was done.', [{ name: 'Michael Jordan', kind: 'actor', type: 'person', aliases: ['Jordan'], origin: 'user' }]);
    assert.deepStrictEqual(show(a.actors), ['Jordan=>Michael Jordan[person]']);
    assert.deepStrictEqual(a.places, []);
  });

  it('keeps offsets right with a BOM, CRLF line ends and accented names', () => {
    const text = '\uFEFFdate 2024-03-01 Test\r\n\r\nPresident Enrique Peña Nieto flew to Ciudad Juárez.\r\nOfficials in Kraków said so.\r\n';
    const a = analyze(text);
    const shown = text.slice(1);
    assert.ok(a.actors.some((e) => e.name === 'Enrique Peña Nieto'), show(a.actors).join());
    assert.ok(a.places.some((e) => e.text === 'Kraków'), show(a.places).join());
    for (const e of [...a.places, ...a.actors]) assert.strictEqual(shown.slice(e.start, e.end), e.text);
  });

  it('never throws and always returns in-bounds, non-overlapping spans (property)', () => {
    const piece = fc.constantFrom('Baku', 'the', 'Ministry', 'of', 'Defense', 'said', 'Mr.', 'Smith', 'in', '“', '”', ',', '.', '\n', 'Russian', 'peacekeepers', 'NK', '-', 'road', 'According', 'to', 'Élodie', '’s', 'X');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.boolean(), (parts, spaced) => {
        const p = parts.join(spaced ? ' ' : '');
        const ms = detectEntities(p, gazetteer);
        for (const m of ms) {
          assert.ok(m.start >= 0 && m.end <= p.length && m.start < m.end);
          assert.strictEqual(p.slice(m.start, m.end), m.text);
        }
        const r = resolveEntities(p, ms, gazetteer);
        for (const list of [r.places, r.actors]) {
          for (let i = 1; i < list.length; i++) assert.ok(list[i].start >= list[i - 1].end, JSON.stringify(list));
          for (const e of list) assert.deepStrictEqual(Object.keys(e).sort(), (e.kind === 'actor' ? ['end', 'kind', 'name', 'start', 'text', 'type'] : ['end', 'kind', 'name', 'start', 'text']));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads a huge paragraph in pieces without losing or shifting a mention', () => {
    const sentence = 'Talks in Baku stalled, according to Gurgen Simonyan. ';
    const one = detectEntities(sentence, gazetteer);
    const n = 2000; // about 110,000 characters: many pieces
    const big = sentence.repeat(n);
    const ms = detectEntities(big, gazetteer);
    assert.strictEqual(ms.length, one.length * n);
    for (let i = 0; i < ms.length; i++) {
      const ref = one[i % one.length];
      const shift = Math.floor(i / one.length) * sentence.length;
      assert.deepStrictEqual([ms[i].start, ms[i].end, ms[i].text], [ref.start + shift, ref.end + shift, ref.text]);
    }
  });

  it('is linear: eight times the text takes far less than 64 times as long', () => {
    const para = 'According to political scientist Gurgen Simonyan, Russian peacekeepers in NK and the Ministry of Defense of Armenia said Azerbaijan wants talks in Baku. ';
    const time = (n: number) => {
      const text = para.repeat(n);
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = process.hrtime.bigint();
        detectEntities(text, gazetteer);
        best = Math.min(best, Number(process.hrtime.bigint() - t0));
      }
      return best;
    };
    time(200);
    const small = time(200);
    const big = time(1600);
    // Linear work gives about 8x; quadratic work would give about 64x. Timing noise on a
    // shared machine stays well under the margin.
    assert.ok(big < small * 24, `200 copies ${small} ns, 1600 copies ${big} ns`);
  });
});

describe('names written with diacritics', () => {
  const actorsOf = (body: string) => analyze(`date 2024-05-02 Test\n\n${body}\n`).actors.map((a) => a.name);

  it('a given name with diacritics starts a person as its plain form does', () => {
    assert.deepStrictEqual(actorsOf('José García, a farmer, was less sure.'), ['José García']);
    assert.deepStrictEqual(actorsOf('Óscar Nunez, a farmer, was less sure.'), ['Óscar Nunez']);
    assert.deepStrictEqual(actorsOf('Jose Garcia, a farmer, was less sure.'), ['Jose Garcia']);
  });

  it('a name that starts with a capital outside ASCII is a speaker (a pronoun after it resolves to it)', () => {
    const a = analyze('date 2024-05-02 Test\n\nÓscar Nunez, a farmer, was less sure. “We have heard that before,” he said.\n');
    assert.deepStrictEqual(a.quotes.map((q) => q.speaker?.name), ['Óscar Nunez']);
    const b = analyze('date 2024-05-02 Test\n\nÉric Martin, the mayor, spoke first. “The bridge opens in June,” he said.\n');
    assert.deepStrictEqual(b.quotes.map((q) => q.speaker?.name), ['Éric Martin']);
  });
});

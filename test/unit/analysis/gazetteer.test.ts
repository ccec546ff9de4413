import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildGazetteer, scanTokens, TOKEN_FLAGS, tokenize } from '../../../server/src/analysis/gazetteer';
import type { GazetteerEntry } from '../../../server/src/analysis/types';

describe('gazetteer', () => {
  const g = buildGazetteer();

  it('knows countries with their adjectives and demonyms, capitals and organisations', () => {
    assert.strictEqual(g.lookup('Azerbaijan')?.kind, 'place');
    assert.strictEqual(g.lookup('Azerbaijani')?.name, 'Azerbaijan');
    assert.strictEqual(g.lookup('Azerbaijanis')?.name, 'Azerbaijan');
    assert.strictEqual(g.lookup('Baku')?.type, 'country', 'a capital can act for its state');
    assert.strictEqual(g.lookup('Lyon')?.type, undefined, 'another city cannot');
    assert.strictEqual(g.lookup('UN Security Council')?.type, 'organization');
    assert.strictEqual(g.lookup('NKR')?.name, 'Nagorno-Karabakh');
    assert.ok(g.entries.length > 500, String(g.entries.length));
  });

  it('matches the longest name at a token', () => {
    const t = tokenize('the UN Security Council met');
    const m = g.match(t, 1);
    assert.strictEqual(m?.entry.name, 'UN Security Council');
    assert.strictEqual(m?.length, 3);
  });

  it('matches acronyms only in their exact case and names only capitalised', () => {
    const t = tokenize('let us go to the US and china and China');
    const hits = t.map((_, i) => g.match(t, i)?.entry.name ?? null).filter(Boolean);
    assert.deepStrictEqual(hits, ['United States', 'China']);
  });

  it('matches names across hyphens and periods as written', () => {
    const t = tokenize('In Nagorno-Karabakh and the U.S. today');
    assert.strictEqual(g.match(t, 1)?.entry.name, 'Nagorno-Karabakh');
    assert.strictEqual(g.match(t, 1)?.length, 3);
    const us = t.findIndex((x) => x.text === 'U');
    assert.strictEqual(g.match(t, us)?.entry.name, 'United States');
  });

  it('does not match a multi-word name across a line break', () => {
    const t = tokenize('New\nZealand');
    assert.strictEqual(g.match(t, 0), null);
  });

  it('splits a possessive off its name', () => {
    assert.deepStrictEqual(tokenize('Azerbaijan’s policy').map((x) => x.text), ['Azerbaijan', '’s', 'policy']);
    assert.deepStrictEqual(tokenize("N'Djamena").map((x) => x.text), ["N'Djamena"]);
  });

  it('lower-cases one-character tokens and possessives as any other token, however often they recur', () => {
    const text = "I saw A'S plan, Bob’s car, X’s; “Ä” é ǅ ǅ'S ǅ's a I's.";
    const expected = [
      'I|i', 'saw|saw', 'A|a', "'S|'s", 'plan|plan', ',|,', 'Bob|bob', '’s|’s', 'car|car', ',|,', 'X|x', '’s|’s', ';|;',
      '“|“', 'Ä|ä', '”|”', 'é|é', 'ǅ|ǅ',
      // A titlecase letter is no capital: lower-cased only when a capital follows it in its word.
      'ǅ|ǆ', "'S|'s", 'ǅ|ǅ', "'s|'s", 'a|a', 'I|i', "'s|'s", '.|.',
    ];
    for (let round = 0; round < 2; round++) {
      assert.deepStrictEqual(tokenize(text).map((x) => `${x.text}|${x.lower}`), expected);
    }
  });

  it('reads short words the same way the first time and every later time, possessive or not', () => {
    const text = "ab'S AB'S abcde's abcdefg's abcdefgh's Abc'D 1999's O'Brien's THE tHe the";
    const expected = [
      'ab|ab', "'S|'s", 'AB|ab', "'S|'s", 'abcde|abcde', "'s|'s", 'abcdefg|abcdefg', "'s|'s", 'abcdefgh|abcdefgh', "'s|'s",
      "Abc'D|abc'd", '1999|1999', "'s|'s", "O'Brien|o'brien", "'s|'s", 'THE|the', 'tHe|the', 'the|the',
    ];
    for (let round = 0; round < 2; round++) {
      assert.deepStrictEqual(tokenize(text).map((x) => `${x.text}|${x.lower}`), expected);
    }
    // Words that differ only in a character far from the start stay apart.
    assert.deepStrictEqual(tokenize('abcdefg abcdefh abcdef0 Abcdefg').map((x) => x.lower), ['abcdefg', 'abcdefh', 'abcdef0', 'abcdefg']);
  });

  it('gives the same tokens as a table of columns (scanTokens) and as objects (tokenize)', () => {
    const text = 'Azerbaijan’s  “policy”\nN\'Djamena, O\'Brien’S 2020-11-09 São Tomé ǅx 😀 end';
    const objects = tokenize(text);
    const table = scanTokens(text);
    assert.strictEqual(table.n, objects.length);
    objects.forEach((o, i) => {
      const f = table.flags[i];
      assert.deepStrictEqual(
        { start: table.start[i], end: table.end[i], text: table.text[i], lower: table.lower[i], cap: (f & TOKEN_FLAGS.CAP) !== 0, word: (f & TOKEN_FLAGS.WORD) !== 0, br: (f & TOKEN_FLAGS.BR) !== 0, tight: (f & TOKEN_FLAGS.TIGHT) !== 0 },
        o, `token ${i}`);
      assert.strictEqual(text.slice(o.start, o.end), o.text);
    });
    assert.deepStrictEqual(objects.map((o) => o.text), ['Azerbaijan', '’s', '“', 'policy', '”', "N'Djamena", ',', "O'Brien", '’S', '2020', '-', '11', '-', '09', 'São', 'Tomé', 'ǅx', '😀', 'end']);
    assert.ok(objects[6].tight && !objects[7].tight && objects[5].br, 'flags');
    // The table is shared: the next text overwrites it.
    assert.strictEqual(scanTokens('one two').n, 2);
    assert.strictEqual(objects.length, 19, 'tokenize gives copies');
  });

  it('has a key that is stable for equal entries and changes when they change', () => {
    const a = buildGazetteer([{ name: 'Blue Harbor Trust', kind: 'actor', type: 'organization' }]);
    const b = buildGazetteer([{ name: 'Blue Harbor Trust', kind: 'actor', type: 'organization' }]);
    const c = buildGazetteer([{ name: 'Blue Harbor Trust', kind: 'actor', type: 'organization', aliases: ['BHT'] }]);
    assert.strictEqual(a.key, b.key);
    assert.notStrictEqual(a.key, c.key);
    assert.notStrictEqual(a.key, g.key);
    assert.strictEqual(buildGazetteer().key, g.key);
  });

  it('reuses the gazetteer built for the same user entries (by content)', () => {
    const a = buildGazetteer([{ name: 'Blue Harbor Trust', kind: 'actor', type: 'organization' }]);
    const b = buildGazetteer([{ name: 'Blue Harbor Trust', kind: 'actor', type: 'organization' }]);
    const c = buildGazetteer([{ name: 'Blue Harbor Trusts', kind: 'actor', type: 'organization' }]);
    assert.strictEqual(a, b);
    assert.notStrictEqual(a, c);
    assert.strictEqual(buildGazetteer(), buildGazetteer([]));
  });

  it('finds the gazetteer of a list passed again without reading its entries', () => {
    const list = [{ name: 'Orlan Water Board', kind: 'actor' as const, type: 'organization' as const }];
    const a = buildGazetteer(list);
    let reads = 0;
    Object.defineProperty(list[0], 'name', { get: () => (reads++, 'Orlan Water Board'), enumerable: true });
    assert.strictEqual(buildGazetteer(list), a);
    assert.strictEqual(reads, 0, 'the entries were read again');
    // A new list with the same content still finds it, by content.
    assert.strictEqual(buildGazetteer([{ name: 'Orlan Water Board', kind: 'actor', type: 'organization' }]), a);
  });

  it('merges user entries over the built-ins: a user entry wins on the same surface', () => {
    const u = buildGazetteer([{ name: 'Sofia Lindqvist', kind: 'actor', type: 'person', aliases: ['Sofia'] }]);
    assert.strictEqual(u.lookup('Sofia')?.name, 'Sofia Lindqvist');
    assert.strictEqual(u.lookup('Sofia')?.origin, 'user');
    assert.strictEqual(g.lookup('Sofia')?.kind, 'place');
    const t = tokenize('Sofia');
    assert.strictEqual(u.match(t, 0)?.entry.name, 'Sofia Lindqvist');
  });

  it('ignores user entries without a name, and wrong fields, instead of failing', () => {
    const u = buildGazetteer([{ name: '  ', kind: 'place' }]);
    assert.strictEqual(u.key, g.key);
    const bad = [
      { name: 42, kind: 'actor' },
      { name: 'Velmora', kind: 'place', aliases: ['Velm', 7, null, ''], type: 'spaceship' },
    ] as unknown as GazetteerEntry[];
    const v = buildGazetteer(bad);
    assert.deepStrictEqual(v.lookup('Velm'), { name: 'Velmora', kind: 'place', origin: 'user', aliases: ['Velm'] });
  });

  it('keeps its built-in data compact', () => {
    const file = path.join(__dirname, '../../../server/src/analysis/gazetteer-data.ts');
    const size = fs.statSync(file).size;
    assert.ok(size < 60 * 1024, `${size} bytes`);
  });

  it('reads every UTF-16 code unit as the regexes do: space, word character, capital', () => {
    const LETTER = /[\p{L}\p{M}\p{N}]/u, UPPER = /\p{Lu}/u, SPACE = /\s/;
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      const t = scanTokens(ch);
      if (SPACE.test(ch)) {
        assert.strictEqual(t.n, 0, `U+${c.toString(16)} is space`);
        continue;
      }
      assert.strictEqual(t.n, 1, `U+${c.toString(16)} is one token`);
      const word = LETTER.test(ch);
      assert.strictEqual((t.flags[0] & TOKEN_FLAGS.WORD) !== 0, word, `U+${c.toString(16)} word`);
      assert.strictEqual((t.flags[0] & TOKEN_FLAGS.CAP) !== 0, word && UPPER.test(ch), `U+${c.toString(16)} capital`);
    }
  });
});

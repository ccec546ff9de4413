// Checks the TextMate grammar's rules with JavaScript regular expressions: the Oniguruma
// syntax used is the subset both engines share (`\A` aside, which VS Code limits to the
// first line). A small line tokenizer applies the top-level rules as TextMate does:
// at each step the earliest match wins, ties going to the first rule.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface Rule { match?: string; begin?: string; end?: string; name?: string; include?: string; patterns?: Rule[]; captures?: Record<string, { name: string }> }
const grammar = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../syntaxes/seed.tmLanguage.json'), 'utf8')) as { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> };

const re = (src: string, firstLine: boolean) => new RegExp(src.replace(/\\A/g, firstLine ? '^' : '(?!)'), 'gu');

/** Flattens includes into the list of concrete rules. */
function rules(list: Rule[]): Rule[] {
  return list.flatMap((r) => (r.include ? rules(r.include.startsWith('#') ? [grammar.repository[r.include.slice(1)]] : []) : r.patterns && !r.match && !r.begin ? rules(r.patterns) : [r]));
}

/** Scoped pieces of one line: [text, scope] for every top-level match. */
function tokenize(line: string, firstLine = false): [string, string][] {
  const top = rules(grammar.patterns);
  const out: [string, string][] = [];
  let pos = 0;
  while (pos < line.length) {
    let best: { at: number; rule: Rule; m: RegExpExecArray } | undefined;
    for (const rule of top) {
      const r = re(rule.match ?? rule.begin!, firstLine && pos === 0);
      r.lastIndex = pos;
      const m = r.exec(line);
      if (m && (!best || m.index < best.at)) best = { at: m.index, rule, m };
    }
    if (!best) break;
    const { rule, m } = best;
    let end = m.index + m[0].length;
    if (rule.begin) {
      const e = re(rule.end!, false);
      e.lastIndex = end;
      const em = e.exec(line);
      end = em ? em.index + em[0].length : line.length;
    }
    const name = rule.name ?? Object.values(rule.captures ?? {})[0]?.name ?? '';
    out.push([line.slice(m.index, end), name]);
    pos = end > pos ? end : pos + 1;
  }
  return out;
}

describe('TextMate grammar (syntaxes/seed.tmLanguage.json)', () => {
  it('compiles every rule', () => {
    const all: Rule[] = [];
    const walk = (r: Rule) => { all.push(r); (r.patterns ?? []).forEach(walk); };
    Object.values(grammar.repository).forEach(walk);
    for (const r of all) for (const src of [r.match, r.begin, r.end]) if (src) assert.doesNotThrow(() => re(src, true), src);
    assert.strictEqual(grammar.scopeName, 'text.seed');
  });

  it('scopes the header: keyword, date as a number, title as a heading, on the first line only', () => {
    const header = grammar.repository.header;
    const m = re(header.match!, true).exec(' date 2023-03-27 Two attempts to advance');
    assert.ok(m);
    assert.deepStrictEqual([m[1], m[2], m[3]], ['date', '2023-03-27', 'Two attempts to advance']);
    assert.match(header.captures!['1'].name, /^keyword\./);
    assert.match(header.captures!['2'].name, /^constant\.numeric\./);
    assert.match(header.captures!['3'].name, /markup\.heading/);
    assert.strictEqual(re(header.match!, false).exec('date 2023-03-27 Not the first line'), null);
  });

  it('scopes short unpunctuated lines as headings and leaves sentences alone', () => {
    const heading = (line: string) => tokenize(line).some(([, s]) => s.startsWith('markup.heading'));
    assert.ok(heading('Advance on March 25'));
    assert.ok(heading('Über die Lage 2024'));
    assert.ok(!heading('The advance has been prevented.'));
    assert.ok(!heading('the lower-case start of a line'));
    assert.ok(!heading('One two three four five six seven eight nine ten eleven twelve thirteen'));
    assert.ok(!heading('A'.repeat(81)));
    assert.ok(!heading('He warned:'));
  });

  it('scopes quotes with curly, straight, low-high and guillemet marks as double-quoted strings', () => {
    const quoted = (line: string) => tokenize(line).filter(([, s]) => s.startsWith('string.quoted.double')).map(([t]) => t);
    assert.deepStrictEqual(quoted('He said “we will win” and “again”.'), ['“we will win”', '“again”']);
    assert.deepStrictEqual(quoted('She said "no" and "yes".'), ['"no"', '"yes"']);
    assert.deepStrictEqual(quoted('Er sagte „wir kommen“ heute.'), ['„wir kommen“']);
    assert.deepStrictEqual(quoted('Il a dit « non » hier.'), ['« non »']);
    assert.deepStrictEqual(quoted('Er sagte »nein« dazu.'), ['»nein«']);
    // A quote left open runs to the end of its line, not into the next paragraph.
    assert.deepStrictEqual(quoted('“First paragraph of a long quote'), ['“First paragraph of a long quote']);
    assert.deepStrictEqual(quoted('The authorities’ statement'), []);
  });
});

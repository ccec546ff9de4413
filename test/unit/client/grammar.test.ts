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

// The same grammar through VS Code's own tokenizer (vscode-textmate + Oniguruma), when the
// e2e tools (scripts/e2e-setup.sh: code-server, which ships both) are installed.
describe('TextMate grammar under vscode-textmate', () => {
  const tools = process.env.SEED_E2E_TOOLS ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(require('os').homedir(), '.cache'), 'seed-annotator/e2e');
  const lib = path.join(tools, 'cs/node_modules/code-server/lib/vscode/node_modules');
  const available = fs.existsSync(path.join(lib, 'vscode-textmate')) && fs.existsSync(path.join(lib, 'vscode-oniguruma/release/onig.wasm'));

  it('scopes header, heading and quotes in a real tokenizer', async function () {
    if (!available) this.skip(); // no code-server here: the JavaScript check above still ran
    /* eslint-disable @typescript-eslint/no-require-imports */
    const tm = require(path.join(lib, 'vscode-textmate'));
    const onig = require(path.join(lib, 'vscode-oniguruma'));
    await onig.loadWASM(fs.readFileSync(path.join(lib, 'vscode-oniguruma/release/onig.wasm')).buffer);
    const registry = new tm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async () => tm.parseRawGrammar(fs.readFileSync(path.join(__dirname, '../../../syntaxes/seed.tmLanguage.json'), 'utf8'), 'seed.tmLanguage.json'),
    });
    const grammar = await registry.loadGrammar('text.seed');
    const lines = [' date 2023-03-27 Two attempts', '', 'Advance on March 25', '', 'He said “we will win” and „ja“ and « non ».', 'date 2023-01-01 is no header here'];
    let stack = tm.INITIAL;
    const scoped: [string, string][] = [];
    for (const line of lines) {
      const r = grammar.tokenizeLine(line, stack);
      for (const t of r.tokens) scoped.push([line.slice(t.startIndex, t.endIndex), t.scopes.slice(1).join(' ')]);
      stack = r.ruleStack;
    }
    const scopeOf = (text: string) => scoped.find(([t]) => t === text)?.[1] ?? '';
    assert.match(scopeOf('date'), /keyword\.other/);
    assert.match(scopeOf('2023-03-27'), /constant\.numeric/);
    assert.match(scopeOf('Two attempts'), /markup\.heading/);
    assert.match(scopeOf('Advance on March 25'), /markup\.heading/);
    assert.match(scopeOf('we will win'), /string\.quoted\.double/);
    assert.match(scopeOf('ja'), /string\.quoted\.double/);
    assert.match(scopeOf(' non '), /string\.quoted\.double/);
    assert.strictEqual(scopeOf('date 2023-01-01 is no header here'), '');
  });
});

// Export formats on a fixed article, sidecar and hand-built machine analysis
// (so the goldens do not move with the recognisers). UPDATE_GOLDEN=1 rewrites them.
import * as assert from 'assert';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { quoteDiagnostics } from '../../../server/src/analysis/diagnostics';
import type { Analysis, Entity, Quote } from '../../../server/src/analysis/types';
import { safeOutputPath } from '../../../server/src/cli/exportCommand';
import { codePointIndexer, collectRecords, csvCell, toBratAnn, toCsv, toJsonl, toMarkdown, toW3c, type ArticleExport } from '../../../server/src/export';
import { anchor } from '../../../server/src/sidecar/anchor';
import { applyAnnotations } from '../../../server/src/sidecar/apply';
import { parseSidecar } from '../../../server/src/sidecar/format';

const GOLDEN = join(__dirname, '../../golden/export');
const TEXT = readFileSync(join(GOLDEN, 'article.txt'), 'utf8');
const parsed = parseSidecar(readFileSync(join(GOLDEN, 'article.txt.ann.yaml'), 'utf8'));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const ANNOTATIONS = parsed.sidecar.annotations;

const span = (s: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(s, i + 1);
  if (i < 0) throw new Error(`${s} not in the fixture`);
  return { start: i, end: i + s.length };
};

/** What a recogniser might have found: some agree with the human annotations, some do not. */
function machine(): Analysis {
  const q1 = '“We will reopen the bridge by June,”';
  const quotes: Quote[] = [
    { ...span(q1), text: q1, kind: 'speech', speaker: { ...span('the mayor'), name: 'the mayor', text: 'the mayor', via: 'cue' }, cue: 'said', cueSpan: span('said'), closed: true, paragraphs: 1 },
    { ...span('"straight"'), text: '"straight"', kind: 'term', speaker: null, cue: null, cueSpan: null, closed: true, paragraphs: 1 },
  ];
  const actor = (s: string, name: string): Entity => ({ ...span(s), kind: 'actor', text: s, name, type: 'person' });
  return {
    header: { start: 0, end: 32, date: '2024-05-02', rawDate: '2024-05-02', dateSpan: { start: 5, end: 15 }, title: 'Bridge to reopen' },
    referenceDate: '2024-05-02', paragraphs: [], sections: [], quotes,
    dates: [{ ...span('June'), text: 'June', value: '2024-06' }, { ...span('Tuesday'), text: 'Tuesday', value: '2024-04-23' }],
    places: [{ ...span('Porto'), kind: 'place', text: 'Porto', name: 'Porto' }],
    actors: [actor('the mayor', 'Ana Lopes'), actor('the engineer', 'engineer'), actor('Rui Costa', 'Rui Costa')],
    diagnostics: quoteDiagnostics(quotes),
  };
}

function article(includeDetected: boolean): ArticleExport {
  const anchoring = anchor(TEXT, ANNOTATIONS);
  return collectRecords('article.txt', TEXT, applyAnnotations(machine(), anchoring, TEXT.length), anchoring, includeDetected);
}

function golden(name: string, actual: string): void {
  const path = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  assert.ok(existsSync(path), `missing golden ${name}: run with UPDATE_GOLDEN=1`);
  assert.strictEqual(actual, readFileSync(path, 'utf8'), `${name} differs from the golden file (UPDATE_GOLDEN=1 to accept)`);
}

describe('export: golden files', () => {
  it('w3c', () => golden('article.w3c.jsonld', toW3c([article(true)])));
  it('jsonl (human only)', () => golden('article.jsonl', toJsonl([article(false)])));
  it('csv', () => golden('article.csv', toCsv([article(true)])));
  it('brat', () => golden('article.ann', toBratAnn(article(true))));
  it('md', () => golden('article.md', toMarkdown(article(true))));
});

describe('export: records', () => {
  it('without --include-detected, only human annotations', () => {
    const a = article(false);
    assert.deepStrictEqual(a.records.map((r) => r.origin), ANNOTATIONS.map(() => 'human'));
    assert.deepStrictEqual(new Set(a.records.map((r) => r.id)), new Set(ANNOTATIONS.map((x) => x.id)));
  });
  it('with it, machine findings too, marked, human ones winning where they overlap', () => {
    const a = article(true);
    const detected = a.records.filter((r) => r.origin === 'detected');
    assert.deepStrictEqual(detected.map((r) => r.exact).sort(), ['"straight"', 'June', 'Rui Costa', 'the mayor'].sort());
    // The human speaker wins over the machine's on the same quote; the rejected actor is gone.
    assert.strictEqual(a.records.filter((r) => r.exact.startsWith('“We will')).length, 1);
    assert.ok(!detected.some((r) => r.exact === 'the engineer' || r.exact === 'Tuesday' || r.exact === 'Porto'));
  });
});

describe('export: format rules', () => {
  it('csv: RFC 4180 quoting, BOM, CRLF, formula guard', () => {
    assert.strictEqual(csvCell('plain'), 'plain');
    assert.strictEqual(csvCell('a,b'), '"a,b"');
    assert.strictEqual(csvCell('say "hi"'), '"say ""hi"""');
    assert.strictEqual(csvCell('two\nlines'), '"two\nlines"');
    for (const f of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\tx']) assert.strictEqual(csvCell(f).replace(/^"/, '')[0], "'", f);
    assert.strictEqual(csvCell('-12'), '-12');
    const csv = toCsv([article(true)]);
    assert.ok(csv.startsWith('\uFEFFfile,date,speaker,quote,kind,start,end,origin\r\n'));
    assert.ok(csv.includes(",'-one critic,"));
    // Every record ends with CRLF; quoted cells may hold a bare LF (the multi-line quote).
    assert.ok(csv.endsWith('\r\n'));
    assert.strictEqual(parseCsv(csv.slice(1)).length, 1 + article(true).records.filter((r) => r.kind === 'quote' && r.status !== 'rejected').length);
  });
  it('w3c and brat count code points, and their offsets select the right text', () => {
    const a = article(true);
    const chars = Array.from(TEXT);
    const w3c = JSON.parse(toW3c([a]));
    assert.strictEqual(w3c.total, w3c.first.items.length);
    for (const item of w3c.first.items) {
      const [quote, pos] = item.target.selector;
      assert.strictEqual(chars.slice(pos.start, pos.end).join(''), quote.exact);
    }
    for (const line of toBratAnn(a).split('\n').filter((l) => l.startsWith('T'))) {
      const [, typeAndOffsets, covered] = line.split('\t');
      const fragments = typeAndOffsets.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
      assert.strictEqual(fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' '), covered, line);
      assert.ok(!covered.includes('\n'));
    }
    const cp = codePointIndexer('a🌉b');
    assert.deepStrictEqual([0, 1, 3, 4].map(cp), [0, 1, 2, 3]);
  });
  it('md escapes Markdown in user text', () => {
    const md = toMarkdown(article(true));
    assert.ok(md.includes('Who? \\| \\*unnamed\\* \\[critics\\] \\<b\\>'), md);
  });
  it('output names never leave the output folder', () => {
    for (const bad of ['../x.txt', 'a/../../x.txt', '/etc/x.txt', './x.txt', 'a//b.txt']) {
      assert.throws(() => safeOutputPath('/tmp/out', bad, '.md'), /would leave the output folder/, bad);
    }
    assert.strictEqual(safeOutputPath('/tmp/out', 'sub/a.seed.txt', '.ann'), join('/tmp/out', 'sub', 'a.ann'));
  });
});

/** A small RFC 4180 reader, to check that the CSV parses back into rows. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && s[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}

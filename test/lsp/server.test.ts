// The language server over real JSON-RPC: `node dist/server.js --stdio` spawned by
// the test client; every capability on the example article and our own fixtures.
// Expectations on recogniser output follow from `analyze` run in this process (the
// server must report exactly what the analysis found).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import type {
  CodeAction, DocumentSymbol, FoldingRange, Location, SemanticTokens, SymbolInformation,
} from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/analysis';
import { Commands, type AnnotateSpeakerArgs } from '../../server/src/shared/protocol';
import { LspClient, makeWorkspace, SERVER } from './client';
import { EXAMPLE, HARBOUR, LONELY, PORTO, offsetAt, positionAt, rangeOf } from './fixtures';

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;
const INVALID_PARAMS = -32602;

describe('language server (JSON-RPC over stdio)', function () {
  const ws = makeWorkspace({
    'seeds/example.txt': EXAMPLE,
    'seeds/harbour.txt': HARBOUR,
    'notes/todo.txt': 'Buy milk. Not an article: no header, not in a seeds folder.\n',
    'more/lonely.seed': LONELY,
    'seeds/porto.txt': PORTO,
  });
  const example = ws.uri('seeds/example.txt');
  const harbour = ws.uri('seeds/harbour.txt');
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 5 } });
  });
  after(async () => {
    if (client) assert.strictEqual(await client.stop(), 0, 'the server exits with 0 after shutdown/exit');
    ws.remove();
  });

  it('advertises every capability and registers its file watchers', async () => {
    const caps = client.initializeResult.capabilities;
    assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.ok(caps.hoverProvider && caps.documentSymbolProvider && caps.workspaceSymbolProvider);
    assert.ok(caps.referencesProvider && caps.foldingRangeProvider);
    assert.deepStrictEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix']);
    const st = caps.semanticTokensProvider!;
    assert.deepStrictEqual(st.legend.tokenTypes, ['string', 'parameter', 'number', 'namespace', 'class']);
    assert.ok(st.full && st.range);
    // Registration happens after `initialized`; a request round trip orders us after it.
    await client.request('workspace/symbol', { query: 'x' });
    assert.ok(client.registrations.includes('workspace/didChangeWatchedFiles'), client.registrations.join());
  });

  describe('diagnostics', () => {
    it('publishes exactly the analysis diagnostics for the opened version', async () => {
      await client.open(harbour, HARBOUR, 7);
      const p = await client.waitForDiagnostics(harbour, 7);
      const expected = analyze(HARBOUR).diagnostics;
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.message, d.range, d.severity]),
        expected.map((d) => [d.code, d.message, rangeOf(HARBOUR, d), SEVERITY[d.severity]]));
      for (const d of p.diagnostics) assert.strictEqual(d.source, 'seed');
    });

    it('says the same as `seed-annotate analyze` on the example article (one source of truth)', async () => {
      await client.open(example, EXAMPLE, 1);
      const p = await client.waitForDiagnostics(example, 1);
      const cli = spawnSync(process.execPath, [SERVER.replace('server.js', 'cli.js'), 'analyze', '--json', 'seeds/000_69c84b4dfaca571e.txt'], { cwd: `${__dirname}/../..`, encoding: 'utf8' });
      assert.strictEqual(cli.status, 0, cli.stderr);
      const fromCli = JSON.parse(cli.stdout).diagnostics as { start: number; end: number; code: string; message: string; severity: keyof typeof SEVERITY }[];
      assert.ok(fromCli.some((d) => d.code === 'unattributed-quote'), 'the example has unattributed quotes');
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.message, d.range, d.severity]),
        fromCli.map((d) => [d.code, d.message, rangeOf(EXAMPLE, d), SEVERITY[d.severity]]));
    });

    it('gives an unattributed quote related information when the analysis has some', async () => {
      const p = await client.waitForDiagnostics(example, 1);
      const expected = analyze(EXAMPLE).diagnostics.filter((d) => d.code === 'unattributed-quote');
      const got = p.diagnostics.filter((d) => d.code === 'unattributed-quote');
      assert.strictEqual(got.length, expected.length);
      got.forEach((d, i) => {
        const rel = expected[i].related ?? [];
        assert.deepStrictEqual((d.relatedInformation ?? []).map((r) => [r.message, r.location.uri, r.location.range]),
          rel.map((r) => [r.message, example, rangeOf(EXAMPLE, r)]));
      });
    });

    it('reports missing-header, invalid-date and unclosed-quote', async () => {
      const cases: [string, string, string][] = [
        ['file:///mem/noheader.txt', 'Just a paragraph without a header.\n\nAnother one.\n', 'missing-header'],
        ['file:///mem/baddate.txt', 'date 2023-02-30 Impossible day\n\nText.\n', 'invalid-date'],
        ['file:///mem/unclosed.txt', 'date 2023-02-03 Open mark\n\nShe said “this never ends and goes on.\n\nNext paragraph.\n', 'unclosed-quote'],
      ];
      for (const [uri, text, code] of cases) {
        await client.open(uri, text, 1);
        const p = await client.waitForDiagnostics(uri, 1);
        const expected = analyze(text).diagnostics;
        assert.ok(expected.some((d) => d.code === code), `the analysis reports ${code}`);
        assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.message, d.range, d.severity]),
          expected.map((d) => [d.code, d.message, rangeOf(text, d), SEVERITY[d.severity]]));
        await client.close(uri);
        const cleared = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length === 0);
        assert.strictEqual(cleared.version, undefined);
      }
    });

    it('keeps ranges right when the editor keeps a BOM (the analysis counts without it)', async () => {
      const uri = 'file:///mem/bom.txt';
      const body = 'date 2023-02-30 Bad day\n\nNothing happened.\n\n“Nobody claims this.”\n';
      await client.open(uri, '\uFEFF' + body, 1);
      const p = await client.waitForDiagnostics(uri, 1);
      const expected = analyze(body).diagnostics;
      assert.ok(expected.some((d) => d.code === 'invalid-date'));
      // Line 0 shifts by the BOM's one code unit; later lines do not move.
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.range]), expected.map((d) => {
        const r = rangeOf(body, d);
        const shift = (x: { line: number; character: number }) => ({ line: x.line, character: x.character + (x.line === 0 ? 1 : 0) });
        return [d.code, { start: shift(r.start), end: shift(r.end) }];
      }));
      const h = await client.hover(uri, { line: 0, character: 0 });
      assert.strictEqual(h, null);
      await client.close(uri);
    });

    it('follows incremental edits and never publishes a version the editor has left', async () => {
      const uri = 'file:///mem/typing.txt';
      let text = LONELY;
      await client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1);
      const since = client.diagnostics.length;
      // Three quick edits: add a quoted paragraph, then type into it, then fix a word.
      const edits = [
        { at: text.length, insert: '\n“A second quote nobody claims.”\n' },
        { at: text.indexOf('Nothing happened'), insert: 'Really, ' },
        { at: 0, insert: '' },
      ];
      for (let v = 0; v < edits.length; v++) {
        const e = edits[v];
        const pos = positionAt(text, e.at);
        text = text.slice(0, e.at) + e.insert + text.slice(e.at);
        await client.change(uri, v + 2, [{ range: { start: pos, end: pos }, text: e.insert }]);
      }
      const p = await client.waitForDiagnostics(uri, 4, since);
      const expected = analyze(text).diagnostics;
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.range]), expected.map((d) => [d.code, rangeOf(text, d)]));
      assert.strictEqual(expected.filter((d) => d.code === 'unattributed-quote').length, 2, 'both quotes unattributed');
      // A range replacement (delete the inserted word) and a version check.
      const del = text.indexOf('Really, ');
      await client.change(uri, 5, [{ range: rangeOf(text, { start: del, end: del + 8 }), text: '' }]);
      text = text.slice(0, del) + text.slice(del + 8);
      const p5 = await client.waitForDiagnostics(uri, 5, since);
      assert.deepStrictEqual(p5.diagnostics.map((d) => d.range), analyze(text).diagnostics.map((d) => rangeOf(text, d)));
      const versions = client.diagnostics.slice(since).filter((x) => x.uri === uri).map((x) => x.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] >= versions[i - 1], `versions in order: ${versions}`);
      await client.close(uri);
    });
  });

  describe('hover', () => {
    it('on a date: value, weekday and relation to the publication date', async () => {
      await client.waitForDiagnostics(example, 1);
      const h = await client.hover(example, positionOf(EXAMPLE, 'On Saturday', 5));
      assert.ok(h, 'a hover on "Saturday"');
      assert.strictEqual(h.contents.kind, 'markdown');
      assert.match(h.contents.value, /2023-03-25/);
      assert.match(h.contents.value, /Saturday/);
      assert.match(h.contents.value, /2 days before publication/);
      const d = analyze(EXAMPLE).dates.find((x) => x.text === 'Saturday')!;
      assert.deepStrictEqual(h.range, rangeOf(EXAMPLE, d));
    });

    it('on a quote: speaker, cue, the line the speaker is named on, kind', async () => {
      const a = analyze(HARBOUR);
      const q = a.quotes.find((x) => x.speaker && x.cue && x.speaker.via !== 'annotation');
      assert.ok(q, 'the fixture has an attributed quote');
      const h = await client.hover(harbour, positionAt(HARBOUR, q.start + 2));
      assert.ok(h);
      const v = h.contents.value;
      assert.ok(v.includes(q.speaker!.name), v);
      assert.ok(v.includes(`“${q.cue}”`), v);
      assert.ok(v.includes(`line ${positionAt(HARBOUR, q.speaker!.start).line + 1}`), v);
      assert.match(v, q.kind === 'speech' ? /Quote\*\* \(speech\)/ : /Term/);
      assert.deepStrictEqual(h.range, rangeOf(HARBOUR, q));
    });

    it('on an unattributed quote says so', async () => {
      const uri = 'file:///mem/lonely.txt';
      await client.open(uri, LONELY, 1);
      const q = analyze(LONELY).quotes[0];
      assert.ok(q && !q.speaker, 'the lonely quote is unattributed');
      const h = await client.hover(uri, positionAt(LONELY, q.start + 3));
      assert.match(h!.contents.value, /unattributed/);
      await client.close(uri);
    });

    it('on an actor: canonical name, type, mentions here and in the workspace, quotes attributed', async () => {
      const a = analyze(EXAMPLE);
      const name = 'Gurgen Simonyan';
      const mention = a.actors.find((e) => e.name === name && e.text === 'Simonyan');
      assert.ok(mention, 'the example names Simonyan');
      const h = await client.hover(example, positionAt(EXAMPLE, mention.start + 1));
      const v = h!.contents.value;
      assert.ok(v.startsWith(`**${name}** — actor (person)`), v);
      const quotes = a.quotes.filter((q) => q.speaker?.name === name).length;
      assert.ok(quotes > 0);
      assert.ok(v.includes(`Quotes attributed: ${quotes} in this article · ${quotes} in the workspace`), v);
      assert.match(v, /Also written: .*“Simonyan”/);
      // The example is the only seed file naming him: the workspace count is this article's.
      const here = /Mentions: (\d+) mentions? in this article · (\d+) mentions? in 1 seed file of/.exec(v);
      assert.ok(here, v);
      assert.strictEqual(here[1], here[2]);
      assert.deepStrictEqual(h!.range, rangeOf(EXAMPLE, mention));
    });

    it('on a place counts its mentions across the workspace seed files', async () => {
      const name = 'Lisbon';
      const inHarbour = analyze(HARBOUR).places.filter((p) => p.name === name);
      assert.ok(inHarbour.length, 'the fixture names Lisbon as a place');
      const inExample = analyze(EXAMPLE).places.filter((p) => p.name === name).length;
      const h = await client.hover(harbour, positionAt(HARBOUR, inHarbour[0].start + 1));
      const v = h!.contents.value;
      assert.ok(v.startsWith(`**${name}** — place`), v);
      const files = inExample ? 2 : 1;
      assert.ok(v.includes(`${inHarbour.length + inExample} mention`) && v.includes(`in ${files} seed file`), v);
      assert.ok(!v.includes('Quotes attributed'), 'a place has no quotes');
    });

    it('on the example article gives the exact answers a reader expects', async () => {
      const first = await client.hover(example, positionOf(EXAMPLE, 'Units of the Azerbaijani', 3));
      assert.match(first!.contents.value, /^\*\*Quote\*\* \(speech\)/);
      assert.match(first!.contents.value, /Speaker: \*\*Ministry of Defense of the unrecognized NKR\*\* — cue “reported”, named on line 3/);
      const dated = await client.hover(example, positionOf(EXAMPLE, 'December 12 last year', 3));
      assert.match(dated!.contents.value, /`2022-12-12` — Monday/);
      assert.match(dated!.contents.value, /105 days before publication \(published 2023-03-27\)/);
      const according = await client.hover(example, positionOf(EXAMPLE, 'an unsuccessful theatrical', 3));
      assert.match(according!.contents.value, /Speaker: \*\*Gurgen Simonyan\*\* — cue “According to”/);
    });

    it('answers null where there is nothing to say', async () => {
      const h = await client.hover(example, { line: 1, character: 0 });
      assert.strictEqual(h, null);
    });
  });

  describe('outline and structure', () => {
    it('document symbols: article, sections with their quotes, Actors and Places groups', async () => {
      const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: example } });
      const a = analyze(EXAMPLE);
      const [article, ...groups] = syms;
      assert.strictEqual(article.name, 'Two attempts to advance to NK');
      assert.strictEqual(article.detail, '2023-03-27');
      assert.deepStrictEqual(article.children!.map((s) => s.name), a.sections.map((s) => s.title));
      const quoted = article.children!.flatMap((s) => s.children!.map((q) => [s.name, q.detail, offsetAt(EXAMPLE, q.range.start)]));
      assert.deepStrictEqual(quoted, a.quotes.map((q) => {
        const section = a.sections.find((s) => s.start <= q.start && q.start <= s.end)!;
        return [section.title, q.speaker?.name ?? (q.kind === 'term' ? 'term' : 'unattributed'), q.start];
      }));
      const first = article.children![0].children![0];
      assert.strictEqual(first.name, 'Units of the Azerbaijani Armed Forces tried to…');
      for (const s of article.children!) for (const q of s.children!) assert.ok(within(q.range, s.range), `${q.name} inside ${s.name}`);
      const actors = groups.find((g) => g.name === 'Actors')!;
      const places = groups.find((g) => g.name === 'Places')!;
      // Actors: every actor entity, and every speaker named by a mention of its own.
      const speakers = a.quotes.filter((q) => q.speaker && q.speaker.via !== 'annotation' && (q.speaker.end <= q.start || q.speaker.start >= q.end));
      const actorNames = [...new Set([...a.actors.map((e) => e.name), ...speakers.map((q) => q.speaker!.name)])];
      assert.deepStrictEqual(new Set(actors.children!.map((c) => c.name)), new Set(actorNames));
      const simonyan = actors.children!.find((c) => c.name === 'Gurgen Simonyan')!;
      assert.match(simonyan.detail!, /^\d+ mentions · person$/);
      const placeNames = new Set(a.places.map((e) => e.name).filter((n) => !actorNames.includes(n)));
      assert.deepStrictEqual(new Set(places.children!.map((c) => c.name)), placeNames);
      const baku = places.children!.find((c) => c.name === 'Baku')!;
      assert.strictEqual(baku.detail, `${a.places.filter((p) => p.name === 'Baku').length} mentions`);
      for (const g of [actors, places]) for (const c of g.children!) assert.ok(within(c.range, g.range));
    });

    it('folding ranges for sections and multi-paragraph quotes', async () => {
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: harbour } });
      const a = analyze(HARBOUR);
      const multi = a.quotes.filter((q) => q.paragraphs > 1);
      assert.ok(multi.length, 'the fixture has a quote over two paragraphs');
      for (const q of multi) {
        assert.ok(folds.some((f) => f.startLine === positionAt(HARBOUR, q.start).line && f.endLine === positionAt(HARBOUR, q.end).line), 'quote folds');
      }
      const second = a.sections.find((s) => s.title === 'Second round')!;
      assert.ok(folds.some((f) => f.kind === 'region' && f.startLine === positionAt(HARBOUR, second.start).line
        && f.endLine === positionAt(HARBOUR, second.end).line), JSON.stringify(folds));
    });

    it('semantic tokens: quotes as string, dates as number, places as namespace, actors as class, speakers as parameter', async () => {
      const full = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: example } });
      const tokens = decode(EXAMPLE, full.data);
      const a = analyze(EXAMPLE);
      for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end, 'sorted, no overlap');
      for (const t of tokens) assert.ok(!/[\r\n]/.test(EXAMPLE.slice(t.start, t.end)), 'no token crosses a line');
      const typeAt = (offset: number) => tokens.find((t) => t.start <= offset && offset < t.end)?.type;
      for (const d of a.dates) assert.strictEqual(typeAt(d.start), 'number', d.text);
      for (const q of a.quotes) assert.strictEqual(typeAt(q.start), 'string', q.text); // the opening mark
      // The innermost span wins: check a speaker's first character no shorter span covers.
      const inner = [...a.dates, ...a.places, ...a.actors];
      const speaker = a.quotes.map((q) => q.speaker).find((sp) => sp && sp.via === 'cue'
        && !inner.some((e) => e.start <= sp.start && sp.start < e.end && e.end - e.start < sp.end - sp.start))!;
      assert.ok(speaker, 'a speaker mention');
      assert.strictEqual(typeAt(speaker.start), 'parameter');
      const dated = a.quotes.map((q) => q.speaker).find((sp) => sp && a.dates.some((d) => d.start >= sp.start && d.end <= sp.end));
      if (dated) assert.strictEqual(typeAt(a.dates.find((d) => d.start >= dated.start && d.end <= dated.end)!.start), 'number', 'a date inside a speaker mention');
      const baku = a.places.find((p) => p.name === 'Baku' && !a.actors.some((x) => x.start === p.start))!;
      assert.strictEqual(typeAt(baku.start), 'namespace');
      const actor = a.actors.find((x) => !a.quotes.some((q) => q.speaker && q.speaker.start === x.start))!;
      assert.strictEqual(typeAt(actor.start), 'class');
      // A range request returns exactly the full tokens on those lines.
      const range = { start: { line: 10, character: 0 }, end: { line: 21, character: 0 } };
      const part = await client.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri: example }, range });
      const lo = offsetAt(EXAMPLE, range.start);
      const hi = offsetAt(EXAMPLE, range.end);
      assert.deepStrictEqual(decode(EXAMPLE, part.data), tokens.filter((t) => t.start >= lo && t.end <= hi));
      assert.ok(decode(EXAMPLE, part.data).length > 0);
    });
  });

  describe('code actions', () => {
    it('offer the nearest actors, someone else and term on an unattributed quote', async () => {
      const p = await client.waitForDiagnostics(example, 1);
      const diag = p.diagnostics.find((d) => d.code === 'unattributed-quote')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: example }, range: diag.range, context: { diagnostics: [diag] },
      });
      const start = offsetAt(EXAMPLE, diag.range.start);
      const q = analyze(EXAMPLE).quotes.find((x) => x.start === start)!;
      const expectedNames = nearest(EXAMPLE, q, 3);
      assert.ok(expectedNames.length > 0);
      const attribute = actions.filter((x) => x.command!.command === Commands.annotateSpeaker && (x.command!.arguments![0] as AnnotateSpeakerArgs).speaker);
      assert.deepStrictEqual(attribute.map((x) => (x.command!.arguments![0] as AnnotateSpeakerArgs).speaker), expectedNames);
      assert.ok(attribute[0].isPreferred);
      const someone = actions.find((x) => x.command!.command === Commands.annotateSpeaker && !(x.command!.arguments![0] as AnnotateSpeakerArgs).speaker)!;
      assert.deepStrictEqual((someone.command!.arguments![0] as AnnotateSpeakerArgs).candidates, expectedNames);
      const term = actions.find((x) => x.command!.command === Commands.markTerm)!;
      const args = term.command!.arguments![0] as AnnotateSpeakerArgs;
      assert.deepStrictEqual(args, { uri: example, range: diag.range, start: q.start, end: q.end, exact: EXAMPLE.slice(q.start, q.end) });
      for (const x of actions) {
        assert.strictEqual(x.kind, 'quickfix');
        assert.deepStrictEqual(x.diagnostics, [diag]);
      }
    });

    it('offer nothing on an attributed quote', async () => {
      const q = analyze(EXAMPLE).quotes.find((x) => x.speaker)!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: example }, range: rangeOf(EXAMPLE, { start: q.start + 1, end: q.start + 2 }), context: { diagnostics: [] },
      });
      assert.deepStrictEqual(actions, []);
    });
  });

  describe('across the workspace', () => {
    it('references: every mention of an actor in every seed file, and its quotes', async () => {
      const a = analyze(EXAMPLE);
      const name = 'Gurgen Simonyan';
      const m = a.actors.find((e) => e.name === name)!;
      const refs = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: example }, position: positionAt(EXAMPLE, m.start), context: { includeDeclaration: true },
      });
      assert.ok(refs.every((r) => r.uri === example));
      const starts = refs.map((r) => offsetAt(EXAMPLE, r.range.start));
      for (const e of a.actors.filter((x) => x.name === name)) assert.ok(starts.includes(e.start), `mention at ${e.start}`);
      for (const q of a.quotes.filter((x) => x.speaker?.name === name)) {
        assert.ok(refs.some((r) => offsetAt(EXAMPLE, r.range.start) === q.start && offsetAt(EXAMPLE, r.range.end) === q.end), 'quote');
      }
    });

    it('references of a place include the seed files that are not open', async () => {
      const here = analyze(HARBOUR).places.filter((p) => p.name === 'Porto');
      const there = analyze(PORTO).places.filter((p) => p.name === 'Porto');
      assert.ok(here.length && there.length, 'Porto is a place in both fixtures');
      const refs = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: harbour }, position: positionAt(HARBOUR, here[0].start + 1), context: { includeDeclaration: true },
      });
      const porto = ws.uri('seeds/porto.txt');
      const inHarbour = refs.filter((r) => r.uri === harbour).map((r) => JSON.stringify(r.range));
      for (const p of here) assert.ok(inHarbour.includes(JSON.stringify(rangeOf(HARBOUR, p))), 'every mention in the open file');
      assert.deepStrictEqual(refs.filter((r) => r.uri === porto).map((r) => r.range), there.map((p) => rangeOf(PORTO, p)));
      assert.ok(refs.every((r) => r.uri === harbour || r.uri === porto));
      const none = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: example }, position: { line: 0, character: 0 }, context: { includeDeclaration: true },
      });
      assert.deepStrictEqual(none, [], 'nothing at the header');
    });

    it('workspace symbols: actors, places and quotes of every seed file, opened or not', async () => {
      const lonely = ws.uri('more/lonely.seed');
      const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
      const uris = new Set(all.map((s) => s.location.uri));
      assert.ok(uris.has(example) && uris.has(harbour) && uris.has(lonely), [...uris].join());
      assert.ok(![...uris].some((u) => u.includes('todo.txt')), 'a .txt without a header outside seeds/ is no seed file');
      const q = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Nothing will ever' });
      const hit = q.find((s) => s.location.uri === lonely)!;
      assert.ok(hit, JSON.stringify(q));
      assert.strictEqual(hit.kind, 15); // String
      assert.strictEqual(hit.containerName, 'unattributed — A quiet day');
      const lq = analyze(LONELY).quotes[0];
      assert.deepStrictEqual(hit.location.range, rangeOf(LONELY, lq));
      const s = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'simonyan' });
      const actor = s.find((x) => x.name === 'Gurgen Simonyan' && x.kind === 5)!;
      assert.ok(actor);
      assert.strictEqual(actor.location.uri, example);
    });
  });

  describe('errors', () => {
    it('answers requests for unknown documents and positions outside them with errors, and keeps serving', async () => {
      await assert.rejects(client.hover('file:///nowhere/x.txt', { line: 0, character: 0 }), (e: { code: number; message: string }) => e.code === INVALID_PARAMS && /Unknown document/.test(e.message));
      await assert.rejects(client.hover(example, { line: 5000, character: 1 }), (e: { code: number }) => e.code === INVALID_PARAMS);
      await assert.rejects(client.hover(example, { line: -1, character: 0 }), (e: { code: number }) => e.code === INVALID_PARAMS);
      await assert.rejects(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/y.txt' } }));
      await assert.rejects(client.request('textDocument/semanticTokens/range', { textDocument: { uri: example }, range: { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } } }));
      await assert.rejects(client.request('textDocument/codeAction', { textDocument: { uri: example } }));
      await assert.rejects(client.request('textDocument/hover', {}));
      await assert.rejects(client.request('textDocument/references', { textDocument: { uri: example }, position: null }));
      // Past the end of a line is the end of the line (LSP), not an error.
      assert.strictEqual(await client.hover(example, { line: 1, character: 500 }), null);
      // Junk notifications are ignored.
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/z.txt', version: 3 }, contentChanges: [{ text: 'x' }] });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///etc/passwd', type: 2 }, { uri: 'not a uri', type: 9 }] });
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: 42 });
      const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: example } });
      assert.strictEqual(syms[0].name, 'Two attempts to advance to NK');
      assert.ok(client.alive);
    });
  });
});

function positionOf(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return positionAt(text, at + delta);
}

function within(inner: { start: { line: number; character: number }; end: { line: number; character: number } }, outer: typeof inner): boolean {
  const le = (a: typeof inner.start, b: typeof inner.start) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

const TYPES = ['string', 'parameter', 'number', 'namespace', 'class'];

function decode(text: string, data: number[]): { start: number; end: number; type: string; mods: number }[] {
  const out = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] ? data[i + 1] : ch + data[i + 1];
    const start = offsetAt(text, { line, character: ch });
    out.push({ start, end: start + data[i + 2], type: TYPES[data[i + 3]], mods: data[i + 4] });
  }
  return out;
}

/** Distinct actor names nearest a quote (mentions inside it excluded): the expected suggestions. */
function nearest(text: string, q: { start: number; end: number }, max: number): string[] {
  const best = new Map<string, number>();
  for (const e of analyze(text).actors) {
    if (e.start < q.end && e.end > q.start) continue;
    const d = e.end <= q.start ? q.start - e.end : e.start - q.end;
    if (!best.has(e.name) || d < best.get(e.name)!) best.set(e.name, d);
  }
  return [...best].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([n]) => n);
}


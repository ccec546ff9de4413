// Read-only language features against the real server: hover, diagnostics (editor = CLI),
// outline, semantic tokens, workspace symbols.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXAMPLE, cliAnalyze, closeAll, codeOf, hoverAt, open, seedDiagnostics, symbols, waitFor, waitForDiagnostics,
  waitForHover, waitForServer, wsUri, type CliAnalysis,
} from './helpers';

suite('language features', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let cli: CliAnalysis;

  suiteSetup(async () => {
    uri = wsUri(EXAMPLE);
    doc = (await open(EXAMPLE)).document;
    cli = cliAnalyze(uri);
    const t0 = Date.now();
    await waitForServer(uri, 30_000);
    console.log(`    [timing] server answered the outline ${Date.now() - t0} ms after the suite opened the article`);
  });
  suiteTeardown(closeAll);

  test('hover over a quote names its speaker', async () => {
    const q = cli.quotes.find((x) => x.speaker && x.kind === 'speech');
    assert.ok(q, 'the CLI finds no attributed quote in the example article');
    const text = await waitForHover(uri, q.start + 1, 'a hover on the first attributed quote');
    assert.match(text, /quote/i);
    assert.ok(text.includes(q.speaker!.name), `hover does not name ${q.speaker!.name}:\n${text}`);
  });

  test('hover over an unattributed quote says so', async () => {
    const q = cli.quotes.find((x) => !x.speaker && x.kind === 'speech');
    assert.ok(q, 'the CLI finds no unattributed quote in the example article');
    // The innermost item wins: hover on the opening mark, which no date or name can cover.
    assert.match(await hoverAt(uri, q.start), /unattributed/i);
  });

  test('hover over a date shows its ISO value', async () => {
    // A relative date resolved against the header's publication date is the interesting case.
    const d = cli.dates.find((x) => /^[A-Z][a-z]+day$/.test(x.text)) ?? cli.dates[0];
    assert.ok(d, 'the CLI finds no date in the example article');
    const text = await hoverAt(uri, Math.floor((d.start + d.end) / 2));
    assert.match(text, /date/i);
    assert.ok(text.includes(d.value), `hover on “${d.text}” does not show ${d.value}:\n${text}`);
  });

  test('hover over an actor lists its mentions', async () => {
    const inQuote = (o: number) => cli.quotes.some((q) => q.start <= o && o < q.end);
    const person = cli.actors.find((a) => a.type === 'person' && a.text === a.name && !inQuote(a.start));
    assert.ok(person, 'the CLI finds no person named in full outside quotes');
    // The hover also counts mentions the analysis resolved as speakers, so at least the CLI's count.
    const count = cli.actors.filter((a) => a.name === person.name).length;
    const text = await hoverAt(uri, Math.floor((person.start + person.end) / 2));
    assert.ok(text.includes(person.name), `hover does not name ${person.name}:\n${text}`);
    const m = /(\d+) mentions? in this article/.exec(text);
    assert.ok(m, `hover lists no mentions:\n${text}`);
    assert.ok(Number(m[1]) >= count, `hover says ${m[1]} mentions, the CLI finds ${count}:\n${text}`);
  });

  test('diagnostics are the unattributed quotes the CLI reports', async () => {
    const key = (start: number, end: number, code: string) => `${code}@${start}-${end}`;
    const expected = cli.diagnostics.map((d) => key(d.start, d.end, d.code)).sort();
    assert.ok(expected.length > 0, 'the CLI reports no diagnostics for the example article');
    const actual = () => seedDiagnostics(uri).map((d) => key(doc.offsetAt(d.range.start), doc.offsetAt(d.range.end), String(codeOf(d)))).sort();
    try {
      await waitFor('the editor diagnostics to equal the CLI', () => (actual().join() === expected.join() ? true : undefined));
    } catch (e) {
      assert.deepEqual(actual(), expected, String(e));
    }
    const unattributed = seedDiagnostics(uri).filter((d) => codeOf(d) === 'unattributed-quote');
    assert.ok(unattributed.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('a fully attributed article has no diagnostics, and they track edits', async () => {
    const rel = 'fixtures/attributed.seed.txt';
    const fixture = wsUri(rel);
    assert.deepEqual(cliAnalyze(fixture).diagnostics, [], 'the fixture should be fully attributed for the CLI too');
    const editor = await open(rel);
    await waitForServer(fixture);
    // Prove diagnostics flow for this very document (so "none" below is not "not yet"):
    // add an unattributed quote, see it flagged, undo, see the file clean.
    const end = editor.document.positionAt(editor.document.getText().length);
    // A narrative paragraph in between, so the quote cannot continue Varga's.
    await editor.edit((e) => e.insert(end, '\nThe vote took four hours.\n\n“Nobody asked us about the tolls.”\n'));
    const flagged = await waitForDiagnostics(fixture, 'the added quote to be flagged', (ds) => ds.length > 0);
    assert.deepEqual(flagged.map((d) => codeOf(d)), ['unattributed-quote']);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(fixture, 'the fixture to be clean again', (ds) => ds.length === 0);
    assert.equal(editor.document.isDirty, false, 'undo should restore the saved text');
  });

  test('the outline has the article, its sections and their quotes', async () => {
    const syms = (await symbols(uri))!;
    const article = syms[0];
    assert.equal(article.name, cli.title);
    assert.equal(article.kind, vscode.SymbolKind.File);
    const sections = article.children.filter((s) => s.kind === vscode.SymbolKind.Module);
    assert.deepEqual(sections.map((s) => s.name), cli.sections.map((s) => s.title));
    const quotes = article.children.flatMap((s) => (s.kind === vscode.SymbolKind.String ? [s] : s.children))
      .filter((s) => s.kind === vscode.SymbolKind.String);
    assert.equal(quotes.length, cli.quotes.length, 'every quote appears once in the outline');
    // Each quote sits under the section that contains it.
    for (const s of sections) {
      for (const q of s.children) assert.ok(s.range.contains(q.range.start), `quote “${q.name}” outside section “${s.name}”`);
    }
    const speakers = new Set(quotes.map((q) => q.detail));
    for (const q of cli.quotes) if (q.speaker) assert.ok(speakers.has(q.speaker.name), `no outline quote by ${q.speaker.name}`);
  });

  test('semantic tokens mark quotes as strings and dates as numbers', async () => {
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(legend && tokens && tokens.data.length > 0, 'no semantic tokens');
    assert.equal(tokens.data.length % 5, 0);
    // Decode LSP's relative encoding into absolute (offset → type).
    const typeAt = new Map<number, string>();
    let line = 0;
    let char = 0;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dLine, dChar, , type] = tokens.data.slice(i, i + 4);
      char = dLine ? dChar : char + dChar;
      line += dLine;
      typeAt.set(doc.offsetAt(new vscode.Position(line, char)), legend.tokenTypes[type]);
    }
    const quote = cli.quotes.find((q) => q.kind === 'speech')!;
    assert.equal(typeAt.get(quote.start), 'string', 'no string token at the first quote');
    const date = cli.dates.find((d) => !cli.quotes.some((q) => q.start <= d.start && d.end <= q.end))!;
    assert.equal(typeAt.get(date.start), 'number', `no number token at the date “${date.text}”`);
  });

  test('workspace symbol search finds an actor in another file', async () => {
    const other = wsUri('fixtures/attributed.seed.txt');
    const found = await waitFor('workspace symbols for Tomas Varga', async () => {
      const r = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Tomas Varga');
      return r?.find((s) => s.name === 'Tomas Varga') ?? undefined;
    });
    assert.equal(found.location.uri.toString(), other.toString());
    assert.equal(found.kind, vscode.SymbolKind.Class);
    const otherDoc = await vscode.workspace.openTextDocument(other);
    assert.equal(otherDoc.getText(found.location.range), 'Tomas Varga');
    // A name in two articles, neither of them open: one symbol per article.
    const council = wsUri('fixtures/council.seed.txt');
    const both = await waitFor('Helena Brandt in two articles', async () => {
      const r = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Helena Brandt');
      const files = new Set((r ?? []).filter((s) => s.name === 'Helena Brandt').map((s) => s.location.uri.toString()));
      return files.size >= 2 ? files : undefined;
    });
    assert.deepEqual([...both].sort(), [council.toString(), other.toString()].sort());
  });
});

// The client's own views read the language server's analysis (the seed/quotes request):
// CodeLenses, the status bar, "next unattributed quote", on a short and a long article,
// and an attribution made from a CodeLens shows at once, before any file watcher event.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE, cliAnalyze, closeAll, codeOf, hoverAt, open, seedDiagnostics, waitFor, waitForServer, wsUri } from './helpers';

interface InspectResult { quotes: { attributed: number; total: number; human: number }; status?: string }
interface NavigationResult { uri: string; start: number; end: number }

const inspect = (uri: vscode.Uri) => vscode.commands.executeCommand<InspectResult>('seed.inspect', uri);
const lensesOf = async (uri: vscode.Uri) => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];

/** Writes a new article into the workspace (the suite's copy: tests may add files). */
async function writeArticle(rel: string, text: string): Promise<vscode.Uri> {
  const uri = wsUri(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Start offsets of the unattributed-quote diagnostics the server published. */
function unattributedStarts(uri: vscode.Uri, doc: vscode.TextDocument): number[] {
  return seedDiagnostics(uri).filter((d) => codeOf(d) === 'unattributed-quote').map((d) => doc.offsetAt(d.range.start)).sort((a, b) => a - b);
}

suite('views from the server analysis', () => {
  suiteTeardown(closeAll);
  let exampleText = '';

  suiteSetup(async () => {
    exampleText = new TextDecoder().decode(await vscode.workspace.fs.readFile(wsUri(EXAMPLE)));
  });

  test('CodeLenses: one per quote, "attribute…" exactly where the server flags an unattributed quote', async () => {
    const uri = await writeArticle('fixtures/views-short.seed.txt', exampleText);
    const doc = (await open('fixtures/views-short.seed.txt')).document;
    await waitForServer(uri);
    const cli = cliAnalyze(uri);
    const lenses = await waitFor('a CodeLens on every quote', async () => {
      const ls = await lensesOf(uri);
      return ls.length === cli.quotes.length ? ls : undefined;
    });
    assert.deepEqual(lenses.map((l) => doc.offsetAt(l.range.start)).sort((a, b) => a - b), cli.quotes.map((q) => q.start));
    const flagged = await waitFor('the unattributed-quote diagnostics', () => {
      const s = unattributedStarts(uri, doc);
      return s.length ? s : undefined;
    });
    const attributeLenses = lenses.filter((l) => l.command?.title === 'attribute…').map((l) => doc.offsetAt(l.range.start)).sort((a, b) => a - b);
    assert.deepEqual(attributeLenses, flagged);
    const named = lenses.find((l) => l.command?.title.startsWith('$(person) '));
    assert.ok(named, 'no CodeLens names a speaker');
    const speaker = named.command!.title.replace(/^\$\(person\) /, '').replace(/ ✓$/, '');
    assert.ok((await hoverAt(uri, doc.offsetAt(named.range.start) + 1)).includes(speaker), `the hover does not name ${speaker}`);
  });

  test('status bar and "next unattributed quote" agree with the server', async () => {
    const uri = wsUri('fixtures/views-short.seed.txt');
    const doc = (await open('fixtures/views-short.seed.txt')).document;
    const lenses = await lensesOf(uri);
    const speech = lenses.filter((l) => l.command?.title !== 'term (not speech)');
    const open_ = speech.filter((l) => l.command?.title === 'attribute…').map((l) => doc.offsetAt(l.range.start)).sort((a, b) => a - b);
    const state = await waitFor('the status bar text', async () => {
      const s = await inspect(uri);
      return s.status ? s : undefined;
    });
    assert.deepEqual([state.quotes.total, state.quotes.attributed], [speech.length, speech.length - open_.length]);
    assert.equal(state.status, `$(quote) ${speech.length - open_.length}/${speech.length}`);
    const next = await vscode.commands.executeCommand<NavigationResult>('seed.nextUnattributed', { uri: uri.toString(), offset: -1 });
    assert.equal(next?.start, open_[0]);
    const after = await vscode.commands.executeCommand<NavigationResult>('seed.nextUnattributed', { uri: uri.toString(), offset: open_[0] });
    assert.equal(after?.start, open_[1] ?? open_[0], 'the second one, or the first again when there is only one');
  });

  test('an attribution from a CodeLens counts at once, and its lens shows ✓', async () => {
    const uri = wsUri('fixtures/views-short.seed.txt');
    const doc = (await open('fixtures/views-short.seed.txt')).document;
    const before = await inspect(uri);
    const lens = (await lensesOf(uri)).find((l) => l.command?.title === 'attribute…');
    assert.ok(lens?.command, 'no quote left to attribute');
    const args = { ...(lens.command.arguments?.[0] as object), speaker: 'Vera Lind' };
    const r = await vscode.commands.executeCommand<{ start: number }>(lens.command.command, args);
    assert.equal(r?.start, doc.offsetAt(lens.range.start));
    // No waiting: the client told the server its sidecar changed, the answer has it.
    const now = await inspect(uri);
    assert.deepEqual(now.quotes, { total: before.quotes.total, attributed: before.quotes.attributed + 1, human: before.quotes.human + 1 });
    await waitFor('the lens to show the annotated speaker', async () => {
      const l = (await lensesOf(uri)).find((x) => x.range.isEqual(lens.range));
      return l?.command?.title === '$(person) Vera Lind ✓' ? true : undefined;
    });
    await waitFor('the status bar to count it', async () => ((await inspect(uri)).status === `$(quote) ${now.quotes.attributed}/${now.quotes.total}` ? true : undefined));
  });

  test('a long article (over 200 KB) gets its CodeLenses and counts from the server, and they follow edits', async () => {
    const nl = exampleText.indexOf('\n');
    const body = exampleText.slice(nl + 1).replace(/\s*$/, '\n\n');
    let text = exampleText.slice(0, nl + 1);
    while (text.length < 250_000) text += body;
    const rel = 'fixtures/views-long.seed.txt';
    const uri = await writeArticle(rel, text);
    const cli = cliAnalyze(uri);
    const t0 = Date.now();
    const editor = await open(rel);
    const doc = editor.document;
    await waitFor('a CodeLens on every quote of the long article', async () => ((await lensesOf(uri)).length === cli.quotes.length ? true : undefined), 60_000);
    console.log(`    [timing] ${cli.quotes.length} CodeLenses on a ${Math.round(text.length / 1000)} KB article ${Date.now() - t0} ms after opening it`);
    const speech = cli.quotes.filter((q) => q.kind === 'speech');
    const status = await waitFor('the status bar of the long article', async () => {
      const s = await inspect(uri);
      return s.status && s.quotes.total === speech.length ? s : undefined;
    });
    assert.equal(status.quotes.total, speech.length);

    // A new quote at the end: lenses and counts follow the edit.
    const added = '\n\nThe harbour master said: “The quay opens at dawn.”\n';
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      assert.ok(await editor.edit((e) => e.insert(doc.positionAt(doc.getText().length), added)));
      // One provider call right after the edit: it asks the server for the new version.
      const t = Date.now();
      const lenses = await lensesOf(uri);
      times.push(Date.now() - t);
      assert.equal(lenses.length, cli.quotes.length + i + 1, 'the lens of the new quote');
    }
    console.log(`    [timing] edit → CodeLens provider answer for the new version of the long article: ${times.join(', ')} ms`);
    const s = await inspect(uri);
    assert.equal(s.quotes.total, speech.length + 3);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

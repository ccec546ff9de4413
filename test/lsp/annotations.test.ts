// Human annotations win: the server reads each seed file's sidecar (inside the workspace
// folders, and beside an open document wherever it is), applies it, shares annotated
// names with every file, and re-reads a sidecar when it changes.
import * as assert from 'assert';
import { renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/analysis';
import { serializeSidecar, targetAt, type Annotation } from '../../server/src/sidecar';
import { LspClient, makeWorkspace } from './client';
import { HARBOUR, LONELY, positionAt } from './fixtures';

const FLOODS = 'date 2024-03-01 Floods in the valley\n\nRescue teams reached Velmora on Tuesday after the river rose.\n';
const VELMORA_NEWS = 'date 2024-03-05 After the floods\n\nVelmora reopened its school on Monday.\n';
// The same short answer twice; the sidecar (written by another tool) stores the second
// one by its offsets alone, no context.
const TWICE = 'date 2024-04-10 Two answers\n\nAsked about the bridge, the minister said: “Yes.”\n\nAsked about the budget, the minister said: “Yes.”\n';
const SECOND_YES = TWICE.lastIndexOf('“Yes.”');

function sidecarText(source: string, annotations: Annotation[]): string {
  return serializeSidecar({ version: 1, source, annotations });
}

function quoteAnnotation(text: string, id: string, extra: Partial<Annotation>): Annotation {
  const q = analyze(text).quotes[0];
  return { id, kind: 'quote', target: targetAt(text, q.start, q.end), ...extra };
}

describe('language server and human annotations (sidecars)', () => {
  const ws = makeWorkspace({
    'seeds/lonely.txt': LONELY,
    'seeds/lonely.txt.ann.yaml': sidecarText('lonely.txt', [quoteAnnotation(LONELY, 'q1', { speaker: 'Town council', note: 'Council press release' })]),
    'seeds/floods.txt': FLOODS,
    'seeds/floods.txt.ann.yaml': sidecarText('floods.txt', [{ id: 'p1', kind: 'place', target: targetAt(FLOODS, FLOODS.indexOf('Velmora'), FLOODS.indexOf('Velmora') + 7), name: 'Velmora' }]),
    'seeds/news.txt': VELMORA_NEWS,
    'seeds/live.txt': LONELY,
    'seeds/twice.txt': TWICE,
    'seeds/twice.txt.ann.yaml': sidecarText('twice.txt', [{ id: 'y2', kind: 'quote', target: { exact: '“Yes.”', start: SECOND_YES, end: SECOND_YES + 6 }, speaker: 'Second Answer' }]),
    'seeds/broken.txt': LONELY,
    'seeds/broken.txt.ann.yaml': 'version: 1\nsource: broken.txt\nannotations: [ {id: x, kind: quote\n',
  });
  const outside = makeWorkspace({
    'elsewhere.txt': LONELY,
    'elsewhere.txt.ann.yaml': sidecarText('elsewhere.txt', [quoteAnnotation(LONELY, 'q1', { speaker: 'Someone outside' })]),
    'secret.seed': 'date 2024-01-01 Secret\n\nThe Secret Society of Quillmoor met in Velmora.\n',
  });
  symlinkSync(path.join(outside.dir, 'secret.seed'), path.join(ws.dir, 'seeds', 'link.seed'));
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client?.stop();
    ws.remove();
    outside.remove();
  });

  it('an annotated speaker replaces the guess and silences unattributed-quote', async () => {
    assert.ok(analyze(LONELY).diagnostics.some((d) => d.code === 'unattributed-quote'), 'unattributed without the sidecar');
    const uri = ws.uri('seeds/lonely.txt');
    await client.open(uri, LONELY, 1);
    const p = await client.waitForDiagnostics(uri, 1);
    assert.deepStrictEqual(p.diagnostics.filter((d) => d.code === 'unattributed-quote'), []);
    const q = analyze(LONELY).quotes[0];
    const h = await client.hover(uri, positionAt(LONELY, q.start + 2));
    assert.match(h!.contents.value, /Speaker: \*\*Town council\*\*/);
    assert.match(h!.contents.value, /Human annotation \(q1\): speaker Town council — Council press release/);
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const quote = syms[0].children!.flatMap((s) => s.children ?? [])[0];
    assert.strictEqual(quote.detail, 'Town council');
  });

  it('places annotated in one file join the gazetteer of every file', async () => {
    assert.ok(!analyze(VELMORA_NEWS).places.some((p) => p.name === 'Velmora'), 'not a place without the annotation');
    const uri = ws.uri('seeds/news.txt');
    await client.open(uri, VELMORA_NEWS, 1);
    // Workspace requests wait for the index (and so for every sidecar).
    await client.request('workspace/symbol', { query: 'Velmora' });
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const places = syms.find((s) => s.name === 'Places');
    assert.deepStrictEqual(places?.children?.map((c) => c.name), ['Velmora']);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Velmora' });
    assert.deepStrictEqual(new Set(found.map((s) => path.basename(s.location.uri))), new Set(['floods.txt', 'news.txt']));
    const h = await client.hover(uri, positionAt(VELMORA_NEWS, VELMORA_NEWS.indexOf('Velmora') + 1));
    assert.match(h!.contents.value, /^\*\*Velmora\*\* — place · annotated by you/);
    assert.match(h!.contents.value, /2 mentions in 2 seed files/);
  });

  it('re-reads a sidecar when it changes and republishes; rejected suggestions disappear; orphans are reported', async () => {
    const uri = ws.uri('seeds/live.txt');
    const sidecar = path.join(ws.dir, 'seeds/live.txt.ann.yaml');
    const sidecarUri = ws.uri('seeds/live.txt.ann.yaml');
    await client.open(uri, LONELY, 1);
    const first = await client.waitForDiagnostics(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'unattributed-quote'));

    let since = client.diagnostics.length;
    writeFileSync(sidecar, sidecarText('live.txt', [quoteAnnotation(LONELY, 'r1', { status: 'rejected' })]));
    await client.fileChanged(sidecarUri, 1);
    const rejected = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'unattributed-quote'), since);
    assert.strictEqual(rejected.version, 1);
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepStrictEqual(syms[0].children!.flatMap((s) => s.children ?? []), [], 'the rejected quote is gone');

    since = client.diagnostics.length;
    const gone: Annotation = { id: 'o1', kind: 'quote', target: { exact: 'words that appear nowhere in this article', start: 10, end: 51 }, speaker: 'Nobody' };
    writeFileSync(sidecar, sidecarText('live.txt', [gone]));
    await client.fileChanged(sidecarUri, 2);
    const orphan = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'orphaned-annotation'), since);
    assert.match(orphan.diagnostics.find((d) => d.code === 'orphaned-annotation')!.message as string, /Annotation o1/);
    assert.ok(orphan.diagnostics.some((d) => d.code === 'unattributed-quote'), 'the quote is back');

    since = client.diagnostics.length;
    rmSync(sidecar);
    await client.fileChanged(sidecarUri, 3);
    const plain = await client.waitForDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'orphaned-annotation'), since);
    assert.deepStrictEqual(plain.diagnostics.map((d) => d.code), analyze(LONELY).diagnostics.map((d) => d.code));
  });

  it('a broken sidecar is logged and ignored; the file is still analysed', async () => {
    const uri = ws.uri('seeds/broken.txt');
    await client.open(uri, LONELY, 1);
    const p = await client.waitForDiagnostics(uri, 1);
    assert.deepStrictEqual(p.diagnostics.map((d) => d.code), analyze(LONELY).diagnostics.map((d) => d.code));
    assert.ok(client.logs.some((l) => l.includes('broken.txt.ann.yaml')), client.logs.join('\n'));
  });

  it('reads the sidecar beside an open document outside the folders, and nothing else out there', async () => {
    const uri = outside.uri('elsewhere.txt');
    await client.open(uri, LONELY, 1);
    const p = await client.waitForDiagnostics(uri, 1);
    assert.deepStrictEqual(p.diagnostics.filter((d) => d.code === 'unattributed-quote'), [], 'its sidecar was read');
    const q = analyze(LONELY).quotes[0];
    const h = await client.hover(uri, positionAt(LONELY, q.start + 2));
    assert.match(JSON.stringify(h), /Someone outside/);
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.ok(!found.some((s) => /link\.seed|secret\.seed/.test(s.location.uri)), 'the symlink out of the folder is not followed');
    assert.ok(found.some((s) => s.location.uri === ws.uri('seeds/floods.txt')));
  });

  it('follows the sidecar of an open document outside the folders as it is written and deleted', async () => {
    const uri = outside.uri('later.txt');
    const sidecarPath = path.join(outside.dir, 'later.txt.ann.yaml');
    await client.open(uri, LONELY, 1);
    const before = await client.waitForDiagnostics(uri, 1);
    assert.ok(before.diagnostics.some((d) => d.code === 'unattributed-quote'), 'no sidecar yet');
    // Written as the client writes sidecars: a temporary file renamed into place.
    const since = client.diagnostics.length;
    writeFileSync(sidecarPath + '.tmp', sidecarText('later.txt', [quoteAnnotation(LONELY, 'q1', { speaker: 'Harbour master' })]));
    renameSync(sidecarPath + '.tmp', sidecarPath);
    await client.waitForDiagnostics(uri, (d) => !d.diagnostics.some((x) => x.code === 'unattributed-quote'), since);
    const since2 = client.diagnostics.length;
    rmSync(sidecarPath);
    await client.waitForDiagnostics(uri, (d) => d.diagnostics.some((x) => x.code === 'unattributed-quote'), since2);
    await client.close(uri);
  });


  it('keeps the workspace index current: created and deleted seed files', async () => {
    const rel = 'seeds/new-article.txt';
    const text = 'date 2024-04-01 New\n\nThe team met in Velmora and in Lisbon on Friday.\n';
    const uri = ws.write(rel, text);
    await client.fileChanged(uri, 1);
    let found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Velmora' });
    assert.ok(found.some((s) => s.location.uri === uri), 'created file indexed');
    rmSync(path.join(ws.dir, rel));
    await client.fileChanged(uri, 3);
    found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Velmora' });
    assert.ok(!found.some((s) => s.location.uri === uri), 'deleted file dropped');
  });

  it('indexes a folder created in one go and forgets it when it is deleted', async () => {
    const a = ws.write('seeds/batch/one.txt', HARBOUR);
    const b = ws.write('seeds/batch/deeper/two.txt', HARBOUR);
    const folder = ws.uri('seeds/batch');
    await client.fileChanged(folder, 1);
    const query = 'We are ready';
    let found = await client.request<SymbolInformation[]>('workspace/symbol', { query });
    assert.ok(found.some((s) => s.location.uri === a) && found.some((s) => s.location.uri === b), JSON.stringify(found.map((s) => s.location.uri)));
    rmSync(path.join(ws.dir, 'seeds/batch'), { recursive: true });
    await client.fileChanged(folder, 3);
    found = await client.request<SymbolInformation[]>('workspace/symbol', { query });
    assert.ok(!found.some((s) => s.location.uri === a || s.location.uri === b));
  });

  it('an open document\'s annotation follows its edits, even where its words also stand nearer its old offsets', async () => {
    const uri = ws.uri('seeds/twice.txt');
    await client.open(uri, TWICE, 1);
    await client.waitForDiagnostics(uri, 1);
    const speakerAt = async (text: string, offset: number) => (await client.hover(uri, positionAt(text, offset + 2)))?.contents.value ?? '';
    assert.match(await speakerAt(TWICE, SECOND_YES), /Second Answer/);
    // A long paragraph pasted before the second answer: its stored offset is now nearer
    // the first one, where a fresh anchoring of the sidecar would put it.
    const pasted = `${'The budget debate lasted all afternoon and went over every line of the plan again. '.repeat(5)}\n\n`;
    const at = TWICE.indexOf('Asked about the budget');
    const edited = TWICE.slice(0, at) + pasted + TWICE.slice(at);
    await client.change(uri, 2, [{ range: { start: positionAt(TWICE, at), end: positionAt(TWICE, at) }, text: pasted }]);
    await client.waitForDiagnostics(uri, 2);
    assert.match(await speakerAt(edited, edited.lastIndexOf('“Yes.”')), /Second Answer/);
    assert.doesNotMatch(await speakerAt(edited, edited.indexOf('“Yes.”')), /Second Answer/);
    await client.close(uri);
  });
});

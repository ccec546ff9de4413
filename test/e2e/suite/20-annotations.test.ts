// The user's own annotations: quick fixes and commands write the YAML sidecar, the server
// picks it up, edits and renames keep it attached, a broken sidecar is never overwritten,
// and exports write every format.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseYaml } from 'yaml';
import {
  EXAMPLE, cliAnalyze, closeAll, codeOf, hoverAt, open, seedDiagnostics, waitFor, waitForDiagnostics, waitForServer, wsUri,
} from './helpers';

/** What the seed.* annotation commands return (client/src/commands/context.ts). */
interface AnnotationResult { uri: string; sidecar: string; id: string; kind: string; start: number; end: number; exact: string; speaker?: string; speech?: boolean }
interface InspectResult {
  sidecar: string; sidecarExists: boolean; pendingSave: boolean; status?: string;
  annotations: { id: string; kind: string; start: number; end: number; value?: string; orphan: boolean }[];
  error?: { file: string; problems: { line: number; col: number; message: string }[] };
}
interface SidecarFile { version: number; source: string; annotations: { id: string; kind: string; speaker?: string; speech?: boolean; target: { exact: string; start?: number; end?: number } }[] }

const readSidecar = (file: string): SidecarFile => parseYaml(readFileSync(file, 'utf8')) as SidecarFile;
const inspect = (uri: vscode.Uri) => vscode.commands.executeCommand<InspectResult>('seed.inspect', uri);
const DESK = 'fixtures/desk.seed.txt';
const PIER = '“The pier held, but the ramp needs new bolts.”';
const SLOGAN = '“Always on time, whatever the weather.”';

/** The diagnostics of `uri` that sit exactly on `text`. */
function diagnosticsOn(uri: vscode.Uri, doc: vscode.TextDocument, text: string): vscode.Diagnostic[] {
  const start = doc.getText().indexOf(text);
  return seedDiagnostics(uri).filter((d) => doc.offsetAt(d.range.start) === start && codeOf(d) === 'unattributed-quote');
}

suite('annotations', () => {
  suiteTeardown(closeAll);

  test('the quick fix on an unattributed quote writes the sidecar and the diagnostic goes', async () => {
    const uri = wsUri(EXAMPLE);
    const doc = (await open(EXAMPLE)).document;
    await waitForServer(uri);
    const expected = cliAnalyze(uri).diagnostics.filter((d) => d.code === 'unattributed-quote');
    const diags = await waitForDiagnostics(uri, 'the unattributed quotes', (ds) => ds.length === expected.length && ds.length > 0);
    const target = diags.sort((a, b) => a.range.start.compareTo(b.range.start))[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range,
      vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && /^Attribute quote to /.test(a.title)) ?? actions.find((a) => /^Attribute quote to (?!someone)/.test(a.title));
    assert.ok(fix?.command, `no "Attribute quote to …" quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => /term/i.test(a.title)), 'no "mark as term" quick fix');
    const speaker = fix.title.replace(/^Attribute quote to /, '');

    const r = await vscode.commands.executeCommand<AnnotationResult>(fix.command.command, ...(fix.command.arguments ?? []));
    assert.ok(r, 'the quick fix command returned nothing (see the Seed output channel)');
    assert.equal(r.sidecar, `${uri.fsPath}.ann.yaml`);
    const sidecar = readSidecar(r.sidecar);
    assert.equal(sidecar.source, path.basename(uri.fsPath));
    const saved = sidecar.annotations.find((a) => a.id === r.id);
    assert.equal(saved?.speaker, speaker);
    assert.equal(saved?.target.exact, doc.getText(target.range));

    await waitForDiagnostics(uri, 'the fixed quote to lose its diagnostic',
      (ds) => ds.length === expected.length - 1 && !ds.some((d) => d.range.isEqual(target.range)));
    const hover = await waitFor('the hover to show the annotation', async () => {
      const h = await hoverAt(uri, doc.offsetAt(target.range.start));
      return h.includes(speaker) && /annotation/i.test(h) ? h : undefined;
    });
    assert.match(hover, /Speaker/);
  });

  test('annotate speaker: the test answers the quick pick', async () => {
    const uri = wsUri(DESK);
    const doc = (await open(DESK)).document;
    await waitForServer(uri);
    await waitForDiagnostics(uri, 'the pier quote to be flagged', () => diagnosticsOn(uri, doc, PIER).length === 1);
    const start = doc.getText().indexOf(PIER);
    // No speaker in the arguments: the command asks. Our candidate comes first in the pick.
    const pending = vscode.commands.executeCommand<AnnotationResult>('seed.annotateSpeaker',
      { uri: uri.toString(), start, end: start + PIER.length, candidates: ['Piet Anker'] });
    let settled = false;
    void pending.then(() => (settled = true), () => (settled = true));
    await waitFor('the speaker quick pick to be answered', async () => {
      // Accepting when no pick is open is a no-op, so keep accepting until the command returns.
      if (!settled) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return settled ? true : undefined;
    });
    const r = await pending;
    assert.equal(r?.speaker, 'Piet Anker');
    assert.equal(r.start, start);
    assert.equal(readSidecar(r.sidecar).annotations.find((a) => a.id === r.id)?.speaker, 'Piet Anker');
    await waitForDiagnostics(uri, 'the pier quote to be attributed', () => diagnosticsOn(uri, doc, PIER).length === 0);
    assert.ok((await hoverAt(uri, start)).includes('Piet Anker'));
  });

  test('mark as term, then remove: the sidecar follows and the diagnostic comes back', async () => {
    const uri = wsUri(DESK);
    const doc = (await open(DESK)).document;
    await waitForDiagnostics(uri, 'the slogan to be flagged', () => diagnosticsOn(uri, doc, SLOGAN).length === 1);
    const start = doc.getText().indexOf(SLOGAN);
    const r = await vscode.commands.executeCommand<AnnotationResult>('seed.markTerm', { uri: uri.toString(), start, end: start + SLOGAN.length });
    assert.equal(r?.speech, false);
    assert.equal(readSidecar(r.sidecar).annotations.find((a) => a.id === r.id)?.speech, false);
    await waitForDiagnostics(uri, 'the term to lose its diagnostic', () => diagnosticsOn(uri, doc, SLOGAN).length === 0);
    assert.match(await hoverAt(uri, start), /term/i);

    const removed = await vscode.commands.executeCommand<{ id: string; removed: boolean }>('seed.removeAnnotation', { uri: uri.toString(), id: r.id });
    assert.deepEqual({ id: removed?.id, removed: removed?.removed }, { id: r.id, removed: true });
    const left = readSidecar(r.sidecar).annotations;
    assert.ok(!left.some((a) => a.id === r.id), 'the removed annotation is still in the sidecar');
    assert.ok(left.some((a) => a.speaker === 'Piet Anker'), 'removing one annotation lost another');
    await waitForDiagnostics(uri, 'the slogan to be flagged again', () => diagnosticsOn(uri, doc, SLOGAN).length === 1);
  });

  test('text edited before an annotated quote: the annotation stays on its quote after saving', async () => {
    const uri = wsUri(DESK);
    const editor = await open(DESK);
    const doc = editor.document;
    const insertAt = doc.getText().indexOf(' three days after the storm');
    const added = ', with forty passengers on board';
    await editor.edit((e) => e.insert(doc.positionAt(insertAt), added));
    assert.ok(await doc.save(), 'save failed');
    const start = doc.getText().indexOf(PIER);
    const sidecarPath = `${uri.fsPath}.ann.yaml`;
    const saved = await waitFor('the sidecar to record the moved quote', () => {
      const a = readSidecar(sidecarPath).annotations.find((x) => x.speaker === 'Piet Anker');
      return a?.target.start === start ? a : undefined;
    });
    assert.equal(saved.target.end, start + PIER.length);
    assert.equal(saved.target.exact, PIER);
    const state = await inspect(uri);
    assert.equal(state.pendingSave, false);
    const view = state.annotations.find((a) => a.value === 'Piet Anker');
    assert.deepEqual({ start: view?.start, end: view?.end, orphan: view?.orphan }, { start, end: start + PIER.length, orphan: false });
    assert.ok((await hoverAt(uri, start)).includes('Piet Anker'), 'the server lost the annotation');
  });

  test('typing in an article keeps an orphan as it was: it is not bound to the words now at its old place', async () => {
    const rel = 'fixtures/orphan.seed.txt';
    const uri = wsUri(rel);
    const sidecarPath = `${uri.fsPath}.ann.yaml`;
    const lost = readSidecar(sidecarPath).annotations.find((a) => a.id === 'lost')!;
    const editor = await open(rel);
    const doc = editor.document;
    await waitForServer(uri);
    await waitFor('the orphan to be reported', async () => (await inspect(uri)).annotations.find((a) => a.id === 'lost')?.orphan === true || undefined);
    // Keys typed before both annotations, then saved: every offset moves.
    for (const key of ['A', 'f', 't', 'e', 'r ']) await editor.edit((e) => e.insert(doc.positionAt(doc.getText().indexOf('The town')), key));
    assert.ok(await doc.save(), 'save failed');
    const saved = await waitFor('the sidecar to record the moved quote', () => {
      const anns = readSidecar(sidecarPath).annotations;
      const kept = anns.find((a) => a.id === 'kept');
      return kept?.target.start === doc.getText().indexOf('“We saved') ? anns : undefined;
    });
    assert.deepEqual(saved.find((a) => a.id === 'lost')?.target, lost.target, 'the orphan was rewritten');
    const state = await inspect(uri);
    assert.equal(state.annotations.find((a) => a.id === 'lost')?.orphan, true, 'the orphan was anchored to other words');
    assert.equal(state.annotations.find((a) => a.id === 'kept')?.orphan, false);
  });

  test('renaming the article moves its sidecar', async () => {
    const from = wsUri(DESK);
    const to = wsUri('fixtures/desk-renamed.seed.txt');
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit), 'rename refused');
    // The client moves the file, then rewrites the `source:` line: wait for both.
    const sidecar = await waitFor('the sidecar to follow the article', () => {
      if (existsSync(`${from.fsPath}.ann.yaml`) || !existsSync(`${to.fsPath}.ann.yaml`)) return undefined;
      const s = readSidecar(`${to.fsPath}.ann.yaml`);
      return s.source === 'desk-renamed.seed.txt' ? s : undefined;
    });
    assert.ok(sidecar.annotations.some((a) => a.speaker === 'Piet Anker'));
    const state = await inspect(to);
    assert.ok(state.annotations.some((a) => a.value === 'Piet Anker' && !a.orphan));
  });

  test('a malformed sidecar is reported and left byte for byte', async () => {
    const rel = 'fixtures/malformed.seed.txt';
    const uri = wsUri(rel);
    const sidecarPath = `${uri.fsPath}.ann.yaml`;
    const before = readFileSync(sidecarPath);
    const mtime = statSync(sidecarPath).mtimeMs;
    const doc = (await open(rel)).document;
    await waitForServer(uri);
    const state = await inspect(uri);
    assert.ok(state.error && state.error.problems.length > 0, 'the broken sidecar is not reported');
    assert.equal(state.error.file, sidecarPath);
    assert.ok(state.error.problems.every((p) => p.line >= 1 && p.col >= 1), 'problems need a line and column');

    // Annotating must refuse rather than overwrite the user's file.
    const quote = doc.getText().indexOf('“');
    const r = await vscode.commands.executeCommand('seed.annotateSpeaker',
      { uri: uri.toString(), start: quote, end: doc.getText().indexOf('”') + 1, speaker: 'Ines Kowalczyk' });
    assert.equal(r, undefined, 'the command wrote over a broken sidecar');
    const markTerm = await vscode.commands.executeCommand('seed.markTerm', { uri: uri.toString(), start: quote, end: doc.getText().indexOf('”') + 1 });
    assert.equal(markTerm, undefined);
    assert.deepEqual(readFileSync(sidecarPath), before);
    assert.equal(statSync(sidecarPath).mtimeMs, mtime);
    // The article itself is still analysed.
    assert.match(await hoverAt(uri, quote), /Ines Kowalczyk/);
  });

  test('export writes each format', async () => {
    const uri = wsUri(EXAMPLE);
    await open(EXAMPLE);
    const sidecar = readSidecar(`${uri.fsPath}.ann.yaml`);
    const speaker = sidecar.annotations[0].speaker!;
    const outDir = path.join(wsUri('exports').fsPath);
    const outputs: Record<string, string> = {
      w3c: path.join(outDir, 'annotations.jsonld'), jsonl: path.join(outDir, 'annotations.jsonl'),
      csv: path.join(outDir, 'annotations.csv'), brat: path.join(outDir, 'brat'), md: path.join(outDir, 'md'),
    };
    for (const [format, output] of Object.entries(outputs)) {
      const r = await vscode.commands.executeCommand<{ files: string[]; records: number; cancelled: boolean }>('seed.export',
        { uri: uri.toString(), format, output, includeDetected: false });
      assert.ok(r, `export ${format} returned nothing`);
      assert.equal(r.cancelled, false);
      assert.ok(r.records >= 1, `${format}: no records`);
      assert.ok(r.files.length >= 1, `${format}: no files`);
      const texts = r.files.map((f) => readFileSync(f, 'utf8'));
      assert.ok(texts.every((t) => t.length > 0), `${format}: an empty file`);
      const all = texts.join('\n');
      if (format !== 'brat') assert.ok(all.includes(speaker), `${format} export lacks the annotated speaker ${speaker}`);
      if (format === 'w3c') JSON.parse(all);
      if (format === 'jsonl') for (const line of all.trim().split('\n')) JSON.parse(line);
      if (format === 'csv') assert.ok(all.split('\n').length >= 2, 'csv needs a header and a row');
      if (format === 'brat') {
        assert.ok(r.files.some((f) => f.endsWith('.ann')) && r.files.some((f) => f.endsWith('.txt')), 'brat needs .txt and .ann');
        assert.match(texts[r.files.findIndex((f) => f.endsWith('.ann'))], /^T\d+\t/m);
      }
      if (format === 'md') assert.ok(all.includes('Two attempts to advance to NK'), 'the report lacks the title');
    }
  });
});

// Shared helpers for the e2e suite: workspace paths, polling (never fixed sleeps) and readers for
// what the language features return.
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export const EXTENSION_ID = 'seed-annotator.seed-annotator';
export const EXAMPLE = 'seeds/000_69c84b4dfaca571e.txt';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export function wsRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e suite needs a workspace folder');
  return folder.uri;
}

export const wsUri = (rel: string): vscode.Uri => vscode.Uri.joinPath(wsRoot(), ...rel.split('/'));

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(wsUri(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `probe` until it returns something other than undefined (or `accept` says yes).
 * A poll, not a sleep: it returns as soon as the condition holds and fails with `what` on timeout.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) { lastError = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
    await tick(intervalMs);
  }
}

export function markdownText(contents: ReadonlyArray<vscode.MarkdownString | vscode.MarkedString>): string {
  return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

export async function hoverAt(uri: vscode.Uri, offset: number): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, doc.positionAt(offset));
  return (hovers ?? []).map((h) => markdownText(h.contents)).join('\n');
}

/** Waits until the language server answers a hover at `offset` with non-empty text. */
export const waitForHover = (uri: vscode.Uri, offset: number, what = 'a hover', timeoutMs?: number) =>
  waitFor(what, async () => (await hoverAt(uri, offset)) || undefined, timeoutMs);

export async function symbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[] | undefined> {
  const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
  return s && s.length ? s : undefined;
}

/** The server knows the document once it answers the outline for it. */
export const waitForServer = (uri: vscode.Uri, timeoutMs?: number) => waitFor(`the outline of ${uri.path}`, () => symbols(uri), timeoutMs);

/** Diagnostics of our server (source "seed…" or a seed code) for one file. */
export function seedDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /seed/i.test(d.source ?? '') || typeof codeOf(d) === 'string');
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** Waits until the diagnostics of `uri` satisfy `ok`. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, ok: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs?: number): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => { const ds = seedDiagnostics(uri); return ok(ds) ? ds : undefined; }, timeoutMs);
}

/** `seed-annotate analyze --json FILE` with the extension's own bundled CLI: what the editor must agree with. */
export function cliAnalyze(file: vscode.Uri): CliAnalysis {
  const cli = path.join(extension().extensionPath, 'dist', 'cli.js');
  const node = process.env.SEED_E2E_CLI_NODE ?? process.execPath;
  // Under Electron (test-electron) process.execPath is the app: make it behave as Node.
  const out = execFileSync(node, [cli, 'analyze', '--json', file.fsPath], { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return JSON.parse(out) as CliAnalysis;
}

export interface CliAnalysis {
  file: string;
  date: string | null;
  title: string | null;
  sections: { start: number; end: number; title: string }[];
  quotes: { start: number; end: number; text: string; kind: string; speaker: { name: string } | null }[];
  dates: { start: number; end: number; text: string; value: string }[];
  actors: { start: number; end: number; text: string; name: string; type: string | null }[];
  diagnostics: { start: number; end: number; severity: string; code: string; message: string }[];
}

export async function replaceAll(editor: vscode.TextEditor, text: string): Promise<void> {
  const doc = editor.document;
  const ok = await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text));
  if (!ok) throw new Error('edit refused');
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

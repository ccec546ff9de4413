// Activates and deactivates the extension; everything else lives in its own module.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerFileEvents } from './annotations/fileEvents';
import { AnnotationStore, type FileEntry } from './annotations/store';
import { AnalysisService } from './analysisService';
import { registerCodeLens } from './codelens';
import { registerCommands } from './commands';
import { reportConflicts, showSidecarError } from './commands/context';
import { registerDecorations } from './decorations';
import { startLanguageClient } from './languageClient';
import { createStatusBar } from './statusBar';
import { registerAnnotationsTree } from './views/annotationsTree';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Seed Annotator', { log: true });
  // The same broken sidecar is reported once per problem, not on every reload.
  const reported = new Set<string>();
  const reportBroken = (entry: FileEntry) => {
    const p = entry.error!.problems[0];
    const key = `${entry.error!.file}:${p?.line}:${p?.col}:${p?.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    void showSidecarError(entry.error!);
  };
  const store = new AnnotationStore(reportBroken, reportConflicts);
  const analyses = new AnalysisService(store);
  const { tree, disposable: treeView } = registerAnnotationsTree(store);
  const statusBar = createStatusBar(store, analyses);
  context.subscriptions.push(
    output, store, analyses, treeView, statusBar,
    registerCommands({ store, analyses, tree, statusBar, output }),
    registerCodeLens(store, analyses),
    registerDecorations(store),
    registerFileEvents(store, output),
  );
  // Shows the Annotations view (declared with `when: seedAnnotator.active`).
  void vscode.commands.executeCommand('setContext', 'seedAnnotator.active', true);
  client = (await startLanguageClient(context, output)).client;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

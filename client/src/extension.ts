// Activates and deactivates the extension; everything else lives in its own module.
import * as vscode from 'vscode';
import { registerFileEvents } from './annotations/fileEvents';
import { AnnotationStore } from './annotations/store';
import { AnalysisService } from './analysisService';
import { registerCodeLens } from './codelens';
import { registerCommands } from './commands';
import { brokenSidecarReporter, reportConflicts } from './commands/context';
import { registerDecorations } from './decorations';
import { startLanguageClient, type StartedClient } from './languageClient';
import { createStatusBar } from './statusBar';
import { registerAnnotationsTree } from './views/annotationsTree';

let started: Promise<StartedClient> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Seed Annotator', { log: true });
  const store = new AnnotationStore(brokenSidecarReporter(), reportConflicts);
  // The views ask the language server for its analysis (started below; read when first needed).
  const analyses = new AnalysisService(store, () => started, (m) => output.warn(m));
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
  // Not awaited: the annotation features work at once, and without a server if it fails.
  started = startLanguageClient(context, output);
}

export async function deactivate(): Promise<void> {
  const client = (await started)?.client;
  started = undefined;
  await client?.stop();
}

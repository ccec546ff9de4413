// Status-bar item: attributed / total speech quotes of the article in the active editor.
import * as vscode from 'vscode';
import { SEED_LANGUAGE_ID } from '../../server/src/shared/protocol';
import { countQuotes, statusText, statusTooltip, type QuoteCounts } from './annotations/model';
import type { AnnotationStore } from './annotations/store';
import type { AnalysisService } from './analysisService';

export interface StatusBar extends vscode.Disposable {
  /** What the item shows now (undefined when hidden): for tests. */
  current(): { text: string; tooltip: string; counts: QuoteCounts } | undefined;
}

export function createStatusBar(store: AnnotationStore, analyses: AnalysisService): StatusBar {
  const item = vscode.window.createStatusBarItem('seedAnnotator.quotes', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Seed: attributed quotes';
  item.command = 'seed.nextUnattributed';
  let state: { text: string; tooltip: string; counts: QuoteCounts } | undefined;
  let timer: NodeJS.Timeout | undefined;

  let updates = 0;
  const update = async () => {
    const seq = ++updates;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== SEED_LANGUAGE_ID) {
      item.hide();
      state = undefined;
      return;
    }
    const quotes = await analyses.quotesIfKnown(editor.document);
    // The server answers asynchronously: a later update may have started (or hidden the item) meanwhile.
    if (seq !== updates) return;
    if (!quotes) {
      // No server to count them (not started, failed, a document it does not serve): no figure beats a wrong one.
      item.hide();
      state = undefined;
      return;
    }
    const counts = countQuotes(quotes);
    state = { text: statusText(counts), tooltip: statusTooltip(counts), counts };
    item.text = state.text;
    item.tooltip = `${state.tooltip}\nClick: next quote without a speaker`;
    item.show();
  };
  // Typing fires many changes: recount once the burst is over.
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 250);
  };
  void update();
  const subs = vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && soon()),
    store.onDidChange(() => void update()),
    // The quotes come from the server: recount when it has analysed the file anew.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const doc = vscode.window.activeTextEditor?.document;
      if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) soon();
    }),
  );
  return {
    current: () => state,
    dispose: () => {
      if (timer) clearTimeout(timer);
      subs.dispose();
    },
  };
}

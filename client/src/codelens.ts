// A CodeLens above each quote: its speaker (✓ when a person attributed it), or
// "attribute…" which runs seed.annotateSpeaker on that quote.
import * as vscode from 'vscode';
import { SEED_LANGUAGE_ID } from '../../server/src/shared/protocol';
import { codeLensTitle } from './annotations/model';
import type { AnnotationStore } from './annotations/store';
import type { AnalysisService } from './analysisService';
import { readConfig } from './config';

export function registerCodeLens(store: AnnotationStore, analyses: AnalysisService): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    async provideCodeLenses(doc) {
      if (!readConfig(doc.uri).codeLens) return [];
      return (await analyses.quotes(doc)).map((q) => {
        const range = new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end));
        const args = { uri: doc.uri.toString(), start: q.start, end: q.end, exact: doc.getText(range) };
        const command: vscode.Command = q.kind === 'term'
          ? { title: codeLensTitle(q), command: 'seed.markSpeech', arguments: [args], tooltip: 'Marked as a term: click to count it as speech again' }
          : { title: codeLensTitle(q), command: 'seed.annotateSpeaker', arguments: [args], tooltip: q.speaker ? `Speaker: ${q.speaker} (${q.via}). Click to change.` : 'No speaker found: click to attribute this quote' };
        return new vscode.CodeLens(range, command);
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerCodeLensProvider({ language: SEED_LANGUAGE_ID }, provider),
    store.onDidChange(() => changed.fire()),
    // The quotes come from the server: ask again when it has analysed a seed document anew.
    vscode.languages.onDidChangeDiagnostics((e) => {
      const seeds = new Set(vscode.workspace.textDocuments.filter((d) => d.languageId === SEED_LANGUAGE_ID).map((d) => d.uri.toString()));
      if (e.uris.some((u) => seeds.has(u.toString()))) changed.fire();
    }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('seedAnnotator.codeLens') && changed.fire()),
  );
}

// Tells human annotations apart from machine findings in the editor: a person's
// annotation gets a solid underline and an overview-ruler mark (themable colours from
// contributes.colors); a note also a faint background. Machine findings get nothing
// extra (the grammar and the server's diagnostics show them).
import * as vscode from 'vscode';
import { SEED_LANGUAGE_ID } from '../../server/src/shared/protocol';
import { excerpt, type AnnotationView } from './annotations/model';
import type { AnnotationStore } from './annotations/store';
import { readConfig } from './config';

export function registerDecorations(store: AnnotationStore): vscode.Disposable {
  const human = vscode.window.createTextEditorDecorationType({
    borderStyle: 'solid',
    borderWidth: '0 0 2px 0',
    borderColor: new vscode.ThemeColor('seedAnnotator.humanAnnotationUnderline'),
    overviewRulerColor: new vscode.ThemeColor('seedAnnotator.humanAnnotationRuler'),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  const note = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('seedAnnotator.noteBackground'),
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });

  const paint = (editor: vscode.TextEditor) => {
    if (editor.document.languageId !== SEED_LANGUAGE_ID) return;
    const entry = store.peek(editor.document.uri);
    if (!entry || !readConfig(editor.document.uri).decorations) {
      editor.setDecorations(human, []);
      editor.setDecorations(note, []);
      if (!entry) void store.get(editor.document.uri).catch(() => undefined); // paints again on load
      return;
    }
    const views = store.views(entry).filter((v) => !v.orphan);
    const doc = editor.document;
    const option = (v: AnnotationView): vscode.DecorationOptions => ({
      range: new vscode.Range(doc.positionAt(v.start), doc.positionAt(v.end)),
      hoverMessage: new vscode.MarkdownString().appendText(hoverText(v)),
    });
    editor.setDecorations(human, views.map(option));
    editor.setDecorations(note, views.filter((v) => v.note).map(option));
  };
  const paintAll = () => vscode.window.visibleTextEditors.forEach(paint);
  const paintUri = (uri: vscode.Uri | undefined) =>
    vscode.window.visibleTextEditors.filter((e) => !uri || e.document.uri.toString() === uri.toString()).forEach(paint);

  paintAll();
  return vscode.Disposable.from(
    human, note,
    store.onDidChange(paintUri),
    vscode.window.onDidChangeVisibleTextEditors(paintAll),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('seedAnnotator.decorations') && paintAll()),
  );
}

/** Hover line of a human annotation: "Your annotation: quote · Gurgen Simonyan · note". */
export function hoverText(v: AnnotationView): string {
  const parts = [`Your annotation: ${v.kind}`];
  if (v.value) parts.push(v.value);
  if (v.note) parts.push(excerpt(v.note, 120));
  return parts.join(' · ');
}

// Moving between annotations: next / previous (wrapping around), the next quote without
// a speaker (the status-bar item), and revealing one annotation (the Annotations view).
import * as vscode from 'vscode';
import { nextAnnotation } from '../annotations/model';
import type { CommandContext } from './context';
import { documentFor, toUri, UserError } from './target';

export interface NavigationResult {
  uri: string;
  id?: string;
  start: number;
  end: number;
}

async function reveal(uri: vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Next (dir 1) or previous (dir -1) annotation from the cursor; `offset` overrides the cursor. */
export function moveToAnnotation(ctx: CommandContext, dir: 1 | -1) {
  return async (args?: { uri?: string; offset?: number }): Promise<NavigationResult | undefined> => {
    const doc = await documentFor(args?.uri);
    const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
    const offset = args?.offset ?? (editor ? doc.offsetAt(editor.selection.start) : dir === 1 ? -1 : doc.getText().length + 1);
    const views = ctx.store.views(await ctx.store.get(doc.uri));
    const next = nextAnnotation(views, offset, dir);
    if (!next) {
      void vscode.window.setStatusBarMessage(views.length ? 'Seed: only orphaned annotations here' : 'Seed: no annotations in this article', 3000);
      return undefined;
    }
    await reveal(doc.uri, next.start, next.end);
    return { uri: doc.uri.toString(), id: next.id, start: next.start, end: next.end };
  };
}

/** The next speech quote without a speaker after the cursor (wrapping around). */
export function nextUnattributed(ctx: CommandContext) {
  return async (args?: { uri?: string; offset?: number }): Promise<NavigationResult | undefined> => {
    const doc = await documentFor(args?.uri);
    const editor = vscode.window.activeTextEditor?.document === doc ? vscode.window.activeTextEditor : undefined;
    const offset = args?.offset ?? (editor ? doc.offsetAt(editor.selection.start) : -1);
    const open = (await ctx.analyses.quotes(doc)).filter((q) => q.kind === 'speech' && !q.speaker);
    const next = nextAnnotation(open, offset, 1);
    if (!next) {
      void vscode.window.setStatusBarMessage('Seed: every quote has a speaker', 3000);
      return undefined;
    }
    await reveal(doc.uri, next.start, next.end);
    return { uri: doc.uri.toString(), start: next.start, end: next.end };
  };
}

/** Shows an annotation in its article (a click in the Annotations view). */
export function revealAnnotation(ctx: CommandContext) {
  return async (args: { uri: string; id: string }): Promise<NavigationResult | undefined> => {
    if (!args?.uri || !args.id) throw new UserError('revealAnnotation needs { uri, id }.');
    const uri = toUri(args.uri);
    // Open first: offsets are only sure against the text the editor will show.
    const doc = await vscode.workspace.openTextDocument(uri);
    const entry = await ctx.store.get(uri);
    ctx.store.reanchor(doc);
    const view = ctx.store.views(entry).find((v) => v.id === args.id);
    if (!view) throw new UserError(`No annotation ${args.id} in ${vscode.workspace.asRelativePath(uri)}.`);
    if (view.orphan) {
      await vscode.window.showTextDocument(uri, { preview: false });
      void vscode.window.showInformationMessage(`"${view.exact.slice(0, 60)}" is no longer in the text. Select where it belongs and run "Seed: Re-attach Orphaned Annotation to Selection", or remove it.`);
      return { uri: uri.toString(), id: view.id, start: -1, end: -1 };
    }
    await reveal(uri, view.start, view.end);
    return { uri: uri.toString(), id: view.id, start: view.start, end: view.end };
  };
}

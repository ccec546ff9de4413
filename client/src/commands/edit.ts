// Removing an annotation and re-attaching an orphan (an annotation whose text can no
// longer be found) to the current selection.
import * as vscode from 'vscode';
import { targetAt } from '../../../server/src/sidecar/anchor';
import { nowIso } from '../../../server/src/sidecar/format';
import { excerpt, kindLabel, type AnnotationView, type TreeNode } from '../annotations/model';
import { resultOf, type AnnotationResult, type CommandContext } from './context';
import { documentFor, hasSpan, spanFromArgs, spanFromEditor, toUri, UserError, type SpanInput } from './target';

/** Arguments naming one annotation: by id, by span, or a node of the Annotations view. */
export type AnnotationRef = (SpanInput & { id?: string }) | Extract<TreeNode, { type: 'annotation' }>;

function fromRef(ref: AnnotationRef | undefined): (SpanInput & { id?: string }) | undefined {
  if (ref && 'type' in ref && ref.type === 'annotation') return { uri: ref.uri, id: ref.annotation.id };
  return ref as (SpanInput & { id?: string }) | undefined;
}

export interface RemoveResult {
  uri: string;
  id: string;
  removed: true;
}

export function removeAnnotation(ctx: CommandContext) {
  return async (ref?: AnnotationRef): Promise<RemoveResult | undefined> => {
    const args = fromRef(ref);
    let uri: vscode.Uri;
    let id = args?.id;
    if (id) uri = (await documentFor(args?.uri)).uri;
    else {
      const span = hasSpan(args) ? await spanFromArgs(args) : await cursorSpan();
      uri = span.uri;
      const views = ctx.store.views(await ctx.store.get(uri)).filter((v) => !v.orphan && v.start <= span.start && v.end >= span.end);
      const pick = views.length <= 1 || hasSpan(args) ? innermost(views) : await pickAnnotation(views, 'Remove which annotation?');
      if (!pick) {
        if (!views.length) throw new UserError('There is no annotation of yours here.');
        return undefined;
      }
      id = pick.id;
    }
    const entry = await ctx.store.get(uri);
    if (!entry.annotations.some((a) => a.id === id)) throw new UserError(`No annotation ${id} in ${vscode.workspace.asRelativePath(uri)}.`);
    const removed = id;
    await ctx.store.update(uri, (list) => list.filter((a) => a.id !== removed));
    return { uri: uri.toString(), id: removed, removed: true };
  };
}

export function reattachOrphan(ctx: CommandContext) {
  return async (ref?: AnnotationRef): Promise<AnnotationResult | undefined> => {
    const args = fromRef(ref);
    const editor = vscode.window.activeTextEditor;
    const uri = args?.uri ? toUri(args.uri) : editor?.document.uri;
    if (!uri) throw new UserError('Open the article of the orphaned annotation first.');
    const entry = await ctx.store.get(uri);
    const orphans = ctx.store.views(entry).filter((v) => v.orphan);
    let id = args?.id;
    if (!id) {
      if (!orphans.length) throw new UserError('This article has no orphaned annotations.');
      id = (orphans.length === 1 && hasSpan(args) ? orphans[0] : await pickAnnotation(orphans, 'Re-attach which annotation to the selection?'))?.id;
      if (!id) return undefined;
    }
    if (!entry.annotations.some((a) => a.id === id)) throw new UserError(`No annotation ${id} in ${vscode.workspace.asRelativePath(uri)}.`);
    let span;
    if (hasSpan(args)) span = await spanFromArgs({ ...args, uri });
    else if (editor && editor.document.uri.toString() === uri.toString() && !editor.selection.isEmpty) span = await spanFromEditor('selection', ctx.analyses);
    else {
      await vscode.window.showTextDocument(uri, { preview: false });
      throw new UserError('Select the text the annotation belongs to, then run "Re-attach Orphaned Annotation to Selection" again.');
    }
    const target = targetAt(span.doc.getText(), span.start, span.end);
    const updated = await ctx.store.update(uri, (list) => list.map((a) => (a.id === id ? { ...a, target, updated: nowIso() } : a)));
    return resultOf(updated, id);
  };
}

async function cursorSpan() {
  const editor = vscode.window.activeTextEditor;
  if (!editor) throw new UserError('Open a seed article first.');
  const doc = await documentFor();
  return { uri: doc.uri, start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) };
}

function innermost(views: AnnotationView[]): AnnotationView | undefined {
  return [...views].sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

async function pickAnnotation(views: AnnotationView[], title: string): Promise<AnnotationView | undefined> {
  const items = views.map((v) => ({ label: excerpt(v.exact), description: `${kindLabel(v.kind)}${v.value ? ` · ${v.value}` : ''}`, detail: v.note, view: v }));
  return (await vscode.window.showQuickPick(items, { title }))?.view;
}

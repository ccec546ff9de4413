// Opening an article's sidecar, and a read-only report of a file's annotation state
// (seed.inspect: what the e2e tests check the views against).
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { countQuotes, type AnnotationView, type QuoteCounts } from '../annotations/model';
import { AnnotationStore, firstProblem } from '../annotations/store';
import { openAt, type CommandContext } from './context';
import { documentFor, toUri, UserError } from './target';

/** Accepts `{ uri }`, a URI, or nothing (the active editor); a sidecar URI opens itself. */
function sourceFrom(arg: unknown): Promise<vscode.Uri> | vscode.Uri {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') return toUri(arg);
  if (arg && typeof arg === 'object' && 'uri' in arg && (arg as { uri?: unknown }).uri) return toUri((arg as { uri: string | vscode.Uri }).uri);
  return documentFor().then((d) => d.uri);
}

export function openSidecar(ctx: CommandContext) {
  return async (arg?: unknown): Promise<string | undefined> => {
    let source = await sourceFrom(arg);
    if (AnnotationStore.isSidecar(source)) source = AnnotationStore.sourceOfSidecar(source);
    const sidecar = AnnotationStore.sidecarUri(source);
    if (!fs.existsSync(sidecar.fsPath)) {
      throw new UserError(`${vscode.workspace.asRelativePath(source)} has no annotations yet: its sidecar is written with the first one.`);
    }
    const entry = await ctx.store.get(source);
    const at = entry.error ? firstProblem(entry.error) : { line: 1, col: 1 };
    await openAt(sidecar, at.line, at.col);
    return sidecar.toString();
  };
}

export interface InspectResult {
  uri: string;
  sidecar: string;
  sidecarExists: boolean;
  annotations: AnnotationView[];
  /** The broken sidecar's problems (file, 1-based line and column). */
  error?: { file: string; problems: { line: number; col: number; message: string }[] };
  /** Edits moved annotations that are not saved to the sidecar yet. */
  pendingSave: boolean;
  quotes: QuoteCounts;
  /** The status-bar text when this article is in the active editor. */
  status?: string;
}

export function inspect(ctx: CommandContext) {
  return async (arg?: unknown): Promise<InspectResult> => {
    const source = await sourceFrom(arg);
    const entry = await ctx.store.get(source);
    const doc = await vscode.workspace.openTextDocument(source);
    const counts = countQuotes(await ctx.analyses.quotes(doc));
    const r: InspectResult = {
      uri: source.toString(), sidecar: entry.sidecar.fsPath, sidecarExists: fs.existsSync(entry.sidecar.fsPath),
      annotations: ctx.store.views(entry), pendingSave: entry.pendingSave, quotes: counts,
    };
    if (entry.error) r.error = { file: entry.error.file, problems: entry.error.problems.map(({ line, col, message }) => ({ line, col, message })) };
    if (vscode.window.activeTextEditor?.document.uri.toString() === source.toString()) r.status = ctx.statusBar?.current()?.text;
    return r;
  };
}

// What the command factories share, and how they report results and errors.
import * as vscode from 'vscode';
import { SidecarError, type Annotation } from '../../../server/src/sidecar/format';
import type { AnnotationStore, FileEntry } from '../annotations/store';
import { firstProblem, message } from '../annotations/store';
import type { AnalysisService } from '../analysisService';
import type { StatusBar } from '../statusBar';
import type { AnnotationsTree } from '../views/annotationsTree';
import { UserError } from './target';

export interface CommandContext {
  store: AnnotationStore;
  analyses: AnalysisService;
  tree?: AnnotationsTree;
  statusBar?: StatusBar;
  output: vscode.OutputChannel;
}

/** What annotation commands return: the annotation as saved, and where it sits now. */
export interface AnnotationResult {
  uri: string;
  /** File system path of the sidecar written. */
  sidecar: string;
  id: string;
  kind: Annotation['kind'];
  /** Current UTF-16 offsets in the document (-1 for an orphan). */
  start: number;
  end: number;
  exact: string;
  speaker?: string;
  speech?: boolean;
  name?: string;
  type?: string;
  value?: string;
  note?: string;
}

export function resultOf(entry: FileEntry, id: string): AnnotationResult | undefined {
  const a = entry.annotations.find((x) => x.id === id);
  if (!a) return undefined;
  const span = entry.orphans.has(id) ? undefined : entry.spans.get(id);
  const r: AnnotationResult = {
    uri: entry.source.toString(), sidecar: entry.sidecar.fsPath, id, kind: a.kind,
    start: span?.start ?? -1, end: span?.end ?? -1, exact: a.target.exact,
  };
  for (const k of ['speaker', 'speech', 'name', 'type', 'value', 'note'] as const) if (a[k] !== undefined) (r as unknown as Record<string, unknown>)[k] = a[k];
  return r;
}

/** Shows a broken sidecar's first problem with file, line and column, and a button to open it there. */
export async function showSidecarError(err: SidecarError): Promise<void> {
  const p = firstProblem(err);
  const rel = vscode.workspace.asRelativePath(err.file);
  const more = err.problems.length > 1 ? ` (and ${err.problems.length - 1} more)` : '';
  const choice = await vscode.window.showErrorMessage(
    `Seed: the sidecar ${rel} has an error at line ${p.line}, column ${p.col}: ${p.message}${more}. It was left untouched; fix it to annotate this article.`,
    'Open sidecar',
  );
  if (choice) await openAt(vscode.Uri.file(err.file), p.line, p.col);
}

export async function openAt(uri: vscode.Uri, line: number, col: number): Promise<vscode.TextEditor> {
  const pos = new vscode.Position(Math.max(0, line - 1), Math.max(0, col - 1));
  return vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
}

/**
 * Wraps a command: expected failures (a wrong span, a broken sidecar, a failed write)
 * are shown to the user and the command returns undefined instead of throwing.
 */
export function guarded<A extends unknown[], R>(ctx: CommandContext, name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (err) {
      if (err instanceof SidecarError) void showSidecarError(err);
      else if (err instanceof UserError) void vscode.window.showWarningMessage(err.message);
      else {
        ctx.output.appendLine(`${name} failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
        void vscode.window.showErrorMessage(`Seed: ${name} failed: ${message(err)}`);
      }
      return undefined;
    }
  };
}

/** Two writers changed the same annotation: both versions are kept, the user is told. */
export function reportConflicts(entry: FileEntry, conflicts: readonly { id: string; newId: string }[]): void {
  const list = conflicts.map((c) => `${c.id} (yours saved as ${c.newId})`).join(', ');
  void vscode.window.showWarningMessage(
    `Seed: ${vscode.workspace.asRelativePath(entry.sidecar)} was changed elsewhere at the same time. Both versions of ${list} were kept; remove the one you don't want.`,
    'Open sidecar',
  ).then((c) => c && vscode.window.showTextDocument(entry.sidecar));
}

/** Reports a broken sidecar once per problem (not again on every reload of the same file). */
export function brokenSidecarReporter(): (entry: FileEntry) => void {
  const reported = new Set<string>();
  return (entry) => {
    if (!entry.error) return;
    const p = firstProblem(entry.error);
    const key = `${entry.error.file}:${p.line}:${p.col}:${p.message}`;
    if (reported.has(key)) return;
    reported.add(key);
    void showSidecarError(entry.error);
  };
}

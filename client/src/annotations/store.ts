// The in-editor annotation store: one entry per seed file, holding its sidecar's
// annotations anchored to the text the editor shows. Reading, validating, anchoring,
// shifting and writing all go through the shared sidecar module (server/src/sidecar);
// this class only decides *when*: load on demand, shift on every edit, write on
// annotation changes and when the source is saved, reload when the sidecar changes on disk.
import * as vscode from 'vscode';
import { anchor, followEdits, retarget, type TextEdit } from '../../../server/src/sidecar/anchor';
import { SIDECAR_SUFFIX, SidecarError, type Annotation, type SidecarProblem } from '../../../server/src/sidecar/format';
import type { MergeConflict } from '../../../server/src/sidecar/merge';
import { readSidecar, writeSidecar, type SidecarRead } from '../../../server/src/sidecar/store';
import { UserError } from '../errors';
import { toView, type AnnotationView } from './model';

export interface FileEntry {
  source: vscode.Uri;
  sidecar: vscode.Uri;
  /** Annotations in sidecar order; targets follow the text the editor shows. */
  annotations: Annotation[];
  /** Ids that could not be anchored in the current text. */
  orphans: Set<string>;
  /** Where each anchored annotation sits now (UTF-16 offsets). */
  spans: Map<string, { start: number; end: number }>;
  /** The sidecar as last read or written: the base for merging with outside changes. */
  base: SidecarRead;
  /** The sidecar exists but does not parse or validate: read-only until fixed. */
  error?: SidecarError;
  /** Edits moved the annotations; the sidecar is written when the source is saved. */
  pendingSave: boolean;
}

export class AnnotationStore implements vscode.Disposable {
  private readonly entries = new Map<string, FileEntry>();
  private readonly loading = new Map<string, Promise<FileEntry>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fired with the source URI whose annotations changed (undefined: many may have). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly reportBroken: (entry: FileEntry) => void,
    private readonly reportConflicts: (entry: FileEntry, conflicts: MergeConflict[]) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onClose(d)),
      vscode.workspace.onDidOpenTextDocument((d) => this.reanchor(d)),
    );
  }

  dispose(): void {
    for (const t of this.idleTimers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  static sidecarUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.file(source.fsPath + SIDECAR_SUFFIX);
  }

  static isSidecar(uri: vscode.Uri): boolean {
    return uri.path.endsWith(SIDECAR_SUFFIX);
  }

  static sourceOfSidecar(sidecar: vscode.Uri): vscode.Uri {
    return vscode.Uri.file(sidecar.fsPath.slice(0, -SIDECAR_SUFFIX.length));
  }

  /** The entry if loaded already (no I/O). */
  peek(source: vscode.Uri): FileEntry | undefined {
    return this.entries.get(source.toString());
  }

  loaded(): FileEntry[] {
    return [...this.entries.values()];
  }

  /** Loads (once) and returns the entry of a seed file. */
  async get(source: vscode.Uri): Promise<FileEntry> {
    const key = source.toString();
    const have = this.entries.get(key);
    if (have) return have;
    let p = this.loading.get(key);
    if (!p) {
      p = this.load(source).finally(() => this.loading.delete(key));
      // Views waiting for this file (decorations, tree, status bar) update once it is loaded.
      p.then(() => this.changed.fire(source), () => undefined);
      this.loading.set(key, p);
    }
    return p;
  }

  /** Annotations as the UI shows them. */
  views(entry: FileEntry): AnnotationView[] {
    return entry.annotations.map((a) => toView(a, entry.orphans.has(a.id) ? null : entry.spans.get(a.id) ?? null));
  }

  /**
   * Changes a file's annotations and writes its sidecar at once (atomically), so the
   * language server sees the change. Refused when the sidecar on disk is broken.
   * `change` gets the current list (anchored to the editor's text) and returns the new one.
   */
  async update(source: vscode.Uri, change: (list: Annotation[], text: string) => Annotation[]): Promise<FileEntry> {
    if (source.scheme !== 'file') throw new UserError('Save the article to a file first: annotations live in a sidecar file next to it.');
    let entry = await this.get(source);
    if (entry.error) entry = await this.reload(source); // perhaps fixed by hand since
    if (entry.error) throw entry.error;
    const text = await sourceText(source);
    const before = { annotations: entry.annotations, spans: entry.spans, orphans: entry.orphans };
    this.place(entry, change(entry.annotations, text), text);
    try {
      this.write(entry, text);
    } catch (err) {
      // Not saved, so not made: the views keep showing what the sidecar holds.
      Object.assign(entry, before);
      throw err;
    } finally {
      this.changed.fire(source);
    }
    return entry;
  }

  /** Drops a file's entry and loads it again from disk (after an outside change). */
  async reload(source: vscode.Uri): Promise<FileEntry> {
    this.entries.delete(source.toString());
    const entry = await this.get(source);
    this.changed.fire(source);
    return entry;
  }

  /** The sidecar changed on disk: reload unless it is what this store wrote last. */
  async onSidecarChanged(sidecar: vscode.Uri): Promise<void> {
    const source = AnnotationStore.sourceOfSidecar(sidecar);
    const entry = this.peek(source);
    if (entry && sameSnapshot(readSidecar(source.fsPath), entry.base)) return;
    if (entry || vscode.workspace.textDocuments.some((d) => d.uri.toString() === source.toString())) await this.reload(source);
    // A sidecar that appeared (a git pull, a colleague's copy): load it for the Annotations view.
    else await this.get(source).catch(() => undefined);
  }

  /** Forgets a source (renamed or deleted). */
  forget(source: vscode.Uri): void {
    if (this.entries.delete(source.toString())) this.changed.fire(source);
  }

  private async load(source: vscode.Uri): Promise<FileEntry> {
    const sidecar = AnnotationStore.sidecarUri(source);
    const text = source.scheme === 'file' ? await sourceText(source) : '';
    const base: SidecarRead = source.scheme === 'file' ? readSidecar(source.fsPath) : { kind: 'missing', path: sidecar.fsPath };
    const entry: FileEntry = { source, sidecar, annotations: [], orphans: new Set(), spans: new Map(), base, pendingSave: false };
    if (base.kind === 'ok') this.place(entry, base.sidecar.annotations, text);
    else if (base.kind === 'invalid') {
      entry.error = new SidecarError(base.path, base.errors);
      // Shown for the articles being worked on; the Annotations view marks the others.
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === source.toString())) this.reportBroken(entry);
    }
    this.entries.set(source.toString(), entry);
    return entry;
  }

  /**
   * Anchors `annotations` in `text`: anchored ones get fresh targets, orphans stay as they
   * were. With `keepOrphans` (while typing) known orphans are not searched for again:
   * an approximate search on every keystroke would cost too much.
   */
  private place(entry: FileEntry, annotations: readonly Annotation[], text: string, keepOrphans = false): void {
    const skip = keepOrphans ? entry.orphans : new Set<string>();
    const { anchored, orphans } = anchor(text, annotations.filter((a) => !skip.has(a.id)));
    const byId = new Map(anchored.map((a) => [a.annotation.id, a]));
    entry.orphans = new Set([...orphans.map((o) => o.id), ...[...skip].filter((id) => annotations.some((a) => a.id === id))]);
    entry.spans = new Map(anchored.map((a) => [a.annotation.id, { start: a.start, end: a.end }]));
    entry.annotations = annotations.map((a) => {
      const at = byId.get(a.id);
      return at ? retarget(text, at) : a;
    });
  }

  /**
   * Writes the entry's annotations (shared store: atomic, merged with what another
   * writer saved meanwhile, never over an invalid file). A broken file on disk makes
   * the entry read-only and throws the SidecarError.
   */
  private write(entry: FileEntry, text: string): void {
    let result;
    try {
      result = writeSidecar(entry.source.fsPath, entry.annotations, entry.base);
    } catch (err) {
      if (err instanceof SidecarError) {
        entry.error = err;
        entry.base = { kind: 'invalid', path: err.file, errors: err.problems };
      }
      throw err;
    }
    entry.base = result.snapshot;
    entry.pendingSave = false;
    if (result.merged) {
      this.place(entry, result.snapshot.sidecar.annotations, text);
      if (result.conflicts.length) this.reportConflicts(entry, result.conflicts);
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const entry = this.peek(e.document.uri);
    if (!entry || entry.error || e.contentChanges.length === 0 || entry.annotations.length === 0) return;
    // VS Code reports the changes of one event so that applying them in order is right.
    const edits: TextEdit[] = e.contentChanges.map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const text = e.document.getText();
    // Placed annotations move with the text; orphans keep their target (see followEdits).
    this.place(entry, followEdits(entry.annotations, (a) => !entry.orphans.has(a.id), edits, text), text, true);
    entry.pendingSave = true;
    this.changed.fire(e.document.uri);
    if (entry.orphans.size) this.reanchorWhenIdle(entry, e.document);
  }

  /** Once typing pauses, looks for orphans again (an undo may have brought their text back). */
  private reanchorWhenIdle(entry: FileEntry, doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.idleTimers.get(key));
    const timer = setTimeout(() => {
      this.idleTimers.delete(key);
      if (this.peek(doc.uri) !== entry || doc.isClosed) return;
      const before = entry.orphans.size;
      this.place(entry, entry.annotations, doc.getText());
      if (entry.orphans.size !== before) this.changed.fire(doc.uri);
    }, 500);
    timer.unref?.();
    this.idleTimers.set(key, timer);
  }

  private async onSave(doc: vscode.TextDocument): Promise<void> {
    const entry = this.peek(doc.uri);
    if (!entry?.pendingSave || entry.error) return;
    try {
      // Saved text is what the sidecar describes: a full anchoring first (orphans included).
      this.place(entry, entry.annotations, doc.getText());
      this.write(entry, doc.getText());
      this.changed.fire(doc.uri);
    } catch (err) {
      void vscode.window.showErrorMessage(`Could not update ${vscode.workspace.asRelativePath(entry.sidecar)}: ${message(err)}`);
    }
  }

  /**
   * Anchors a loaded entry to the text of a document just opened: the file may have
   * changed on disk while it was closed (git, another editor).
   */
  reanchor(doc: vscode.TextDocument): void {
    const entry = this.peek(doc.uri);
    if (!entry || entry.error || !entry.annotations.length) return;
    const before = JSON.stringify([...entry.spans]);
    this.place(entry, entry.annotations, doc.getText());
    if (JSON.stringify([...entry.spans]) !== before) this.changed.fire(doc.uri);
  }

  private onClose(doc: vscode.TextDocument): void {
    if (!this.peek(doc.uri) || doc.uri.scheme !== 'file') return;
    // Unsaved edits are gone with the document, and the file on disk is the text now:
    // read the sidecar again and anchor it there.
    void this.reload(doc.uri).catch(() => this.forget(doc.uri));
  }
}

/** The text the editor shows for a source (open document, else the file without BOM). */
export async function sourceText(source: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source.toString());
  if (open) return open.getText();
  const bytes = await vscode.workspace.fs.readFile(source);
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function sameSnapshot(a: SidecarRead, b: SidecarRead): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind === 'ok' && b.kind === 'ok' ? a.text === b.text : a.kind === 'missing';
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function firstProblem(err: SidecarError): SidecarProblem {
  return err.problems[0] ?? { line: 1, col: 1, message: err.message };
}

// Keeps sidecars with their articles: renaming or moving a seed file in VS Code moves
// its sidecar (and updates the sidecar's `source`); deleting one never deletes the
// sidecar silently: the user is asked, and told where it stays. Sidecars changed on
// disk (by hand, git, another window) are reloaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../../server/src/sidecar/format';
import { readSidecar, writeSidecar } from '../../../server/src/sidecar/store';
import { AnnotationStore, message } from './store';

export function registerFileEvents(store: AnnotationStore, output: vscode.OutputChannel): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
  const changed = (uri: vscode.Uri) => void store.onSidecarChanged(uri).catch((err) => output.appendLine(`Reloading ${uri.fsPath}: ${message(err)}`));
  return vscode.Disposable.from(
    watcher,
    watcher.onDidChange(changed),
    watcher.onDidCreate(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidRenameFiles((e) => void onRename(store, output, e.files)),
    vscode.workspace.onDidDeleteFiles((e) => void onDelete(store, e.files)),
  );
}

export interface MovedSidecar {
  from: string;
  to: string;
}

/** Moves the sidecars of renamed seed files; returns what it moved (for tests and the log). */
export async function onRename(store: AnnotationStore, output: vscode.OutputChannel, files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<MovedSidecar[]> {
  const moved: MovedSidecar[] = [];
  for (const { oldUri, newUri } of files) {
    if (oldUri.scheme !== 'file' || newUri.scheme !== 'file' || AnnotationStore.isSidecar(oldUri)) continue;
    // A renamed folder carries its sidecars along; only the store's keys need forgetting.
    if (fs.statSync(newUri.fsPath, { throwIfNoEntry: false })?.isDirectory()) {
      for (const e of store.loaded()) if (e.source.fsPath.startsWith(oldUri.fsPath + path.sep)) store.forget(e.source);
      continue;
    }
    const from = oldUri.fsPath + SIDECAR_SUFFIX;
    const to = newUri.fsPath + SIDECAR_SUFFIX;
    if (!fs.existsSync(from)) continue;
    store.forget(oldUri);
    try {
      if (fs.existsSync(to)) {
        void vscode.window.showWarningMessage(
          `Seed: ${vscode.workspace.asRelativePath(newUri)} already has a sidecar, so the annotations of the renamed article stay in ${vscode.workspace.asRelativePath(from)}. Merge them by hand.`,
        );
        continue;
      }
      // The sidecar names its article: the new one is written whole with the new name (comments
      // and order kept; atomic, so it never shows the old name), then the old one goes.
      // A broken sidecar is moved as it is.
      const read = readSidecar(oldUri.fsPath);
      if (read.kind === 'ok') {
        writeSidecar(newUri.fsPath, read.sidecar.annotations, read);
        await fs.promises.unlink(from);
      } else await fs.promises.rename(from, to);
      moved.push({ from, to });
      output.appendLine(`Moved sidecar ${from} → ${to}`);
    } catch (err) {
      void vscode.window.showErrorMessage(`Seed: could not move the sidecar ${vscode.workspace.asRelativePath(from)} with its article: ${message(err)}`);
    } finally {
      store.forget(newUri);
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === newUri.toString())) void store.get(newUri).catch(() => undefined);
    }
  }
  return moved;
}

/** A deleted seed file leaves its sidecar; the user decides (nothing is deleted without a click). */
async function onDelete(store: AnnotationStore, files: readonly vscode.Uri[]): Promise<void> {
  for (const uri of files) {
    if (uri.scheme !== 'file' || AnnotationStore.isSidecar(uri)) continue;
    store.forget(uri);
    const sidecar = uri.fsPath + SIDECAR_SUFFIX;
    if (!fs.existsSync(sidecar)) continue;
    const rel = vscode.workspace.asRelativePath(sidecar);
    const choice = await vscode.window.showWarningMessage(
      `Seed: ${vscode.workspace.asRelativePath(uri)} was deleted. Its annotations are kept in ${rel}.`,
      'Delete sidecar too', 'Keep',
    );
    if (choice === 'Delete sidecar too') {
      // To the trash where there is one, so even this can be undone.
      try {
        await vscode.workspace.fs.delete(vscode.Uri.file(sidecar), { useTrash: true });
      } catch {
        await vscode.workspace.fs.delete(vscode.Uri.file(sidecar), { useTrash: false });
      }
    }
  }
}

// The "Annotations" view in the explorer: file → kind → speaker/name → annotation,
// orphans apart under each file; a click reveals the annotation in its article.
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX } from '../../../server/src/sidecar/format';
import { buildTree, type FileAnnotations, type TreeNode } from '../annotations/model';
import { AnnotationStore, firstProblem, message } from '../annotations/store';

export const VIEW_ID = 'seed.annotations';

export class AnnotationsTree implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] | undefined;
  private scanning: Promise<void> | undefined;
  private readonly missingSources = new Map<string, string>();
  private readonly subs: vscode.Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.subs = [this.changed, store.onDidChange(() => this.refresh(false))];
  }

  dispose(): void {
    for (const s of this.subs) s.dispose();
  }

  /** Rebuilds the tree; `rescan` also looks for sidecars on disk again. */
  refresh(rescan = true): void {
    if (rescan) this.roots = undefined;
    else if (this.roots) this.roots = this.build();
    this.changed.fire(undefined);
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children;
    if (!this.roots) {
      // One scan at a time: loads it triggers fire change events that ask for the roots again.
      this.scanning ??= this.scan().finally(() => (this.scanning = undefined));
      await this.scanning;
      this.roots = this.build();
    }
    return this.roots;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState;
    if (node.type === 'annotation') {
      const a = node.annotation;
      const item = new vscode.TreeItem(node.label, collapsed.None);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = new vscode.MarkdownString().appendText(`${a.kind}${a.value ? `: ${a.value}` : ''}\n\n${a.exact}${a.note ? `\n\nNote: ${a.note}` : ''}`);
      item.iconPath = new vscode.ThemeIcon(a.orphan ? 'warning' : iconOf(a.kind));
      item.contextValue = a.orphan ? 'seedOrphan' : 'seedAnnotation';
      item.command = { command: 'seed.revealAnnotation', title: 'Reveal Annotation', arguments: [{ uri: node.uri, id: a.id }] };
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.type === 'file' ? collapsed.Expanded : collapsed.Collapsed);
    item.id = node.id;
    if (node.type === 'file') {
      item.resourceUri = vscode.Uri.parse(node.uri);
      item.description = node.error ? 'sidecar has errors' : `${node.count}`;
      item.tooltip = node.error ?? `${node.count} annotations`;
      item.iconPath = node.error ? new vscode.ThemeIcon('error') : vscode.ThemeIcon.File;
      item.contextValue = 'seedFile';
      if (node.error) item.command = { command: 'seed.openSidecar', title: 'Open Sidecar', arguments: [{ uri: node.uri }] };
    } else {
      item.description = `${node.count}`;
      item.contextValue = node.type === 'orphans' ? 'seedOrphans' : 'seedGroup';
      if (node.type === 'orphans') {
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = 'These annotations no longer match the text. Select the right text and run "Re-attach Orphaned Annotation to Selection", or remove them.';
      }
    }
    return item;
  }

  /** Loads every sidecar of the workspace into the store (each file once). */
  private async scan(): Promise<void> {
    this.missingSources.clear();
    const sidecars = await vscode.workspace.findFiles(`**/*${SIDECAR_SUFFIX}`, '**/node_modules/**', 5000);
    await Promise.all(sidecars.map(async (sidecar) => {
      const source = AnnotationStore.sourceOfSidecar(sidecar);
      try {
        await this.store.get(source);
      } catch (err) {
        this.missingSources.set(source.toString(), `Cannot read the article ${vscode.workspace.asRelativePath(source)}: ${message(err)}`);
      }
    }));
  }

  private build(): TreeNode[] {
    const files: FileAnnotations[] = this.store.loaded().map((e) => {
      const error = e.error ? `${vscode.workspace.asRelativePath(e.sidecar)}:${firstProblem(e.error).line}:${firstProblem(e.error).col}: ${firstProblem(e.error).message}` : undefined;
      return { uri: e.source.toString(), label: vscode.workspace.asRelativePath(e.source), annotations: this.store.views(e), error };
    });
    for (const [uri, error] of this.missingSources) {
      if (!files.some((f) => f.uri === uri)) files.push({ uri, label: vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), annotations: [], error });
    }
    return buildTree(files);
  }
}

function iconOf(kind: string): string {
  switch (kind) {
    case 'quote': return 'quote';
    case 'term': return 'symbol-text';
    case 'place': return 'location';
    case 'actor': return 'person';
    case 'date': return 'calendar';
    case 'note': return 'note';
    default: return 'tag';
  }
}

export function registerAnnotationsTree(store: AnnotationStore): { tree: AnnotationsTree; disposable: vscode.Disposable } {
  const tree = new AnnotationsTree(store);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  return { tree, disposable: vscode.Disposable.from(tree, view) };
}

// Export commands: the current article or the whole workspace, in a format and to an
// output the user picks (or the arguments give), with a cancellable progress
// notification. Formatting is the shared export module's; nothing is written before
// every article is read, so a cancel or an error leaves no half export.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collectRecords, type FormatName } from '../../../server/src/export';
import { analyzeWithAnnotations, gazetteerFromAnnotations, mergeGazetteers } from '../../../server/src/sidecar/apply';
import { SIDECAR_SUFFIX } from '../../../server/src/sidecar/format';
import { sourceText } from '../annotations/store';
import { defaultOutput, FORMAT_CHOICES, isFormatName, planExport, type PlannedArticle } from '../export';
import type { CommandContext } from './context';
import { documentFor, UserError } from './target';

export interface ExportArgs {
  /** The article (seed.export); default the active editor's. */
  uri?: string;
  format?: FormatName;
  /** File (w3c, jsonl, csv) or folder (brat, md) to write. */
  output?: string;
  /** Also export the machine findings no annotation covers (default false). */
  includeDetected?: boolean;
}

export interface ExportResult {
  format: FormatName;
  output: string;
  /** Absolute paths written. */
  files: string[];
  articles: number;
  records: number;
  /** Annotations not exported because they no longer match their text. */
  orphans: number;
  /** Articles whose sidecar is broken (their annotations are left out). */
  skipped: string[];
  cancelled: boolean;
}

export function exportCommand(ctx: CommandContext, scope: 'file' | 'workspace') {
  return async (args: ExportArgs = {}): Promise<ExportResult | undefined> => {
    const sources = scope === 'file' ? [(await documentFor(args.uri)).uri] : await findSeedFiles();
    if (!sources.length) throw new UserError('No seed articles found in this workspace.');
    if (sources.some((s) => s.scheme !== 'file')) throw new UserError('Save the article to a file before exporting it.');
    const format = args.format ?? (await pickFormat());
    if (!format) return undefined;
    if (!isFormatName(format)) throw new UserError(`Unknown export format "${format}" (known: ${FORMAT_CHOICES.map((f) => f.name).join(', ')}).`);
    const includeDetected = args.includeDetected ?? (args.output !== undefined ? false : await pickDetected());
    if (includeDetected === undefined) return undefined;
    const root = vscode.workspace.getWorkspaceFolder(sources[0])?.uri.fsPath ?? path.dirname(sources[0].fsPath);
    const output = args.output ?? (await pickOutput(format, root, scope === 'file' ? sources[0].fsPath : undefined));
    if (!output) return undefined;

    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Seed: exporting ${sources.length} article(s) as ${format}`, cancellable: true },
      async (progress, token) => {
        const result: ExportResult = { format, output, files: [], articles: 0, records: 0, orphans: 0, skipped: [], cancelled: false };
        // Every sidecar first: names annotated in one article teach the others.
        const entries = [];
        for (const s of sources) entries.push(await ctx.store.get(s));
        if (token.isCancellationRequested) return { ...result, cancelled: true };
        const gazetteer = mergeGazetteers(...entries.filter((e) => !e.error).map((e) => gazetteerFromAnnotations(e.annotations)));
        const planned: PlannedArticle[] = [];
        for (const [i, entry] of entries.entries()) {
          if (token.isCancellationRequested) return { ...result, cancelled: true };
          const rel = vscode.workspace.asRelativePath(entry.source, false).split(path.sep).join('/');
          progress.report({ message: rel, increment: 100 / entries.length });
          if (entry.error) result.skipped.push(rel);
          const { analysis, anchoring, text } = analyzeWithAnnotations(await sourceText(entry.source), entry.error ? [] : entry.annotations, { gazetteer }, undefined);
          const article = collectRecords(rel, text, analysis, anchoring, includeDetected);
          result.records += article.records.length;
          result.orphans += article.orphans.length;
          planned.push({ article, name: rel });
          if (i % 20 === 19) await new Promise((r) => setImmediate(r)); // let a cancel click through
        }
        const inputs = new Set(sources.flatMap((s) => [path.resolve(s.fsPath), path.resolve(s.fsPath + SIDECAR_SUFFIX)]));
        const plan = planExport(format, planned, output, inputs);
        if (token.isCancellationRequested) return { ...result, cancelled: true };
        for (const [file, content] of plan) {
          await fs.promises.mkdir(path.dirname(file), { recursive: true });
          await fs.promises.writeFile(file, content);
          result.files.push(file);
        }
        result.articles = planned.length;
        void report(result);
        return result;
      },
    );
  };
}

async function report(r: ExportResult): Promise<void> {
  const notes = [
    r.orphans ? `${r.orphans} orphaned annotation(s) left out` : '',
    r.skipped.length ? `broken sidecar, annotations left out: ${r.skipped.join(', ')}` : '',
  ].filter(Boolean);
  const text = `Seed: exported ${r.records} record(s) from ${r.articles} article(s) to ${vscode.workspace.asRelativePath(r.output)}${notes.length ? ` (${notes.join('; ')})` : ''}.`;
  const show = r.skipped.length || r.orphans ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const open = r.files.length === 1 ? 'Open' : 'Reveal';
  const choice = await show(text, open);
  if (choice === 'Open') await vscode.window.showTextDocument(vscode.Uri.file(r.files[0]));
  else if (choice === 'Reveal') await vscode.commands.executeCommand('revealFileInOS', vscode.Uri.file(r.output));
}

/** Seed files of the workspace: by name, in a seeds/ folder, or with a sidecar; plus open seed documents. */
export async function findSeedFiles(): Promise<vscode.Uri[]> {
  const exclude = '**/{node_modules,.git,dist,out}/**';
  const found = await Promise.all(['**/*.seed.txt', '**/*.seed', '**/seeds/**/*.txt', `**/*${SIDECAR_SUFFIX}`].map((g) => vscode.workspace.findFiles(g, exclude, 20000)));
  const uris = new Map<string, vscode.Uri>();
  for (const u of found.flat()) {
    const source = u.path.endsWith(SIDECAR_SUFFIX) ? vscode.Uri.file(u.fsPath.slice(0, -SIDECAR_SUFFIX.length)) : u;
    if (source.path.endsWith(SIDECAR_SUFFIX) || !fs.existsSync(source.fsPath)) continue;
    uris.set(source.toString(), source);
  }
  for (const d of vscode.workspace.textDocuments) if (d.languageId === 'seed' && d.uri.scheme === 'file') uris.set(d.uri.toString(), d.uri);
  return [...uris.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

async function pickFormat(): Promise<FormatName | undefined> {
  const pick = await vscode.window.showQuickPick(FORMAT_CHOICES.map((f) => ({ label: f.label, description: f.description, name: f.name })), { title: 'Export format' });
  return pick?.name;
}

async function pickDetected(): Promise<boolean | undefined> {
  const pick = await vscode.window.showQuickPick(
    [{ label: 'Your annotations only', value: false }, { label: 'Your annotations and the machine findings', description: 'quotes, dates, places and actors the analysis found', value: true }],
    { title: 'What to export' },
  );
  return pick?.value;
}

async function pickOutput(format: FormatName, root: string, single: string | undefined): Promise<string | undefined> {
  const suggestion = defaultOutput(format, root, single);
  const perArticle = FORMAT_CHOICES.find((f) => f.name === format)!.perArticle;
  if (perArticle) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.Uri.file(root), openLabel: 'Export here', title: 'Folder for the exported files' });
    return picked?.[0]?.fsPath;
  }
  const picked = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(suggestion), title: 'Export to' });
  return picked?.fsPath;
}


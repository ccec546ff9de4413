// Export planning, without `vscode`: which files an export writes and what goes in them,
// from the shared export records and formatters (server/src/export). Everything is
// planned before anything is written, so a bad name or a clash writes nothing.
import * as path from 'node:path';
import { safeOutputPath } from '../../server/src/cli/exportCommand';
import { FORMATS, type ArticleExport, type FormatName } from '../../server/src/export';

export interface FormatChoice {
  name: FormatName;
  label: string;
  description: string;
  /** One file for all articles (stream) or files per article into a folder. */
  perArticle: boolean;
}

export const FORMAT_CHOICES: FormatChoice[] = [
  { name: 'w3c', label: 'W3C Web Annotations', description: 'JSON-LD, one file', perArticle: false },
  { name: 'jsonl', label: 'JSON Lines', description: 'one record per line, one file', perArticle: false },
  { name: 'csv', label: 'CSV', description: 'a table for spreadsheets, one file', perArticle: false },
  { name: 'brat', label: 'brat standoff', description: '.txt + .ann per article, into a folder', perArticle: true },
  { name: 'md', label: 'Markdown report', description: 'one .md per article, into a folder', perArticle: true },
];

export function isFormatName(v: unknown): v is FormatName {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(FORMATS, v);
}

/** A sensible default output: next to the article (one file) or in the workspace root. */
export function defaultOutput(format: FormatName, root: string, single: string | undefined): string {
  const f = FORMATS[format];
  if (f.kind === 'per-article') return path.join(root, `export-${format}`);
  const stem = single ? single.replace(/(\.seed\.txt|\.seed|\.txt)$/i, '') : path.join(root, 'annotations');
  return stem + f.extension;
}

export interface PlannedArticle {
  article: ArticleExport;
  /** Name below the output folder (workspace-relative, forward slashes). */
  name: string;
}

/**
 * The files to write: path → content. `inputs` are the seed files and sidecars, never
 * to be overwritten. Throws (nothing written) on a clash or a name leaving the folder.
 */
export function planExport(format: FormatName, articles: readonly PlannedArticle[], output: string, inputs: ReadonlySet<string>): Map<string, string> {
  const f = FORMATS[format];
  const plan = new Map<string, string>();
  const add = (target: string, content: string) => {
    const abs = path.resolve(target);
    if (inputs.has(abs)) throw new Error(`the export would overwrite the input ${abs}; choose another output`);
    if (plan.has(abs)) throw new Error(`two articles would export to the same file ${abs}`);
    plan.set(abs, content);
  };
  if (f.kind === 'stream') {
    add(output, f.render(articles.map((a) => a.article)));
    return plan;
  }
  for (const { article, name } of articles) for (const file of f.render(article)) add(safeOutputPath(output, name, file.ext), file.content);
  for (const [name, content] of Object.entries(f.shared ?? {})) add(path.join(output, name), content);
  return plan;
}

// JSON Lines: one annotation a line, every field of the sidecar plus the file,
// the origin (human | detected) and the current UTF-16 offsets. Rejections are
// kept (status: rejected): a dataset can use them as negative examples.
import type { ArticleExport } from './records';

export function toJsonl(articles: readonly ArticleExport[]): string {
  return articles.map(jsonlLines).join('');
}

/** One article's lines, each ending with a line break (so exports can stream article by article). */
export function jsonlLines(a: ArticleExport): string {
  let out = '';
  for (const r of a.records) out += JSON.stringify({ file: a.file, ...r }) + '\n';
  return out;
}

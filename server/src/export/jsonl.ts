// JSON Lines: one annotation a line, every field of the sidecar plus the file,
// the origin (human | detected) and the current UTF-16 offsets. Rejections are
// kept (status: rejected): a dataset can use them as negative examples.
import type { ArticleExport } from './records';

export function toJsonl(articles: readonly ArticleExport[]): string {
  const lines: string[] = [];
  for (const a of articles) {
    for (const r of a.records) lines.push(JSON.stringify({ file: a.file, ...r }));
  }
  return lines.map((l) => l + '\n').join('');
}

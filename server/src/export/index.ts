// Export formats: pure formatters from ArticleExport records to text. Single-
// stream formats produce one text for all articles; per-article formats one
// file (or two, for brat) per article.
import { BRAT_CONF, toBratAnn } from './brat';
import { CSV_HEAD, csvRows, toCsv } from './csv';
import { jsonlLines, toJsonl } from './jsonl';
import { toMarkdown } from './markdown';
import type { ArticleExport } from './records';
import { toW3c } from './w3c';

export * from './records';
export { toCsv, csvCell } from './csv';
export { toJsonl } from './jsonl';
export { toW3c } from './w3c';
export { toBratAnn, BRAT_CONF } from './brat';
export { toMarkdown } from './markdown';

export type FormatName = 'w3c' | 'jsonl' | 'csv' | 'brat' | 'md';

/** One output file of a per-article format: a name relative to the article's base name. */
export interface ArticleFile {
  /** Extension appended to the article's name without its own extension (".ann", ".txt", ".md"). */
  ext: string;
  content: string;
}

export type ExportFormat =
  | {
    name: FormatName; kind: 'stream'; extension: string; render(articles: readonly ArticleExport[]): string;
    /** Line formats: a head, then each article's lines on their own, so an export of any size streams. */
    lines?: { head: string; article(a: ArticleExport): string };
  }
  | { name: FormatName; kind: 'per-article'; render(article: ArticleExport): ArticleFile[]; /** Files once per output folder. */ shared?: Record<string, string> };

export const FORMATS: Record<FormatName, ExportFormat> = {
  w3c: { name: 'w3c', kind: 'stream', extension: '.jsonld', render: toW3c },
  jsonl: { name: 'jsonl', kind: 'stream', extension: '.jsonl', render: toJsonl, lines: { head: '', article: jsonlLines } },
  csv: { name: 'csv', kind: 'stream', extension: '.csv', render: toCsv, lines: { head: CSV_HEAD, article: csvRows } },
  brat: {
    name: 'brat', kind: 'per-article', shared: { 'annotation.conf': BRAT_CONF },
    render: (a) => [{ ext: '.txt', content: a.text }, { ext: '.ann', content: toBratAnn(a) }],
  },
  md: { name: 'md', kind: 'per-article', render: (a) => [{ ext: '.md', content: toMarkdown(a) }] },
};

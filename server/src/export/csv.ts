// CSV of quotes for spreadsheets: RFC 4180 quoting, CRLF rows, a UTF-8 BOM so
// Excel reads the text as UTF-8, and cells that a spreadsheet would run as a
// formula (= + - @, tab, CR) prefixed with an apostrophe.
import { isTerm, positive, type ArticleExport } from './records';

export const CSV_COLUMNS = ['file', 'date', 'speaker', 'quote', 'kind', 'start', 'end', 'origin'] as const;

/** The BOM and the header row. */
export const CSV_HEAD = '\uFEFF' + CSV_COLUMNS.map(csvCell).join(',') + '\r\n';

export function toCsv(articles: readonly ArticleExport[]): string {
  return CSV_HEAD + articles.map(csvRows).join('');
}

/** One article's rows, each ending with CRLF (so exports can stream article by article). */
export function csvRows(a: ArticleExport): string {
  let out = '';
  for (const r of positive(a.records)) {
    if (r.kind !== 'quote') continue;
    const row = [a.file, a.date ?? '', r.speaker ?? '', r.exact, isTerm(r) ? 'term' : 'speech', String(r.start), String(r.end), r.origin];
    out += row.map(csvCell).join(',') + '\r\n';
  }
  return out;
}

export function csvCell(value: string): string {
  // Numbers we write ourselves (offsets) are safe; text from the article or the user is not.
  const guarded = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? "'" + value : value;
  return /[",\r\n]/.test(guarded) || guarded !== guarded.trim() ? '"' + guarded.replace(/"/g, '""') + '"' : guarded;
}

// A Markdown report per article: quotes grouped by speaker, then terms and
// unattributed quotes, dates, places, actors and notes. Machine findings are
// marked "(detected)"; line numbers point into the article.
import { lineCol } from '../analysis/text';
import { isTerm, positive, type ArticleExport, type ExportRecord } from './records';

export function toMarkdown(a: ArticleExport): string {
  const records = positive(a.records);
  const line = (r: ExportRecord) => lineCol(a.text, r.start).line;
  const mark = (r: ExportRecord) => (r.origin === 'detected' ? ' *(detected)*' : '');
  const out: string[] = [];
  out.push(`# ${md(a.title ?? a.file)}`, '');
  out.push(`- File: \`${a.file.replace(/`/g, "'")}\``);
  if (a.date) out.push(`- Date: ${a.date}`);
  const human = records.filter((r) => r.origin === 'human').length;
  out.push(`- Annotations: ${human} by hand${records.length > human ? `, ${records.length - human} detected` : ''}`);
  if (a.orphans.length) out.push(`- Not exported: ${a.orphans.length} annotation(s) no longer matching the text (${a.orphans.map((o) => o.id).join(', ')})`);
  out.push('');

  const quotes = records.filter((r) => r.kind === 'quote');
  const speech = quotes.filter((r) => !isTerm(r));
  const bySpeaker = new Map<string, ExportRecord[]>();
  for (const q of speech) {
    const key = q.speaker ?? '';
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), q]);
  }
  const speakers = [...bySpeaker.keys()].filter((k) => k).sort((x, y) => x.localeCompare(y));
  if (quotes.length) {
    out.push('## Quotes', '');
    for (const name of [...speakers, ...(bySpeaker.has('') ? [''] : [])]) {
      out.push(`### ${name ? md(name) : 'Unattributed'}`, '');
      for (const q of bySpeaker.get(name)!) out.push(`- ${md(oneLine(q.exact))} (line ${line(q)})${mark(q)}${q.note ? ` — ${md(oneLine(q.note))}` : ''}`);
      out.push('');
    }
    const terms = quotes.filter(isTerm);
    if (terms.length) {
      out.push('### Terms and scare quotes', '');
      for (const q of terms) out.push(`- ${md(oneLine(q.exact))} (line ${line(q)})${mark(q)}`);
      out.push('');
    }
  }
  const dates = records.filter((r) => r.kind === 'date');
  if (dates.length) {
    out.push('## Dates', '', '| Text | Value | Line |', '| --- | --- | --- |');
    for (const d of dates) out.push(`| ${cell(d.exact)}${mark(d)} | ${cell(d.value ?? '')} | ${line(d)} |`);
    out.push('');
  }
  for (const [kind, heading] of [['place', 'Places'], ['actor', 'Actors']] as const) {
    const items = records.filter((r) => r.kind === kind);
    if (!items.length) continue;
    out.push(`## ${heading}`, '');
    const byName = new Map<string, ExportRecord[]>();
    for (const r of items) byName.set(r.name ?? r.exact, [...(byName.get(r.name ?? r.exact) ?? []), r]);
    for (const [name, rs] of [...byName].sort(([x], [y]) => x.localeCompare(y))) {
      const forms = [...new Set(rs.map((r) => oneLine(r.exact)).filter((f) => f !== name))];
      const type = rs.find((r) => r.type)?.type;
      const detectedOnly = rs.every((r) => r.origin === 'detected');
      out.push(`- **${md(name)}**${type ? ` (${type})` : ''}${forms.length ? ` as ${forms.map(md).join(', ')}` : ''} — lines ${[...new Set(rs.map(line))].join(', ')}${detectedOnly ? ' *(detected)*' : ''}`);
    }
    out.push('');
  }
  const notes = records.filter((r) => r.kind === 'note' || (r.kind !== 'quote' && r.note));
  if (notes.length) {
    out.push('## Notes', '');
    for (const n of notes) out.push(`- line ${line(n)}, ${md(oneLine(n.exact))}: ${md(oneLine(n.note ?? ''))}`);
    out.push('');
  }
  return out.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Escapes Markdown syntax in article or user text, so it shows as written. */
function md(s: string): string {
  return s.replace(/([\\`*_[\]{}<>#|!~])/g, '\\$1').replace(/^([-+]|\d+\.)(\s)/, '\\$1$2');
}

function cell(s: string): string {
  return md(oneLine(s));
}

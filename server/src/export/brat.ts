// brat standoff: for each article a `.txt` (the text the offsets count in) and
// a `.ann`; plus an `annotation.conf` so the folder opens in brat as is. brat
// counts code points and a text-bound annotation cannot contain a line break,
// so spans over several lines become discontinuous fragments.
import { codePointIndexer, isTerm, positive, type ArticleExport, type ExportRecord } from './records';

export const BRAT_CONF = `# Seed Annotator export
[entities]
Quote
Term
Date
Place
Actor
Note

[relations]

[events]

[attributes]
Detected Arg:<ENTITY>
`;

export function toBratAnn(a: ArticleExport): string {
  const cp = codePointIndexer(a.text);
  const lines: string[] = [];
  let t = 0;
  let attr = 0;
  let note = 0;
  for (const r of positive(a.records)) {
    const fragments = lineFragments(a.text, r.start, r.end);
    if (!fragments.length) continue;
    const id = `T${++t}`;
    const offsets = fragments.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';');
    const covered = fragments.map(([s, e]) => a.text.slice(s, e)).join(' ');
    lines.push(`${id}\t${bratType(r)} ${offsets}\t${covered}`);
    if (r.origin === 'detected') lines.push(`A${++attr}\tDetected ${id}`);
    const notes = noteText(r);
    if (notes) lines.push(`#${++note}\tAnnotatorNotes ${id}\t${notes}`);
  }
  return lines.map((l) => l + '\n').join('');
}

function bratType(r: ExportRecord): string {
  if (isTerm(r)) return 'Term';
  return r.kind[0].toUpperCase() + r.kind.slice(1);
}

function noteText(r: ExportRecord): string {
  const parts: string[] = [];
  if (r.speaker) parts.push(`speaker: ${r.speaker}`);
  if (r.value) parts.push(`value: ${r.value}`);
  if (r.name && r.name !== r.exact) parts.push(`name: ${r.name}`);
  if (r.type) parts.push(`type: ${r.type}`);
  if (r.aliases?.length) parts.push(`aliases: ${r.aliases.join(', ')}`);
  if (r.tags?.length) parts.push(`tags: ${r.tags.join(', ')}`);
  if (r.note) parts.push(`note: ${r.note}`);
  parts.push(`id: ${r.id}`);
  return parts.join('; ').replace(/[\t\r\n]+/g, ' ');
}

/** [start, end) split at line breaks, each piece trimmed of surrounding whitespace. */
function lineFragments(text: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      let a = s;
      let b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (b > a) out.push([a, b]);
      s = i + 1;
    }
  }
  return out;
}

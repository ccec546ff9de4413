// Hover (Markdown): what the analysis knows about the quote, date, place or actor
// under the cursor. The innermost item wins (a date inside a quote shows the date).
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver/node';
import type { DateMention, Quote } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';
import { quoteAnnotation } from '../workspace/annotations';
import type { Project } from '../workspace/project';
import { entityFacts } from '../workspace/stats';
import { itemsAt } from './lookup';
import { lineOf, toOffset, toRange } from './positions';
import { describeRelation, weekday } from './dateMath';

export async function hover(project: Project, uri: string, position: Position): Promise<Hover | null> {
  const f = await project.get(uri);
  const offset = toOffset(f, position);
  const [item] = itemsAt(f.analysis, offset);
  if (!item) return null;
  let value: string;
  if (item.kind === 'quote') value = quoteHover(f, item.quote);
  else if (item.kind === 'date') value = dateHover(f, item.date);
  else {
    const name = item.kind === 'entity' ? item.entity.name : item.quote.speaker!.name;
    value = await entityHover(project, f, name);
  }
  return { contents: { kind: MarkupKind.Markdown, value }, range: toRange(f, item.span) };
}

function quoteHover(f: AnalyzedText, q: Quote): string {
  const lines: string[] = [];
  const runs = q.paragraphs > 1 ? ` over ${q.paragraphs} paragraphs` : '';
  const open = q.closed ? '' : ' — *never closed*';
  if (q.kind === 'term') {
    lines.push(`**Term**${runs}${open}: a quoted expression, not speech`);
  } else {
    lines.push(`**Quote** (speech)${runs}${open}`);
  }
  const s = q.speaker;
  if (s) {
    const named = s.via === 'annotation' || s.end <= s.start
      ? ''
      : `, named on line ${lineOf(f, s.start) + 1}${s.text && s.text !== s.name ? ` as “${md(s.text)}”` : ''}`;
    const how = q.cue ? `cue “${md(q.cue)}”` : VIA[s.via];
    lines.push(`Speaker: **${md(s.name)}** — ${how}${named}${q.cue && s.via !== 'cue' && s.via !== 'according-to' ? ` (${VIA[s.via]})` : ''}`);
  } else if (q.kind === 'speech') {
    lines.push('Speaker: *unattributed* — the quick fixes attribute it or mark it as a term');
  }
  const ann = quoteAnnotation(f.analysis, q);
  if (ann) {
    const what = ann.speech === false ? 'marked as a term' : ann.speaker ? `speaker ${md(ann.speaker)}` : 'confirmed';
    lines.push(`✎ Human annotation (${ann.id}): ${what}${ann.note ? ` — ${md(ann.note)}` : ''}`);
  }
  return lines.join('\n\n');
}

const VIA: Record<NonNullable<Quote['speaker']>['via'], string> = {
  cue: 'speech verb',
  'according-to': '“according to”',
  colon: 'introduced by a colon',
  continuation: 'continues the previous quote',
  pronoun: 'pronoun resolved to the nearest fitting actor',
  interview: 'interview transcript',
  annotation: 'annotated by hand',
};

function dateHover(f: AnalyzedText, d: DateMention): string {
  const lines = [`**Date** \`${d.value.replace(/`/g, "'")}\``];
  const day = weekday(d.value);
  if (day) lines[0] += ` — ${day}`;
  const ref = f.analysis.referenceDate;
  const fromHeader = !!f.analysis.header?.date;
  if (ref) {
    const relation = describeRelation(d.value, ref, fromHeader ? 'publication' : 'the reference date');
    const dated = fromHeader ? `published ${ref}` : `reference date ${ref}, from the settings`;
    lines.push(relation ? `${relation.charAt(0).toUpperCase()}${relation.slice(1)} (${dated})` : `Not comparable with the ${fromHeader ? 'publication' : 'reference'} date (${dated})`);
  } else {
    lines.push('No publication date: the header line `date YYYY-MM-DD Title` is missing or invalid.');
  }
  return lines.join('\n\n');
}

async function entityHover(project: Project, f: AnalyzedText, name: string): Promise<string> {
  const here = entityFacts(f.analysis).get(name);
  // Counts from what is indexed now: a hover never waits for the workspace index.
  const { mentions: wsMentions, files: wsFiles, quotes: wsQuotes, complete } = project.nameCounts(name, f);
  const entry = project.gazetteer().lookup(name);
  const kinds = here ? [...here.kinds] : entry ? [entry.kind] : [];
  const isActor = kinds.includes('actor');
  const type = here?.type ?? entry?.type;
  const kindText = kinds.length ? kinds.join(' and ') : 'name';
  const lines = [`**${md(name)}** — ${kindText}${type ? ` (${type})` : ''}${entry?.origin === 'user' ? ' · annotated by you' : ''}`];
  const aliases = new Set<string>([...(entry?.aliases ?? []), ...(here?.surfaces ?? [])]);
  aliases.delete(name);
  if (aliases.size) lines.push(`Also written: ${[...aliases].map((a) => `“${md(a)}”`).join(', ')}`);
  const n = here?.mentions.length ?? 0;
  lines.push(`Mentions: ${plural(n, 'mention')} in this article · ${plural(wsMentions, 'mention')} in ${plural(wsFiles, 'seed file')} of the workspace${complete ? '' : ' (indexing…)'}`);
  if (isActor) {
    lines.push(`Quotes attributed: ${here?.quotes.length ?? 0} in this article · ${wsQuotes} in the workspace${complete ? '' : ' (indexing…)'}`);
  }
  return lines.join('\n\n');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Escapes Markdown so article text shows as written. */
export function md(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`);
}

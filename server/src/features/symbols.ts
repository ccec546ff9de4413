// Outline (document symbols).
// Outline: the article (title, date as detail) with its sections as children and
// each section's quotes under it; then an "Actors" and a "Places" group listing each
// distinct entity once with its mention count.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Quote, Span } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';
import type { Project } from '../workspace/project';
import { entityFacts, type NameFacts } from '../workspace/stats';
import { toRange } from './positions';
import { openingWords, speakerLabel } from '../workspace/quoteLabels';
import { reusedJson } from './wire';

export const SYMBOL_KINDS = {
  article: SymbolKind.File,
  section: SymbolKind.Module,
  quote: SymbolKind.String,
  group: SymbolKind.Package,
  actor: SymbolKind.Class,
  place: SymbolKind.Namespace,
} as const;

// Quote names and speaker labels are shared with the workspace index (its worker threads
// cannot load the protocol library): one definition, in workspace/quoteLabels.ts.
export { openingWords, speakerLabel };

export async function documentSymbols(project: Project, uri: string): Promise<DocumentSymbol[]> {
  return outline(await project.get(uri));
}

/**
 * Outlines are computed once per analysed version (editors ask after every edit,
 * from several views), and so is their JSON (see wire.ts): never mutate one.
 */
const outlines = new WeakMap<AnalyzedText, DocumentSymbol[]>();

export function outline(f: AnalyzedText): DocumentSymbol[] {
  let out = outlines.get(f);
  if (!out) outlines.set(f, (out = reusedJson(buildOutline(f))));
  return out;
}

function buildOutline(f: AnalyzedText): DocumentSymbol[] {
  const a = f.analysis;
  const all: Span = { start: 0, end: f.text.length };
  const headerSpan: Span = a.header ?? { start: 0, end: 0 };
  const article: DocumentSymbol = {
    name: a.header?.title ?? a.sections[0]?.title ?? '(untitled article)',
    detail: a.header?.date ?? a.header?.rawDate ?? a.referenceDate ?? 'no date',
    kind: SYMBOL_KINDS.article,
    range: toRange(f, all),
    selectionRange: toRange(f, headerSpan),
    children: [],
  };

  // Quotes go under the section holding their opening mark (both lists are sorted).
  const quotes = [...a.quotes].sort((x, y) => x.start - y.start);
  let qi = 0;
  for (const s of a.sections) {
    const sectionQuotes: Quote[] = [];
    while (qi < quotes.length && quotes[qi].start < s.start) article.children!.push(quoteSymbol(f, quotes[qi++]));
    while (qi < quotes.length && quotes[qi].start <= s.end) sectionQuotes.push(quotes[qi++]);
    const end = Math.max(s.end, ...sectionQuotes.map((q) => q.end));
    article.children!.push({
      name: s.title || '(untitled section)',
      kind: SYMBOL_KINDS.section,
      range: toRange(f, { start: s.start, end }),
      selectionRange: toRange(f, s.heading ?? { start: s.start, end: s.start }),
      children: sectionQuotes.map((q) => quoteSymbol(f, q)),
    });
  }
  while (qi < quotes.length) article.children!.push(quoteSymbol(f, quotes[qi++]));

  const out = [article];
  const facts = [...entityFacts(a).values()].filter((x) => x.mentions.length);
  const actors = facts.filter((x) => x.kinds.has('actor'));
  const places = facts.filter((x) => !x.kinds.has('actor') && x.kinds.has('place'));
  for (const [name, group, kind] of [['Actors', actors, SYMBOL_KINDS.actor], ['Places', places, SYMBOL_KINDS.place]] as const) {
    if (!group.length) continue;
    const children = group.sort((x, y) => x.mentions[0].start - y.mentions[0].start).map((x) => entitySymbol(f, x, kind));
    const first = group[0].mentions[0];
    const last = Math.max(...group.map((x) => x.mentions[0].end));
    out.push({
      name,
      detail: `${group.length}`,
      kind: SYMBOL_KINDS.group,
      range: toRange(f, { start: first.start, end: last }),
      selectionRange: toRange(f, first),
      children,
    });
  }
  return out;
}

function quoteSymbol(f: AnalyzedText, q: Quote): DocumentSymbol {
  const range = toRange(f, q);
  return { name: quoteName(q.text), detail: speakerLabel(q), kind: SYMBOL_KINDS.quote, range, selectionRange: range };
}

/** Quote names by quote text: an edit changes few quotes, so outlines reuse the rest. */
const names = new Map<string, string>();

export function quoteName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size > 50_000) names.clear(); // bounded: a cache, not an archive
    names.set(text, (name = openingWords(text)));
  }
  return name;
}

function entitySymbol(f: AnalyzedText, x: NameFacts, kind: SymbolKind): DocumentSymbol {
  const n = x.mentions.length;
  const range = toRange(f, x.mentions[0]);
  return { name: x.name, detail: `${n} mention${n === 1 ? '' : 's'}${x.type ? ` · ${x.type}` : ''}`, kind, range, selectionRange: range };
}

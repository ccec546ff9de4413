// Outline (document symbols): the article (title, date as detail) with its sections
// as children and each section's quotes under it; then an "Actors" and a "Places"
// group listing each distinct entity once with its mention count.
//
// Outlines are bounded (setting outline.maxItems), as VS Code's own JSON server bounds
// its outline (json.maxItemsComputed): a megabyte-long article has 5,000+ quotes and
// entities, 1.3 MB of JSON that every client reads on every change. Past the bound the
// sections stay (as many as fit, the rest as one entry); the most mentioned actors and
// places stay; quotes stay in document order until the bound; whatever is left out is
// counted in a "+ N more" entry at its place, which leads to the first item it stands for.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node';
import type { Quote, Section, Span } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';
import type { Project } from '../workspace/project';
import { entityFacts, type NameFacts } from '../workspace/stats';
import { defaultSettings } from '../workspace/settings';
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

/** Setting outline.maxItems when none is given (prewarmed outlines use it). */
const DEFAULT_MAX_ITEMS = defaultSettings().outline.maxItems;

export async function documentSymbols(project: Project, uri: string): Promise<DocumentSymbol[]> {
  const [f, settings] = await Promise.all([project.get(uri), project.settings(uri)]);
  return outline(f, settings.outline.maxItems);
}

/**
 * Outlines are computed once per analysed version and bound (editors ask after every
 * edit, from several views), and so is their JSON (see wire.ts): never mutate one.
 */
const outlines = new WeakMap<AnalyzedText, { maxItems: number; symbols: DocumentSymbol[] }>();

export function outline(f: AnalyzedText, maxItems = DEFAULT_MAX_ITEMS): DocumentSymbol[] {
  const known = outlines.get(f);
  if (known?.maxItems === maxItems) return known.symbols;
  const symbols = reusedJson(buildOutline(f, maxItems));
  outlines.set(f, { maxItems, symbols });
  return symbols;
}

/** How many symbols an outline has, nested ones included. */
export function countSymbols(symbols: readonly DocumentSymbol[]): number {
  let n = 0;
  for (const s of symbols) n += 1 + (s.children ? countSymbols(s.children) : 0);
  return n;
}

function buildOutline(f: AnalyzedText, maxItems: number): DocumentSymbol[] {
  const a = f.analysis;
  const facts = [...entityFacts(a).values()].filter((x) => x.mentions.length);
  const actors = facts.filter((x) => x.kinds.has('actor'));
  const places = facts.filter((x) => !x.kinds.has('actor') && x.kinds.has('place'));
  const all: Span = { start: 0, end: f.size };
  const headerSpan: Span = a.header ?? { start: 0, end: 0 };
  const article: DocumentSymbol = {
    name: a.header?.title ?? a.sections[0]?.title ?? '(untitled article)',
    detail: a.header?.date ?? a.header?.rawDate ?? a.referenceDate ?? 'no date',
    kind: SYMBOL_KINDS.article,
    range: toRange(f, all),
    selectionRange: toRange(f, headerSpan),
    children: [],
  };

  // Quotes go under the section holding their opening mark (both lists are sorted);
  // those outside every section are the article's own, in runs between sections.
  const quotes = [...a.quotes].sort((x, y) => x.start - y.start);
  const parts: { section: Section | null; quotes: Quote[] }[] = [];
  let qi = 0;
  const run = (until: (q: Quote) => boolean): Quote[] => {
    const out: Quote[] = [];
    while (qi < quotes.length && until(quotes[qi])) out.push(quotes[qi++]);
    return out;
  };
  for (const s of a.sections) {
    const before = run((q) => q.start < s.start);
    if (before.length) parts.push({ section: null, quotes: before });
    parts.push({ section: s, quotes: run((q) => q.start <= s.end) });
  }
  const after = run(() => true);
  if (after.length) parts.push({ section: null, quotes: after });

  const budget = bound({
    maxItems, sections: a.sections.length, runs: parts.length - a.sections.length,
    groups: (actors.length ? 1 : 0) + (places.length ? 1 : 0), quotes: quotes.length, entities: facts.length,
  });
  let left = budget.quotes;
  /** The symbols of a run of quotes: those the bound leaves room for, then a count of the rest. */
  const quoteSymbols = (run: Quote[]): DocumentSymbol[] => {
    const shown = run.slice(0, Math.max(0, left));
    left -= shown.length;
    const out = shown.map((q) => quoteSymbol(f, q));
    if (shown.length < run.length) out.push(moreSymbol(f, run.slice(shown.length), 'quote', SYMBOL_KINDS.quote));
    return out;
  };
  let sections = 0;
  for (const [i, part] of parts.entries()) {
    const s = part.section;
    if (!s) {
      article.children!.push(...quoteSymbols(part.quotes));
      continue;
    }
    if (sections++ === budget.sections) {
      // Sections past the bound: one entry, leading to the first of them.
      const rest = parts.slice(i).filter((x) => x.section).map((x) => x.section!);
      article.children!.push(moreSymbol(f, rest, 'section', SYMBOL_KINDS.section));
      break;
    }
    let end = s.end;
    for (const q of part.quotes) end = Math.max(end, q.end);
    article.children!.push({
      name: s.title || '(untitled section)',
      kind: SYMBOL_KINDS.section,
      range: toRange(f, { start: s.start, end }),
      selectionRange: toRange(f, s.heading ?? { start: s.start, end: s.start }),
      children: quoteSymbols(part.quotes),
    });
  }

  // The entities the bound leaves room for: the most mentioned (first mention breaks ties).
  const kept = new Set(facts.length <= budget.entities ? facts
    : [...facts].sort((x, y) => y.mentions.length - x.mentions.length || x.mentions[0].start - y.mentions[0].start).slice(0, budget.entities));
  const out = [article];
  for (const [name, group, kind] of [['Actors', actors, SYMBOL_KINDS.actor], ['Places', places, SYMBOL_KINDS.place]] as const) {
    if (!group.length) continue;
    group.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
    const children = group.filter((x) => kept.has(x)).map((x) => entitySymbol(f, x, kind));
    const dropped = group.filter((x) => !kept.has(x)).map((x) => x.mentions[0]);
    if (dropped.length) children.push(moreSymbol(f, dropped, name === 'Actors' ? 'actor' : 'place', kind));
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

export interface OutlineSize {
  maxItems: number;
  sections: number;
  /** Runs of quotes outside every section (before, between or after sections). */
  runs: number;
  /** Actors and Places groups (0 to 2). */
  groups: number;
  quotes: number;
  entities: number;
}

/**
 * How many sections, quotes and entities an outline bound to `maxItems` symbols lists.
 * Past the bound, every listed section, run of quotes and group may end in a "+ N more"
 * entry, and the sections past the room for that are one "+ N more sections" entry: all
 * counted in the bound. Entities get up to a quarter of what is left when quotes need
 * the rest. (Only a bound too small for the article, its groups and their entries is
 * exceeded: see the setting's minimum.)
 */
export function bound(x: OutlineSize): { sections: number; quotes: number; entities: number } {
  const { maxItems, sections, runs, groups, quotes, entities } = x;
  if (1 + groups + sections + quotes + entities <= maxItems) return { sections, quotes, entities };
  const base = 1 + 2 * groups + runs;
  const shown = Math.min(sections, Math.max(0, Math.floor((maxItems - base - 1) / 2)));
  const reserved = base + 2 * shown + (shown < sections ? 1 : 0);
  const room = Math.max(0, maxItems - reserved);
  const entityRoom = quotes > 0 ? Math.min(entities, Math.floor(room / 4)) : Math.min(entities, room);
  return { sections: shown, quotes: Math.min(quotes, room - entityRoom), entities: entityRoom };
}

function moreSymbol(f: AnalyzedText, items: Span[], what: string, kind: SymbolKind): DocumentSymbol {
  let end = 0;
  for (const x of items) end = Math.max(end, x.end);
  return {
    name: `+ ${items.length} more ${what}${items.length === 1 ? '' : 's'}`,
    detail: 'outline limit: seedAnnotator.outline.maxItems',
    kind,
    range: toRange(f, { start: items[0].start, end }),
    selectionRange: toRange(f, items[0]),
  };
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

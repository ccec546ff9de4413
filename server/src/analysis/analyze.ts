// The analysis pipeline: string in, typed spans out. Paragraph-local work (dates,
// entity mentions) is cached by paragraph text, so re-analysing an edited long
// article only redoes the paragraphs that changed.
import { detectDates } from './dates';
import { headerDiagnostics, quoteDiagnostics } from './diagnostics';
import { detectEntities } from './entities';
import { resolveEntities } from './resolve';
import { buildGazetteer, Gazetteer } from './gazetteer';
import { buildSections, parseHeader, splitParagraphs } from './header';
import { findQuotes } from './quotes';
import { attributeSpeakers } from './speakers';
import type { Analysis, AnalyzeOptions, DateMention, Entity } from './types';

interface ParagraphResult {
  dates: DateMention[];
  mentions: Entity[];
  used: number;
}

/** Paragraph-level results of earlier runs; keep one per open document. */
export class AnalysisCache {
  private readonly map = new Map<string, ParagraphResult>();
  private context = '';
  private generation = 0;
  hits = 0;
  misses = 0;

  /** @internal */ begin(context: string): number {
    if (context !== this.context) {
      this.map.clear();
      this.context = context;
    }
    return ++this.generation;
  }
  /** @internal */ get(paragraph: string, compute: () => Omit<ParagraphResult, 'used'>): ParagraphResult {
    let r = this.map.get(paragraph);
    if (r) this.hits++;
    else {
      this.misses++;
      r = { ...compute(), used: 0 };
      this.map.set(paragraph, r);
    }
    r.used = this.generation;
    return r;
  }
  /** @internal */ end(): void {
    for (const [k, v] of this.map) if (v.used !== this.generation) this.map.delete(k);
  }
  get size(): number {
    return this.map.size;
  }
}

const defaultGazetteer = { value: null as Gazetteer | null };

export function analyze(input: string, options: AnalyzeOptions = {}, cache?: AnalysisCache): Analysis {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const gazetteer = options.gazetteer?.length
    ? buildGazetteer(options.gazetteer)
    : (defaultGazetteer.value ??= buildGazetteer());
  const header = parseHeader(text);
  const referenceDate = header?.date ?? options.date ?? null;
  const bodyStart = header ? header.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart);
  const sections = buildSections(text, header, paragraphs);

  const local = cache ?? new AnalysisCache();
  local.begin(`${referenceDate}|${gazetteer.key}`);
  const dates: DateMention[] = [];
  const mentions: Entity[] = [];
  for (const p of paragraphs) {
    const body = text.slice(p.start, p.end);
    const r = local.get(body, () => ({ dates: detectDates(body, referenceDate), mentions: detectEntities(body, gazetteer) }));
    for (const d of r.dates) dates.push({ ...d, start: d.start + p.start, end: d.end + p.start });
    for (const m of r.mentions) mentions.push({ ...m, start: m.start + p.start, end: m.end + p.start });
  }
  local.end();

  const { places, actors } = resolveEntities(text, mentions, gazetteer);
  const quotes = attributeSpeakers(text, paragraphs, findQuotes(text, paragraphs), actors);
  const diagnostics = [...headerDiagnostics(text, header, !!options.date), ...quoteDiagnostics(quotes)]
    .sort((a, b) => a.start - b.start || a.end - b.end);
  return { header, referenceDate, paragraphs, sections, quotes, dates, places, actors, diagnostics };
}

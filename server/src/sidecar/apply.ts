// Human annotations over a machine analysis. Pure. Human work wins: an annotated
// speaker replaces the guessed one, `speech: false` makes a quote a term,
// `status: rejected` removes the machine finding, annotated dates, places and
// actors replace or add findings; orphans become warnings.
import { analyze } from '../analysis/analyze';
import type { AnalysisCache } from '../analysis/analyze';
import { quoteDiagnostics } from '../analysis/diagnostics';
import { lazily } from '../analysis/incremental';
import { paragraphAt } from '../analysis/speakers';
import type { Analysis, AnalyzeOptions, DateMention, Diagnostic, Entity, GazetteerEntry, Paragraph, Quote, Span } from '../analysis/types';
import { ArraySeq, overlappingQuotes, quoteListOf, type QuoteSeq } from '../analysis/quoteList';
import { anchor, type AnchorResult, type Anchored } from './anchor';
import type { Annotation } from './format';

/**
 * The analysis with the annotations applied. Only what an annotation changes is read: on
 * a long article the machine's lists are built in document offsets when first read (see
 * analysis/incremental.ts), and typing reads only the diagnostics, so the quote
 * annotations are matched against the chunked quotes by position, the diagnostics are
 * the machine's with the changed quotes' own replaced, and every list is built when read.
 */
export function applyAnnotations(analysis: Analysis, anchoring: AnchorResult, textLength?: number): Analysis {
  const byKind = (k: Annotation['kind']) => anchoring.anchored.filter((a) => a.annotation.kind === k).sort((a, b) => a.start - b.start);
  const quoteWork = new QuoteEdits(analysis);
  for (const a of byKind('quote')) quoteWork.apply(a);
  const fields: Lazy<Analysis> = {
    quotes: () => quoteWork.quotes(),
    diagnostics: () => {
      // Quote diagnostics come from the final quotes (one source of truth for their
      // wording): the machine's, but for the quotes annotations changed.
      const gone = new Map<string, number>();
      for (const d of quoteDiagnostics(quoteWork.removed())) {
        const key = diagnosticKey(d);
        gone.set(key, (gone.get(key) ?? 0) + 1);
      }
      const limit = textLength ?? Math.max(0, ...analysis.paragraphs.map((p) => p.end), ...quoteWork.quotes().map((q) => q.end));
      const kept = gone.size ? analysis.diagnostics.filter((d) => {
        const key = diagnosticKey(d);
        const n = gone.get(key);
        if (!n) return true;
        gone.set(key, n - 1);
        return false;
      }) : analysis.diagnostics;
      return [...kept, ...quoteDiagnostics(quoteWork.added()), ...anchoring.orphans.map((o) => orphanDiagnostic(o, limit))]
        .sort((x, y) => x.start - y.start || x.end - y.end);
    },
  };
  const dateAnnotations = byKind('date');
  if (dateAnnotations.length) fields.dates = () => annotatedDates(analysis.dates, dateAnnotations);
  const entityAnnotations = [...byKind('place'), ...byKind('actor')];
  if (entityAnnotations.length) {
    let both: { places: Entity[]; actors: Entity[] } | undefined;
    const entities = () => (both ??= annotatedEntities(analysis.places, analysis.actors, entityAnnotations));
    fields.places = () => entities().places;
    fields.actors = () => entities().actors;
  }
  return withFields(analysis, fields);
}

/**
 * Quote annotations applied in order, each to the quote it overlaps most (at least half
 * of their union), as if on a copy of the machine's list where replaced quotes stay in
 * place, removed ones go and new ones are appended; the machine's list is read by
 * position and copied only when the result is read.
 */
class QuoteEdits {
  private readonly seq: QuoteSeq;
  /** Machine index → its replacement (null: removed). */
  private readonly changed = new Map<number, Quote | null>();
  /** Annotated quotes that replaced none, in order. */
  private readonly appended: Quote[] = [];
  private final: Quote[] | undefined;

  constructor(private readonly analysis: Analysis) {
    this.seq = quoteListOf(analysis) ?? new ArraySeq(analysis.quotes);
  }

  apply(a: Anchored): void {
    const ann = a.annotation;
    const best = this.bestOverlap(a);
    if (ann.status === 'rejected') {
      if (best) this.set(best, null);
      return;
    }
    const machine = best ? best.quote : null;
    const kind = ann.speech === false ? 'term' : ann.speaker || ann.speech === true ? 'speech' : (machine?.kind ?? 'speech');
    const speaker = kind === 'term'
      ? null
      : ann.speaker
        // The annotation names the speaker but not a mention: the quote itself is the evidence.
        ? { start: a.start, end: a.end, name: ann.speaker, text: ann.speaker, via: 'annotation' as const }
        : (machine?.speaker ?? null);
    const q: Quote = {
      start: a.start, end: a.end, text: ann.target.exact, kind, speaker,
      cue: speaker && machine?.speaker === speaker ? machine.cue : null,
      cueSpan: speaker && machine?.speaker === speaker ? machine.cueSpan : null,
      closed: machine?.closed ?? true,
      paragraphs: machine?.paragraphs ?? paragraphsOver(this.analysis.paragraphs, a),
    };
    if (best) this.set(best, q);
    else this.appended.push(q);
  }

  /** The quotes with the annotations applied, sorted by position. */
  quotes(): Quote[] {
    if (this.final) return this.final;
    const out: Quote[] = [];
    const machine = this.analysis.quotes;
    for (let i = 0; i < machine.length; i++) {
      const c = this.changed.get(i);
      if (c === undefined) out.push(machine[i]);
      else if (c) out.push(c);
    }
    out.push(...this.appended);
    return (this.final = out.sort((x, y) => x.start - y.start || x.end - y.end));
  }

  /** The machine's quotes that annotations replaced or removed. */
  removed(): Quote[] {
    return [...this.changed.keys()].sort((x, y) => x - y).map((i) => this.seq.at(i));
  }

  /** The quotes annotations made (replacements and new ones). */
  added(): Quote[] {
    const out: Quote[] = [];
    for (const q of this.changed.values()) if (q) out.push(q);
    return [...out, ...this.appended];
  }

  private set(at: Candidate, q: Quote | null): void {
    if (at.machine !== undefined) this.changed.set(at.machine, q);
    else if (q) this.appended[at.appended!] = q;
    else this.appended.splice(at.appended!, 1);
  }

  /** The quote `a` overlaps by at least half of their union (of equals, the last in list order). */
  private bestOverlap(a: Anchored): Candidate | null {
    // Machine quotes in list order: those overlapping as the machine found them, and those
    // an earlier annotation replaced (their spans are the annotation's now).
    const indices = new Set(overlappingQuotes(this.seq, a.start, a.end));
    for (const [i, q] of this.changed) if (q && overlaps(q, a)) indices.add(i);
    let best: Candidate | null = null;
    let bestRatio = 0.5;
    const consider = (quote: Quote, where: Omit<Candidate, 'quote'>) => {
      const inter = Math.min(quote.end, a.end) - Math.max(quote.start, a.start);
      const ratio = inter / (Math.max(quote.end, a.end) - Math.min(quote.start, a.start));
      if (inter > 0 && ratio >= bestRatio) { best = { quote, ...where }; bestRatio = ratio; }
    };
    for (const i of [...indices].sort((x, y) => x - y)) {
      const c = this.changed.get(i);
      if (c !== null) consider(c ?? this.seq.at(i), { machine: i });
    }
    this.appended.forEach((q, k) => consider(q, { appended: k }));
    return best;
  }
}

interface Candidate {
  quote: Quote;
  machine?: number;
  appended?: number;
}

/** How many paragraphs a span reaches into (at least one). */
function paragraphsOver(paragraphs: Paragraph[], a: Span): number {
  let n = 0;
  for (let i = paragraphAt(paragraphs, a.start); i < paragraphs.length && paragraphs[i].start < a.end; i++) if (overlaps(paragraphs[i], a)) n++;
  return Math.max(1, n);
}

function annotatedDates(machine: readonly DateMention[], annotated: readonly Anchored[]): DateMention[] {
  let dates = machine.slice();
  for (const a of annotated) {
    const ann = a.annotation;
    const hits = dates.filter((d) => overlaps(d, a));
    dates = dates.filter((d) => !overlaps(d, a));
    if (ann.status === 'rejected') continue;
    const value = ann.value ?? hits[0]?.value;
    if (value) dates.push({ start: a.start, end: a.end, text: ann.target.exact, value } satisfies DateMention);
    else dates.push(...hits);
  }
  return byStart(dates);
}

function annotatedEntities(machinePlaces: readonly Entity[], machineActors: readonly Entity[], annotated: readonly Anchored[]): { places: Entity[]; actors: Entity[] } {
  let places = machinePlaces.slice();
  let actors = machineActors.slice();
  for (const a of annotated) {
    const ann = a.annotation;
    const kind = ann.kind as 'place' | 'actor';
    const previous = [...places, ...actors].find((e) => overlaps(e, a));
    if (ann.status === 'rejected') {
      // Rejecting "Karabakh as a place" leaves an actor reading of the same words alone.
      if (kind === 'place') places = places.filter((e) => !overlaps(e, a));
      else actors = actors.filter((e) => !overlaps(e, a));
      continue;
    }
    places = places.filter((e) => !overlaps(e, a));
    actors = actors.filter((e) => !overlaps(e, a));
    const e: Entity = { start: a.start, end: a.end, kind, text: ann.target.exact, name: ann.name ?? previous?.name ?? ann.target.exact };
    if (kind === 'actor') {
      const type = ann.type ?? (previous?.kind === 'actor' ? previous.type : undefined);
      if (type) e.type = type;
    }
    (kind === 'place' ? places : actors).push(e);
  }
  return { places: byStart(places), actors: byStart(actors) };
}

function byStart<T extends Span>(xs: T[]): T[] {
  return xs.sort((x, y) => x.start - y.start || x.end - y.end);
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.code}\u0000${d.start}\u0000${d.end}`;
}

type Lazy<T> = { [K in keyof T]?: () => T[K] };

/**
 * `analysis` with some fields replaced by values computed on first read, and the others
 * as they are: a field the analysis computes on first read stays so (a spread would read
 * it: the outline of a long article, which joins its whole text, on every keystroke).
 */
function withFields(analysis: Analysis, fields: Lazy<Analysis>): Analysis {
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(analysis)) as Analysis;
  for (const [key, make] of Object.entries(fields) as [keyof Analysis, () => never][]) lazily(out, key, make);
  return out;
}

export function orphanDiagnostic(o: Annotation, textLength: number): Diagnostic {
  const at = Math.min(o.target.start ?? 0, textLength);
  const exact = o.target.exact.replace(/\s+/g, ' ');
  const preview = exact.length > 50 ? exact.slice(0, 49) + '…' : exact;
  return {
    start: at, end: Math.min(at + 1, textLength), severity: 'warning', code: 'orphaned-annotation',
    message: `Annotation ${o.id} (${o.kind}) no longer matches the text: "${preview}". It is kept in the sidecar; re-annotate or delete it.`,
  };
}

/**
 * Places and actors the user annotated, as gazetteer entries (origin 'user'), so
 * one annotation teaches every article. Same kind and name merge their aliases.
 */
export function gazetteerFromAnnotations(annotations: readonly Annotation[]): GazetteerEntry[] {
  const byKey = new Map<string, GazetteerEntry>();
  for (const a of annotations) {
    if ((a.kind !== 'place' && a.kind !== 'actor') || a.status === 'rejected') continue;
    const name = (a.name ?? a.target.exact).trim();
    if (!name) continue;
    const key = `${a.kind}\u0000${name.toLowerCase()}`;
    const entry = byKey.get(key) ?? { name, kind: a.kind, origin: 'user' as const };
    const aliases = new Set(entry.aliases ?? []);
    const mention = a.target.exact.trim().replace(/\s+/g, ' ');
    // The annotated words teach other articles only when they look like a name:
    // "he" or "the mayor" mean someone else elsewhere.
    const taught = isNameLike(mention) ? [mention] : [];
    for (const s of [...(a.aliases ?? []), ...taught]) if (s && s.toLowerCase() !== name.toLowerCase()) aliases.add(s);
    if (aliases.size) entry.aliases = [...aliases];
    if (a.kind === 'actor' && a.type && !entry.type) entry.type = a.type;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * The whole pipeline with a file's annotations: their places and actors join the
 * gazetteer (with `extraGazetteer`, e.g. from the other sidecars of the
 * workspace), then the text is analysed, the annotations anchored and applied.
 * What `analyze`, `check`, `export` and the language server all use.
 */
export function analyzeWithAnnotations(
  input: string,
  annotations: readonly Annotation[],
  options: AnalyzeOptions = {},
  cache?: AnalysisCache,
): { analysis: Analysis; anchoring: AnchorResult; text: string } {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const gazetteer = mergeGazetteers(options.gazetteer ?? [], gazetteerFromAnnotations(annotations));
  const machine = analyze(text, { ...options, gazetteer: gazetteer.length ? gazetteer : undefined }, cache);
  const anchoring = anchor(text, annotations);
  return { analysis: applyAnnotations(machine, anchoring, text.length), anchoring, text };
}

const NOT_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'who', 'one']);

function isNameLike(s: string): boolean {
  return s.length >= 2 && s.length <= 80 && /^[\p{Lu}\p{Nd}]/u.test(s) && !NOT_NAMES.has(s.toLowerCase()) && !/[\n“”"«»]/.test(s);
}

/** Gazetteer entries with duplicates (same kind and name) merged. */
export function mergeGazetteers(...lists: (readonly GazetteerEntry[])[]): GazetteerEntry[] {
  const byKey = new Map<string, GazetteerEntry>();
  for (const e of lists.flat()) {
    const key = `${e.kind}\u0000${e.name.toLowerCase()}`;
    const prev = byKey.get(key);
    if (!prev) byKey.set(key, { ...e, aliases: e.aliases ? [...e.aliases] : undefined });
    else {
      const aliases = new Set([...(prev.aliases ?? []), ...(e.aliases ?? [])]);
      if (aliases.size) prev.aliases = [...aliases];
      prev.type ??= e.type;
    }
  }
  return [...byKey.values()].map((e) => (e.aliases ? e : (({ aliases: _a, ...rest }) => rest)(e)));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}


// Human annotations over a machine analysis. Pure. Human work wins: an annotated
// speaker replaces the guessed one, `speech: false` makes a quote a term,
// `status: rejected` removes the machine finding, annotated dates, places and
// actors replace or add findings; orphans become warnings.
import { analyze } from '../analysis/analyze';
import type { AnalysisCache } from '../analysis/analyze';
import { quoteDiagnostics } from '../analysis/diagnostics';
import type { Analysis, AnalyzeOptions, DateMention, Diagnostic, Entity, GazetteerEntry, Quote, Span } from '../analysis/types';
import { anchor, type AnchorResult, type Anchored } from './anchor';
import type { Annotation } from './format';

export function applyAnnotations(analysis: Analysis, anchoring: AnchorResult, textLength?: number): Analysis {
  let quotes = analysis.quotes.slice();
  let dates = analysis.dates.slice();
  let places = analysis.places.slice();
  let actors = analysis.actors.slice();
  const byKind = (k: Annotation['kind']) => anchoring.anchored.filter((a) => a.annotation.kind === k).sort((a, b) => a.start - b.start);

  for (const a of byKind('quote')) {
    const ann = a.annotation;
    const i = bestOverlap(quotes, a);
    if (ann.status === 'rejected') {
      if (i !== -1) quotes.splice(i, 1);
      continue;
    }
    const machine = i === -1 ? null : quotes[i];
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
      paragraphs: machine?.paragraphs ?? Math.max(1, analysis.paragraphs.filter((p) => overlaps(p, a)).length),
    };
    if (i === -1) quotes.push(q);
    else quotes[i] = q;
  }

  for (const a of byKind('date')) {
    const ann = a.annotation;
    const hits = dates.filter((d) => overlaps(d, a));
    dates = dates.filter((d) => !overlaps(d, a));
    if (ann.status === 'rejected') continue;
    const value = ann.value ?? hits[0]?.value;
    if (value) dates.push({ start: a.start, end: a.end, text: ann.target.exact, value } satisfies DateMention);
    else dates.push(...hits);
  }

  for (const a of [...byKind('place'), ...byKind('actor')]) {
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

  const byStart = <T extends Span>(xs: T[]) => xs.sort((x, y) => x.start - y.start || x.end - y.end);
  quotes = byStart(quotes);
  const limit = textLength ?? Math.max(0, ...analysis.paragraphs.map((p) => p.end), ...quotes.map((q) => q.end));
  const orphanDiagnostics: Diagnostic[] = anchoring.orphans.map((o) => orphanDiagnostic(o, limit));
  // Quote diagnostics are recomputed from the final quotes: one source of truth for their wording.
  const diagnostics = [
    ...analysis.diagnostics.filter((d) => d.code !== 'unattributed-quote' && d.code !== 'unclosed-quote'),
    ...quoteDiagnostics(quotes),
    ...orphanDiagnostics,
  ].sort((x, y) => x.start - y.start || x.end - y.end);
  return withFields(analysis, { quotes, dates: byStart(dates), places: byStart(places), actors: byStart(actors), diagnostics });
}

/**
 * `analysis` with some fields replaced and the others as they are: a field computed on
 * first read stays so (a spread would read it: the outline of a long article, which joins
 * its whole text, would be built on every keystroke).
 */
function withFields(analysis: Analysis, fields: Partial<Analysis>): Analysis {
  const out = Object.defineProperties({}, Object.getOwnPropertyDescriptors(analysis)) as Analysis;
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
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

/**
 * Index of the finding that is the same passage as `a` (overlapping it by at
 * least half of their union: corrected boundaries still match, a phrase inside
 * a longer quote does not), or -1.
 */
function bestOverlap(spans: readonly Span[], a: Anchored): number {
  let best = -1;
  let bestRatio = 0.5;
  spans.forEach((s, i) => {
    const inter = Math.min(s.end, a.end) - Math.max(s.start, a.start);
    const ratio = inter / (Math.max(s.end, a.end) - Math.min(s.start, a.start));
    if (inter > 0 && ratio >= bestRatio) { best = i; bestRatio = ratio; }
  });
  return best;
}

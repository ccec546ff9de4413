// The one place where the language server meets the human annotations (YAML
// sidecars, `<file>.ann.yaml`), through the shared sidecar module. Everything
// else sees only: a parsed `Sidecar`, `applySidecar` (annotated analysis) and
// `gazetteerFromSidecars` (names annotated anywhere join the gazetteer).
import type { Analysis, GazetteerEntry, Quote } from '../analysis';
import type { Source } from '../analysis/pieceText';
import {
  anchor, applyAnnotations, gazetteerFromAnnotations, mergeGazetteers, parseSidecar as parseSidecarText,
  type Annotation,
} from '../sidecar';

export interface Sidecar {
  /** fs path of the sidecar file. */
  path: string;
  annotations: readonly Annotation[];
  /** Problems reading it (bad YAML, invalid entries), for the log; the file is then ignored. */
  errors: string[];
}

/** Parses a sidecar's text; never throws (a broken sidecar is reported and ignored). */
export function parseSidecar(path: string, text: string): Sidecar {
  try {
    const parsed = parseSidecarText(text);
    if (parsed.ok) return { path, annotations: parsed.sidecar.annotations, errors: [] };
    return { path, annotations: [], errors: parsed.errors.map((e) => `${e.line}:${e.col}: ${e.message}`) };
  } catch (e) {
    return { path, annotations: [], errors: [`cannot read the sidecar: ${(e as Error).message}`] };
  }
}

/** Which annotation produced each annotated quote (for hovers). */
const quoteAnnotations = new WeakMap<Analysis, Map<number, Annotation>>();

/** The analysis with the human annotations applied (they win over guesses); `text` may be in pieces. */
export function applySidecar(text: Source, analysis: Analysis, sidecar: Sidecar | undefined): Analysis {
  if (!sidecar?.annotations.length) return analysis;
  const anchoring = anchor(text, sidecar.annotations);
  const applied = applyAnnotations(analysis, anchoring, text.length);
  const byStart = new Map<number, Annotation>();
  for (const a of anchoring.anchored) if (a.annotation.kind === 'quote') byStart.set(a.start, a.annotation);
  quoteAnnotations.set(applied, byStart);
  return applied;
}

/** Places and actors annotated in any sidecar, for every file's gazetteer. */
export function gazetteerFromSidecars(sidecars: Iterable<Sidecar>): GazetteerEntry[] {
  const all: Annotation[] = [];
  // Sorted by path so the result (and the cache key built from it) is stable.
  for (const s of [...sidecars].sort((a, b) => a.path.localeCompare(b.path))) all.push(...s.annotations);
  return mergeGazetteers(gazetteerFromAnnotations(all));
}

/** The human annotation behind a quote, when there is one. */
export function quoteAnnotation(analysis: Analysis, quote: Quote): Annotation | null {
  return quoteAnnotations.get(analysis)?.get(quote.start) ?? null;
}

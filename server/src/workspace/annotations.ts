// The one place where the language server meets the human annotations (YAML
// sidecars, `<file>.ann.yaml`), through the shared sidecar module. Everything
// else sees only: a parsed `Sidecar`, `applySidecar` (annotated analysis) and
// `gazetteerFromSidecars` (names annotated anywhere join the gazetteer).
import type { Analysis, GazetteerEntry, Quote } from '../analysis';
import type { Source } from '../analysis/pieceText';
import {
  anchor, applyAnnotations, followEdits, gazetteerFromAnnotations, mergeGazetteers, parseSidecar as parseSidecarText, targetAt,
  type Annotation, type AnchorResult, type TextEdit,
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

/** An open document: its version, and the offset edits since an earlier one (LiveDocument). */
export interface EditedText {
  readonly version: number;
  editsSince(version: number): readonly TextEdit[] | null;
}

/**
 * An open document's annotations as placed in the version last analysed, carried through
 * its edits from then on, as the client moves them in the editor (annotations/store.ts).
 */
interface Followed {
  sidecar: Sidecar;
  version: number;
  annotations: readonly Annotation[];
  placed: ReadonlySet<Annotation>;
}

const followed = new WeakMap<EditedText, Followed>();

/**
 * The analysis with the human annotations applied (they win over guesses); `text` may be
 * in pieces. With `edited` (an open document whose offsets `text` shares), annotations
 * placed in the version analysed before follow the edits since then, so that anchoring
 * them is a check, not a search of the whole text per annotation on every key; a sidecar
 * read again starts from its stored targets.
 */
export function applySidecar(text: Source, analysis: Analysis, sidecar: Sidecar | undefined, edited?: EditedText): Analysis {
  if (!sidecar?.annotations.length) return analysis;
  const before = edited && followed.get(edited);
  const edits = before?.sidecar === sidecar ? edited!.editsSince(before.version) : null;
  const annotations = before && edits ? followEdits(before.annotations, (a) => before.placed.has(a), edits, text) : sidecar.annotations;
  const anchoring = anchor(text, annotations);
  if (edited) followed.set(edited, { sidecar, version: edited.version, ...placedIn(text, annotations, anchoring) });
  const applied = applyAnnotations(analysis, anchoring, text.length);
  const byStart = new Map<number, Annotation>();
  for (const a of anchoring.anchored) if (a.annotation.kind === 'quote') byStart.set(a.start, a.annotation);
  quoteAnnotations.set(applied, byStart);
  return applied;
}

/** The annotations with the anchored ones' targets where they were found (orphans as they were). */
function placedIn(text: Source, annotations: readonly Annotation[], anchoring: AnchorResult) {
  const found = new Map(anchoring.anchored.map((a) => [a.annotation, a]));
  const placed = new Set<Annotation>();
  const list = annotations.map((a) => {
    const at = found.get(a);
    if (!at) return a;
    const t = a.target;
    const here = t.start === at.start && t.end === at.end ? a : { ...a, target: targetAt(text, at.start, at.end) };
    placed.add(here);
    return here;
  });
  return { annotations: list, placed };
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

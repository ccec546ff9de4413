// How an annotation command changes a file's list of annotations, without `vscode`
// (unit-tested in test/unit/client/edits.test.ts).
import { targetAt } from '../../../server/src/sidecar/anchor';
import { newAnnotationId, type Annotation, type AnnotationKind } from '../../../server/src/sidecar/format';

export type Fields = Partial<Pick<Annotation, 'speaker' | 'speech' | 'name' | 'type' | 'value' | 'note'>>;

/** The annotation with `fields` set; a field given as undefined or '' is removed. */
export function withFields(a: Annotation, fields: Fields): Annotation {
  const out = { ...a } as Record<string, unknown>;
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === '') delete out[k];
    else out[k] = v;
  }
  return out as unknown as Annotation;
}

export interface Upsert {
  /** The text the offsets count in (the editor's). */
  text: string;
  start: number;
  end: number;
  kind: AnnotationKind;
  fields: Fields;
  /** Ids that could not be anchored: they have no place, so they never match. */
  orphans: ReadonlySet<string>;
  /** Timestamp for created / updated. */
  now: string;
}

/**
 * Updates the annotation of `kind` already on the span (for quotes: any quote annotation
 * overlapping it, a quote being one unit), else appends a new one. Returns the new list
 * and the id of the annotation saved.
 */
export function upsertAnnotation(list: readonly Annotation[], u: Upsert): { list: Annotation[]; id: string } {
  const placed = list.filter((a) => !u.orphans.has(a.id) && a.target.start !== undefined && a.target.end !== undefined);
  const existing = placed.find((a) => a.kind === u.kind && (u.kind === 'quote'
    ? a.target.start! < u.end && u.start < a.target.end!
    : a.target.start === u.start && a.target.end === u.end));
  if (existing) {
    return { id: existing.id, list: list.map((a) => (a === existing ? withFields({ ...a, updated: u.now }, u.fields) : a)) };
  }
  const id = newAnnotationId(new Set(list.map((a) => a.id)));
  const fresh = withFields({ id, kind: u.kind, target: targetAt(u.text, u.start, u.end), created: u.now }, u.fields);
  return { id, list: [...list, fresh] };
}

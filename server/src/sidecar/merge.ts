// Three-way merge by id, for two writers of one sidecar (the editor and a git
// pull, a colleague, a second window). Pure. Nothing is lost: a change on either
// side is kept; the same annotation changed differently on both sides keeps the
// disk version under its id and ours under a new id (reported as a conflict).
// A deletion on one side wins only over an unchanged annotation on the other.
import { newAnnotationId, type Annotation } from './format';

export interface MergeConflict {
  /** The id both sides changed; the disk version keeps it. */
  id: string;
  /** The new id our version was saved under. */
  newId: string;
}

export interface MergeResult {
  annotations: Annotation[];
  conflicts: MergeConflict[];
}

/**
 * `base`: the annotations as last read from disk; `ours`: what we want to write;
 * `disk`: what is on disk now. Order: the disk's, then ours that are new.
 */
export function mergeAnnotations(base: readonly Annotation[], ours: readonly Annotation[], disk: readonly Annotation[]): MergeResult {
  const baseById = new Map(base.map((a) => [a.id, a]));
  const oursById = new Map(ours.map((a) => [a.id, a]));
  const diskIds = new Set(disk.map((a) => a.id));
  const taken = new Set([...base, ...ours, ...disk].map((a) => a.id));
  const out: Annotation[] = [];
  const conflicts: MergeConflict[] = [];
  const rename = (a: Annotation): Annotation => {
    const newId = newAnnotationId(taken);
    taken.add(newId);
    conflicts.push({ id: a.id, newId });
    return { ...a, id: newId };
  };
  const late: Annotation[] = [];

  for (const d of disk) {
    const b = baseById.get(d.id);
    const o = oursById.get(d.id);
    if (!o) {
      // We deleted it (or never had it): keep it unless we deleted an unchanged one.
      if (!b || !same(b, d)) out.push(d);
      continue;
    }
    if (same(o, d) || (b && same(o, b))) out.push(d);
    else if (b && same(d, b)) out.push(o);
    else {
      out.push(d);
      late.push(rename(o));
    }
  }
  for (const o of ours) {
    if (diskIds.has(o.id)) continue;
    const b = baseById.get(o.id);
    // Deleted on disk: gone if we had not changed it, else ours survives.
    if (b && same(b, o)) continue;
    out.push(o);
  }
  out.push(...late);
  return { annotations: out, conflicts };
}

function same(a: Annotation, b: Annotation): boolean {
  return canonical(a) === canonical(b);
}

function canonical(a: Annotation): string {
  return JSON.stringify(a, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([x], [y]) => (x < y ? -1 : 1))) : v));
}

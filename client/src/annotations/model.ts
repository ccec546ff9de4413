// The editor-independent part of the client: what the tree, the CodeLenses, the status
// bar and the navigation commands show, computed from plain data. No `vscode` import
// here, so all of it is unit-tested in test/unit/client/.

export interface SpanLike {
  start: number;
  end: number;
}

/** One annotation as the UI shows it (mapped from the sidecar's records). */
export interface AnnotationView extends SpanLike {
  id: string;
  /** Display kind: quote (speech), term (a quote marked not speech), place, actor, date, note. */
  kind: string;
  /** The annotated text as it was when anchored. */
  exact: string;
  /** Speaker, canonical name or normalised date, by kind. */
  value?: string;
  note?: string;
  /** Could not be found in the current text: no valid span. */
  orphan: boolean;
}

/** A quote as the analysis sees it (after human annotations were applied). */
export interface QuoteView extends SpanLike {
  kind: 'speech' | 'term';
  speaker: string | null;
  /** How the speaker was found; 'annotation' = a person said so. */
  via: string | null;
}

const KIND_LABELS: Record<string, string> = {
  quote: 'Quotes',
  term: 'Terms',
  place: 'Places',
  actor: 'Actors',
  date: 'Dates',
  note: 'Notes',
};
const KIND_ORDER = ['quote', 'term', 'actor', 'place', 'date', 'note'];

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

/** A short one-line excerpt for labels. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

// ---------------------------------------------------------------- the tree

export type TreeNode =
  | { type: 'file'; id: string; uri: string; label: string; count: number; error?: string; children: TreeNode[] }
  | { type: 'kind'; id: string; uri: string; kind: string; label: string; count: number; children: TreeNode[] }
  | { type: 'group'; id: string; uri: string; label: string; count: number; children: TreeNode[] }
  | { type: 'orphans'; id: string; uri: string; label: string; count: number; children: TreeNode[] }
  | { type: 'annotation'; id: string; uri: string; annotation: AnnotationView; label: string; description: string; children: [] };

export interface FileAnnotations {
  uri: string;
  /** Shown for the file node (workspace-relative path). */
  label: string;
  annotations: AnnotationView[];
  /** The sidecar could not be read: shown instead of annotations. */
  error?: string;
}

/** Kinds whose annotations are grouped a third level down, by their value (the speaker, the name). */
const GROUPED_KINDS = new Set(['quote', 'actor', 'place']);
const UNNAMED: Record<string, string> = { quote: '(no speaker)' };

/**
 * The Annotations view: file → kind → speaker/name → annotation, orphans in a group of
 * their own under each file. Files without annotations (and without error) are left out.
 */
export function buildTree(files: FileAnnotations[]): TreeNode[] {
  const out: TreeNode[] = [];
  for (const f of [...files].sort((a, b) => a.label.localeCompare(b.label))) {
    if (!f.error && f.annotations.length === 0) continue;
    const placed = f.annotations.filter((a) => !a.orphan).sort(byPosition);
    const orphans = f.annotations.filter((a) => a.orphan);
    const byKind = new Map<string, AnnotationView[]>();
    for (const a of placed) byKind.set(a.kind, [...(byKind.get(a.kind) ?? []), a]);
    const children: TreeNode[] = [];
    for (const kind of [...byKind.keys()].sort(kindOrder)) {
      const list = byKind.get(kind)!;
      const kindId = `${f.uri}#${kind}`;
      const leaves = GROUPED_KINDS.has(kind) ? groupByValue(f.uri, kindId, list) : list.map((a) => leaf(f.uri, a));
      children.push({ type: 'kind', id: kindId, uri: f.uri, kind, label: kindLabel(kind), count: list.length, children: leaves });
    }
    if (orphans.length) {
      children.push({
        type: 'orphans', id: `${f.uri}#orphans`, uri: f.uri, label: 'Orphaned', count: orphans.length,
        children: orphans.map((a) => leaf(f.uri, a)),
      });
    }
    out.push({ type: 'file', id: f.uri, uri: f.uri, label: f.label, count: f.annotations.length, error: f.error, children });
  }
  return out;
}

function groupByValue(uri: string, parentId: string, list: AnnotationView[]): TreeNode[] {
  const groups = new Map<string, AnnotationView[]>();
  for (const a of list) {
    const key = a.value?.trim() || (UNNAMED[a.kind] ?? '(unnamed)');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.keys()]
    .sort((a, b) => a.localeCompare(b))
    .map((key) => ({
      type: 'group' as const, id: `${parentId}/${key}`, uri, label: key, count: groups.get(key)!.length,
      children: groups.get(key)!.map((a) => leaf(uri, a)),
    }));
}

function leaf(uri: string, a: AnnotationView): TreeNode {
  const detail = a.note ? excerpt(a.note, 40) : a.value && !GROUPED_KINDS.has(a.kind) ? a.value : '';
  return { type: 'annotation', id: `${uri}@${a.id}`, uri, annotation: a, label: excerpt(a.exact) || '(empty)', description: detail, children: [] };
}

function kindOrder(a: string, b: string): number {
  const ia = KIND_ORDER.indexOf(a), ib = KIND_ORDER.indexOf(b);
  return (ia === -1 ? 99 : ia) - (ib === -1 ? 99 : ib) || a.localeCompare(b);
}

export function byPosition(a: SpanLike, b: SpanLike): number {
  return a.start - b.start || a.end - b.end;
}

// ---------------------------------------------------------------- CodeLens and status bar

/** The CodeLens title above a quote. */
export function codeLensTitle(q: QuoteView): string {
  if (q.kind === 'term') return 'term (not speech)';
  if (!q.speaker) return 'attribute…';
  return q.via === 'annotation' ? `$(person) ${q.speaker} ✓` : `$(person) ${q.speaker}`;
}

export interface QuoteCounts {
  attributed: number;
  total: number;
  /** Attributed by a person (a sidecar annotation). */
  human: number;
}

/** Speech quotes only: a term in quotation marks needs no speaker. */
export function countQuotes(quotes: QuoteView[]): QuoteCounts {
  const speech = quotes.filter((q) => q.kind === 'speech');
  return {
    total: speech.length,
    attributed: speech.filter((q) => q.speaker).length,
    human: speech.filter((q) => q.speaker && q.via === 'annotation').length,
  };
}

export function statusText(c: QuoteCounts): string {
  return `$(quote) ${c.attributed}/${c.total}`;
}

export function statusTooltip(c: QuoteCounts): string {
  if (c.total === 0) return 'No quotes in this article';
  const missing = c.total - c.attributed;
  const parts = [`${c.attributed} of ${c.total} quotes attributed`, `${c.human} by you`];
  if (missing) parts.push(`${missing} without a speaker`);
  return parts.join(' · ');
}

// ---------------------------------------------------------------- navigation and lookup

/**
 * The annotation after (dir 1) or before (dir -1) the cursor offset, wrapping around the
 * file. Orphans have no place and are skipped. Undefined when there is none.
 */
export function nextAnnotation<T extends SpanLike & { orphan?: boolean }>(list: T[], offset: number, dir: 1 | -1): T | undefined {
  const placed = list.filter((a) => !a.orphan).sort(byPosition);
  if (!placed.length) return undefined;
  if (dir === 1) return placed.find((a) => a.start > offset) ?? placed[0];
  for (let i = placed.length - 1; i >= 0; i--) if (placed[i].start < offset) return placed[i];
  return placed[placed.length - 1];
}

/** The innermost span containing [start, end] (a cursor when start === end). */
export function spanAt<T extends SpanLike & { orphan?: boolean }>(list: T[], start: number, end = start): T | undefined {
  let best: T | undefined;
  for (const a of list) {
    if (a.orphan || a.start > start || a.end < end) continue;
    if (!best || a.end - a.start < best.end - best.start) best = a;
  }
  return best;
}

/** Trims whitespace off a selection, so `  word ` annotates `word`. */
export function trimSpan(text: string, start: number, end: number): SpanLike {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Actor names to offer, most relevant first, each once (case-insensitive). */
export function mergeNames(...lists: (readonly string[] | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const list of lists) {
    for (const raw of list ?? []) {
      const name = raw.trim();
      const key = name.toLocaleLowerCase();
      if (!name || seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

// ---------------------------------------------------------------- from sidecar records

/** The fields of a sidecar annotation the UI needs (see server/src/sidecar/format.ts). */
export interface SidecarRecord {
  id: string;
  kind: string;
  target: { exact: string };
  speaker?: string;
  speech?: boolean;
  value?: string;
  name?: string;
  note?: string;
  status?: string;
}

/** Maps a sidecar record and where it sits now (null: orphaned) to what the UI shows. */
export function toView(a: SidecarRecord, span: SpanLike | null): AnnotationView {
  const kind = a.kind === 'quote' && a.speech === false ? 'term' : a.kind;
  const value = a.kind === 'quote' ? a.speaker : a.kind === 'date' ? a.value : a.name;
  const view: AnnotationView = {
    id: a.id, kind, exact: a.target.exact,
    start: span?.start ?? -1, end: span?.end ?? -1, orphan: !span,
  };
  if (value) view.value = value;
  if (a.note) view.note = a.status === 'rejected' ? `rejected · ${a.note}` : a.note;
  else if (a.status === 'rejected') view.note = 'rejected';
  return view;
}

/** A TIMEX3-style date value as annotations store it: 2023, 2023-03, 2023-03-25, 2023-W14. */
export function isDateValue(v: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2}))?$/.exec(v);
  if (!m) return false;
  const [, y, mo, d, w] = m;
  if (w) return +w >= 1 && +w <= 53;
  if (mo && (+mo < 1 || +mo > 12)) return false;
  if (d) return +d >= 1 && +d <= new Date(Date.UTC(+y, +mo, 0)).getUTCDate();
  return true;
}

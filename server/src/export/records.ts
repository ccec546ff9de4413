// What every export format starts from: one article's annotations as flat
// records, human ones (from the sidecar, anchored to the current text) and,
// on request, the machine findings that no human annotation covers. Pure.
import type { Analysis, ActorType, Span } from '../analysis/types';
import { targetAt, type AnchorResult } from '../sidecar/anchor';
import type { Annotation, AnnotationKind, AnnotationStatus } from '../sidecar/format';

export type Origin = 'human' | 'detected';

export interface ExportRecord {
  id: string;
  kind: AnnotationKind;
  origin: Origin;
  /** UTF-16 offsets into the text (BOM removed). */
  start: number;
  end: number;
  exact: string;
  prefix?: string;
  suffix?: string;
  speaker?: string;
  speech?: boolean;
  value?: string;
  name?: string;
  type?: ActorType;
  aliases?: string[];
  status?: AnnotationStatus;
  note?: string;
  tags?: string[];
  created?: string;
  updated?: string;
}

export interface ArticleExport {
  /** The file as shown to the user (relative, forward slashes). */
  file: string;
  /** The text the offsets count in (BOM removed). */
  text: string;
  date: string | null;
  title: string | null;
  records: ExportRecord[];
  /** Annotations that no longer match the text: not exported, reported. */
  orphans: Annotation[];
}

const KIND_ORDER: Record<AnnotationKind, number> = { quote: 0, date: 1, place: 2, actor: 3, note: 4 };

/**
 * Records of one article. `analysis` is the analysis with the annotations
 * applied (so detected findings carry the corrections), `anchoring` the
 * annotations anchored to `text`.
 */
export function collectRecords(file: string, text: string, analysis: Analysis, anchoring: AnchorResult, includeDetected: boolean): ArticleExport {
  const records: ExportRecord[] = anchoring.anchored.map((a) => humanRecord(text, a.annotation, a.start, a.end));
  if (includeDetected) {
    const covered = (group: string, s: Span) =>
      records.some((r) => groupOf(r.kind) === group && r.start < s.end && s.start < r.end);
    const detected = (kind: AnnotationKind, s: Span): ExportRecord => {
      const t = targetAt(text, s.start, s.end);
      return { id: `detected-${kind}-${s.start}-${s.end}`, kind, origin: 'detected', start: s.start, end: s.end, exact: t.exact, prefix: t.prefix, suffix: t.suffix };
    };
    for (const q of analysis.quotes) {
      if (covered('quote', q)) continue;
      const r = detected('quote', q);
      r.speech = q.kind === 'speech';
      if (q.speaker) r.speaker = q.speaker.name;
      records.push(r);
    }
    for (const d of analysis.dates) if (!covered('date', d)) records.push({ ...detected('date', d), value: d.value });
    for (const e of [...analysis.places, ...analysis.actors]) {
      if (covered('entity', e)) continue;
      const r = { ...detected(e.kind, e), name: e.name };
      if (e.type) r.type = e.type;
      records.push(r);
    }
  }
  records.sort((a, b) => a.start - b.start || a.end - b.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.id.localeCompare(b.id));
  return { file, text, date: analysis.header?.date ?? analysis.referenceDate, title: analysis.header?.title ?? null, records, orphans: anchoring.orphans };
}

function groupOf(kind: AnnotationKind): string {
  return kind === 'place' || kind === 'actor' ? 'entity' : kind;
}

function humanRecord(text: string, a: Annotation, start: number, end: number): ExportRecord {
  const t = targetAt(text, start, end);
  const r: ExportRecord = { id: a.id, kind: a.kind, origin: 'human', start, end, exact: t.exact, prefix: t.prefix, suffix: t.suffix };
  for (const k of ['speaker', 'speech', 'value', 'name', 'type', 'aliases', 'status', 'note', 'tags', 'created', 'updated'] as const) {
    if (a[k] !== undefined) (r as unknown as Record<string, unknown>)[k] = a[k];
  }
  return r;
}

/** Records that state something true about the text (a rejection does not). */
export function positive(records: readonly ExportRecord[]): ExportRecord[] {
  return records.filter((r) => r.status !== 'rejected');
}

/** Whether a quote record is a term / scare quote rather than speech. */
export function isTerm(r: ExportRecord): boolean {
  return r.kind === 'quote' && r.speech === false;
}

/**
 * UTF-16 offset → Unicode code point offset, the unit W3C selectors and brat
 * count in. Identity (no table) for texts without astral characters.
 */
export function codePointIndexer(text: string): (utf16: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (o) => o;
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    // The low half of a pair does not start a new code point.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1)))) cp++;
    else table[i] = cp - 1;
  }
  table[text.length] = cp;
  return (o) => table[Math.max(0, Math.min(text.length, o))];
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

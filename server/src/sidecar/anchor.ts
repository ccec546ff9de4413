// Re-anchoring annotations to a text that may have changed since they were made.
// Pure. Order of attempts: the stored offsets still hold the quote; else the
// quote elsewhere (prefix/suffix choose among occurrences, then nearness to the
// old offsets); else a bounded approximate search; else the annotation is an
// orphan (kept in the file untouched, reported). The text may be held in pieces (an
// open document's version, analysis/pieceText.ts): it is read through slices and
// searches, never joined here.
import { flat, type Source } from '../analysis/pieceText';
import type { Annotation, AnnotationTarget } from './format';

export type AnchorHow = 'exact' | 'moved' | 'fuzzy';

export interface Anchored {
  annotation: Annotation;
  start: number;
  end: number;
  how: AnchorHow;
}

export interface AnchorResult {
  anchored: Anchored[];
  orphans: Annotation[];
}

export interface AnchorOptions {
  /** Dynamic-programming cells one anchor() call may spend on approximate search (keeps 1 MB texts fast). */
  budget?: number;
  /** Minimum similarity (1 − edit distance / length) of an approximate match. */
  minSimilarity?: number;
}

/** Characters of context stored before and after the quote. */
export const CONTEXT_CHARS = 32;
const DEFAULT_BUDGET = 60_000_000;
const PER_ANNOTATION_BUDGET = 6_000_000;
const MAX_OCCURRENCES = 5_000;
const LONG_QUOTE = 400;

/** The target (quote, context and offsets) of text[start, end); the text may be in pieces. */
export function targetAt(text: Source, start: number, end: number): AnnotationTarget {
  const t: AnnotationTarget = { exact: text.slice(start, end) };
  // Never cut an emoji (a surrogate pair) in half: a lone half cannot be saved as UTF-8.
  let from = Math.max(0, start - CONTEXT_CHARS);
  if (isLowSurrogate(text.charCodeAt(from)) && from > 0 && from < start) from++;
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (isLowSurrogate(text.charCodeAt(to)) && to > end) to--;
  const prefix = text.slice(from, start);
  const suffix = text.slice(end, to);
  if (prefix) t.prefix = prefix;
  if (suffix) t.suffix = suffix;
  t.start = start;
  t.end = end;
  return t;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The annotation with its target refreshed to where it was anchored (what a writer saves). */
export function retarget(text: string, a: Anchored): Annotation {
  return { ...a.annotation, target: targetAt(text, a.start, a.end) };
}

export function anchor(text: Source, annotations: readonly Annotation[], options: AnchorOptions = {}): AnchorResult {
  const budget = { left: options.budget ?? DEFAULT_BUDGET };
  const minSim = options.minSimilarity ?? 0.75;
  const anchored: Anchored[] = [];
  const orphans: Annotation[] = [];
  // A text in pieces is read in place while few annotations need a search of the whole
  // text; past that it is joined once. On 1 MB the join costs 8.5 ms and a search 0.53 ms
  // in pieces against 0.36 joined (more with repeated words): a few searches in pieces
  // save the join, and when many annotations moved at most ~1.5 ms is lost before it.
  let searched = 0;
  for (const a of annotations) {
    const t = a.target;
    // The stored offsets still hold the quote with all its context: nothing to search.
    if (holds(text, t)) {
      anchored.push({ annotation: a, start: t.start!, end: t.start! + t.exact.length, how: 'exact' });
      continue;
    }
    if (typeof text !== 'string' && ++searched > SEARCHES_IN_PIECES) text = flat(text);
    const found = anchorOne(text, t, budget, minSim);
    if (found) anchored.push({ annotation: a, ...found });
    else orphans.push(a);
  }
  return { anchored, orphans };
}

type Found = { start: number; end: number; how: AnchorHow };

/** Where an annotation whose stored offsets no longer hold it (see holds) is now. */
function anchorOne(text: Source, t: AnnotationTarget, budget: { left: number }, minSim: number): Found | null {
  const { exact } = t;
  if (!exact) return null;
  const hint = t.start !== undefined && t.start <= text.length ? t.start : undefined;
  const full = (t.prefix?.length ?? 0) + (t.suffix?.length ?? 0);
  const occ = bestOccurrence(text, t, hint);
  if (occ !== null) {
    const found: Found = { start: occ, end: occ + exact.length, how: occ === hint ? 'exact' : 'moved' };
    // The same words elsewhere with none of their context, while the old place
    // still has its context and a near-copy of the words: the quote was edited
    // in place (a repeated phrase must not pull it away).
    if (full === 0 || contextScore(text, found.start, found.end, t) >= full / 4 || hint === undefined || exact.length > LONG_QUOTE) return found;
    const near = fuzzyFind(text, t, hint, budget, minSim);
    return near && contextScore(text, near.start, near.end, t) >= full / 2 ? { ...near, how: 'fuzzy' } : found;
  }
  const fuzzy = exact.length > LONG_QUOTE ? fuzzyLong(text, t, hint, budget, minSim) : fuzzyFind(text, t, hint, budget, minSim);
  return fuzzy ? { ...fuzzy, how: 'fuzzy' } : null;
}

/** Searches of the whole text made in a text's pieces before it is joined (see anchor). */
const SEARCHES_IN_PIECES = 8;

/** Whether the stored offsets still hold the quote with all its context. */
function holds(text: Source, t: AnnotationTarget): boolean {
  const hint = t.start;
  if (!t.exact || hint === undefined || hint > text.length) return false;
  const full = (t.prefix?.length ?? 0) + (t.suffix?.length ?? 0);
  return startsWith(text, t.exact, hint) && contextScore(text, hint, hint + t.exact.length, t) === full;
}

/** String.prototype.startsWith for a text that may be in pieces. */
function startsWith(text: Source, s: string, at: number): boolean {
  const from = Math.max(0, at);
  return text.slice(from, from + s.length) === s;
}

/** Number of context characters (stored prefix and suffix) that agree with the text around [start, end). */
function contextScore(text: Source, start: number, end: number, t: AnnotationTarget): number {
  let n = 0;
  const p = t.prefix ?? '';
  for (let i = 1; i <= p.length && start - i >= 0 && text.charCodeAt(start - i) === p.charCodeAt(p.length - i); i++) n++;
  const s = t.suffix ?? '';
  for (let i = 0; i < s.length && end + i < text.length && text.charCodeAt(end + i) === s.charCodeAt(i); i++) n++;
  return n;
}

/** The occurrence of `exact` with the most context agreeing, then the nearest to the old offset. */
function bestOccurrence(text: Source, t: AnnotationTarget, hint: number | undefined): number | null {
  let best: number | null = null;
  let bestCtx = -1;
  let bestDist = Infinity;
  let count = 0;
  for (let i = text.indexOf(t.exact); i !== -1 && count < MAX_OCCURRENCES; i = text.indexOf(t.exact, i + 1), count++) {
    const ctx = contextScore(text, i, i + t.exact.length, t);
    const dist = hint === undefined ? i : Math.abs(i - hint);
    if (ctx > bestCtx || (ctx === bestCtx && dist < bestDist)) {
      best = i;
      bestCtx = ctx;
      bestDist = dist;
    }
  }
  return best;
}

interface Match { start: number; end: number; score: number }

/**
 * Approximate search: candidate places come from the old offset, exact hits of
 * pieces of the quote (if few edits touched it, some piece survives) and of the
 * context; each candidate window is scored by semi-global edit distance.
 */
function fuzzyFind(text: Source, t: AnnotationTarget, hint: number | undefined, budget: { left: number }, minSim: number): Match | null {
  const pattern = t.exact;
  const m = pattern.length;
  const maxErr = Math.floor(m * (1 - minSim));
  // Very short quotes ("NK") match almost anywhere approximately: only with their context.
  const needContext = m < 8;
  const centers = candidateStarts(text, t, hint);
  const slack = maxErr + 8;
  let local = Math.min(PER_ANNOTATION_BUDGET, budget.left);
  let best: Match | null = null;
  const done: Array<[number, number]> = [];
  for (const c of centers) {
    const from = Math.max(0, c - slack);
    const to = Math.min(text.length, c + m + slack);
    if (to - from < m - maxErr || done.some(([a, b]) => from >= a && to <= b)) continue;
    const cost = m * (to - from);
    if (cost > local) break;
    local -= cost;
    budget.left -= cost;
    done.push([from, to]);
    const r = bestAlignment(text, from, to, pattern);
    if (!r || r.dist > maxErr) continue;
    const sim = 1 - r.dist / m;
    const ctxLen = (t.prefix?.length ?? 0) + (t.suffix?.length ?? 0);
    const ctx = ctxLen ? contextScore(text, r.start, r.end, t) / ctxLen : 0;
    if (needContext && ctx < 0.5) continue;
    const near = hint === undefined ? 0.5 : 1 / (1 + Math.abs(r.start - hint) / 1000);
    const score = 0.7 * sim + 0.2 * ctx + 0.1 * near;
    if (!best || score > best.score) best = { start: r.start, end: r.end, score };
  }
  return best;
}

/** Long quotes: find their head and tail approximately and take the span between, if its length is plausible. */
function fuzzyLong(text: Source, t: AnnotationTarget, hint: number | undefined, budget: { left: number }, minSim: number): Match | null {
  const m = t.exact.length;
  const k = 120;
  const head: AnnotationTarget = { exact: t.exact.slice(0, k), prefix: t.prefix, start: hint, end: hint === undefined ? undefined : hint + k };
  const tailHint = hint === undefined ? undefined : hint + m - k;
  const tail: AnnotationTarget = { exact: t.exact.slice(m - k), suffix: t.suffix, start: tailHint, end: tailHint === undefined ? undefined : tailHint + k };
  const h = exactOrFuzzy(text, head, budget, minSim);
  if (!h) return null;
  const tt = exactOrFuzzy(text, { ...tail, start: h.start + m - k, end: h.start + m }, budget, minSim);
  if (!tt || tt.end <= h.start) return null;
  const len = tt.end - h.start;
  if (len < m * 0.75 || len > m * 1.33) return null;
  return { start: h.start, end: tt.end, score: Math.min(h.score, tt.score) };
}

function exactOrFuzzy(text: Source, t: AnnotationTarget, budget: { left: number }, minSim: number): Match | null {
  const occ = bestOccurrence(text, t, t.start);
  if (occ !== null) return { start: occ, end: occ + t.exact.length, score: 1 };
  return fuzzyFind(text, t, t.start, budget, minSim);
}

/** Likely start positions of the quote, nearest to the old offset first; at most a few dozen. */
function candidateStarts(text: Source, t: AnnotationTarget, hint: number | undefined): number[] {
  const m = t.exact.length;
  const out: number[] = [];
  if (hint !== undefined) out.push(hint);
  const pieces = Math.min(6, Math.max(1, Math.floor(m / 6)));
  const size = Math.max(4, Math.floor(m / pieces));
  const hits: number[] = [];
  for (let p = 0; p + size <= m && p / size < pieces; p += size) {
    for (const at of occurrences(text, t.exact.slice(p, p + size), hint, 6)) hits.push(at - p);
  }
  const pre = (t.prefix ?? '').slice(-16);
  if (pre.length >= 6) for (const at of occurrences(text, pre, hint, 6)) hits.push(at + pre.length);
  const suf = (t.suffix ?? '').slice(0, 16);
  if (suf.length >= 6) for (const at of occurrences(text, suf, hint === undefined ? undefined : hint + m, 6)) hits.push(at - m);
  const ref = hint ?? 0;
  hits.sort((a, b) => Math.abs(a - ref) - Math.abs(b - ref));
  for (const h of hits) if (!out.some((o) => Math.abs(o - h) < 4)) out.push(h);
  return out.slice(0, 24).map((c) => Math.max(0, Math.min(text.length, c)));
}

/** Up to `limit` occurrences of `needle`, the nearest to `near` (bounded scan). */
function occurrences(text: Source, needle: string, near: number | undefined, limit: number): number[] {
  const all: number[] = [];
  for (let i = text.indexOf(needle); i !== -1 && all.length < 2000; i = text.indexOf(needle, i + 1)) all.push(i);
  if (near !== undefined) all.sort((a, b) => Math.abs(a - near) - Math.abs(b - near));
  return all.slice(0, limit);
}

/**
 * Semi-global edit distance of `pattern` against text[from, to): the pattern must
 * match completely, the text around it is free. Returns the best span (ties: the
 * shortest distance, then the leftmost end).
 */
function bestAlignment(text: Source, from: number, to: number, pattern: string): { start: number; end: number; dist: number } | null {
  const m = pattern.length;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let prevS = new Int32Array(m + 1);
  let curS = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) { prev[i] = i; prevS[i] = from; }
  let best: { start: number; end: number; dist: number } | null = { start: from, end: from, dist: prev[m] };
  const window = text.slice(from, to);
  for (let j = from; j < to; j++) {
    const c = window.charCodeAt(j - from);
    cur[0] = 0;
    curS[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      let d = prev[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      let s = prevS[i - 1];
      const up = cur[i - 1] + 1;
      if (up < d) { d = up; s = curS[i - 1]; }
      const left = prev[i] + 1;
      if (left < d) { d = left; s = prevS[i]; }
      cur[i] = d;
      curS[i] = s;
    }
    if (cur[m] < best!.dist) best = { start: curS[m], end: j + 1, dist: cur[m] };
    [prev, cur] = [cur, prev];
    [prevS, curS] = [curS, prevS];
  }
  return best;
}

/** A text edit: replace [start, end) of the text as it is when the edit applies by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Moves annotations through text edits applied in order (each against the
 * result of the previous one, as LSP and VS Code report them). An edit inside an
 * annotation's span keeps it and updates `exact`; an edit over a boundary clips
 * it; an annotation whose whole text is deleted keeps its old `exact` (it will be
 * reported as an orphan unless the text comes back). With `newText` (the text
 * after all edits) prefix and suffix are refreshed too. Annotations without
 * offsets are returned unchanged.
 */
export function shiftAnnotations(annotations: readonly Annotation[], edits: readonly TextEdit[], newText?: Source): Annotation[] {
  return annotations.map((a) => shiftAnnotation(a, edits, newText));
}

/**
 * Annotations carried through edits as the editor shows them: those `placed` in the
 * text before the edits move with it, their context refreshed from `newText` (so that
 * their stored offsets hold again, and anchoring them costs no search); the others
 * (orphans) keep their target untouched. An orphan's offsets point at text it is no
 * longer in: refreshed there, it would be bound to whatever words took its place.
 */
export function followEdits(
  annotations: readonly Annotation[],
  placed: (a: Annotation) => boolean,
  edits: readonly TextEdit[],
  newText: Source,
): Annotation[] {
  return annotations.map((a) => (placed(a) ? shiftAnnotation(a, edits, newText) : a));
}

function shiftAnnotation(a: Annotation, edits: readonly TextEdit[], newText?: Source): Annotation {
  const t = a.target;
  if (t.start === undefined || t.end === undefined) return a;
  let start = t.start;
  let end = t.end;
  let exact = t.exact;
  let gone = false;
  for (const e of edits) {
    const delta = e.text.length - (e.end - e.start);
    if (gone) {
      // Keep the collapsed point in step with the text so the hint stays near.
      if (e.end <= start) { start += delta; end = start; }
      continue;
    }
    if (e.end <= start && !(e.start === e.end && e.start === start && start === end)) {
      // Entirely before (an insertion at the start goes before the span).
      start += delta;
      end += delta;
    } else if (e.start >= end) {
      // Entirely after (an insertion at the end stays outside).
    } else if (e.start >= start && e.end <= end) {
      exact = exact.slice(0, e.start - start) + e.text + exact.slice(e.end - start);
      end += delta;
    } else if (e.start < start && e.end < end) {
      // Over the start: the span's head is replaced.
      exact = exact.slice(e.end - start);
      start = e.start + e.text.length;
      end += delta;
    } else if (e.start > start && e.end > end) {
      // Over the end: the span's tail is replaced.
      exact = exact.slice(0, e.start - start);
      end = e.start;
    } else {
      // The whole span replaced.
      gone = true;
      start = e.start;
      end = start;
    }
    if (!gone && end <= start) {
      gone = true;
      end = start;
    }
  }
  if (gone) return { ...a, target: { ...t, start, end: start } };
  if (newText !== undefined && end <= newText.length) return { ...a, target: targetAt(newText, start, end) };
  return { ...a, target: { ...t, exact, start, end } };
}

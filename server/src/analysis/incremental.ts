// Re-analysis of an edited text. The pipeline keeps what it computed for the previous
// version (a DocState) and, for a new version, redoes only the paragraphs around the
// change: the unchanged prefix is reused as it is, the unchanged suffix shifted by the
// edit's length change. The document-wide passes are resumed rather than rerun:
//  - paragraphs are re-split from the line before the change to the first untouched gap;
//  - dates and entity mentions are paragraph-local (cached by paragraph text);
//  - entity resolution is reused when the changed paragraphs' mentions read the same
//    (same signatures in the same order), else rerun in full;
//  - quotes are re-scanned from a paragraph no quote runs into, to the first paragraph
//    after the change where again none does;
//  - speaker attribution resumes before the first changed quote and stops once its
//    state (the names seen, the previous quote) is back in step with the old walk.
// Every shortcut is exact: the result equals a fresh analysis (a property test checks it).
import { headerDiagnostics, quoteDiagnostics } from './diagnostics';
import { detectDates } from './dates';
import { detectEntities, type Mention } from './entities';
import type { Gazetteer } from './gazetteer';
import { buildSections, parseHeader, splitParagraphs } from './header';
import { scanQuotes, toQuotes } from './quotes';
import { dropOverlaps, mentionSignature, resolveMentions, splitByKind } from './resolve';
import { ActorIndex, maskQuotes, MAX_KNOWN, newlinesOf, runAttribution, type Known } from './speakers';
import type { Analysis, DateMention, Entity, Header, Paragraph, Quote, Span } from './types';

/** Paragraph-local findings, offsets relative to the paragraph start; mentions sorted by start. */
export interface LocalResult {
  dates: DateMention[];
  mentions: Mention[];
}

/** Everything a later version's re-analysis may reuse. Never mutated once built. */
export interface DocState {
  text: string;
  context: string;
  header: Header | null;
  bodyStart: number;
  referenceDate: string | null;
  hasDateOption: boolean;
  paragraphs: Paragraph[];
  local: LocalResult[];
  /** Flat, document offsets; `xAt[i]` is where paragraph i's items begin (length n + 1). */
  dates: DateMention[];
  dateAt: Int32Array;
  mentions: Mention[];
  mentionAt: Int32Array;
  /** What each mention resolved to (parallel to mentions). */
  produced: (Entity | null)[];
  places: Entity[];
  placeAt: Int32Array;
  actors: Entity[];
  actorAt: Int32Array;
  /** Quotes as found (speaker null) and as attributed. */
  found: Quote[];
  quotes: Quote[];
  masked: string;
  newlines: Int32Array;
  /** The attribution walk: name log, and per quote (plus one for the end) its state before it. */
  log: Known[];
  logAt: Int32Array;
  namesAt: Int32Array;
  analysis: Analysis;
}

export interface Setup {
  context: string;
  gazetteer: Gazetteer;
  referenceDate: string | null;
  hasDateOption: boolean;
  /** Paragraph-local findings for a paragraph's text (the caller caches them). */
  local: (body: string) => LocalResult;
}

export function computeLocal(body: string, gazetteer: Gazetteer, referenceDate: string | null): LocalResult {
  const mentions = detectEntities(body, gazetteer) as Mention[];
  // The document-level pass reads mentions sorted by start (a stable sort).
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) sorted = mentions[i - 1].start <= mentions[i].start;
  if (!sorted) mentions.sort((a, b) => a.start - b.start);
  return { dates: detectDates(body, referenceDate), mentions };
}

// ---------------------------------------------------------------------------------
// From scratch

export function analyzeFresh(text: string, header: Header | null, setup: Setup): DocState {
  const bodyStart = header ? header.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart);
  const n = paragraphs.length;
  const local: LocalResult[] = new Array(n);
  const dates: DateMention[] = [];
  const mentions: Mention[] = [];
  const dateAt = new Int32Array(n + 1);
  const mentionAt = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const p = paragraphs[i];
    const r = (local[i] = setup.local(text.slice(p.start, p.end)));
    dateAt[i] = dates.length;
    mentionAt[i] = mentions.length;
    for (const d of r.dates) dates.push(shifted(d, p.start));
    for (const m of r.mentions) mentions.push(shifted(m, p.start));
  }
  dateAt[n] = dates.length;
  mentionAt[n] = mentions.length;
  const produced = resolveMentions(mentions);
  const { places, placeAt, actors, actorAt } = entitiesByParagraph(produced, mentionAt, 0, n);

  const found = toQuotes(text, paragraphs, scanQuotes(text, paragraphs, 0, () => false).found);
  const masked = found.length ? maskQuotes(text, found) : text;
  const newlines = Int32Array.from(newlinesOf(masked));
  const run = runAttribution(text, masked, newlines, paragraphs, found, new ActorIndex(actors), 0, { log: [], namesParagraph: -1 });
  const logAt = Int32Array.from([...run.logAt, run.log.length]);
  const namesAt = Int32Array.from([...run.namesAt, run.namesParagraph]);
  return finish({
    text, context: setup.context, header, bodyStart, referenceDate: setup.referenceDate, hasDateOption: setup.hasDateOption,
    paragraphs, local, dates, dateAt, mentions, mentionAt, produced, places, placeAt, actors, actorAt,
    found, quotes: run.quotes, masked, newlines, log: run.log, logAt, namesAt,
  });
}

function finish(s: Omit<DocState, 'analysis'>): DocState {
  const sections = buildSections(s.text, s.header, s.paragraphs);
  const diagnostics = [...headerDiagnostics(s.text, s.header, s.hasDateOption), ...quoteDiagnostics(s.quotes)]
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const analysis: Analysis = {
    header: s.header, referenceDate: s.referenceDate, paragraphs: s.paragraphs, sections, quotes: s.quotes,
    dates: s.dates, places: s.places, actors: s.actors, diagnostics,
  };
  return { ...s, analysis };
}

/** Places and actors of paragraphs [from, to) (overlaps dropped per paragraph, as overall), with per-paragraph starts. */
function entitiesByParagraph(produced: (Entity | null)[], mentionAt: Int32Array, from: number, to: number) {
  const places: Entity[] = [];
  const actors: Entity[] = [];
  const placeAt = new Int32Array(to - from + 1);
  const actorAt = new Int32Array(to - from + 1);
  for (let i = from; i < to; i++) {
    placeAt[i - from] = places.length;
    actorAt[i - from] = actors.length;
    const a = mentionAt[i];
    const b = mentionAt[i + 1];
    if (a === b) continue;
    const split = splitByKind(produced.slice(a, b));
    // Mentions never cross a paragraph end, so overlaps are dropped paragraph by paragraph.
    for (const e of dropOverlaps(split.places)) places.push(e);
    for (const e of dropOverlaps(split.actors)) actors.push(e);
  }
  placeAt[to - from] = places.length;
  actorAt[to - from] = actors.length;
  return { places, placeAt, actors, actorAt };
}

// ---------------------------------------------------------------------------------
// After an edit

/** Where two texts differ: `prefix` equal characters at the start, `suffix` at the end. */
export function difference(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let prefix = 0;
  // Compare in blocks first (string equality is a fast native compare), then by character.
  for (let block = 4096; block >= 1; block >>= 4) {
    while (prefix + block <= max && a.slice(prefix, prefix + block) === b.slice(prefix, prefix + block)) prefix += block;
  }
  let suffix = 0;
  const room = max - prefix;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (suffix + block <= room && a.slice(a.length - suffix - block, a.length - suffix) === b.slice(b.length - suffix - block, b.length - suffix)) suffix += block;
  }
  return { prefix, suffix };
}

/**
 * The analysis of `text`, an edited version of `old.text`, reusing what did not change;
 * null when the edit touches what everything depends on (the header), so the caller
 * analyses from scratch.
 */
export function analyzeEdit(old: DocState, text: string, header: Header | null, setup: Setup): DocState | null {
  if (old.context !== setup.context || old.hasDateOption !== setup.hasDateOption || !old.paragraphs.length) return null;
  if (!sameHeader(old.header, header)) return null;
  const oldText = old.text;
  if (oldText === text) return old;
  const { prefix: P, suffix: S } = difference(oldText, text);
  const delta = text.length - oldText.length;
  const suffixStart = oldText.length - S; // first unchanged character of the old text's tail
  if (P <= old.bodyStart) return null;
  const op = old.paragraphs;
  const n = op.length;

  // 1. Paragraphs: re-split from the line of the paragraph before the first touched one,
  //    to the line of the first paragraph whose predecessor ends in the unchanged tail.
  const k = firstIndex(n, (i) => op[i].end >= P);
  const k0 = Math.max(k - 1, 0);
  const from = k0 === 0 ? old.bodyStart : lineStart(oldText, op[k0].start, old.bodyStart);
  const m = firstIndex(n, (i) => i > k0 && i >= k && op[i - 1].end >= suffixStart);
  const endOld = m < n ? lineStart(oldText, op[m].start, 0) : oldText.length;
  const endNew = m < n ? endOld + delta : text.length;
  if (endOld < suffixStart && m < n) return null; // cannot happen: the gap before op[m] is unchanged
  const mid = splitParagraphs(text.slice(from, endNew), 0).map((p) => shifted(p, from));
  const pShift = mid.length - (m - k0);
  const paragraphs = [...op.slice(0, k0), ...mid, ...op.slice(m).map((p) => shifted(p, delta))];
  const midEnd = k0 + mid.length; // first paragraph of the unchanged tail (new index)
  const mapParagraph = (i: number): number => (i < k0 ? i : i >= m ? i + pShift : NaN);

  // 2. Paragraph-local findings (a paragraph of the changed stretch that reads as before keeps its own).
  const before = new Map<string, LocalResult>();
  for (let i = k0; i < m; i++) before.set(oldText.slice(op[i].start, op[i].end), old.local[i]);
  const localOf = (p: Paragraph): LocalResult => {
    const body = text.slice(p.start, p.end);
    return before.get(body) ?? setup.local(body);
  };
  const local = [...old.local.slice(0, k0), ...mid.map(localOf), ...old.local.slice(m)];
  const dates = old.dates.slice(0, old.dateAt[k0]);
  const mentions = old.mentions.slice(0, old.mentionAt[k0]);
  const dateAt = new Int32Array(paragraphs.length + 1);
  const mentionAt = new Int32Array(paragraphs.length + 1);
  dateAt.set(old.dateAt.subarray(0, k0));
  mentionAt.set(old.mentionAt.subarray(0, k0));
  for (let i = k0; i < midEnd; i++) {
    const p = paragraphs[i];
    dateAt[i] = dates.length;
    mentionAt[i] = mentions.length;
    for (const d of local[i].dates) dates.push(shifted(d, p.start));
    for (const x of local[i].mentions) mentions.push(shifted(x, p.start));
  }
  const dateShift = dates.length - old.dateAt[m];
  const mentionShift = mentions.length - old.mentionAt[m];
  for (let i = old.dateAt[m]; i < old.dates.length; i++) dates.push(shifted(old.dates[i], delta));
  for (let i = old.mentionAt[m]; i < old.mentions.length; i++) mentions.push(shifted(old.mentions[i], delta));
  for (let i = m; i <= n; i++) {
    dateAt[i + pShift] = old.dateAt[i] + dateShift;
    mentionAt[i + pShift] = old.mentionAt[i] + mentionShift;
  }

  // 3. Entities: the old outcomes hold when the changed paragraphs' mentions read the same.
  const oldA = old.mentionAt[k0];
  const oldB = old.mentionAt[m];
  const newA = mentionAt[k0];
  const newB = mentionAt[midEnd];
  let sameMentions = oldB - oldA === newB - newA;
  for (let i = 0; sameMentions && i < newB - newA; i++) sameMentions = mentionSignature(old.mentions[oldA + i]) === mentionSignature(mentions[newA + i]);
  let produced: (Entity | null)[];
  let places: Entity[];
  let actors: Entity[];
  let placeAt: Int32Array;
  let actorAt: Int32Array;
  let actorsInStep = sameMentions;
  if (sameMentions) {
    produced = old.produced.slice(0, oldA);
    for (let i = 0; i < newB - newA; i++) {
      const e = old.produced[oldA + i];
      const was = old.mentions[oldA + i];
      produced.push(e && shifted(e, mentions[newA + i].start - was.start));
    }
    for (let i = oldB; i < old.produced.length; i++) {
      const e = old.produced[i];
      produced.push(e && shifted(e, delta));
    }
    const region = entitiesByParagraph(produced, mentionAt, k0, midEnd);
    places = [...old.places.slice(0, old.placeAt[k0]), ...region.places, ...old.places.slice(old.placeAt[m]).map((e) => shifted(e, delta))];
    actors = [...old.actors.slice(0, old.actorAt[k0]), ...region.actors, ...old.actors.slice(old.actorAt[m]).map((e) => shifted(e, delta))];
    placeAt = spliceStarts(old.placeAt, k0, m, region.placeAt);
    actorAt = spliceStarts(old.actorAt, k0, m, region.actorAt);
    // Pronouns after the change read the last actors before them: the same names keep the walk in step.
    const was = old.actors.slice(old.actorAt[k0], old.actorAt[m]);
    actorsInStep = was.length === region.actors.length && was.every((e, i) => e.name === region.actors[i].name && e.type === region.actors[i].type);
  } else {
    produced = resolveMentions(mentions);
    ({ places, placeAt, actors, actorAt } = entitiesByParagraph(produced, mentionAt, 0, paragraphs.length));
  }

  // 4. Quotes: from a paragraph no quote runs into, to the first such paragraph after the change.
  const oldFound = old.found;
  let qa = k0;
  for (;;) {
    const at = op[qa].start;
    const j = firstIndex(oldFound.length, (x) => oldFound[x].start >= at) - 1;
    if (j < 0 || oldFound[j].end <= at) break;
    qa = firstIndex(n, (i) => op[i].end >= oldFound[j].start);
  }
  const cleanOld = (i: number): boolean => {
    if (i >= n) return true;
    const at = op[i].start;
    const j = firstIndex(oldFound.length, (x) => oldFound[x].start >= at) - 1;
    return j < 0 || oldFound[j].end <= at;
  };
  const scan = scanQuotes(text, paragraphs, qa, (i) => i >= midEnd && cleanOld(i - pShift));
  const qb = scan.next; // new index; the old one is qb - pShift
  const regionQuotes = toQuotes(text, paragraphs.slice(qa, qb), scan.found);
  const X = Math.min(P, op[qa].start);
  const qPre = firstIndex(oldFound.length, (x) => oldFound[x].start >= op[qa].start);
  const yOld = qb < paragraphs.length ? op[qb - pShift].start : oldText.length;
  const yNew = qb < paragraphs.length ? yOld + delta : text.length;
  const qSuf = firstIndex(oldFound.length, (x) => oldFound[x].start >= yOld);
  const found = [...oldFound.slice(0, qPre), ...regionQuotes, ...oldFound.slice(qSuf).map((q) => shifted(q, delta))];
  const qShift = found.length - oldFound.length;

  // 5. The masked text and its line breaks: old outside [X, y), new inside.
  const masked = found.length
    ? old.masked.slice(0, X) + maskQuotes(text.slice(X, yNew), regionQuotes.map((q) => shifted(q, -X))) + old.masked.slice(yOld)
    : text;
  const nlA = firstIndex(old.newlines.length, (x) => old.newlines[x] >= X);
  const nlB = firstIndex(old.newlines.length, (x) => old.newlines[x] >= yOld);
  const midNewlines = newlinesOf(masked.slice(X, yNew));
  const newlines = new Int32Array(nlA + midNewlines.length + old.newlines.length - nlB);
  newlines.set(old.newlines.subarray(0, nlA));
  for (let i = 0; i < midNewlines.length; i++) newlines[nlA + i] = midNewlines[i] + X;
  for (let i = nlB, o = nlA + midNewlines.length; i < old.newlines.length; i++, o++) newlines[o] = old.newlines[i] + delta;

  // 6. Attribution: resume before the first re-found quote, stop once back in step.
  const map = spanMapper(P, suffixStart, delta);
  const s = qPre;
  const stop = (j: number, log: Known[], namesParagraph: number, prev: Quote | null): boolean => {
    if (!actorsInStep || j < qPre + regionQuotes.length) return false;
    const jo = j - qShift; // the same quote in the old walk
    const pj = paragraphOf(paragraphs, found[j].start);
    // Everything the quote reads (its paragraph, the one before, names collected) is unchanged.
    if (pj - 1 < midEnd || Math.max(namesParagraph + 1, pj - 3) < midEnd) return false;
    if (mapParagraph(old.namesAt[jo]) !== namesParagraph) return false;
    if (!sameQuote(old.quotes[jo - 1] ?? null, prev, map)) return false;
    return sameWindow(old.log, old.logAt[jo], log, map);
  };
  const run = runAttribution(text, masked, newlines, paragraphs, found, new ActorIndex(actors), s,
    { log: old.log.slice(0, old.logAt[s]), namesParagraph: old.namesAt[s] }, s > 0 ? old.quotes[s - 1] : null, stop);
  const quotes = [...old.quotes.slice(0, s), ...run.quotes];
  const log = run.log;
  const logAt: number[] = [...old.logAt.subarray(0, s), ...run.logAt];
  const namesAt: number[] = [...old.namesAt.subarray(0, s), ...run.namesAt];
  if (run.stoppedAt < found.length) {
    // Back in step at quote jo of the old walk: the rest is the old walk's, moved.
    const jo = run.stoppedAt - qShift;
    for (let i = jo; i < old.quotes.length; i++) {
      const q = mapQuote(old.quotes[i], map);
      if (!q) return null;
      quotes.push(q);
    }
    const oldBase = old.logAt[jo];
    const newBase = log.length;
    for (let i = oldBase; i < old.log.length; i++) {
      const e = old.log[i];
      const pos = map.pos(e.pos);
      if (Number.isNaN(pos)) return null;
      log.push(pos === e.pos ? e : { ...e, pos });
    }
    for (let i = jo; i <= old.quotes.length; i++) {
      logAt.push(old.logAt[i] - oldBase + newBase);
      namesAt.push(mapParagraph(old.namesAt[i]));
    }
  } else {
    logAt.push(log.length);
    namesAt.push(run.namesParagraph);
  }

  return finish({
    text, context: setup.context, header, bodyStart: old.bodyStart, referenceDate: setup.referenceDate, hasDateOption: setup.hasDateOption,
    paragraphs, local, dates, dateAt, mentions, mentionAt, produced, places, placeAt, actors, actorAt,
    found, quotes, masked, newlines, log, logAt: Int32Array.from(logAt), namesAt: Int32Array.from(namesAt),
  });
}

// ---------------------------------------------------------------------------------
// Helpers

function sameHeader(a: Header | null, b: Header | null): boolean {
  if (!a || !b) return a === b;
  return a.end === b.end && a.date === b.date && a.rawDate === b.rawDate && a.title === b.title && a.dateSpan?.start === b.dateSpan?.start && a.start === b.start;
}

/** The first index in [0, n) where `pred` holds (pred is monotone), n when none. */
function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The paragraph a quote starting at `at` is read in (as the attribution walk finds it). */
function paragraphOf(paragraphs: Paragraph[], at: number): number {
  return Math.min(firstIndex(paragraphs.length, (i) => paragraphs[i].end >= at), paragraphs.length - 1);
}

/** Start of the line holding `at`, not before `floor`. */
function lineStart(text: string, at: number, floor: number): number {
  const nl = Math.max(text.lastIndexOf('\n', at - 1), text.lastIndexOf('\r', at - 1));
  return Math.max(nl + 1, floor);
}

function shifted<T extends Span>(x: T, d: number): T {
  return d === 0 ? x : { ...x, start: x.start + d, end: x.end + d };
}

/** Per-paragraph starts with [k0, m) of the old replaced by a region's (relative) starts. */
function spliceStarts(old: Int32Array, k0: number, m: number, region: Int32Array): Int32Array {
  const regionCount = region.length - 1;
  const base = old[k0];
  const shift = base + region[regionCount] - old[m];
  const out = new Int32Array(old.length - (m - k0) + regionCount);
  out.set(old.subarray(0, k0));
  for (let i = 0; i < regionCount; i++) out[k0 + i] = base + region[i];
  for (let i = m; i < old.length; i++) out[i - m + k0 + regionCount] = old[i] + shift;
  return out;
}

interface SpanMap {
  /** A position of the old text in the new one; NaN inside the changed stretch. */
  pos(x: number): number;
  span<T extends Span>(x: T): T | null;
}

function spanMapper(prefix: number, suffixStart: number, delta: number): SpanMap {
  const span = <T extends Span>(x: T): T | null => {
    if (x.end <= prefix) return x;
    if (x.start >= suffixStart) return shifted(x, delta);
    return null;
  };
  return { pos: (x) => (x < prefix ? x : x >= suffixStart ? x + delta : NaN), span };
}

/** An old attributed quote in the new text (null: it rests on something that changed). */
function mapQuote(q: Quote, map: SpanMap): Quote | null {
  const at = map.span(q);
  if (!at) return null;
  const speaker = q.speaker && map.span(q.speaker);
  const cueSpan = q.cueSpan && map.span(q.cueSpan);
  if ((q.speaker && !speaker) || (q.cueSpan && !cueSpan)) return null;
  if (at === q && speaker === q.speaker && cueSpan === q.cueSpan) return q;
  return { ...at, speaker, cueSpan };
}

function sameQuote(old: Quote | null, now: Quote | null, map: SpanMap): boolean {
  if (!old || !now) return old === now;
  const o = mapQuote(old, map);
  if (!o) return false;
  return o.start === now.start && o.end === now.end && o.cue === now.cue && o.kind === now.kind &&
    sameSpan(o.cueSpan, now.cueSpan) && sameSpan(o.speaker, now.speaker) &&
    (!o.speaker || (o.speaker.name === now.speaker!.name && o.speaker.via === now.speaker!.via && o.speaker.text === now.speaker!.text));
}

function sameSpan(a: Span | null, b: Span | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}

/** Whether the last names of both logs (all the rules read) are the same names at the same places. */
function sameWindow(oldLog: readonly Known[], oldLength: number, log: readonly Known[], map: SpanMap): boolean {
  const window = MAX_KNOWN;
  const count = Math.min(window, oldLength);
  if (Math.min(window, log.length) !== count) return false;
  for (let i = 1; i <= count; i++) {
    const a = oldLog[oldLength - i];
    const b = log[log.length - i];
    if (a === b) continue;
    if (map.pos(a.pos) !== b.pos || a.name !== b.name || a.phrase !== b.phrase || !!a.speaker !== !!b.speaker) return false;
    if (a.speaker && (a.person !== b.person || a.org !== b.org)) return false;
  }
  return true;
}

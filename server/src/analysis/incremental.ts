// Re-analysis of an edited text. The pipeline keeps what it computed for the previous
// version (a DocState) and, for a new version, redoes only the paragraphs around the
// change: the unchanged prefix is reused as it is, the unchanged suffix shifted by the
// edit's length change. The document-wide passes are resumed rather than rerun:
//  - paragraphs are re-split from the line before the change to the first untouched gap;
//  - dates and entity mentions are paragraph-local (cached by paragraph text);
//  - entity resolution is reused when the changed paragraphs' mentions read the same
//    (same signatures in the same order) or only add or drop mentions no other mention
//    reads (those resolve from the state kept a few paragraphs before them); else it is
//    rerun, and paragraphs whose outcomes did not change keep theirs;
//  - quotes are re-scanned from a paragraph no quote runs into, to the first paragraph
//    after the change where again none does;
//  - speaker attribution resumes before the first changed quote and stops once its
//    state (the names seen, the previous quote) is back in step with the old walk.
// Every shortcut is exact: the result equals a fresh analysis (a property test checks it).
// What a version keeps is shaped so that an edit allocates for what changed, not for the
// whole document (each allocation per keystroke is garbage-collector work while the user
// types): findings per paragraph in paragraph offsets; quotes and the name log in chunks
// shared between versions (quoteList.ts, logList.ts); the document-offset lists built
// when first read.
import { headerDiagnostics, quoteDiagnostics } from './diagnostics';
import { detectDates } from './dates';
import { detectEntities, type Mention } from './entities';
import type { Gazetteer } from './gazetteer';
import { buildSections, splitParagraphs } from './header';
import { scanQuotes, toQuotes } from './quotes';
import { LogList, LogListBuilder } from './logList';
import { ArraySeq, noteQuoteList, QuoteList, QuoteListBuilder, type QuoteSeq, shiftQuote, shiftQuoteDeep, shiftSpeaker } from './quoteList';
import { buildDictionaries, derive, type Dictionaries, dropOverlaps, isInert, mentionSignature, newResolutionState, replayResolution, type ResolutionState, resolveWith, splitByKind } from './resolve';
import { ActorIndex, actorFit, maskQuotes, MAX_KNOWN, NameLog, newlinesOf, paragraphAt as paragraphOf, runAttribution } from './speakers';
import { sortStable } from './sort';
import { own } from './strings';
import { firstLine, flat, PieceText, type Source } from './pieceText';
import type { Analysis, DateMention, Entity, Header, Paragraph, Quote, Span } from './types';

/** Paragraph-local findings, offsets relative to the paragraph start; mentions sorted by start. */
export interface LocalResult {
  dates: DateMention[];
  mentions: Mention[];
}

/** Everything a later version's re-analysis may reuse. Never mutated once built. */
export interface DocState {
  /** The text analysed: a string, or pieces (an open document's versions share them). */
  text: Source;
  context: string;
  header: Header | null;
  bodyStart: number;
  referenceDate: string | null;
  hasDateOption: boolean;
  paragraphs: Paragraph[];
  local: LocalResult[];
  /** Per paragraph: what each of its mentions resolved to (paragraph offsets, null: dropped). */
  produced: (Entity | null)[][];
  /** What the document's mentions tell about names (equivalent for every mention that reads it). */
  dicts: Dictionaries;
  /**
   * The entity resolution's state before some paragraphs (every RESOLUTION_STEP-th, in
   * order; made when an edit first needs them, kept while the paragraphs before hold).
   */
  resolutionAt: readonly Checkpoint[];
  /** Per paragraph: its places (paragraph offsets, overlaps dropped). Dates are in `local`. */
  placesRel: Entity[][];
  /** Per paragraph: its actors (paragraph offsets, overlaps dropped). */
  actorsRel: Entity[][];
  /** The attributed quotes (chunks shared with other versions: see quoteList.ts). */
  quotes: QuoteList;
  /** The attribution walk: its name log (chunks shared with other versions), and per quote (plus one for the end) its state before it. */
  log: LogList;
  logAt: Int32Array;
  namesAt: Int32Array;
  analysis: Analysis;
}

export interface Setup {
  context: string;
  gazetteer: Gazetteer;
  referenceDate: string | null;
  hasDateOption: boolean;
  /**
   * Paragraph-local findings for a paragraph's text (the caller caches them); absent:
   * computeLocal, nothing cached (a one-off analysis: no closure made per call, whose
   * optimised code would die at the next full garbage collection).
   */
  local?: (body: string) => LocalResult;
  /**
   * The analysis is used once (no cache): nothing is kept for a later version, so
   * findings are moved to document offsets in place and strings need no copies.
   */
  once?: boolean;
}

const byStart = (a: Mention, b: Mention): number => a.start - b.start;

export function computeLocal(body: string, gazetteer: Gazetteer, referenceDate: string | null): LocalResult {
  const mentions = detectEntities(body, gazetteer) as Mention[];
  // The document-level pass reads mentions sorted by start (a stable sort).
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) sorted = mentions[i - 1].start <= mentions[i].start;
  if (!sorted) sortStable(mentions, byStart);
  return { dates: detectDates(body, referenceDate), mentions };
}

/** A paragraph's local findings as the setup gets them. */
function localOf(setup: Setup, body: string): LocalResult {
  return setup.local ? setup.local(body) : computeLocal(body, setup.gazetteer, setup.referenceDate);
}

// ---------------------------------------------------------------------------------
// From scratch

/** `source`: the text as the caller holds it (kept for the next version's comparison), `text` that text whole. */
export function analyzeFresh(text: string, header: Header | null, setup: Setup, source: Source = text): DocState {
  const bodyStart = header ? header.end : 0;
  const paragraphs = splitParagraphs(text, bodyStart);
  const n = paragraphs.length;
  const local: LocalResult[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const p = paragraphs[i];
    const body = text.slice(p.start, p.end);
    local[i] = localOf(setup, setup.once ? body : own(body));
  }
  const { produced, dicts } = resolveAll(local);
  const { placesRel, actorsRel } = entitiesOf(produced, 0, n);

  const found = toQuotes(text, paragraphs, scanQuotes(text, paragraphs, 0, () => false).found, !setup.once);
  const run = walkFresh(text, paragraphs, found, actorsRel);
  const logAt = new Int32Array(run.logAt.length + 1);
  logAt.set(run.logAt);
  logAt[run.logAt.length] = run.log.length;
  const namesAt = new Int32Array(run.namesAt.length + 1);
  namesAt.set(run.namesAt);
  namesAt[run.namesAt.length] = run.namesParagraph;
  const state = {
    text: source, context: setup.context, header, bodyStart, referenceDate: setup.referenceDate, hasDateOption: setup.hasDateOption,
    paragraphs, local, produced, dicts, resolutionAt: NO_CHECKPOINTS, placesRel, actorsRel, log: setup.once ? EMPTY_LOG : LogList.of(run.log), logAt, namesAt,
  };
  // A one-off analysis keeps its plain list (no later version reads the chunks).
  return setup.once ? finish({ ...state, quotes: QuoteList.of([]) }, run.quotes) : finish({ ...state, quotes: QuoteList.of(run.quotes) });
}

// Comparators and callbacks of hot paths are module functions: a closure made per call has
// its optimised code die with it at a full collection, re-optimised by the next analysis.
const byPosition = (a: Span, b: Span): number => a.start - b.start || a.end - b.end;

/** The state with its analysis; `once`: the quotes of a one-off analysis (nothing is kept). */
function finish(s: Omit<DocState, 'analysis'>, once?: Quote[]): DocState {
  const diagnostics = [...headerDiagnostics(firstLine(s.text), s.header, s.hasDateOption), ...(once ? quoteDiagnostics(once) : s.quotes.diagnostics())]
    .sort(byPosition);
  const { local, paragraphs, placesRel, actorsRel } = s;
  const analysis: Analysis = {
    header: s.header, referenceDate: s.referenceDate, paragraphs, sections: [], quotes: once ?? [],
    dates: [], places: [], actors: [], diagnostics,
  };
  if (once) {
    analysis.sections = buildSections(flat(s.text), s.header, paragraphs);
    // Nothing is kept: the findings move to document offsets in place.
    for (let i = 0; i < paragraphs.length; i++) {
      for (const d of local[i].dates) analysis.dates.push(moved(d, paragraphs[i].start));
      for (const e of placesRel[i]) analysis.places.push(moved(e, paragraphs[i].start));
      for (const e of actorsRel[i]) analysis.actors.push(moved(e, paragraphs[i].start));
    }
  } else {
    // Dates, places and actors are not needed for diagnostics: built in document offsets
    // when first read (hovers, outline), so a keystroke does not move every one after it.
    lazily(analysis, 'dates', () => absolute(paragraphs, local.map((r) => r.dates), shiftDate));
    lazily(analysis, 'places', () => absolute(paragraphs, placesRel, shiftEntity));
    lazily(analysis, 'actors', () => absolute(paragraphs, actorsRel, shiftEntity));
    // Quotes too: diagnostics (read on every version) come from the chunks. And sections (the outline).
    lazily(analysis, 'quotes', () => s.quotes.toArray());
    noteQuoteList(analysis, s.quotes);
    // (The outline reads the whole text: a text in pieces is joined then, not per keystroke.)
    lazily(analysis, 'sections', () => buildSections(flat(s.text), s.header, paragraphs));
  }
  return { ...s, analysis };
}

/** An enumerable property computed on first read (then kept). */
export function lazily<K extends keyof Analysis>(a: Analysis, key: K, make: () => Analysis[K]): void {
  let value: Analysis[K] | undefined;
  Object.defineProperty(a, key, { enumerable: true, configurable: true, get: () => (value ??= make()) });
}

/** Per-paragraph findings in document offsets, in one list. */
function absolute<T extends Span>(paragraphs: Paragraph[], perParagraph: readonly (readonly T[])[], shift: (x: T, d: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < paragraphs.length; i++) for (const x of perParagraph[i]) out.push(shift(x, paragraphs[i].start));
  return out;
}

/** Resolves every paragraph's mentions together (they are in document order); results per paragraph. */
function resolveAll(local: LocalResult[]): { produced: (Entity | null)[][]; dicts: Dictionaries } {
  const all: Mention[] = [];
  for (const r of local) for (const m of r.mentions) all.push(m);
  const ds = all.map(derive);
  const dicts = buildDictionaries(all, ds);
  return { produced: perParagraph(local, resolveWith(all, dicts, newResolutionState(), ds)), dicts };
}

/** A flat list of outcomes cut into the paragraphs' shares. */
function perParagraph(local: LocalResult[], flat: (Entity | null)[]): (Entity | null)[][] {
  const out: (Entity | null)[][] = new Array(local.length);
  for (let i = 0, at = 0; i < local.length; i++) {
    out[i] = flat.slice(at, at + local[i].mentions.length);
    at += local[i].mentions.length;
  }
  return out;
}

/** Places and actors of paragraphs [from, to), per paragraph (paragraph offsets). */
function entitiesOf(produced: (Entity | null)[][], from: number, to: number) {
  const placesRel: Entity[][] = [];
  const actorsRel: Entity[][] = [];
  for (let i = from; i < to; i++) {
    if (!produced[i].length) {
      placesRel.push(NONE);
      actorsRel.push(NONE);
      continue;
    }
    const split = splitByKind(produced[i]);
    // Mentions never cross a paragraph end, so overlaps are dropped paragraph by paragraph.
    placesRel.push(split.places.length ? dropOverlaps(split.places) : NONE);
    actorsRel.push(split.actors.length ? dropOverlaps(split.actors) : NONE);
  }
  return { placesRel, actorsRel };
}

const NONE: Entity[] = [];
const EMPTY_LOG = LogList.of(new NameLog());

/** The entity resolution's state before a paragraph. */
interface Checkpoint {
  readonly paragraph: number;
  readonly state: ResolutionState;
}

/** Paragraphs between two kept resolution states. */
const RESOLUTION_STEP = 32;
const NO_CHECKPOINTS: readonly Checkpoint[] = [];

/**
 * The resolution's state before paragraph k of `old`, replayed from the last kept state
 * before it (not from the start: typing a name in the middle of a long article would
 * replay half of it on every key), and the states kept for the new version: those up to
 * k, with the ones made on the way. The paragraphs before k must be unchanged.
 */
function resolutionBefore(old: DocState, k: number): { state: ResolutionState; checkpoints: readonly Checkpoint[] } {
  const kept = upTo(old.resolutionAt, k);
  const last = kept.length ? kept[kept.length - 1] : null;
  const state = last ? copyState(last.state) : newResolutionState();
  const made: Checkpoint[] = [];
  for (let i = last ? last.paragraph : 0; i < k; i++) {
    if (i % RESOLUTION_STEP === 0 && i > (last?.paragraph ?? 0)) made.push({ paragraph: i, state: copyState(state) });
    replayResolution(old.local[i].mentions, old.produced[i], state);
  }
  return { state, checkpoints: made.length ? kept.concat(made) : kept };
}

/** The checkpoints before paragraphs up to k. */
function upTo(checkpoints: readonly Checkpoint[], k: number): readonly Checkpoint[] {
  let n = checkpoints.length;
  while (n > 0 && checkpoints[n - 1].paragraph > k) n--;
  return n === checkpoints.length ? checkpoints : checkpoints.slice(0, n);
}

/**
 * A copy of a resolution state (its maps and sets copied, their items shared). Any other
 * kind of field is an error: this copy would not know how to keep it apart.
 */
function copyState(s: ResolutionState): ResolutionState {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(s)) {
    if (value instanceof Map) out[key] = new Map(value);
    else if (value instanceof Set) out[key] = new Set(value);
    else throw new Error(`the entity resolution's state has a field this copy does not know: ${key}`);
  }
  return out as unknown as ResolutionState;
}

// ---------------------------------------------------------------------------------
// After an edit

/** Where two texts differ: `prefix` equal characters at the start, `suffix` at the end. */
export function difference(a: Source, b: Source): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  // Two versions in pieces share the pieces the edit did not touch: those are skipped unread.
  const shared = a instanceof PieceText && b instanceof PieceText ? a.differenceFrom(b) : null;
  let prefix = shared ? shared.prefix : 0;
  // Compare in blocks first (string equality is a fast native compare), then by character.
  for (let block = 4096; block >= 1; block >>= 4) {
    while (prefix + block <= max && a.slice(prefix, prefix + block) === b.slice(prefix, prefix + block)) prefix += block;
  }
  let suffix = shared ? Math.min(shared.suffix, max - prefix) : 0;
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
export function analyzeEdit(old: DocState, text: Source, header: Header | null, setup: Setup): DocState | null {
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
  if (m < n && endOld < suffixStart) return null; // cannot happen: the gap before op[m] is unchanged
  const mid = splitParagraphs(text.slice(from, endNew), 0).map((p) => shiftParagraph(p, from));
  const pShift = mid.length - (m - k0);
  const paragraphs: Paragraph[] = new Array(n - (m - k0) + mid.length);
  for (let i = 0; i < k0; i++) paragraphs[i] = op[i];
  for (let i = 0; i < mid.length; i++) paragraphs[k0 + i] = mid[i];
  for (let i = m, at = k0 + mid.length; i < n; i++, at++) paragraphs[at] = shiftParagraph(op[i], delta);
  const midEnd = k0 + mid.length; // first paragraph of the unchanged tail (new index)
  const mapParagraph = (i: number): number => (i < k0 ? i : i >= m ? i + pShift : NaN);

  // 2. Paragraph-local findings (a paragraph of the changed stretch that reads as before keeps its own).
  const before = new Map<string, LocalResult>();
  for (let i = k0; i < m; i++) before.set(oldText.slice(op[i].start, op[i].end), old.local[i]);
  const midLocal = mid.map((p) => {
    const body = text.slice(p.start, p.end);
    return before.get(body) ?? localOf(setup, own(body));
  });
  const local = spliced(old.local, k0, m, midLocal);

  // 3. Entities: the old outcomes hold when the changed paragraphs' mentions read the same.
  const oldMentions = signatures(old.local, k0, m);
  const newMentions = signatures(midLocal, 0, mid.length);
  const sameMentions = sameItems(oldMentions, newMentions);
  // Mentions that touch no one else's resolution may come and go ("Mo" while typing
  // "Monday"): the rest of the document resolves as before.
  const sameOthers = sameMentions || sameItems(
    signatures(old.local, k0, m, (x) => !isInert(x, old.dicts)),
    signatures(midLocal, 0, mid.length, (x) => !isInert(x, old.dicts)));
  let dicts = old.dicts;
  // States before paragraphs up to k0 hold (the paragraphs before are unchanged).
  let resolutionAt = upTo(old.resolutionAt, k0);
  let produced: (Entity | null)[][];
  let placesRel: Entity[][];
  let actorsRel: Entity[][];
  /** The actors of paragraphs [diffFrom, diffTo) (new indices) may differ from the old ones; the rest read the same. */
  let diffFrom = 0;
  let diffTo = 0;
  if (sameOthers) {
    const midProduced: (Entity | null)[][] = [];
    if (sameMentions) {
      // Same mentions in the same order: each resolves as before (paragraph offsets are kept).
      const oldOutcomes = old.produced.slice(k0, m).flat();
      const oldRegion = old.local.slice(k0, m).flatMap((r) => r.mentions);
      let at = 0;
      for (const r of midLocal) {
        midProduced.push(r.mentions.map((x, i) => {
          const e = oldOutcomes[at + i];
          return e && shiftEntity(e, x.start - oldRegion[at + i].start);
        }));
        at += r.mentions.length;
      }
    } else {
      // The changed paragraphs' mentions resolve afresh, after the walk's state before them.
      let state: ResolutionState;
      ({ state, checkpoints: resolutionAt } = resolutionBefore(old, k0));
      const region: Mention[] = [];
      for (const r of midLocal) for (const x of r.mentions) region.push(x);
      midProduced.push(...perParagraph(midLocal, resolveWith(region, old.dicts, state)));
    }
    produced = spliced(old.produced, k0, m, midProduced);
    const region = entitiesOf(produced, k0, midEnd);
    placesRel = spliced(old.placesRel, k0, m, region.placesRel);
    actorsRel = spliced(old.actorsRel, k0, m, region.actorsRel);
    if (!sameNames(old.actorsRel.slice(k0, m).flat(), region.actorsRel.flat())) {
      diffFrom = k0;
      diffTo = Math.max(midEnd, k0 + 1);
    }
  } else {
    // Resolve again: a changed name may change how others resolve. Paragraphs whose
    // mentions resolve as before (the same outcome objects) keep their places and actors.
    ({ produced, dicts } = resolveAll(local));
    resolutionAt = NO_CHECKPOINTS;
    placesRel = [];
    actorsRel = [];
    let first = -1;
    let last = -1;
    for (let i = 0; i < paragraphs.length; i++) {
      const oi = i < k0 ? i : i >= midEnd ? i - pShift : -1;
      if (oi >= 0 && sameItems(produced[i], old.produced[oi])) {
        placesRel.push(old.placesRel[oi]);
        actorsRel.push(old.actorsRel[oi]);
        continue;
      }
      const r = entitiesOf(produced, i, i + 1);
      placesRel.push(r.placesRel[0]);
      actorsRel.push(r.actorsRel[0]);
      if (oi >= 0 && !sameNames(old.actorsRel[oi], r.actorsRel[0], true)) {
        if (first < 0) first = i;
        last = i;
      }
    }
    // The changed stretch counts as changed when its actors read differently as a whole.
    if (!sameNames(old.actorsRel.slice(k0, m).flat(), actorsRel.slice(k0, midEnd).flat())) {
      first = first < 0 ? k0 : Math.min(first, k0);
      last = Math.max(last, midEnd - 1, k0);
    }
    if (first >= 0) {
      diffFrom = first;
      diffTo = last + 1;
    }
  }

  // 4. Quotes: from a paragraph no quote runs into, to the first such paragraph after the change.
  const oldQuotes = old.quotes;
  const lastBeforeAt = (at: number): number => firstIndex(oldQuotes.length, (x) => oldQuotes.startOf(x) >= at) - 1;
  const cleanOld = (i: number): boolean => {
    if (i >= n) return true;
    const j = lastBeforeAt(op[i].start);
    return j < 0 || oldQuotes.endOf(j) <= op[i].start;
  };
  let qa = k0;
  // Attribution must also restart before any actor that changed.
  if (diffFrom < diffTo) qa = Math.min(qa, Math.max(0, diffFrom - 4));
  while (!cleanOld(qa)) qa = firstIndex(n, (i) => op[i].end >= oldQuotes.startOf(lastBeforeAt(op[qa].start)));
  const scan = scanQuotes(text, paragraphs, qa, (i) => i >= midEnd && cleanOld(i - pShift));
  const qb = scan.next; // new index; the old one is qb - pShift
  const regionQuotes = toQuotes(text, paragraphs.slice(qa, qb), scan.found);
  const qPre = firstIndex(oldQuotes.length, (x) => oldQuotes.startOf(x) >= op[qa].start);
  const yOld = qb < paragraphs.length ? op[qb - pShift].start : oldText.length;
  const qSuf = firstIndex(oldQuotes.length, (x) => oldQuotes.startOf(x) >= yOld);
  // Quotes after the re-scanned stretch are the old ones, moved (with their old attribution,
  // which the walk overwrites until it is back in step; one whose attribution rests on the
  // changed stretch cannot be kept, and the walk may not stop before it).
  // Quotes that move whole (quote, speaker and cue all after the change) keep their chunks.
  const map = spanMapper(P, suffixStart, delta);
  const building = new QuoteListBuilder();
  building.addRange(oldQuotes, 0, qPre);
  building.addAll(regionQuotes);
  const firstMoved = qPre + regionQuotes.length;
  let lastUnmapped = -1;
  let whole = qSuf; // old quotes [whole, i) move whole
  oldQuotes.forEachStored(qSuf, oldQuotes.length, (q, d, i) => {
    if (movesWhole(q, d, map, delta)) return;
    building.addRange(oldQuotes, whole, i, delta);
    whole = i + 1;
    const abs = shiftQuoteDeep(q, d);
    const moved = mapQuote(abs, map);
    if (!moved) lastUnmapped = firstMoved + i - qSuf;
    building.add(moved ?? shiftQuote(abs, delta, null));
  });
  building.addRange(oldQuotes, whole, oldQuotes.length, delta);
  const found = building.build();
  const qShift = found.length - oldQuotes.length;

  // 5. Attribution: resume before the first re-found quote, in a window of paragraphs around
  //    the change, and stop once back in step with the old walk.
  const s = qPre;
  // Pronouns read the last actor of their kind before them: the walk may stop only where an
  // unchanged actor of each kind lies between the last changed actor and the quote.
  const steadyFrom = diffFrom < diffTo ? steadyAfter(paragraphs, actorsRel, diffTo) : -Infinity;
  const inStep = (j: number, log: NameLog, logBase: number, namesParagraph: number, prev: Quote | null): boolean => {
    if (j < firstMoved || j <= lastUnmapped) return false;
    const jo = j - qShift; // the same quote in the old walk
    const pj = paragraphOf(paragraphs, found.startOf(j));
    // Everything the quote reads (its paragraph, the one before, names collected) is unchanged.
    if (pj - 1 < midEnd || Math.max(namesParagraph + 1, pj - 3) < midEnd) return false;
    if (paragraphs[Math.max(0, pj - 4)].start < steadyFrom) return false;
    if (mapParagraph(old.namesAt[jo]) !== namesParagraph) return false;
    if (!sameQuote(jo >= 1 && jo <= oldQuotes.length ? oldQuotes.at(jo - 1) : null, prev, map)) return false;
    return sameWindow(old.log, old.logAt[jo], log, logBase, map);
  };
  // A name the change adds stays among the names the rules read for a while: the walk
  // may need many paragraphs to get back in step, so the window grows before giving up.
  let walked: Walked | null = null;
  const prevQuote = s > 0 ? oldQuotes.at(s - 1) : null;
  for (const after of WINDOWS_AFTER) {
    walked = walkWindow(text, paragraphs, found, actorsRel, s, Math.max(midEnd, qb), after, old.log, old.logAt[s], old.namesAt[s], prevQuote, inStep);
    if (walked) break;
  }
  walked ??= walkAll(text, paragraphs, found, actorsRel, s, old.log, old.logAt[s], old.namesAt[s], prevQuote, inStep);
  const quotes = new QuoteListBuilder();
  quotes.addRange(found, 0, s);
  quotes.addAll(walked.quotes);
  // The log: the old one before quote s, what the walk added, then (back in step) the old rest.
  const log = new LogListBuilder();
  const logStart = old.logAt[s];
  log.addRange(old.log, 0, logStart);
  for (let i = logStart - walked.logBase; i < walked.log.length; i++) log.push(walked.log.items[i], walked.log.pos[i]);
  const newBase = walked.logBase + walked.log.length;
  const stopped = walked.stoppedAt < found.length;
  const jo = walked.stoppedAt - qShift; // back in step at quote jo of the old walk
  const count = s + walked.logAt.length + (stopped ? oldQuotes.length - jo + 1 : 1);
  const logAt = new Int32Array(count);
  const namesAt = new Int32Array(count);
  logAt.set(old.logAt.subarray(0, s));
  logAt.set(walked.logAt, s);
  namesAt.set(old.namesAt.subarray(0, s));
  namesAt.set(walked.namesAt, s);
  let at = s + walked.logAt.length;
  if (stopped) {
    // The rest is the old walk's, moved.
    quotes.addRange(found, walked.stoppedAt, found.length);
    const oldBase = old.logAt[jo];
    if (!addMoved(log, old.log, oldBase, P, suffixStart, delta)) return null;
    for (let i = jo; i <= oldQuotes.length; i++, at++) {
      logAt[at] = old.logAt[i] - oldBase + newBase;
      namesAt[at] = mapParagraph(old.namesAt[i]);
    }
  } else {
    logAt[at] = newBase;
    namesAt[at] = walked.namesParagraph;
  }

  return finish({
    text, context: setup.context, header, bodyStart: old.bodyStart, referenceDate: setup.referenceDate, hasDateOption: setup.hasDateOption,
    paragraphs, local, produced, dicts, resolutionAt, placesRel, actorsRel,
    quotes: quotes.build(), log: log.build(), logAt, namesAt,
  });
}

/**
 * Names [from, end) of the old log, moved to the new text (runs that move alike keep
 * their chunks); false when one was written in the changed stretch.
 */
function addMoved(out: LogListBuilder, old: LogList, from: number, prefix: number, suffixStart: number, delta: number): boolean {
  let run = from;
  let runShift = 0;
  for (let i = from; i < old.length; i++) {
    const pos = old.posAt(i);
    const shift = pos < prefix ? 0 : pos >= suffixStart ? delta : NaN;
    if (Number.isNaN(shift)) return false;
    if (shift !== runShift) {
      out.addRange(old, run, i, runShift);
      run = i;
      runShift = shift;
    }
  }
  out.addRange(old, run, old.length, runShift);
  return true;
}

/**
 * Whether a stored quote (its chunk `d` characters on) moves by the edit's delta as a
 * whole, speaker and cue included: what mapQuote would make of it, without a copy.
 */
function movesWhole(q: Quote, d: number, map: SpanMap, delta: number): boolean {
  return map.offset(q.start + d, q.end + d) === delta &&
    (!q.speaker || map.offset(q.speaker.start + d, q.speaker.end + d) === delta) &&
    (!q.cueSpan || map.offset(q.cueSpan.start + d, q.cueSpan.end + d) === delta);
}

/** `list` with items [from, to) replaced by `mid`, in one new array (no spread: it goes through iterators). */
function spliced<T>(list: readonly T[], from: number, to: number, mid: readonly T[]): T[] {
  const out: T[] = new Array(list.length - (to - from) + mid.length);
  let at = 0;
  for (let i = 0; i < from; i++) out[at++] = list[i];
  for (let i = 0; i < mid.length; i++) out[at++] = mid[i];
  for (let i = to; i < list.length; i++) out[at++] = list[i];
  return out;
}

/** Whether two lists hold the same items (outcome objects, signatures), in order. */
function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two lists name the same actors in the same order (and, with `at`, at the same places). */
function sameNames(old: readonly Entity[], now: readonly Entity[], at = false): boolean {
  if (old.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    const o = old[i];
    if (o.name !== now[i].name || o.type !== now[i].type) return false;
    if (at && (o.start !== now[i].start || o.end !== now[i].end)) return false;
  }
  return true;
}

/** Signatures of the mentions of local[from…to) (those `keep` keeps), in order. */
function signatures(local: LocalResult[], from: number, to: number, keep?: (m: Mention) => boolean): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) for (const m of local[i].mentions) if (!keep || keep(m)) out.push(mentionSignature(m));
  return out;
}

/**
 * The first position from which every pronoun finds the same last actor of its kind as
 * before: the end of the first actor of each kind in paragraphs from `from` on.
 */
function steadyAfter(paragraphs: Paragraph[], actorsRel: Entity[][], from: number): number {
  let person = -1;
  let org = -1;
  for (let i = from; i < paragraphs.length && (person < 0 || org < 0); i++) {
    for (const e of actorsRel[i]) {
      const fit = actorFit(e);
      if (person < 0 && fit & 1) person = e.end + paragraphs[i].start;
      if (org < 0 && fit & 2) org = e.end + paragraphs[i].start;
    }
  }
  if (person < 0 || org < 0) return Infinity;
  return Math.max(person, org);
}

// ---------------------------------------------------------------------------------
// The attribution walk after an edit

type InStep = (j: number, log: NameLog, logBase: number, namesParagraph: number, prev: Quote | null) => boolean;

/** A walk's outcome: quotes[s…stoppedAt) attributed, and its log (names from index logBase on: the old ones before s, then what it added). */
interface Walked {
  quotes: Quote[];
  log: NameLog;
  logBase: number;
  /** Per attributed quote: the log length (whole log) and names paragraph before it. */
  logAt: number[];
  namesAt: number[];
  stoppedAt: number;
  namesParagraph: number;
}

/** Paragraphs after the change a window's walk may go on for, looking to get back in step (tried in turn). */
const WINDOWS_AFTER = [12, 60, 300];
/** Paragraphs before the first re-walked quote: everything a quote reads lies within them. */
const WINDOW_BEFORE = 6;

/**
 * The walk from quote s over a window of paragraphs: the text of the window is masked
 * (not the whole document), with every offset relative to the window. Null when the
 * walk reaches the window's end without getting back in step (the caller walks on
 * over the whole text).
 */
function walkWindow(
  text: Source, paragraphs: Paragraph[], found: QuoteList, actors: Entity[][], s: number, changedUntil: number, after: number,
  oldLog: LogList, logLength: number, namesParagraph: number, prev: Quote | null, inStep: InStep,
): Walked | null {
  if (s >= found.length) return walkAll(text, paragraphs, found, actors, s, oldLog, logLength, namesParagraph, prev, inStep);
  // The walk reads only the last names of the log: it starts from those.
  const log = oldLog.tail(logLength);
  const logBase = logLength - log.length;
  const r = walkRange(text, paragraphs, found, actors, s, Math.min(paragraphs.length, changedUntil + after), log, logBase, namesParagraph, prev, inStep);
  if (!r || (r.stoppedAt === r.end && r.end < found.length)) return null;
  return { quotes: r.quotes, log, logBase, logAt: r.logAt, namesAt: r.namesAt, stoppedAt: r.stoppedAt, namesParagraph: r.namesParagraph };
}

/**
 * Characters of text a from-scratch walk masks at a time (whole paragraphs, from
 * WINDOW_BEFORE paragraphs before its first quote). The masked copy takes two bytes a
 * character: below V8's large-object size (128 KB) it is allocated in the young
 * generation like any string, where a larger one gets fresh pages of its own, every
 * page a fault (measured, 1 MB masked in windows of ~120 KB: 11 ms; of ~60 KB: 2 ms).
 */
const CHUNK_CHARS = 50_000;

/**
 * The whole attribution walk, a window of paragraphs at a time: only a window's text is
 * masked at once (a masked copy of a long article costs more to allocate than to fill).
 */
function walkFresh(text: string, paragraphs: Paragraph[], found: Quote[], actors: Entity[][]): Walked {
  const log = new NameLog();
  const out: Walked = { quotes: [], log, logBase: 0, logAt: [], namesAt: [], stoppedAt: found.length, namesParagraph: -1 };
  let prev: Quote | null = null;
  const seq = new ArraySeq(found);
  for (let s = 0; s < found.length; ) {
    const first = paragraphOf(paragraphs, found[s].start);
    const w0 = paragraphs[Math.max(0, first - WINDOW_BEFORE)].start;
    let budget = CHUNK_CHARS;
    let r: Ranged | null = null;
    // A quote running past the window (or a paragraph longer than it) widens the window.
    while (!(r = walkRange(text, paragraphs, seq, actors, s, windowEnd(paragraphs, first, w0 + budget), log, 0, out.namesParagraph, prev))) budget *= 4;
    for (const q of r.quotes) out.quotes.push(q);
    for (const x of r.logAt) out.logAt.push(x);
    for (const x of r.namesAt) out.namesAt.push(x);
    out.namesParagraph = r.namesParagraph;
    prev = out.quotes[out.quotes.length - 1];
    s = r.end;
  }
  return out;
}

/**
 * The end (exclusive paragraph index) of a window holding paragraph `first`: the first
 * paragraph that starts past `limit`, and no sooner than two paragraphs after `first`
 * (walkRange walks the quotes that start before its window's last paragraph).
 */
function windowEnd(paragraphs: Paragraph[], first: number, limit: number): number {
  const past = firstIndex(paragraphs.length, (i) => paragraphs[i].start > limit);
  return Math.min(paragraphs.length, Math.max(past, first + 2));
}

interface Ranged {
  /** Attributed quotes[s…stoppedAt), document offsets. */
  quotes: Quote[];
  logAt: number[];
  namesAt: number[];
  stoppedAt: number;
  /** The first quote the window could not hold (the walk went up to it unless it stopped). */
  end: number;
  namesParagraph: number;
}

/**
 * Walks quotes from s in the window of paragraphs that reaches back WINDOW_BEFORE
 * paragraphs (everything a quote reads) and forward to paragraph pEnd, masking only that
 * window. Names the walk finds are added to `log` (document offsets; its first name is
 * name `logBase` of the whole log). Null when no quote fits in the window.
 */
function walkRange(
  text: Source, paragraphs: Paragraph[], found: QuoteSeq, actors: Entity[][], s: number, pEnd: number,
  log: NameLog, logBase: number, namesParagraph: number, prev: Quote | null, inStep?: InStep,
): Ranged | null {
  const pFirst = Math.max(0, paragraphOf(paragraphs, found.startOf(s)) - WINDOW_BEFORE);
  const w0 = paragraphs[pFirst].start;
  const w1 = pEnd < paragraphs.length ? paragraphs[pEnd].start : text.length;
  // Quotes the window walks: those that start before its last paragraph and end inside it.
  const lastStart = pEnd < paragraphs.length ? paragraphs[pEnd - 1].start : text.length + 1;
  let e = s;
  while (e < found.length && found.startOf(e) < lastStart && found.endOf(e) <= w1) e++;
  if (e === s) return null;
  const wText = text.slice(w0, w1);
  const wParagraphs: Paragraph[] = [];
  for (let i = pFirst; i < pEnd; i++) wParagraphs.push(shiftParagraph(paragraphs[i], -w0));
  const wQuotes: Quote[] = [];
  for (let i = s; i < e; i++) wQuotes.push(shiftQuote(found.at(i), -w0, null, null));
  // Every quotation in the window is masked, clipped to it.
  const spans: Span[] = [];
  for (let i = Math.max(0, firstIndex(found.length, (x) => found.endOf(x) > w0)); i < found.length && found.startOf(i) < w1; i++) {
    spans.push({ start: Math.max(found.startOf(i), w0) - w0, end: Math.min(found.endOf(i), w1) - w0 });
  }
  const masked = maskQuotes(wText, spans as Quote[]);
  const logLength = log.length;
  const logStart = Math.max(0, logLength - MAX_KNOWN);
  const wLog = new NameLog(log.items.slice(logStart, logLength), plus(log.pos.slice(logStart, logLength), -w0));
  const wPrev = prev && shiftQuoteDeep(prev, -w0);
  const run = runAttribution(wText, masked, newlinesOf(masked), wParagraphs, wQuotes, new ActorIndex(windowActors(paragraphs, actors, pFirst, pEnd, w0)), 0,
    { log: wLog, namesParagraph: namesParagraph - pFirst }, wPrev,
    inStep && ((j, l, names, before) => inStep(s + j, l, w0, names + pFirst, before && shiftQuoteDeep(before, w0))));
  const added = logLength - logStart;
  for (let i = added; i < run.log.length; i++) log.push(run.log.items[i], run.log.pos[i] + w0);
  return {
    quotes: shiftedDeep(run.quotes, w0),
    logAt: plus(run.logAt, logLength + logBase - added),
    namesAt: plus(run.namesAt, pFirst),
    stoppedAt: s + run.stoppedAt,
    end: e,
    namesParagraph: run.namesParagraph + pFirst,
  };
}

/** `xs` with `d` added to each, in place (loops rather than map() closures: see byPosition). */
function plus(xs: number[], d: number): number[] {
  for (let i = 0; i < xs.length; i++) xs[i] += d;
  return xs;
}

/** The quotes moved by `d`, speakers and cues along (new objects). */
function shiftedDeep(quotes: readonly Quote[], d: number): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) out.push(shiftQuoteDeep(q, d));
  return out;
}

/** The walk from quote s over the whole text (masked whole: the slow way). */
function walkAll(
  source: Source, paragraphs: Paragraph[], list: QuoteList, actors: Entity[][], s: number,
  oldLog: LogList, logLength: number, namesParagraph: number, prev: Quote | null, inStep: InStep,
): Walked {
  // No quote left to walk (the change is after the last one): nothing to mask, no name to add.
  if (s >= list.length) return { quotes: [], log: new NameLog(), logBase: logLength, logAt: [], namesAt: [], stoppedAt: s, namesParagraph };
  const log = oldLog.slice(0, logLength);
  const found = list.toArray();
  const text = flat(source);
  const masked = maskQuotes(text, found);
  const run = runAttribution(text, masked, newlinesOf(masked), paragraphs, found, new ActorIndex(absolute(paragraphs, actors, shiftEntity)), s,
    { log, namesParagraph }, prev, (j, l, names, before) => inStep(j, l, 0, names, before));
  return { ...run, logBase: 0 };
}

/**
 * The actors a window's walk can read (window offsets): those of its paragraphs
 * [pFirst, pEnd), and before them the last one of each pronoun kind (a pronoun in the
 * window may go back to it).
 */
function windowActors(paragraphs: Paragraph[], actors: Entity[][], pFirst: number, pEnd: number, w0: number): Entity[] {
  const before: Entity[] = [];
  let person = false;
  let org = false;
  let any = true;
  search: for (let i = pFirst - 1; i >= 0; i--) {
    const list = actors[i];
    for (let k = list.length - 1; k >= 0; k--) {
      const fit = actorFit(list[k]);
      if (any || (!person && fit & 1) || (!org && fit & 2)) before.push(shiftEntity(list[k], paragraphs[i].start - w0));
      any = false;
      if (fit & 1) person = true;
      if (fit & 2) org = true;
      if (person && org) break search;
    }
  }
  const out: Entity[] = [];
  for (let i = before.length - 1; i >= 0; i--) out.push(before[i]);
  for (let i = pFirst; i < pEnd; i++) for (const e of actors[i]) out.push(shiftEntity(e, paragraphs[i].start - w0));
  return out;
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

/** Start of the line holding `at`, not before `floor`. */
function lineStart(text: Source, at: number, floor: number): number {
  let i = at;
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c === 10 || c === 13) break;
    i--;
  }
  return i;
}

/** A finding of a one-off analysis moved to document offsets in place (nothing else holds it). */
function moved<T extends Span>(x: T, d: number): T {
  x.start += d;
  x.end += d;
  return x;
}

// Moved copies, built field by field (object spread is several times slower, and
// an edit moves every finding after it).
function shiftParagraph(p: Paragraph, d: number): Paragraph {
  return { start: p.start + d, end: p.end + d, heading: p.heading };
}
function shiftDate(x: DateMention, d: number): DateMention {
  return { start: x.start + d, end: x.end + d, text: x.text, value: x.value };
}
function shiftEntity(e: Entity, d: number): Entity {
  if (d === 0) return e;
  return e.type === undefined
    ? { start: e.start + d, end: e.end + d, kind: e.kind, text: e.text, name: e.name }
    : { start: e.start + d, end: e.end + d, kind: e.kind, text: e.text, name: e.name, type: e.type };
}

interface SpanMap {
  /** A position of the old text in the new one; NaN inside the changed stretch. */
  pos(x: number): number;
  span<T extends Span>(x: T): T | null;
  /** Where the old text's span [start, end) is in the new one: 0 unchanged, delta moved, NaN changed. */
  offset(start: number, end: number): number;
}

function spanMapper(prefix: number, suffixStart: number, delta: number): SpanMap {
  const span = <T extends Span>(x: T): T | null => {
    if (x.end <= prefix) return x;
    if (x.start >= suffixStart) return { ...x, start: x.start + delta, end: x.end + delta };
    return null;
  };
  const offset = (start: number, end: number): number => (end <= prefix ? 0 : start >= suffixStart ? delta : NaN);
  return { pos: (x) => (x < prefix ? x : x >= suffixStart ? x + delta : NaN), span, offset };
}

/** An old attributed quote in the new text (null: it rests on something that changed). */
function mapQuote(q: Quote, map: SpanMap): Quote | null {
  const d = map.offset(q.start, q.end);
  const ds = q.speaker ? map.offset(q.speaker.start, q.speaker.end) : 0;
  const dc = q.cueSpan ? map.offset(q.cueSpan.start, q.cueSpan.end) : 0;
  if (Number.isNaN(d) || Number.isNaN(ds) || Number.isNaN(dc)) return null;
  if (d === 0 && ds === 0 && dc === 0) return q;
  const speaker = q.speaker && (ds === 0 ? q.speaker : shiftSpeaker(q.speaker, ds));
  const cueSpan = q.cueSpan && (dc === 0 ? q.cueSpan : { start: q.cueSpan.start + dc, end: q.cueSpan.end + dc });
  return shiftQuote(q, d, speaker, cueSpan);
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
function sameWindow(oldLog: LogList, oldLength: number, log: NameLog, base: number, map: SpanMap): boolean {
  const window = MAX_KNOWN;
  const count = Math.min(window, oldLength);
  if (Math.min(window, log.length) !== count) return false;
  for (let i = 1; i <= count; i++) {
    if (map.pos(oldLog.posAt(oldLength - i)) !== log.pos[log.length - i] + base) return false;
    const a = oldLog.itemAt(oldLength - i);
    const b = log.items[log.length - i];
    if (a === b) continue;
    if (a.name !== b.name || a.phrase !== b.phrase || !!a.speaker !== !!b.speaker) return false;
    if (a.speaker && (a.person !== b.person || a.org !== b.org)) return false;
  }
  return true;
}

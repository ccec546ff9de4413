// Quotation spans. CONTRACT:
//  findQuotes(text, paragraphs): every quote with document offsets, marks included,
//  speaker null (attribution is speakers.ts), kind a first guess.
//
// One left-to-right pass over the quotation marks of each paragraph, with a small
// stack of open quotes. Each mark is read by its flanking (what is on either side),
// so a closing mark typed as an opening one (`safety?“`) still closes, apostrophes
// (don’t, Azerbaijan’s, ’90s) are never marks, and an unbalanced mark is given up at
// the end of its paragraph instead of swallowing the rest of the document. A quote
// still open at the end of a paragraph continues when the next paragraph reopens
// with an opening mark (the news convention for quotes of several paragraphs).
import { isSpaceCode, wordCount } from './text';
import { own } from './strings';
import type { Source } from './pieceText';
import type { Paragraph, Quote, QuoteKind } from './types';

// Regexes of hot functions as module constants: a literal in a function makes a new
// RegExp object on every call.
const SPACE_CHAR = /\s/;
const DIGIT_CHAR = /\d/;
const ENDS_IN_STOP = /[.!?]$/;

type Family = 'double' | 'single' | 'guillemet';

interface Open {
  start: number;
  family: Family;
  /** The opening character, to tell „…“ (German) from “…” (English). */
  mark: string;
}

const OPENING_PUNCT = /[\s([{\u2014\u2013\-/]/u;
const CLOSING_PUNCT = /[\s.,;:!?)\]}\u2014\u2013\-…/]/u;
const LETTER = /[\p{L}\p{N}]/u;

/** A mark can open when nothing but space or opening punctuation is before it and a non-space follows. */
function leftFlanking(prev: string, next: string): boolean {
  return (prev === '' || OPENING_PUNCT.test(prev) || isMarkChar(prev)) && next !== '' && !SPACE_CHAR.test(next);
}
/** A mark can close when a non-space is before it and space, punctuation or the end follows. */
function rightFlanking(prev: string, next: string): boolean {
  return prev !== '' && !SPACE_CHAR.test(prev) && (next === '' || CLOSING_PUNCT.test(next) || isMarkChar(next));
}
function isMarkChar(c: string): boolean {
  return c !== '' && '"“”„«»‘’\'‚‹›'.includes(c);
}

/** Internal result: a top-level quote with the spans it covers in each paragraph. */
export interface RawQuote {
  start: number;
  end: number;
  closed: boolean;
  paragraphs: number;
}

type CarriedQuote = RawQuote & { mark: string };

/** A stretch of text a quote may not silently run past: a paragraph, or a line that starts with a quotation mark. */
interface Unit {
  start: number;
  end: number;
  heading: boolean;
}

/**
 * Paragraphs, split further before lines that open with a quotation mark: texts that
 * separate paragraphs by single line breaks still recover at each one.
 */
const LINE_OPENING_WITH_MARK = /\r?\n[ \t]*(?=["“„«‘'`])/g;
function units(body: string, p: Paragraph, out: Unit[]): Unit[] {
  let start = p.start;
  if (body.includes('\n')) {
    const lineStart = LINE_OPENING_WITH_MARK;
    lineStart.lastIndex = 0;
    for (let m = lineStart.exec(body); m; m = lineStart.exec(body)) {
      let end = p.start + m.index;
      while (end > start && SPACE_CHAR.test(body[end - 1 - p.start])) end--;
      out.push({ start, end, heading: false });
      start = p.start + m.index + m[0].length;
    }
  }
  out.push({ start, end: p.end, heading: p.heading });
  return out;
}

export function findQuotes(text: string, paragraphs: Paragraph[]): Quote[] {
  return toQuotes(text, paragraphs, scanQuotes(text, paragraphs, 0, () => false).found);
}

/** What scanQuotes carries from unit to unit (one object per scan, no closures per unit). */
interface ScanState {
  found: RawQuote[];
  /** A quote left open at the end of the previous unit, continued by this one. */
  carried: CarriedQuote | null;
}

/** Ends the open quote `o` at `end`: the quote carried from the unit before, or a new one. */
function finishQuote(st: ScanState, o: Open, end: number, closed: boolean): void {
  const carried = st.carried;
  if (carried && carried.start === o.start) {
    carried.end = end;
    carried.closed = closed;
    st.found.push(carried);
    st.carried = null;
  } else st.found.push({ start: o.start, end, closed, paragraphs: 1 });
}

/** Closes the innermost open quote of a family; inner quotes left open are dropped. */
function closeTo(st: ScanState, stack: Open[], family: Family, end: number): void {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].family !== family) continue;
    const o = stack[k];
    stack.length = k;
    if (k === 0) finishQuote(st, o, end, true);
    return;
  }
}

function hasOpen(stack: readonly Open[], family: Family): boolean {
  for (const o of stack) if (o.family === family) return true;
  return false;
}

/** The first open quote that is no single-mark one (as stack.find). */
function outermostNotSingle(stack: readonly Open[]): Open | undefined {
  for (const o of stack) if (o.family !== 'single') return o;
  return undefined;
}

/**
 * The quotation spans of paragraphs[first…], read paragraph by paragraph. After each
 * paragraph with no quote left open into the next one, `canStop(next)` may end the
 * scan there (re-analysis of an edited text stops where the old findings resume).
 */
export function scanQuotes(text: Source, paragraphs: Paragraph[], first: number, canStop: (next: number) => boolean): { found: RawQuote[]; next: number } {
  const found: RawQuote[] = [];
  const st: ScanState = { found, carried: null };
  for (let pi = first; pi < paragraphs.length; pi++) {
    if (pi > first && !st.carried && canStop(pi)) return { found: sortByStart(found), next: pi };
    // The paragraph is read as a string of its own (`base` its offset): the text may be
    // held in pieces (pieceText.ts), never joined for a scan.
    const base = paragraphs[pi].start;
    const body = text.slice(base, paragraphs[pi].end);
    const list = units(body, paragraphs[pi], []);
    // The first unit of the next paragraph: where a quote left open here may reopen.
    if (pi + 1 < paragraphs.length) list.push(firstUnit(paragraphs[pi + 1]));
    const own = pi + 1 < paragraphs.length ? list.length - 1 : list.length;
    for (let ui = 0; ui < own; ui++) {
      const u = list[ui];
      const stack: Open[] = [];
      let i = u.start;
      if (st.carried) {
        stack.push({ start: st.carried.start, family: 'double', mark: st.carried.mark });
        i += 1; // the reopening mark
      }
      MARK_RE.lastIndex = i - base;
      for (let at = nextMark(body); at !== -1 && at + base < u.end; at = nextMark(body)) {
        i = at + base;
        let c = body[at];
        const len = 1;
        // Doubled typewriter apostrophes ('' and ``) are no quotation marks: the user's spec
        // lists “…”, "…", ‘…’, «…», „…“ only, and the annotated corpora do not count
        // ''…'' as quotes. Both characters are skipped so that neither opens a single quote.
        // (To restore the case: read them as one double mark of length 2 here, and let
        // `reopens` accept a doubled mark.)
        if ((c === "'" || c === '`') && body[at + 1] === c) {
          MARK_RE.lastIndex = at + 2;
          continue;
        }
        if (c === '`') c = '‘';
        const prev = i > u.start ? body[at - 1] : '';
        const next = i + len < u.end ? body[at + len] : '';
        const left = leftFlanking(prev, next);
        const right = rightFlanking(prev, next);
        const top = stack[stack.length - 1];
        const end = i + len;
        switch (c) {
          case '"':
            if (top && top.family === 'double' && (right || !left)) closeTo(st, stack, 'double', end);
            else if (hasOpen(stack, 'double') && right && !left) closeTo(st, stack, 'double', end);
            else if (left) stack.push({ start: i, family: 'double', mark: c });
            break;
          case '“':
            // An opening mark that cannot open, after an open quote, closes it (`safety?“`, „…“).
            if (hasOpen(stack, 'double') && ((right && !left) || top?.mark === '„')) closeTo(st, stack, 'double', end);
            else if (left || (!right && !stack.length)) stack.push({ start: i, family: 'double', mark: c });
            break;
          case '”':
            if (hasOpen(stack, 'double') && (right || !left)) closeTo(st, stack, 'double', end);
            else if (left && !right) stack.push({ start: i, family: 'double', mark: c });
            break;
          case '„':
            stack.push({ start: i, family: 'double', mark: c });
            break;
          case '«':
          case '‹':
            stack.push({ start: i, family: 'guillemet', mark: c });
            break;
          case '»':
          case '›':
            closeTo(st, stack, 'guillemet', end);
            break;
          case '‘':
          case '‚':
            // ‘90s is an elided year, not a quote.
            if (left && !DIGIT_CHAR.test(next)) stack.push({ start: i, family: 'single', mark: c });
            break;
          case '’':
          case "'":
            if (LETTER.test(prev) && LETTER.test(next)) break; // don't, Azerbaijan’s
            if (right && hasOpen(stack, 'single')) closeTo(st, stack, 'single', end);
            else if (c === "'" && left && !DIGIT_CHAR.test(next)) stack.push({ start: i, family: 'single', mark: c });
            break;
        }
        MARK_RE.lastIndex = at + len;
      }
      // End of the unit: an open quote continues when the next unit reopens in the same style.
      const outer = outermostNotSingle(stack);
      if (outer) {
        const carried = st.carried;
        const q: CarriedQuote = carried && carried.start === outer.start ? carried : { start: outer.start, end: u.end, closed: false, paragraphs: 1, mark: outer.mark };
        const nxt = list[ui + 1];
        if (nxt && !nxt.heading && reopens(text, nxt.start, q.mark)) {
          q.paragraphs++;
          st.carried = q;
        } else {
          q.end = u.end;
          q.closed = false;
          found.push(q);
          st.carried = null;
        }
      } else if (st.carried) {
        const q: RawQuote = st.carried;
        q.end = u.end;
        q.closed = false;
        found.push(q);
        st.carried = null;
      }
    }
  }
  return { found: sortByStart(found), next: paragraphs.length };
}

// Comparators and callbacks of hot paths are module functions: a closure made per call has
// its optimised code die with it at a full collection, re-optimised by the next analysis.
const byStart = (a: RawQuote, b: RawQuote): number => a.start - b.start;

function sortByStart(found: RawQuote[]): RawQuote[] {
  return found.sort(byStart);
}

/** The first unit of a paragraph: where a quote open at the end of the one before may reopen. */
function firstUnit(p: Paragraph): Unit {
  return { start: p.start, end: p.end, heading: p.heading };
}

/**
 * Quotes from raw spans: text, kind, a quoted heading a term. `paragraphs` holds every span.
 * `copy`: each quote's text a string of its own (see own()); a one-off analysis, which
 * keeps nothing for later, needs none.
 */
export function toQuotes(text: Source, paragraphs: Paragraph[], found: RawQuote[], copy = true): Quote[] {
  const headings: Paragraph[] = [];
  for (const p of paragraphs) if (p.heading) headings.push(p);
  // A loop, not map() with a closure: a closure's optimised code dies with it at a full
  // garbage collection, and each analysis after one re-optimised it.
  const out: Quote[] = [];
  let hi = 0;
  for (let i = 0; i < found.length; i++) {
    const r = found[i];
    const t = copy ? own(text.slice(r.start, r.end)) : text.slice(r.start, r.end);
    // A quoted heading is a title, not speech waiting for a speaker. Quotes come in
    // document order, so a cursor over the headings finds the one that may hold it.
    while (hi > 0 && headings[hi - 1].end >= r.end) hi--;
    while (hi < headings.length && headings[hi].end < r.end) hi++;
    const heading = hi < headings.length && headings[hi].start <= r.start;
    out.push({ start: r.start, end: r.end, text: t, kind: heading ? 'term' : guessKind(t), speaker: null, cue: null, cueSpan: null, closed: r.closed, paragraphs: r.paragraphs });
  }
  return out;
}

const MARK_RE = /["“”„«»‘’'‚‹›`]/g;

/**
 * Where the next quotation mark is, from MARK_RE.lastIndex on (-1: none). test() rather
 * than exec(): no match array for each of the article's marks (a mark is one character).
 */
function nextMark(text: string): number {
  return MARK_RE.test(text) ? MARK_RE.lastIndex - 1 : -1;
}

/**
 * Whether a unit starting at `at` reopens a quote opened with `mark`: the same style
 * of opening mark (straight with straight, curly with curly), and no new transcript turn.
 */
function reopens(text: Source, at: number, mark: string): boolean {
  const c = text.slice(at, at + 1);
  if (!c) return false;
  const style = (m: string) => (m === '"' || m === "'" ? 'straight' : m === '«' ? 'guillemet' : 'curly');
  if (!'"“„«'.includes(c)) return false;
  if (style(c) !== style(mark)) return false;
  return !startsTurn(text, at + 1);
}

/** A reopening paragraph that starts a new transcript turn (`"PENCE: …`) is a new quote. */
function startsTurn(text: Source, at: number): boolean {
  return TURN_LABEL.test(text.slice(at, at + 40));
}
export const TURN_LABEL = /^(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}|Q|A):\s/;

/**
 * First guess of a quote's kind: a term (scare quote, quoted word or title) is short
 * and no sentence; everything else is speech. Attribution may still give a term a speaker.
 */
export function guessKind(quoteText: string): QuoteKind {
  const inner = stripMarks(quoteText).trim();
  const words = wordCount(inner, 5);
  if (words >= 5) return 'speech';
  // A short complete sentence ("We never agreed.") is still speech.
  if (words >= 3 && STARTS_UPPER.test(inner) && ENDS_IN_STOP.test(inner)) return 'speech';
  return 'term';
}

// A module constant: the bundler turns a \p{…} literal into a new RegExp per call.
const STARTS_UPPER = /^\p{Lu}/u;

const LEADING_MARKS = '"“”„«‘’\'‚‹';
const TRAILING_MARKS = '"“”»’\'‘›';
/**
 * The text without its opening and closing marks, as `replace(/^[LEADING]+|[TRAILING]+$/g, '')`
 * (the closing run never reaches into the opening one). Read by character: the
 * end-anchored pattern was tried at every position of the quotation.
 */
function stripMarks(s: string): string {
  let start = 0;
  while (start < s.length && LEADING_MARKS.includes(s[start])) start++;
  let end = s.length;
  while (end > start && TRAILING_MARKS.includes(s[end - 1])) end--;
  return s.slice(start, end);
}



/** Exported for its equivalence test. */
export const quoteInternals = { stripMarks };

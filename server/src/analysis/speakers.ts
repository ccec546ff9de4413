// Who said each quote. CONTRACT:
//  attributeSpeakers(text, paragraphs, quotes, actors): the quotes with speaker, cue and
//  kind set; actors are the document's resolved actor mentions (for canonical names).
//
// The rules read the quote's own sentence first (a cue after the quote: "…,” X said /
// said X; a cue before it: X said that “…”, according to X, X warned: “…”), then the
// paragraph before (a colon at its end), then the previous quote (a quote paragraph
// continuing the last speaker). Quote texts are masked out first, so a cue word inside
// a quotation never counts. Every look-around is bounded to the quote's sentence and
// the paragraph before it: the work is linear in the document.
import { findCues, IMPERSONAL, isBaseForm, isNounish, nameOf, orgLike, personLike, phraseAfter, PERSONAL_PRONOUN, subjectAfter, subjectBefore } from './cues';
import type { Cue, Phrase } from './cues';
import { TURN_LABEL } from './quotes';
import { own } from './strings';
import { isSpaceCode, wordCount } from './text';
import type { AttributionVia, Entity, Paragraph, Quote, Speaker, Span } from './types';

// Regexes of hot functions as module constants: a literal in a function makes a new
// RegExp object on every call.
const COLON_AT_END = /:\s*$/u;
const CLAUSE_START_AT_END = /(?:^|[,:]\s*)$/u;
const PUNCTUATION_AT_END = /[,;:■]\s*$/u;
const WITNESS_VERB_AT_END = /\b(?:of|shows?|showed|heard|hear|see|saw|caught|recorded)\s+$/u;
const SPACES = /\s+/u;
const AUXILIARY_WORD = /\b(?:is|was|were|are|has|have|had)\b/u;
const IT = /^it$/iu;
const COPULA_AFTER = /^\s*(?:is|was|seems|appears)\b/u;
const DEMONSTRATIVE = /^(?:there|this|that|these|those|it’s|it's)$/iu;
const POSSESSIVE_AT_END = /[’']s?$/u;
const ARTICLE_FIRST = /^(?:the|a|an|another)\s/iu;
const DASH = /[―—–]/u;

// Regexes with \p{…} are module constants, not literals in the functions: the bundler
// (esbuild, target node20) rewrites such literals as `new RegExp(…)` calls, which would
// build a regex object on every call of these hot functions.
const AUXILIARY_BEFORE = /\b(?:will|would|to|did|does|do|can|could|may|might|should|must|[’']ll|[’']d)\s+(?:\p{Ll}+ly\s+)?$/u;
const CLAUSE_OPENING = /(?:^|,)\s*(?:\p{Ll}+ly\s+)?$/u;
const DEFINITE_DESCRIPTION = /^the\s+(?:[\p{Ll}-]+\s+)*([\p{Ll}-]+)$/u;
const LEAD_APPOSITIVE = /^(\p{Lu}[^,]{0,60}?)\s*(?:\([^()]{1,40}\))?\s*,[^■]{2,200},\s*$/u;
const NAME_BEFORE_PARTICIPLE = /(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.’'-]*\s+$/u;
const PROGRESSIVE_AUX = /\b(?:is|are|was|were|been|be|am)\s+(?:\p{Ll}+ly\s+)?$/u;
const SINGLE_NAME = /^\p{Lu}[\p{L}’'-]+$/u;
const STARTS_UPPER_AFTER_SPACE = /^\s*\p{Lu}/u;
const UPPER = /\p{Lu}/u;
const VERB_AFTER_SUBJECT = /^(?:\s*,[^,■]{1,120},)?\s+((?:has\s+|have\s+|had\s+|was\s+|is\s+|were\s+|are\s+|will\s+|would\s+|also\s+|then\s+|\p{Ll}+ly\s+)*)(\p{Ll}[\p{L}-]*)/u;
const VERB_BEFORE_BY = /(\p{L}+)\s+by\s+$/u;

/** Stands for a quotation in masked text: neither a word, nor space, nor punctuation. */
const MASK = '■';
const MASK_CODE = 0x25a0;
/** How far the rules look around a quote (characters). */
const BEFORE_WINDOW = 400;
const AFTER_WINDOW = 250;
/** How much of a clause before a verb of saying its subject can take (characters). */
const HEAD_REACH = 160;

interface Attribution {
  speaker: Omit<Speaker, 'name'> & { name?: string };
  cue: string | null;
  cueSpan: Span | null;
}

/** A name seen so far, for short forms, "the headquarters" and pronouns. */
export interface Known {
  name: string;
  /** The whole phrase it was written as ("Political scientist Gurgen Simonyan"). */
  phrase: string;
  /** Whether it can be "he"/"she" and "it": computed when a pronoun first asks (most names never are). */
  person?: boolean;
  org?: boolean;
  /** The phrase in lower case, kept once computed ("the headquarters" looks it up often). */
  lowerPhrase?: string;
  /** A speaker found by the rules (a subject), not just a capitalised run. */
  speaker?: boolean;
}

/**
 * A log entry with every field present from the start: entries of one shape keep the
 * loops over the log (short forms, pronouns) on fast property reads, where lazily added
 * fields would give each entry its own shape.
 */
function knownName(name: string, phrase: string, person: boolean | undefined, org: boolean | undefined, speaker: boolean): Known {
  return { name, phrase, person, org, lowerPhrase: undefined, speaker };
}

/**
 * The names seen so far, in order, with where each was written (kept apart, so that
 * re-analysis moves a log's positions without copying its names).
 */
export class NameLog {
  /**
   * One instance of each class of the walk, kept for good (filled at the end of this
   * module). V8 reaches an instance's shape by transitions it holds weakly: when no
   * instance is alive (between analyses), a full garbage collection drops the shape, and
   * with it every optimised function that read such an instance, so each analysis after
   * one re-optimised the whole walk (measured with the bench, which collects before every
   * run: attribution ~1.7× slower). A static field, as a module constant that nothing
   * reads would not be kept alive itself.
   */
  static readonly shapesKept: object[] = [];

  constructor(readonly items: Known[] = [], readonly pos: number[] = []) {}
  get length(): number {
    return this.items.length;
  }
  push(k: Known, pos: number): void {
    this.items.push(k);
    this.pos.push(pos);
  }
}

export function attributeSpeakers(text: string, paragraphs: Paragraph[], quotes: Quote[], actorList: Entity[]): Quote[] {
  if (!quotes.length) return quotes;
  const masked = maskQuotes(text, quotes);
  return runAttribution(text, masked, newlinesOf(masked), paragraphs, quotes, new ActorIndex(actorList), 0, START()).quotes;
}

/** What the attribution walk carries from one quote to the next. */
export interface WalkState {
  /** Names seen so far, in order (append-only; the rules read the last MAX_KNOWN). */
  log: NameLog;
  /** The last paragraph whose names were collected (-1: none). */
  namesParagraph: number;
}

const START = (): WalkState => ({ log: new NameLog(), namesParagraph: -1 });

/** Asked before quote j (after the first): whether the walk may stop there. */
export type StopWalk = (j: number, log: NameLog, namesParagraph: number, prev: Quote | null) => boolean;

export interface AttributionRun {
  /** The attributed quotes, quotes[from…stoppedAt). */
  quotes: Quote[];
  log: NameLog;
  /** Per attributed quote: the log length and names paragraph before it. */
  logAt: number[];
  namesAt: number[];
  /** Index of the first quote not attributed (the walk stopped there, or the end). */
  stoppedAt: number;
  /** The names paragraph after the last attributed quote. */
  namesParagraph: number;
}

/**
 * Attributes quotes[from…] after `state` (the walk's state before quote `from`;
 * `prev` the attributed quote before it). Before each quote after the first,
 * `stop(j, log, namesParagraph, prev)` may end the walk: re-analysis stops once the
 * walk is back in step with the previous run.
 */
export function runAttribution(
  text: string, masked: string, newlines: ArrayLike<number>, paragraphs: Paragraph[], quotes: Quote[],
  actors: ActorIndex, from: number, state: WalkState, prev: Quote | null = null,
  stop?: StopWalk,
): AttributionRun {
  current = { masked, newlines, ...breaksOf(masked) };
  try {
    return attributeAll(text, masked, paragraphs, quotes, actors, from, state, prev, stop);
  } finally {
    current = null;
  }
}

function attributeAll(
  text: string, masked: string, paragraphs: Paragraph[], quotes: Quote[], actors: ActorIndex,
  from: number, state: WalkState, prevQuote: Quote | null,
  stop?: StopWalk,
): AttributionRun {
  const known = state.log;
  const out: Quote[] = [];
  const logAt: number[] = [];
  const namesAt: number[] = [];
  let lastNamesParagraph = state.namesParagraph;
  let pi = 0;
  let prev = prevQuote;
  let qi = from;
  for (; qi < quotes.length; qi++) {
    if (stop && qi > from && stop(qi, known, lastNamesParagraph, prev)) break;
    logAt.push(known.length);
    namesAt.push(lastNamesParagraph);
    const q = quotes[qi];
    if (qi === from) pi = paragraphAt(paragraphs, q.start);
    while (pi + 1 < paragraphs.length && paragraphs[pi].end < q.start) pi++;
    // Names written before this quote, paragraph by paragraph (bounded look-back).
    for (let k = Math.max(lastNamesParagraph + 1, pi - 3); k <= pi; k++) collectNames(text, masked, paragraphs[k], known, actors);
    lastNamesParagraph = pi;
    const para = paragraphs[pi];
    const a = attribute(text, masked, paragraphs, pi, q, prev, para);
    let speaker: Speaker | null = null;
    if (a && a.speaker) {
      speaker = canonical(a.speaker, q.start, known, actors);
      if (speaker.via !== 'continuation') remember(known, speaker, a.speaker.text, actors);
    }
    prev = { ...q, speaker, cue: a?.cue ?? null, cueSpan: a?.cueSpan ?? null };
    out.push(prev);
  }
  return { quotes: out, log: known, logAt, namesAt, stoppedAt: qi, namesParagraph: lastNamesParagraph };
}

/** The paragraph a quote starting at `at` is read in: the first whose end is not before it. */
export function paragraphAt(paragraphs: Paragraph[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].end < at) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo);
}

/** The text with every quotation (marks included) replaced by MASK, line breaks kept. */
export function maskQuotes(text: string, quotes: readonly Quote[]): string {
  // Built from parts joined once: appending to one string makes a deep rope that the
  // first read then has to flatten.
  const parts: string[] = [];
  let at = 0;
  for (const q of quotes) {
    if (q.start < at) continue;
    parts.push(text.slice(at, q.start));
    maskSpan(text, q.start, q.end, parts);
    at = q.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Appends the masked form of text[start, end) to `parts`. A function of its own: its rare
 * branch (a line break inside a quotation) would otherwise send the optimised loop of
 * maskQuotes back to the interpreter on every call that meets one.
 */
function maskSpan(text: string, start: number, end: number, parts: string[]): void {
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) run++;
    else {
      if (run) parts.push(masks(run));
      run = 0;
      parts.push(text[i]);
    }
  }
  if (run) parts.push(masks(run));
}

const MASKS: string[] = [];
/** `n` MASK characters (short runs remembered: most quotations are short). */
function masks(n: number): string {
  if (n >= 512) return MASK.repeat(n);
  return (MASKS[n] ??= MASK.repeat(n));
}

function attribute(text: string, masked: string, paragraphs: Paragraph[], pi: number, q: Quote, prev: Quote | null, para: Paragraph): Attribution | null {
  // 1. A transcript turn: "PENCE: …" inside the quote, or a label right before it.
  const turn = interviewTurn(text, q, para);
  if (turn) return turn;

  const unitStart = lineStart(masked, q.start, para.start);
  const sStart = sentenceStart(masked, text, unitStart, q.start);
  const before = masked.slice(sStart, q.start);
  const afterEnd = sentenceEnd(masked, q.end, Math.min(lineEnd(masked, q.end, para.end), q.end + AFTER_WINDOW));
  const after = masked.slice(q.end, afterEnd);

  // 2. "It was reported that “…”": deliberately no source.
  if (IMPERSONAL.test(before)) return null;

  // 3. A cue right after the quote: "…,” X said / said X / according to X / ― X.
  const post = afterQuote(text, masked, q, after);
  if (post) return post;

  // 4. A cue before the quote in the same sentence.
  const pre = beforeQuote(masked, sStart, q.start);
  if (pre) return pre;

  // A quoted heading is a title: only its own line can attribute it.
  if (para.heading) return null;

  // 5. Earlier quote in the same sentence: same speaker.
  if (prev?.speaker && prev.end > sStart && prev.start >= para.start) return inherit(prev, 'continuation');

  const opensUnit = onlySpace(masked, unitStart, q.start);
  // 6. A quote paragraph after a paragraph (or line) ending in a colon.
  if (opensUnit) {
    const prevPara = pi > 0 ? paragraphs[pi - 1] : null;
    const colonAt = unitStart > para.start ? unitStart : prevPara && !prevPara.heading ? prevPara.end : -1;
    if (colonAt > 0) {
      const from = Math.max(colonAt - BEFORE_WINDOW, 0);
      const head = masked.slice(from, colonAt).trimEnd();
      if (head.endsWith(':')) {
        const colon = colonClause(masked, from, from + head.length - 1);
        if (colon) return colon;
      }
    }
  }
  // 7. A quote opening its sentence continues the nearest attribution before it: the
  //    previous quote's speaker, or the subject of a verb of saying in the sentences
  //    just before ("Schiff said. “The other factor …”"), in this paragraph or, for a
  //    quote opening its paragraph, the one before.
  if (!before.trim()) {
    const prevPara = pi > 0 ? paragraphs[pi - 1] : null;
    const floor = opensUnit && prevPara && !prevPara.heading ? prevPara.start : unitStart;
    const from = Math.max(floor, q.start - BEFORE_WINDOW);
    const near = prev?.speaker && prev.end >= from ? prev : null;
    const cue = lastAttribution(text, masked, Math.max(from, near ? near.end : from), sStart);
    if (cue) return { speaker: withVia(cue.speaker, cue.speaker.via === 'pronoun' ? 'pronoun' : 'continuation'), cue: cue.cue, cueSpan: cue.cueSpan };
    if (near) return inherit(near, 'continuation');
  }
  // 8. A quoted phrase inside a sentence with no verb of saying ("Trump likened the
  //    refugees to a “vicious snake”"): the words are the sentence subject's.
  if (before.trim() && !SPACE_OR_PARENTHESIS.test(before)) {
    const subject = sentenceSubject(masked, sStart, q.start);
    if (subject) return make(subject.phrase, 'cue', subject.verb);
  }
  return null;
}

const SPACE_OR_PARENTHESIS = /^[\s(]*$/u;

/** Whether [from, to) is white space only (read backwards: it stops at the first other character). */
function onlySpace(s: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}

/** The last verb of saying with a subject in [from, to): "… Schiff said." */
function lastAttribution(text: string, masked: string, from: number, to: number): Attribution | null {
  if (to <= from) return null;
  const cues = findCues(masked.slice(from, to), from);
  for (let k = cues.length - 1; k >= 0; k--) {
    const c = cues[k];
    const sStart = sentenceStart(masked, text, lineStart(masked, c.start, from), c.start);
    const floor = Math.max(sStart, from);
    let phrase: Phrase | null;
    if (c.accordingTo) phrase = phraseAfter(masked.slice(c.end, Math.min(c.end + 120, to)), c.end);
    else phrase = cueSubject(masked, floor, c, cuesFrom(cues, k, floor));
    if (phrase) return make(phrase, c.accordingTo ? 'according-to' : 'cue', c);
  }
  return null;
}

/** cues[0, k) that start at or after `floor`, in order (a loop, not filter() with a closure per call). */
function cuesFrom(cues: readonly Cue[], k: number, floor: number): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < k; i++) if (cues[i].start >= floor) out.push(cues[i]);
  return out;
}

function inherit(prev: Quote, via: AttributionVia): Attribution {
  const s = prev.speaker!;
  return { speaker: withVia(s, via), cue: prev.cue, cueSpan: prev.cueSpan };
}

/**
 * A speaker with another `via`. Hot objects here are built from literals of fixed shapes
 * rather than spread (a spread copies property by property).
 */
function withVia<S extends Attribution['speaker']>(s: S, via: AttributionVia): S {
  return (s.name === undefined ? { start: s.start, end: s.end, text: s.text, via } : { start: s.start, end: s.end, text: s.text, via, name: s.name }) as S;
}

/**
 * The line breaks of the text being attributed, for the duration of one
 * attributeSpeakers call: in a long single-line paragraph a search for the
 * nearest line break would otherwise run back to the start of the text for every quote.
 * The masked text keeps every line break where the text has it.
 */
let current: { masked: string; newlines: ArrayLike<number>; breaks: Int32Array; breakCount: number } | null = null;

/**
 * Where a sentence break may begin in the masked text (what sentenceStart tries): every
 * . ! ? and every MASK not followed by another, in order, in `breaks` [0, breakCount).
 * Found once per walk: otherwise each quote and each verb of saying reads up to
 * BEFORE_WINDOW characters back, one at a time. A scratch array reused by every walk
 * (numbers only: it keeps nothing of a text alive).
 */
let breaks = new Int32Array(1024);
// A regex scans the text ~2× faster than a loop over its characters (measured); test()
// rather than exec(), as a match is one character: no match array for each.
const BREAK_CANDIDATE = /[.!?]|\u25a0(?!\u25a0)/g;
function breaksOf(masked: string): { breaks: Int32Array; breakCount: number } {
  let count = 0;
  const re = BREAK_CANDIDATE;
  re.lastIndex = 0;
  while (re.test(masked)) {
    if (count === breaks.length) {
      const grown = new Int32Array(breaks.length * 2);
      grown.set(breaks);
      breaks = grown;
    }
    breaks[count++] = re.lastIndex - 1;
  }
  return { breaks, breakCount: count };
}

export function newlinesOf(masked: string): number[] {
  const out: number[] = [];
  for (let i = masked.indexOf('\n'); i !== -1; i = masked.indexOf('\n', i + 1)) out.push(i);
  return out;
}

/** The last line break at or before `at` (-1: none), as `lastIndexOf('\n', at)`. */
function newlineAtOrBefore(masked: string, at: number): number {
  if (current?.masked !== masked) return masked.lastIndexOf('\n', at);
  const k = firstAbove(current.newlines, Math.max(at, 0)) - 1;
  return k < 0 ? -1 : current.newlines[k];
}
/** The first line break at or after `at` (-1: none), as `indexOf('\n', at)`. */
function newlineAtOrAfter(masked: string, at: number): number {
  if (current?.masked !== masked) return masked.indexOf('\n', at);
  const k = firstAtOrAfter(current.newlines, at);
  return k < current.newlines.length ? current.newlines[k] : -1;
}

/** Start of the line holding `at` (paragraphs may be made of single-line-break lines). */
function lineStart(masked: string, at: number, floor: number): number {
  const nl = newlineAtOrBefore(masked, at - 1);
  return nl < floor ? floor : nl + 1;
}
function lineEnd(masked: string, at: number, limit: number): number {
  const nl = newlineAtOrAfter(masked, at);
  return nl === -1 || nl > limit ? limit : nl;
}

const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Jr|Sr|Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Ft|Mt|Rev|Pres|Adm|Gov|Supt)|(?<![\p{L}\p{N}_])\p{Lu}|\b(?:a\.m|p\.m|U\.S|U\.N|U\.K|D\.C|E\.U))$/u;

// Sticky: tried only where a break can begin (., !, ? or a masked quotation), so a
// search never runs past its window to the end of the text looking for a match.
const SENTENCE_BREAK = /[.!?]+[’'"”]*\s+(?=[\p{Lu}\d■"“‘(])|■(?=\s+\p{Lu})/uy;
const SENTENCE_END = /[.!?]+(?=[’'"”]*(?:\s|$))|■/uy;

/** Whether a sentence break or end may begin with this character: . ! ? or MASK. */
function mayBreak(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x25a0;
}

/**
 * Start of the sentence holding `at`, no earlier than `floor` nor BEFORE_WINDOW back. Runs
 * inside a walk (runAttribution), from the places a break may begin, found once for it
 * (see breaksOf).
 */
function sentenceStart(masked: string, text: string, floor: number, at: number): number {
  const from = Math.max(floor, at - BEFORE_WINDOW);
  let start = from;
  const { breaks: b, breakCount: n } = current!;
  for (let k = firstAtOrAfter(b, from, n), next = from; k < n && b[k] < at; k++) {
    if (b[k] < next) continue;
    const r = breakAt(masked, text, b[k]);
    if (r === 0) continue;
    next = Math.abs(r);
    if (r > 0) start = r;
  }
  while (start < at && isSpaceCode(masked.charCodeAt(start))) start++;
  return start;
}

/** sentenceStart reading every character instead of the walk's index: its reference in the equivalence test. */
function sentenceStartScanned(masked: string, text: string, floor: number, at: number): number {
  const from = Math.max(floor, at - BEFORE_WINDOW);
  let start = from;
  for (let i = from; i < at; i++) {
    const code = masked.charCodeAt(i);
    if (!mayBreak(code)) continue;
    // Inside a masked quotation only its last MASK can be followed by space.
    if (code === MASK_CODE && masked.charCodeAt(i + 1) === MASK_CODE) continue;
    const r = breakAt(masked, text, i);
    if (r === 0) continue;
    i = Math.abs(r) - 1;
    if (r > 0) start = r;
  }
  while (start < at && isSpaceCode(masked.charCodeAt(start))) start++;
  return start;
}

const QUOTATION_CLOSES_SENTENCE = /[.!?][”"’»]*$/u;
/**
 * A sentence break tried at `i` (a . ! ? or the last MASK of a quotation): 0 when none
 * matches there, else where the match ends (never 0), negated when no sentence starts
 * there (after an abbreviation, or a quotation that does not end its sentence): a scan
 * goes on after the match either way.
 */
function breakAt(masked: string, text: string, i: number): number {
  const re = SENTENCE_BREAK;
  re.lastIndex = i;
  const m = re.exec(masked);
  if (!m) return 0;
  const end = m.index + m[0].length;
  if (m[0] === MASK) {
    // A quotation ending a sentence ("… reintegration.” The …).
    return QUOTATION_CLOSES_SENTENCE.test(text.slice(Math.max(0, m.index - 3), m.index + 1)) ? end : -end;
  }
  return ABBREVIATION.test(masked.slice(Math.max(0, m.index - 6), m.index)) ? -end : end;
}

/** End of the sentence that starts after `from` (exclusive), no later than `limit`. */
function sentenceEnd(masked: string, from: number, limit: number): number {
  const re = SENTENCE_END;
  for (let i = from; i < limit; i++) {
    if (!mayBreak(masked.charCodeAt(i))) continue;
    re.lastIndex = i;
    const m = re.exec(masked);
    if (!m) continue;
    if (m[0] === MASK) return m.index;
    i = m.index + m[0].length - 1;
    if (ABBREVIATION.test(masked.slice(Math.max(0, m.index - 6), m.index))) continue;
    return m.index + m[0].length;
  }
  return limit;
}

const DASH_NAME = /^\s*[―—–]\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,4})/u;
const PASSIVE_BY = /^\s*,?\s*(?:was|were|is|are|has been|had been)\s+(?:\p{Ll}+ly\s+)?(?:written|said|sung|penned|coined|uttered|tweeted|posted|spoken|used|delivered|reported|stated)\s+by\s+/u;

/** "…,” X said. / “…,” said X, the minister. / “…,” according to X. / “…” ― X */
function afterQuote(text: string, masked: string, q: Quote, after: string): Attribution | null {
  if (!after.trim()) return null;
  // A byline dash: “…” ― Sonya Herridge
  const dash = DASH_NAME.exec(after);
  if (dash) {
    const start = q.end + dash[0].length - dash[1].length;
    const dashAt = q.end + after.search(DASH);
    return make({ start, end: start + dash[1].length, text: dash[1] }, 'cue', { start: dashAt, end: dashAt + 1, text: text[dashAt], accordingTo: false, participle: false });
  }
  const passive = PASSIVE_BY.exec(after);
  if (passive) {
    const np = phraseAfter(masked.slice(q.end + passive[0].length, q.end + passive[0].length + 120), q.end + passive[0].length);
    const verb = VERB_BEFORE_BY.exec(passive[0])!;
    const vAt = q.end + verb.index;
    if (np) return make(np, 'cue', { start: vAt, end: vAt + verb[1].length, text: verb[1], accordingTo: false, participle: false });
  }
  const cues = findCues(after, q.end);
  // "…,” X, the attorney general of Y, one of the states suing, said": a noun of saying
  // after a determiner is not the cue.
  let first: Cue | undefined;
  for (const c of cues) {
    if (nounOfSaying(c, masked.slice(Math.max(q.end, c.start - 40), c.start))) continue;
    first = c;
    break;
  }
  if (!first) return null;
  const lead = masked.slice(q.end, first.start);
  if (wordCount(lead, 21) > 20 || lead.includes(MASK)) return null;
  const tail = masked.slice(first.end, q.end + after.length);
  // After a quote that closed its sentence, only a short attribution follows
  // ("….” Smith said.), not a new statement ("She says it underscores that …").
  const newSentence = endsSentence(text, q) && STARTS_UPPER_AFTER_SPACE.test(after);
  if (newSentence && (wordCount(tail, 7) > 6 || THAT_IF_WHETHER.test(tail) || FINITE_VERB.test(tail) || COMMA_ONLY.test(tail) && masked[q.end + after.length] === MASK)) return null;
  const bare = BARE_LEAD.test(lead);
  if (first.accordingTo) {
    if (!bare && !COMMA_AT_END.test(lead)) return null;
    const np = phraseAfter(masked.slice(first.end, first.end + 120), first.end);
    return np ? make(np, 'according-to', first) : null;
  }
  if (bare) {
    // Inversion: "…,” said X.
    if (first.participle) return null;
    const np = phraseAfter(masked.slice(first.end, Math.min(first.end + 120, q.end + after.length)), first.end);
    return np ? make(np, 'cue', first) : null;
  }
  const leadText = lead.replace(LEAD_PUNCTUATION, '');
  const leadAt = first.start - lead.length + (lead.length - leadText.length);
  // "…,” Scott Pruitt, the attorney general of Oklahoma, one of the states suing, said
  const appositive = LEAD_APPOSITIVE.exec(leadText);
  if (appositive && plausibleSubject(appositive[1])) {
    return make({ start: leadAt, end: leadAt + appositive[1].length, text: appositive[1] }, 'cue', first);
  }
  const subject = cueSubject(masked, first.start - lead.length, first, []);
  if (!subject) return null;
  if (subject.start === leadAt) return make(subject, 'cue', first);
  // “…” as a Homeland Security memo put it.
  if (AS_ONLY.test(masked.slice(first.start - lead.length, subject.start))) return make(subject, 'cue', first);
  // “…” is held accountable, Warren said. / “…” to drive up the price, she said.
  if (COMMA_AT_END.test(masked.slice(first.start - lead.length, subject.start)) && wordCount(tail, 6) <= 5 && !THAT.test(tail)) {
    return make(subject, 'cue', first);
  }
  return null;
}

const THAT_IF_WHETHER = /\b(?:that|if|whether)\b/u;
// A clause of its own after the cue ("… said the leader was unstable"): reported speech, not an attribution.
const FINITE_VERB = /\b(?:was|were|is|are|had|has|have|will|would|could|can|should|must|did|does)\b/u;
const THAT = /\bthat\b/u;
const COMMA_ONLY = /^\s*,?\s*$/u;
const COMMA_AT_END = /,\s*$/u;
const BARE_LEAD = /^[\s,\u2014\u2013-]*$/u;
const LEAD_PUNCTUATION = /^[\s,\u2014\u2013-]+/u;
const AS_ONLY = /^[\s,]*as\s+$/u;


/** Whether the quotation's text, closing marks and trailing space aside, ends in . ! or ? */
function endsSentence(text: string, q: Quote): boolean {
  let i = q.end;
  while (i > q.start && CLOSING_MARKS.includes(text[i - 1])) i--;
  while (i > q.start && isSpaceCode(text.charCodeAt(i - 1))) i--;
  const c = text.charCodeAt(i - 1);
  return i > q.start && (c === 0x2e || c === 0x21 || c === 0x3f);
}
const CLOSING_MARKS = '"”’»“';

function plausibleSubject(t: string): boolean {
  return t.split(SPACES).length <= 8 && !AUXILIARY_WORD.test(t);
}

/** A cue in the sentence before the quote: X said that “…”, according to X, “…”. */
function beforeQuote(masked: string, sStart: number, qStart: number): Attribution | null {
  const window = masked.slice(sStart, qStart);
  const cues = findCues(window, sStart);
  if (!cues.length) {
    // "X: “…”" (a name and a colon, no verb).
    if (COLON_AT_END.test(window)) return colonClause(masked, sStart, sStart + window.trimEnd().length - 1);
    return null;
  }
  const via: AttributionVia = COLON_AT_END.test(window) ? 'colon' : 'cue';
  for (let k = cues.length - 1; k >= 0; k--) {
    const c = cues[k];
    const found = fromCue(masked, sStart, cues, k, qStart, via, 'according-to');
    if (found) return found;
    if (c.accordingTo) continue;
    if (k === 0 && c.participle && SUBORDINATOR_ONLY.test(masked.slice(sStart, c.start))) {
      const main = mainClauseSubject(masked, qStart, c);
      if (main) return make(main, via, c);
    }
    // Inverted before the quote: "…, said X: “…”".
    if (!c.participle && CLAUSE_START_AT_END.test(masked.slice(sStart, c.start))) {
      const np = phraseAfter(masked.slice(c.end, Math.min(c.end + 120, qStart)), c.end);
      if (np) return make(np, via, c);
    }
  }
  return null;
}

// Ends in one token free of spaces: see lastToken.
const DETERMINER_BEFORE = /(?:^|\s)(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|whose|of|[\p{L}]+[’']s|[\p{L}]+-[\p{L}]+|late-night|recent|latest|new|series|flurry)\s*$/iu;
const PLURAL_SUBJECT = /^(?:they|we|i|you)$|[^’'s]s$/iu;

/** Whether a cue is a noun after a determiner ("Trump's tweets", "the report"), `before` the text before it. */
function nounOfSaying(c: Cue, before: string): boolean {
  return isNounish(c.text) && DETERMINER_BEFORE.test(lastToken(before));
}

/**
 * The last run of non-space characters of `s`, with the space after it: all that an
 * end-anchored "(?:^|\s)TOKEN\s*$" pattern (TOKEN free of spaces) can match, so it is
 * not tried at every position of the window.
 */
function lastToken(s: string): string {
  let end = s.length;
  while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && !isSpaceCode(s.charCodeAt(start - 1))) start--;
  return s.slice(start);
}

/** The subject of a cue: the phrase right before it, or for an -ing form the clause's subject. */
function cueSubject(masked: string, sStart: number, c: Cue, earlier: Cue[]): Phrase | null {
  // End-anchored patterns below only need the words right before the cue.
  const headStart = Math.max(sStart, c.start - HEAD_REACH);
  const head = masked.slice(headStart, c.start);
  // "Trump's tweets", "the report": a noun, not a verb.
  if (nounOfSaying(c, head)) return null;
  const participle = c.participle && !PROGRESSIVE_AUX.test(head);
  if (participle) {
    // "footage of Hillary Clinton asking": the name right before the -ing form.
    const run = NAME_BEFORE_PARTICIPLE.exec(head);
    if (run && run.index > 0 && !PUNCTUATION_AT_END.test(head.slice(0, run.index)) && WITNESS_VERB_AT_END.test(head.slice(0, run.index))) {
      const t = run[0].trimEnd();
      return { start: headStart + run.index, end: headStart + run.index + t.length, text: t };
    }
  }
  let direct = participle ? null : subjectBefore(head, headStart);
  // "I laughed and said": the subject of the verb the cue is coordinated with.
  const coordinated = direct || participle ? null : COORDINATED_VERB.exec(head);
  if (coordinated) direct = subjectBefore(head.slice(0, coordinated.index), headStart);
  // A base form ("say", "tweet") needs a plural or first/second-person subject, or an auxiliary.
  if (direct && isBaseForm(c.text) && !PLURAL_SUBJECT.test(direct.text.split(SPACES).pop() ?? '') &&
      !AUXILIARY_BEFORE.test(head)) direct = null;
  if (direct) return direct;
  if (!participle && !CLAUSE_OPENING.test(head)) return null;
  // "X said …, adding that": the subject of an earlier cue in the sentence.
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k];
    if (e.accordingTo) continue;
    const s = subjectBefore(masked.slice(sStart, e.start), sStart);
    if (s) return s;
  }
  // "After saying …, she": an opening participle clause; its subject is the main clause's (see beforeQuote).
  if (participle && SUBORDINATOR_ONLY.test(masked.slice(sStart, c.start))) return null;
  // "The ministry issued a statement stressing …": the sentence's subject.
  return sentenceSubject(masked, sStart, c.start)?.phrase ?? null;
}

// A past form ("laughed", "stood") and "and" right before the cue.
const COORDINATED_VERB = /(?:^|\s)(?:\p{Ll}+ed|stood|rose|sat|went|came|turned|shook|took)\s+and\s+$/u;
// A sentence opening with a subordinator and nothing else before a participle cue.
const SUBORDINATOR_ONLY = /^\s*(?:After|Before|While|When|By|In|Since|Despite|Upon|On|Without)\s+$/u;
// The quotation (masked), then its sentence's main clause: ", she said" / " she was".
const MAIN_CLAUSE_AFTER = /^■+[^■.!?\n]{0,80}?(?:,\s*|(?<=■)\s+)(?=\S)/u;

/**
 * "After saying the bridge was “too old,” she was taken …": a sentence opening with a
 * participle clause that holds the quotation; the speaker is the main clause's subject,
 * after the quotation.
 */
function mainClauseSubject(masked: string, qStart: number, c: Cue): Phrase | null {
  const rest = masked.slice(qStart, qStart + 400);
  const m = MAIN_CLAUSE_AFTER.exec(rest);
  if (!m) return null;
  const from = qStart + m[0].length;
  const np = subjectAfter(masked.slice(from, from + 160), from);
  if (!np || !(UPPER.test(np.text) || PERSONAL_PRONOUN.test(np.text) || ARTICLE_FIRST.test(np.text))) return null;
  // Followed by its verb, as a subject is.
  return VERB_AFTER_SUBJECT.test(masked.slice(np.end, np.end + 80)) && np.start > c.end ? np : null;
}

const LEADING_ADVERBIAL = /^(?:(?:In|On|At|During|After|Before|When|While|Since|As|Following|Speaking|Asked|Meanwhile|However|Later|Earlier|Still|Yet|Also|But|And|So|Then|Now|Instead|Last|This|Over|Under|Despite|Throughout|Within|From|With|Without|For|Once|If|Although|Though|Because|Until|Unlike|Like|Amid|Among|Along)\b[^,■]{0,120},\s*|(?:But|And|So|Yet|Still|Meanwhile|Also|Now|Then)\s+)/u;

/** The subject that opens the sentence, and the word after it (its verb): "Trump likened …". */
function sentenceSubject(masked: string, sStart: number, limit: number): { phrase: Phrase; verb: Cue } | null {
  let from = sStart;
  for (let k = 0; k < 2; k++) {
    const lead = LEADING_ADVERBIAL.exec(masked.slice(from, limit));
    if (!lead) break;
    from += lead[0].length;
  }
  const window = masked.slice(from, Math.min(limit, from + 160));
  const np = subjectAfter(window, from);
  if (!np || PERSONAL_PRONOUN.test(np.text) && IT.test(np.text) && COPULA_AFTER.test(masked.slice(np.end, np.end + 12))) return null;
  if (DEMONSTRATIVE.test(np.text)) return null;
  // "Tom’s tweets were": a possessive is no subject.
  if (POSSESSIVE_AT_END.test(np.text)) return null;
  // The subject must be followed by its verb (a lowercase word), not more of the sentence's start;
  // an appositive may come between ("Dean, a medical doctor, then appeared").
  const v = VERB_AFTER_SUBJECT.exec(masked.slice(np.end, limit));
  if (!v) return null;
  const vAt = np.end + v[0].length - v[2].length;
  if (!UPPER.test(np.text) && !ARTICLE_FIRST.test(np.text) && !PERSONAL_PRONOUN.test(np.text)) return null;
  return { phrase: np, verb: { start: vAt, end: vAt + v[2].length, text: v[2], accordingTo: false, participle: false } };
}

/** The clause ending in a colon at `colon`: "The headquarters warned that …:", "Caddell continued:". */
function colonClause(masked: string, floor: number, colon: number): Attribution | null {
  const sStart = sentenceStart(masked, masked, lineStart(masked, colon, floor), colon);
  const window = masked.slice(sStart, colon);
  const cues = findCues(window, sStart);
  for (let k = cues.length - 1; k >= 0; k--) {
    const found = fromCue(masked, sStart, cues, k, colon, 'colon', 'colon');
    if (found) return found;
  }
  const colonCue: Cue = { start: colon, end: colon + 1, text: ':', accordingTo: false, participle: false };
  // No verb: a short name before the colon ("Rush Limbaugh:", "Trump on Twitter:").
  const words = window.trim().split(SPACES);
  if (words.length && words.length <= 6) {
    const np = phraseAfter(window, sStart);
    if (np && UPPER.test(np.text)) return make(np, 'colon', colonCue);
  }
  // "The piece used one of her quotes as its headline:": the sentence's subject.
  const subject = sentenceSubject(masked, sStart, colon);
  return subject ? make(subject.phrase, 'colon', colonCue) : null;
}

/** What `^["“„«'‘\`]{1,2}` matches, character by character. */
const OPENING_MARKS = '"“„«\'‘`';

/** "“PENCE: …" or "PENCE: “…”", and unquoted transcript lines. */
function interviewTurn(text: string, q: Quote, para: Paragraph): Attribution | null {
  const open = OPENING_MARKS.includes(q.text[0]) ? (OPENING_MARKS.includes(q.text[1]) ? 2 : 1) : 0;
  const inside = TURN_LABEL.exec(q.text.slice(open, open + 40));
  if (inside) {
    const start = q.start + open;
    const label = inside[0].replace(COLON_AT_END, '');
    return turn(label, start, start + label.length);
  }
  const lineBegin = Math.max(para.start, newlineAtOrBefore(current?.masked ?? text, q.start - 1) + 1);
  const head = text.slice(lineBegin, q.start);
  const m = TURN_LABEL.exec(head);
  if (m && m[0].length === head.length) {
    const label = m[0].replace(COLON_AT_END, '');
    return turn(label, lineBegin, lineBegin + label.length);
  }
  return null;
}

function turn(label: string, start: number, end: number): Attribution {
  return {
    speaker: { start, end, text: label, via: 'interview' },
    cue: ':',
    cueSpan: { start: end, end: end + 1 },
  };
}

/**
 * What cue `k` of a window says: "according to X" names X (read up to `limit`),
 * any other cue its subject; null when it names nobody.
 */
function fromCue(masked: string, sStart: number, cues: Cue[], k: number, limit: number, via: AttributionVia, accordingVia: AttributionVia): Attribution | null {
  const c = cues[k];
  if (c.accordingTo) {
    const np = phraseAfter(masked.slice(c.end, Math.min(c.end + 120, limit)), c.end);
    return np ? make(np, accordingVia, c) : null;
  }
  const subject = cueSubject(masked, sStart, c, cues.slice(0, k));
  return subject ? make(subject, via, c) : null;
}

function make(p: Phrase, via: AttributionVia, c: Cue): Attribution {
  const pronoun = PERSONAL_PRONOUN.test(p.text);
  return {
    speaker: p.name
      ? { start: p.start, end: p.end, text: own(p.text), via: pronoun ? 'pronoun' : via, name: own(nameOf(p.name)) }
      : { start: p.start, end: p.end, text: own(p.text), via: pronoun ? 'pronoun' : via },
    cue: c.text,
    cueSpan: { start: c.start, end: c.end },
  };
}

// ---------------------------------------------------------------------------------
// Canonical names: actors first, then names written earlier in the document.

// The first capital is matched as "A-Z or from U+00C0 on, and an upper-case letter"
// (every \p{Lu} is A-Z or above U+00BF): the same matches, but the cheap range test
// rejects most positions before the Unicode table is read (measured ~15% faster). It
// follows no ASCII letter, digit or _: \b would miss "Émile" after a space, since in a
// `u` regex it knows only ASCII word characters.
const NAME_RUN = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?(?<![A-Za-z0-9_])[A-Z\u00C0-\u{10FFFF}](?<=\p{Lu})[\p{L}’'-]+(?:\s+(?:of\s+(?:the\s+)?|de\s+|van\s+|von\s+|al-)?\p{Lu}[\p{L}.’'-]*){1,4}/gu;
export const MAX_KNOWN = 150;
/** How far back a pronoun looks for a speaker before settling for any name (characters). */
const PRONOUN_REACH = 1500;

/**
 * What a paragraph tells about who is who: capitalised runs of two words or more
 * (candidate full names) and the subjects of its verbs of saying (candidate speakers
 * for later pronouns: "Political scientist Gurgen Simonyan believes …" then "he told").
 */
const LEADING_WORD = /^(?:The|A|An|In|On|At|But|And|According|When|While|After|Before|If|As)\s+/u;
const LEADING_WORDS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'According', 'When', 'While', 'After', 'Before', 'If', 'As']);
function collectNames(text: string, masked: string, p: Paragraph, known: NameLog, actors: ActorIndex): void {
  const body = masked.slice(p.start, p.end);
  NAME_RUN.lastIndex = 0;
  for (let m = NAME_RUN.exec(body); m; m = NAME_RUN.exec(body)) {
    const run = m[0];
    const space = firstSpace(run);
    const name = LEADING_WORDS.has(run.slice(0, space)) ? run.replace(LEADING_WORD, '') : run;
    if (firstSpace(name) === name.length) continue;
    const kept = own(name);
    known.push(knownName(kept, kept, undefined, undefined, false), p.start + m.index);
  }
  for (const c of findCues(body, p.start)) {
    const sStart = sentenceStart(masked, text, lineStart(masked, c.start, p.start), c.start);
    let phrase: Phrase | null;
    if (c.accordingTo) phrase = phraseAfter(masked.slice(c.end, Math.min(c.end + 120, p.end)), c.end);
    else phrase = cueSubject(masked, sStart, c, []);
    if (!phrase || PERSONAL_PRONOUN.test(phrase.text)) continue;
    const subject: Attribution['speaker'] = phrase.name
      ? { start: phrase.start, end: phrase.end, text: phrase.text, via: 'cue', name: nameOf(phrase.name) }
      : { start: phrase.start, end: phrase.end, text: phrase.text, via: 'cue' };
    const s = canonical(subject, phrase.start, known, actors);
    remember(known, s, phrase.text, actors);
  }
}

/** The index of the first white-space character of `s` (its length: none). */
function firstSpace(s: string): number {
  let i = 0;
  while (i < s.length && !isSpaceCode(s.charCodeAt(i))) i++;
  return i;
}

function remember(known: NameLog, s: Speaker, phrase: string, actors: ActorIndex): void {
  if (PERSONAL_PRONOUN.test(s.text)) return;
  const actor = actorIn(actors, s.start, s.end);
  const person = actor?.type ? actor.type === 'person' : personLikeName(s.name);
  const org = actor?.type ? actor.type !== 'person' : orgLikeName(s.name) || orgLikeName(phrase);
  known.push(knownName(s.name, own(phrase), person, org, true), s.start);
}

function canonical(s: Attribution['speaker'], quoteStart: number, known: NameLog, actors: ActorIndex): Speaker {
  if (s.name) return s as Speaker;
  const at = Math.min(s.start, quoteStart);
  if (PERSONAL_PRONOUN.test(s.text)) return named(s, resolvePronoun(s.text, at, known, actors) ?? s.text, 'pronoun');
  // An actor mention the phrase covers ("political scientist Gurgen Simonyan").
  const actor = actorIn(actors, s.start, s.end);
  if (actor) return named(s, actor.name, s.via);
  return named(s, expand(nameOf(s.text), s.text, at, known), s.via);
}

/** The speaker with its canonical name (a plain literal: this runs for every quote and cue). */
function named(s: Attribution['speaker'], name: string, via: AttributionVia): Speaker {
  return { start: s.start, end: s.end, text: s.text, via, name: own(name) };
}

function actorIn(actors: ActorIndex, start: number, end: number): Entity | null {
  return actors.overlapping(start, end);
}

type PronounFit = 'person' | 'org' | 'any';

/**
 * The actor mentions indexed by position, so that each look-up is a binary search
 * instead of a scan over every actor of the document (hundreds per megabyte).
 * Results are exactly those of a scan in array order.
 */
export class ActorIndex {
  /** Actor indices ordered by start (ties in array order); null when the array is in that order. */
  private readonly byStart: number[] | null;
  private readonly starts: number[];
  /** The longest mention: an actor overlapping [start, end) starts after start - maxLen. */
  private readonly maxLen: number;
  /** In array order: the largest end among actors 0..i. */
  private readonly prefixMaxEnd: number[];
  /** In array order: the last actor at or before i that fits a pronoun class (-1: none). */
  private readonly lastFit: Record<PronounFit, Int32Array>;

  constructor(private readonly actors: readonly Entity[]) {
    const n = actors.length;
    let sorted = true;
    for (let i = 1; i < n && sorted; i++) sorted = actors[i - 1].start <= actors[i].start;
    // Resolved actors come sorted: then no index array and no sort.
    this.byStart = sorted ? null : Array.from({ length: n }, (_, i) => i).sort((a, b) => actors[a].start - actors[b].start || a - b);
    this.starts = new Array<number>(n);
    for (let k = 0; k < n; k++) this.starts[k] = actors[this.byStart ? this.byStart[k] : k].start;
    this.maxLen = 0;
    this.prefixMaxEnd = new Array<number>(n);
    this.lastFit = { person: new Int32Array(n), org: new Int32Array(n), any: new Int32Array(n) };
    let maxEnd = -Infinity;
    let person = -1;
    let org = -1;
    for (let i = 0; i < n; i++) {
      const a = actors[i];
      if (a.end - a.start > this.maxLen) this.maxLen = a.end - a.start;
      maxEnd = Math.max(maxEnd, a.end);
      this.prefixMaxEnd[i] = maxEnd;
      if (a.type ? a.type === 'person' : personLikeName(a.name)) person = i;
      if (a.type ? a.type !== 'person' : orgLikeName(a.name)) org = i;
      this.lastFit.person[i] = person;
      this.lastFit.org[i] = org;
      this.lastFit.any[i] = i;
    }
  }

  /** The actor overlapping [start, end) that reaches furthest (the first such in array order). */
  overlapping(start: number, end: number): Entity | null {
    let best = -1;
    // Candidates start before `end` and after `start - maxLen`.
    for (let k = firstAtOrAfter(this.starts, end) - 1; k >= 0 && this.starts[k] > start - this.maxLen; k--) {
      const i = this.byStart ? this.byStart[k] : k;
      const a = this.actors[i];
      if (a.end <= start) continue;
      if (best < 0 || a.end > this.actors[best].end || (a.end === this.actors[best].end && i < best)) best = i;
    }
    return best < 0 ? null : this.actors[best];
  }

  /**
   * The last actor fitting a pronoun among those before the first one (in array order)
   * that ends after `at`.
   */
  lastBefore(at: number, fit: PronounFit): Entity | null {
    const prefix = firstAbove(this.prefixMaxEnd, at);
    if (prefix === 0) return null;
    const i = this.lastFit[fit][prefix - 1];
    return i < 0 ? null : this.actors[i];
  }
}

/** personLike / orgLike of actor names, remembered: the same names recur all through an article. */
const fitMemo = new Map<string, number>();
function nameFit(name: string): number {
  let f = fitMemo.get(name);
  if (f === undefined) {
    if (fitMemo.size > 50_000) fitMemo.clear();
    f = (personLike(name) ? 1 : 0) | (orgLike(name) ? 2 : 0);
    // A copy as the key: a name cut from a text must not keep that text alive.
    fitMemo.set(own(name), f);
  }
  return f;
}
const personLikeName = (name: string): boolean => (nameFit(name) & 1) !== 0;
/** Which pronouns an actor can stand for: 1 he/she, 2 it, 3 both (as the actor index reads it). */
export function actorFit(a: Entity): number {
  return a.type ? (a.type === 'person' ? 1 : 2) : nameFit(a.name);
}
const orgLikeName = (name: string): boolean => (nameFit(name) & 2) !== 0;

/** The first index whose value is >= x, in an ascending array (its first n values). */
function firstAtOrAfter(xs: ArrayLike<number>, x: number, n = xs.length): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** The first index whose value is > x, in an ascending array. */
function firstAbove(xs: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}


/** "Simonyan" → "Gurgen Simonyan"; "the headquarters" → "Information Headquarters of NK". */
function expand(name: string, phrase: string, at: number, known: NameLog): string {
  const single = SINGLE_NAME.test(name);
  const definite = DEFINITE_DESCRIPTION.exec(phrase.trim());
  if (!single && !definite) return name;
  const head = single ? name : definite![1].toLowerCase();
  const { items, pos } = known;
  for (let k = items.length - 1, seen = 0; k >= 0 && seen < MAX_KNOWN; k--, seen++) {
    const c = items[k];
    if (pos[k] >= at || c.name === name) continue;
    if (single ? hasWord(c.name, head) : hasWord((c.lowerPhrase ??= c.phrase.toLowerCase()), head)) return c.name;
  }
  return name;
}

/** Whether `word` is a whole word of `s` (plain string search: this runs often). */
function hasWord(s: string, word: string): boolean {
  for (let i = s.indexOf(word); i !== -1; i = s.indexOf(word, i + 1)) {
    const before = i === 0 ? 0x20 : s.charCodeAt(i - 1);
    const after = i + word.length >= s.length ? 0x20 : s.charCodeAt(i + word.length);
    if (isSpaceCode(before) && isSpaceCode(after)) return true;
  }
  return false;
}

/** Whether a name seen before fits a pronoun class; its person/organisation reading is computed once. */
function fits(c: Known, fit: PronounFit): boolean {
  if (fit === 'any') return true;
  if (c.person === undefined) {
    const f = nameFit(c.name);
    c.person = (f & 1) !== 0;
    c.org = (f & 2) !== 0;
  }
  return fit === 'person' ? c.person : c.org!;
}

/** He/she: the most recent person; it: the most recent organisation; they: either. */
function resolvePronoun(pronoun: string, at: number, known: NameLog, actors: ActorIndex): string | null {
  const p = pronoun.toLowerCase();
  const fit: PronounFit = p === 'it' ? 'org' : p === 'they' ? 'any' : 'person';
  // The last fitting actor before the first that ends after the pronoun.
  const bestActor = actors.lastBefore(at, fit);
  // A recent speaker (a subject) first: pronouns mostly continue the topic.
  let best: Known | null = null;
  let bestPos = 0;
  let any: Known | null = null;
  let anyPos = 0;
  const { items, pos } = known;
  for (let k = items.length - 1, seen = 0; k >= 0 && seen < MAX_KNOWN; k--, seen++) {
    const c = items[k];
    const at_ = pos[k];
    if (at_ >= at || !fits(c, fit)) continue;
    if (c.speaker && at_ >= at - PRONOUN_REACH && (!best || at_ > bestPos)) { best = c; bestPos = at_; }
    if (!any || at_ > anyPos) { any = c; anyPos = at_; }
  }
  if (best) return best.name;
  if (bestActor && (!any || bestActor.start > anyPos)) return bestActor.name;
  if (any) return any.name;
  return bestActor?.name ?? null;
}

/** sentenceStart with the walk's index of break candidates and without it (for their equivalence test). */
function sentenceStartBothWays(masked: string, text: string, floor: number, at: number): [number, number] {
  const saved = current;
  try {
    current = { masked, newlines: newlinesOf(masked), ...breaksOf(masked) };
    return [sentenceStart(masked, text, floor, at), sentenceStartScanned(masked, text, floor, at)];
  } finally {
    current = saved;
  }
}

/** Helpers that stand in for regexes or string cutting, exported for their equivalence tests. */
export const speakerInternals = { NAME_RUN, wordCount, endsSentence, firstSpace, sentenceStartBothWays };

// One instance of each class of the walk, kept for good (see NameLog.shapesKept).
NameLog.shapesKept.push(new NameLog(), new ActorIndex([]));

// The words that introduce reported speech, and the small noun-phrase helpers the
// speaker rules share. Everything here works on a bounded window of text.

// Regexes with \p{…} are module constants, not literals in the functions: the bundler
// (esbuild, target node20) rewrites such literals as `new RegExp(…)` calls, which would
// build a regex object on every call of these hot functions.
import { isSpaceCode } from './text';

// Regexes of hot functions as module constants: a literal in a function makes a new
// RegExp object on every call.
const INFLECTED_ENDING = /(?:s|ed|ing)$/u;

/** A word of a noun phrase read forwards (abbreviations keep their period); global: reset lastIndex before a scan. */
const PHRASE_WORD = /(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr)\.|(?<![\p{L}\p{N}_])\p{Lu}\.|[^\s,;:.!?()\u2014\u2013■"“”])+/gu;
const BARE_PLURAL = /^[\p{Ll}-]+s$/u;
const CAPITALISED_ROLE_THEN_NAME = /^(?:\p{Lu}[\p{L}.’'-]*\s+)+\p{Ll}+\s+(?:\p{Lu}[\p{L}.’'-]*\s*)+$/u;
const ROLE_THEN_NAME = /^(?:[\p{Ll}][\p{L}-]*\s+)+((?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}.’'-]*)$/u;
const STARTS_LOWER = /^\p{Ll}/u;
const STARTS_LOWER_AFTER_THE = /^(?:the\s+)?\p{Ll}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const TRAILING_NAME = /(?:\p{Lu}[\p{L}.’'-]*\s*)+$/u;
const UPPER = /\p{Lu}/u;
const UPPER_AFTER_SPACE = /\s\p{Lu}/u;

/** Verbs of saying (and of stating a view), every inflection spelled out. */
const VERBS = [
  'say says said saying',
  'tell tells told telling',
  'report reports reported reporting',
  'warn warns warned warning',
  'state states stated stating',
  'note notes noted noting',
  'add adds added adding',
  'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising',
  'reply replies replied replying',
  'believe believes believed',
  'write writes wrote writing written',
  'ask asks asked asking',
  'explain explains explained explaining',
  'insist insists insisted insisting',
  'argue argues argued arguing',
  'claim claims claimed claiming',
  'continue continues continued',
  'declare declares declared declaring',
  'announce announces announced announcing',
  'respond responds responded responding',
  'recall recalls recalled recalling',
  'acknowledge acknowledges acknowledged acknowledging',
  'admit admits admitted admitting',
  'suggest suggests suggested suggesting',
  'predict predicts predicted predicting',
  'tweet tweets tweeted tweeting',
  'post posts posted',
  'remark remarks remarked',
  'comment comments commented commenting',
  'conclude concludes concluded concluding',
  'stress stresses stressed stressing',
  'urge urges urged urging',
  'promise promises promised promising',
  'vow vows vowed vowing',
  'quip quips quipped',
  'joke jokes joked joking',
  'testify testifies testified testifying',
  'contend contends contended',
  'counter counters countered',
  'maintain maintains maintained',
  'observe observes observed',
  'think thinks thought',
  'wonder wonders wondered',
  'complain complains complained complaining',
  'allege alleges alleged',
  'caution cautions cautioned',
  'concede concedes conceded',
  'confirm confirms confirmed',
  'deny denies denied',
  'call calls called calling',
  'describe describes described describing',
  'label labels labeled labelled',
  'dub dubs dubbed',
  'brand brands branded',
  'accuse accuses accused accusing',
  'boast boasts boasted',
  'lament laments lamented',
  'mention mentions mentioned',
  'reveal reveals revealed',
  'assert asserts asserted',
  'tout touts touted',
  'exclaim exclaims exclaimed',
  'shout shouts shouted',
  'yell yells yelled',
  'reiterate reiterates reiterated',
  'pledge pledges pledged',
  'retort retorts retorted',
  'indicate indicates indicated',
  'characterize characterizes characterized characterise characterises characterised',
  'criticize criticizes criticized criticise criticises criticised',
  'blast blasts blasted',
  'slam slams slammed',
  'mock mocks mocked',
  'dismiss dismisses dismissed',
  'proclaim proclaims proclaimed',
  'recount recounts recounted',
  'agree agrees agreed',
  'expect expects expected',
  'hope hopes hoped',
  'fear fears feared',
  'point points pointed',
  'read reads',
  'sing sings sang',
  'chant chants chanted chanting',
  'cite cites cited citing',
  'rule rules ruled',
  'liken likens likened',
  'condemn condemns condemned condemning',
  'denounce denounces denounced denouncing',
  'hail hails hailed',
  'praise praises praised praising',
  'exhort exhorts exhorted',
  'deem deems deemed',
  'scold scolds scolded',
  'plead pleads pleaded pled',
  'whisper whispers whispered',
  'muse muses mused',
  'greet greets greeted',
  'refer refers referred referring',
  'tease teases teased',
  'question questions questioned',
  'chime chimed',
  'went go goes',
  'put puts',
  'promised',
].join(' ').split(' ');

/** Phrasal cues: their verb alone is not enough ("pointed out", "went on"). */
const PHRASAL: Record<string, string> = { point: 'out', points: 'out', pointed: 'out', chime: 'in', chimed: 'in', went: 'on', go: 'on', goes: 'on', put: 'it', puts: 'it' };

/**
 * One regex over every cue: "according to" or a verb of saying (group 1), and a particle
 * (group 2). Case-sensitive on purpose: "States" in "the United States" is no verb.
 * A single alternation compiled to native code scans a window faster than a word-by-word
 * lookup in JavaScript (measured); the groups spare splitting each match.
 */
export const CUE_RE = new RegExp(
  `\\b([Aa]ccording to|Said|Says|Added|Asked|Wrote|Continued|Replied|Explained|${[...new Set(VERBS)].sort((a, b) => b.length - a.length).join('|')})\\b(?:\\s+(out|in|on|it)\\b)?`,
  'gu',
);

/** Cue words that are also nouns ("Trump's tweets", "the report"): checked before use. */
const NOUNISH = new Set(('tweet tweets post posts comment comments report reports claim claims call calls note notes remark remarks ' +
  'promise promises pledge pledges vow vows fear fears hope hopes joke jokes quip quips state states statement read reads ' +
  'question questions rule rules praise chant chants refer blast blasts slam slams counter counters label labels brand brands ' +
  'point points post').split(' '));
/** Irregular past forms (no -ed) that are unambiguous verbs. */
const IRREGULAR_PAST = new Set('said told wrote thought sang pled went put'.split(' '));

/** Whether a cue word reads as a base form ("they say"), which needs a plural or first/second-person subject. */
export function isBaseForm(word: string): boolean {
  const w = word.toLowerCase();
  return !INFLECTED_ENDING.test(w) && !IRREGULAR_PAST.has(w) && w !== 'according';
}
export function isNounish(word: string): boolean {
  return NOUNISH.has(word.toLowerCase());
}

export interface Cue {
  start: number;
  end: number;
  text: string;
  /** "according to" (the speaker follows) rather than a verb. */
  accordingTo: boolean;
  /** An -ing form ("adding"): its subject is the clause's, found further back. */
  participle: boolean;
}

/** The cues of a window of (masked) text, offsets added to `base`. */
export function findCues(window: string, base: number): Cue[] {
  const out: Cue[] = [];
  CUE_RE.lastIndex = 0;
  for (let m = CUE_RE.exec(window); m; m = CUE_RE.exec(window)) {
    const word = m[1];
    const particle = m[2];
    const accordingTo = word === 'according to' || word === 'According to';
    // Phrasal keys are lowercase, like every cue word that can take one.
    const need = PHRASAL[word];
    let text = m[0];
    if (need) {
      if (particle !== need) continue;
    } else if (particle !== undefined && !accordingTo) text = word;
    out.push({
      start: base + m.index,
      end: base + m.index + text.length,
      text,
      accordingTo,
      participle: !accordingTo && word.endsWith('ing'),
    });
  }
  return out;
}

/** "It was reported that", "it is said": the source is deliberately left out. */
export const IMPERSONAL = /\b(?:it|this)\s+(?:is|was|has been|had been|is being|was being)\s+(?:widely\s+|also\s+|now\s+)?(?:reported|said|believed|claimed|known|thought|alleged|understood|expected|rumou?red|stated|noted|announced|suggested|argued)\b/iu;

export const PERSONAL_PRONOUN = /^(?:he|she|they|it|we|i)$/iu;

/** Words that end a noun phrase read backwards from a cue (clause openers, verbs). */
const BACK_STOP = new Set(
  ('that and but because while when as after before since which who whom whose where if so although though whether than ' +
    'is was were are be been being has have had will would could should can may might must do does did not also then ' +
    'to for with from by into about against what how why said says told added according also').split(' '),
);
/** Words a noun phrase read forwards after a cue stops at (prepositions, time words). */
const FORWARD_STOP = new Set(
  ('in on at during when after before who which that as to adding while from last this yesterday today tonight earlier later ' +
    'monday tuesday wednesday thursday friday saturday sunday referring speaking and but said told of via through for with about ' +
    'told noting saying explaining warning describing calling').split(' '),
);
/** Connectors allowed inside a forward noun phrase ("Ministry of Defense of the NKR"). */
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'du', 'la', 'van', 'von', 'der', 'al', 'bin', 'and', '&']);

/** Trailing auxiliaries, adverbs and time phrases between a subject and its verb. */
const TRAILING_ADVERBS = /(?:\s+(?:has|have|had|was|were|is|are|will|would|also|then|later|previously|once|again|recently|further|repeatedly|reportedly|publicly|privately|only|first|quickly|simply|flatly|never|earlier|often|frequently|already|even|still|did|does|do|not|has\s+long|angrily|bluntly|confidently|openly|directly|specifically|explicitly|proudly|sharply|clearly|subsequently|ultimately|finally|recently|immediately|loudly)|\s+(?:didn[’']t|doesn[’']t|don[’']t|won[’']t|wouldn[’']t|hasn[’']t|haven[’']t|can[’']t|isn[’']t|wasn[’']t|had\s+already|has\s+also|had\s+also)|\s+(?:on|last|this|early|late|earlier)\s+(?:\p{Lu}\p{Ll}+|week|weekend|month|year|morning|afternoon|evening|night)(?:\s+(?:morning|afternoon|evening|night))?|\s+in\s+(?:a|an|his|her|their|its)\s+[\p{L} -]{1,30}?(?:statement|interview|tweet|post|letter|speech|email|e-mail|release|op-ed|column|video|message|report|memo|radio)|\s*\([^()]{1,60}\))$/iu;

const SUBJECT_REACH = 160;
const RELATIVE_AT_END = /(,?\s*)\b(who|which)$/iu;
const PARENTHESIS_AT_END = /\s*\([^()]{1,60}\)$/u;
const COMMA_AT_END = /,\s*$/u;
/** Punctuation between two words that ends a phrase read forwards. */
const PHRASE_GAP = /[,;:.!?()\u2014\u2013■"“”\n]/u;
const TRAILING_CONNECTORS = /(?:\s+(?:of|the|for|and))+$/iu;
const VERB_ENDING = /(?:ed|s|ing|ly)$/u;
const YOU = /^you$/iu;

const TRAIL_WORDS = new Set(('has have had was were is are will would also then later previously once again recently further repeatedly ' +
  'reportedly publicly privately only first quickly simply flatly never earlier often frequently already even still did does do not long ' +
  'week weekend month year morning afternoon evening night statement interview tweet post letter speech email e-mail release op-ed column ' +
  'video message report memo radio').split(' '));

const TIME_WORD_BEFORE = /\b(?:on|last|this|early|late|earlier)$/i;
/** The longest word of TRAIL_WORDS: a longer last word needs no lower-casing and look-up. */
const TRAIL_WORD_MAX = Math.max(...[...TRAIL_WORDS].map((w) => w.length));

/**
 * Cheap test before the trailing-adverb pattern: does the last word look like one?
 * (Runs for every cue's subject: it reads characters rather than cutting strings.)
 */
function mayTrail(s: string): boolean {
  const from = s.lastIndexOf(' ') + 1;
  const len = s.length - from;
  if (!len) return false;
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x29 /* ) */) return true;
  // -ly, n’t, n't
  if (len >= 2 && last === 0x79 /* y */ && s.charCodeAt(s.length - 2) === 0x6c /* l */) return true;
  if (len >= 3 && last === 0x74 /* t */ && s.charCodeAt(s.length - 3) === 0x6e /* n */) {
    const apostrophe = s.charCodeAt(s.length - 2);
    if (apostrophe === 0x2019 || apostrophe === 0x27) return true;
  }
  if (len <= TRAIL_WORD_MAX && TRAIL_WORDS.has(s.slice(from).toLowerCase())) return true;
  // "on Monday", "last Tuesday": the (trimmed) 8 characters before the last word.
  let end = from;
  while (end > 0 && isSpaceCode(s.charCodeAt(end - 1))) end--;
  return TIME_WORD_BEFORE.test(s.slice(Math.max(0, end - 8), end));
}

/** Space or a character that ends a noun phrase read backwards: , ; : ( ) dashes, a masked quote, double marks. */
function isWordBreak(c: number): boolean {
  return isSpaceCode(c) || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x28 || c === 0x29 || c === 0x2014 || c === 0x2013 ||
    c === 0x25a0 || c === 0x22 || c === 0x201c || c === 0x201d;
}

/** Whether `s` holds a white-space character (as `/\s/`). */
function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** How many characters of white space and commas open `s` (what `^[\s,]*` matches). */
function leadingSpaceOrComma(s: string): number {
  let i = 0;
  while (i < s.length && (isSpaceCode(s.charCodeAt(i)) || s.charCodeAt(i) === 0x2c)) i++;
  return i;
}

/**
 * `s` without the connectors ending it ("the Ministry of" → "the Ministry"). The pattern
 * is end-anchored, so it would be tried at every position: it runs only when the last
 * letter can end one (f, e, r or d in either case).
 */
function withoutTrailingConnectors(s: string): string {
  const last = s.charCodeAt(s.length - 1) | 0x20;
  if (last !== 0x66 && last !== 0x65 && last !== 0x72 && last !== 0x64) return s;
  return s.replace(TRAILING_CONNECTORS, '');
}

export interface Phrase {
  start: number;
  end: number;
  text: string;
  /** What the phrase stands for when it is not its own text (a relative pronoun's antecedent). */
  name?: string;
}

/**
 * The noun phrase that ends where a verb of saying begins: "Political scientist Gurgen
 * Simonyan" in "Political scientist Gurgen Simonyan believes". `window` is the text of
 * the clause before the cue (starting at `base`); null when no plausible subject is there.
 */
export function subjectBefore(window: string, base: number, depth = 0): Phrase | null {
  // A subject and its appositive fit in a few hundred characters: the end-anchored
  // patterns below only ever see that much.
  if (window.length > SUBJECT_REACH) {
    base += window.length - SUBJECT_REACH;
    window = window.slice(-SUBJECT_REACH);
  }
  let s = window.trimEnd();
  // Strip trailing adverbs and time phrases; the pattern only sees the last few words.
  for (let prev = ''; prev !== s; ) {
    prev = s;
    if (!mayTrail(s)) break;
    const cut = Math.max(0, s.length - 64);
    s = (s.slice(0, cut) + s.slice(cut).replace(TRAILING_ADVERBS, '')).trimEnd();
  }
  // "X, who said" / "the police, which reported": the mention is the relative pronoun,
  // the name is its antecedent.
  // (A cheap look at the last letters first: an end-anchored pattern is tried at every position.)
  const last = s.slice(-5).toLowerCase();
  const rel = last.endsWith('who') || last.endsWith('which') ? RELATIVE_AT_END.exec(s) : null;
  if (rel) {
    const antecedent = subjectBefore(s.slice(0, rel.index), base);
    if (!antecedent) return null;
    const at = rel.index + rel[1].length;
    return { start: base + at, end: base + at + rel[2].length, text: rel[2], name: antecedent.text };
  }
  // Apposition: "X, the minister," → X.
  if (s.endsWith(',')) {
    const inner = s.slice(0, -1);
    const k = inner.lastIndexOf(',');
    if (k < 0 || k === inner.length - 1 || inner.length - k > 121) return null;
    s = inner.slice(0, k);
  }
  if (s.endsWith(')')) s = s.replace(PARENTHESIS_AT_END, '');
  // Read words backwards to a stop (a dozen words at most are ever kept).
  const wordsFrom = Math.max(0, s.length - 120);
  // Words are runs of anything but space and phrase punctuation; read backwards from
  // the end, a dozen at most, without building the list of every word.
  let start = -1;
  let end = -1;
  for (let i = s.length, count = 0; count < 9; count++) {
    let wordEnd = i;
    let punctuated = false;
    while (wordEnd > wordsFrom && isWordBreak(s.charCodeAt(wordEnd - 1))) {
      if (!isSpaceCode(s.charCodeAt(wordEnd - 1))) punctuated = true;
      wordEnd--;
    }
    if (wordEnd <= wordsFrom) break;
    let wordStart = wordEnd;
    while (wordStart > wordsFrom && !isWordBreak(s.charCodeAt(wordStart - 1))) wordStart--;
    if (end < 0) end = wordEnd;
    // Punctuation or a quote between two words ends the phrase.
    if (punctuated) break;
    if (BACK_STOP.has(s.slice(wordStart, wordEnd).toLowerCase())) break;
    start = wordStart;
    i = wordStart;
  }
  if (start < 0) return null;
  const text = s.slice(start, end);
  // "Michael Mulgrew, president of the union, which …, said": the role phrase was an
  // appositive too; the name before it is the subject.
  if (STARTS_LOWER.test(text) && hasSpace(text) && !PERSONAL_PRONOUN.test(text) && !DETERMINER.test(text) && COMMA_AT_END.test(s.slice(0, start)) && depth < 2) {
    const outer = subjectBefore(s.slice(0, start).replace(COMMA_AT_END, ''), base, depth + 1);
    if (outer && STARTS_UPPER.test(outer.text)) return outer;
  }
  if (!plausibleSpeaker(text)) return null;
  return { start: base + start, end: base + end, text };
}

/** The noun phrase after "according to" or an inverted cue ("said Smith, the minister"). */
export function phraseAfter(window: string, base: number): Phrase | null {
  const lead = leadingSpaceOrComma(window);
  // Words are read one at a time (the phrase ends after a few): no list of every word.
  const rest = window.slice(lead);
  const re = PHRASE_WORD;
  re.lastIndex = 0;
  let end = -1;
  let count = 0;
  for (let w = re.exec(rest); w; w = re.exec(rest)) {
    const at = lead + w.index;
    if (end !== -1 && PHRASE_GAP.test(window.slice(end, at))) break;
    const lower = w[0].toLowerCase();
    if (FORWARD_STOP.has(lower) && !(CONNECTORS.has(lower) && count > 0 && lower !== 'and')) break;
    if (++count > 8) break;
    end = at + w[0].length;
  }
  if (end === -1) return null;
  // Connectors do not end a phrase ("the Ministry of").
  const text = withoutTrailingConnectors(window.slice(lead, end));
  if (!plausibleSpeaker(text)) return null;
  return { start: base + lead, end: base + lead + text.length, text };
}

const VERB_WORDS = new Set(('said told wrote thought went took gave made put came got saw knew felt began spoke sang became left brought kept ' +
  'held stood ran met sent won lost paid heard is was were are has have had will would can could may might should must does did do ' +
  'says tells wants sees gets goes takes makes').split(' '));
const DETERMINERS = new Set('the a an his her its their our my your this that these those two three four several many some other another each every'.split(' '));

/**
 * The noun phrase opening a clause, read forwards to the first word that looks like its
 * verb: "The authorities of the unrecognized republic" in "… republic regarded …".
 */
export function subjectAfter(window: string, base: number): Phrase | null {
  const lead = leadingSpaceOrComma(window);
  const rest = window.slice(lead);
  const re = PHRASE_WORD;
  re.lastIndex = 0;
  let end = -1;
  let prev = '';
  let k = 0;
  for (let w = re.exec(rest); w && k < 10; w = re.exec(rest), k++) {
    const at = lead + w.index;
    if (end !== -1 && PHRASE_GAP.test(window.slice(end, at))) break;
    const lower = w[0].toLowerCase();
    const isLower = STARTS_LOWER.test(w[0]);
    if (k > 0 && isLower) {
      if (VERB_WORDS.has(lower)) break;
      if (VERB_ENDING.test(lower) && !DETERMINERS.has(prev) && !CONNECTORS.has(prev)) break;
      if (FORWARD_STOP.has(lower) && !CONNECTORS.has(lower)) break;
    }
    end = at + w[0].length;
    prev = lower;
  }
  if (end === -1) return null;
  const text = withoutTrailingConnectors(window.slice(lead, end));
  if (!plausibleSpeaker(text)) return null;
  return { start: base + lead, end: base + lead + text.length, text };
}

const DETERMINER = /^(?:the|a|an|another|one|some|many|several|two|three|four|his|her|their|its|our|my|your|other|most|both|these|those|this|that|each|every|no|senior|top|former|local)\b/iu;
const NOT_SPEAKERS = /^(?:this|that|there|which|what|who|it's|its|his|her|their|our|my|your|here|now|then|so|thus|also|yet|still|because|however|meanwhile)$/iu;

/** A speaker is a name, a pronoun or a determined noun phrase ("a source", "the agency"). */
export function plausibleSpeaker(text: string): boolean {
  const t = text.trim();
  if (!t || t.length > 120) return false;
  if (NOT_SPEAKERS.test(t)) return false;
  if (PERSONAL_PRONOUN.test(t) || YOU.test(t)) return true;
  if (UPPER.test(t[0]) || UPPER_AFTER_SPACE.test(t)) return true;
  // Two words or more: `t` is trimmed, so any space is between words.
  if (DETERMINER.test(t) && hasSpace(t)) return true;
  // Bare plurals: "officials", "sources", "critics".
  return BARE_PLURAL.test(t) && t.length > 4;
}

const POSSESSIVE_END = /[’']s$/u;
const ARTICLE_FIRST = /^(?:the|a|an)\s/iu;
const OF_FOR_DE = /\s(?:of|for|de)\s/u;
const THE_FIRST = /^the\s+/iu;
const TITLES = /^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Pres|Sec|Adm|Cmdr|Amb|Supt|Insp)\.?|President|Vice President|Senator|Governor|Secretary|Minister|Prime Minister|Judge|Justice|General|Colonel|Ambassador|Mayor|Chairman|Chairwoman|Director|Sheriff|Chief|Professor|Pope|King|Queen|Prince|Princess|Representative|Congressman|Congresswoman|Speaker|Attorney General|Commissioner|Lord|Lady|Sir|Dame)\s+/u;

/**
 * The name a phrase stands for: "political scientist Gurgen Simonyan" → "Gurgen
 * Simonyan", "Rep. Gwen Moore" → "Gwen Moore", "the Ministry of Defense" →
 * "Ministry of Defense"; a phrase without a name stays as written ("a source").
 */
export function nameOf(phrase: string): string {
  let t = phrase.trim().replace(POSSESSIVE_END, '');
  // Role words before a capitalised name: keep the name.
  const m = ROLE_THEN_NAME.exec(t);
  if (m && !ARTICLE_FIRST.test(t)) t = m[1];
  else if (CAPITALISED_ROLE_THEN_NAME.test(t) && !OF_FOR_DE.test(t)) {
    // "Democratic pollster Pat Caddell", "Secret Service spokesman John Doe"
    t = TRAILING_NAME.exec(t)![0].trim();
  }
  t = t.replace(THE_FIRST, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    const r = t.replace(TITLES, '');
    if (UPPER.test(r[0] ?? '')) t = r;
  }
  return t;
}

/** A name that reads like a person's (for he/she), not an organisation's or a place's. */
export function personLike(name: string): boolean {
  if (PERSONAL_PRONOUN.test(name)) return /^(?:he|she)$/iu.test(name);
  if (!STARTS_UPPER.test(name)) return /^(?:a|an|the|another)\s+(?:\S+\s+)?(?:source|spokesman|spokeswoman|spokesperson|official|aide|adviser|advisor|man|woman|doctor|lawyer|witness|resident|senator|lawmaker|reporter|candidate|president|analyst|expert|scientist|professor|minister|leader|director|officer)$/iu.test(name);
  if (ORG_WORDS.test(name)) return false;
  return true;
}

const ORG_WORDS = /\b(?:Ministry|Department|Headquarters|Office|Agency|Committee|Commission|Council|Party|Times|Post|News|Journal|Press|Service|Services|Forces|Army|Government|Administration|Court|Congress|Senate|House|Campaign|Association|Union|Institute|University|Bureau|Board|Center|Centre|Foundation|Corporation|Company|Inc|Corp|Group|Organization|Organisation|Network|Reuters|Bulletin|Authority|Authorities|Police|Republic|Kingdom|States|Nations|Federation|Coalition|Alliance|Fund|Bank|Tribune|Herald|Guardian|Telegraph|Daily|Weekly|Magazine|Radio|TV|Television|Channel|CNN|BBC|AP|AFP)\b/u;

export function orgLike(name: string): boolean {
  return ORG_WORDS.test(name) || STARTS_LOWER_AFTER_THE.test(name);
}

/** Character-level helpers that stand in for regexes, exported for their equivalence tests. */
export const cueInternals = { mayTrail, withoutTrailingConnectors, leadingSpaceOrComma, hasSpace };

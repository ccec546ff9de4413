// Places and actors. CONTRACT:
//  detectEntities(paragraphText, gazetteer): mentions with offsets local to the paragraph text
//  (the document-level pass that links them, resolveEntities, is in resolve.ts).
//
// detectEntities tokenises the paragraph once and walks it left to right. Capitalised
// tokens are grouped into runs ("Ministry of Defense", "Gurgen Simonyan", "Stepanakert-Lisagor")
// with known names (the gazetteer) as atomic units; each run is classified by its words
// (institution heads, group nouns, roles) and by its neighbours (speech verbs, "according
// to", place prepositions, route nouns). Unsure mentions are kept as weak candidates that
// resolveEntities keeps only when the rest of the document confirms them ("Simonyan" once
// "Gurgen Simonyan" is known, "the headquarters" once an org with that head was named).
import {
  ADVERBS, AGENCY_NOUNS, GIVEN_NAMES, GROUP_MODIFIERS, GROUP_NOUNS, MONTHS, ORG_HEADS, PLACE_SUFFIXES,
  POLITY_NOUNS, ROLE_COMPLEMENTS, ROLE_WORDS, ROUTE_SUFFIXES, SPEECH_VERBS, STOP_WORDS,
} from './gazetteer-data';
import { scanTokens, TOKEN_FLAGS } from './gazetteer';
import type { Gazetteer, GazetteerMatch, TokenTable } from './gazetteer';
import { own } from './strings';
import type { Entity } from './types';

// Copied to module constants: an imported binding is read through a getter in unbundled builds.
const { CAP, WORD, BR, TIGHT } = TOKEN_FLAGS;

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));
/** "I’m", "It's": a contraction is its first word. */
const isStop = (w: string) => STOP.has(w) || (hasApostrophe(w) && STOP.has(w.replace(/['’].*$/, '')));
const hasApostrophe = (w: string) => w.indexOf("'") >= 0 || w.indexOf('’') >= 0;
const STOP = words(STOP_WORDS);
const MONTH = words(MONTHS);
const ORG_HEAD = words(ORG_HEADS);
const GROUP = words(GROUP_NOUNS);
const GROUP_MOD = words(GROUP_MODIFIERS);
const ROLE = words(ROLE_WORDS);
const ROLE_COMP = words(ROLE_COMPLEMENTS);
const SPEECH = words(SPEECH_VERBS);
const ADVERB = words(ADVERBS);
const PLACE_SUFFIX = words(PLACE_SUFFIXES);
const ROUTE_SUFFIX = words(ROUTE_SUFFIXES);
const POLITY = words(POLITY_NOUNS);
const AGENCY = words(AGENCY_NOUNS);
/** Common given names; a name written with diacritics matches its plain form ("José" as "jose", "Zoë" as "zoe"). */
export const GIVEN = foldingSet(GIVEN_NAMES);

/** Combining marks, as NFD splits them off their letters. */
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function foldingSet(list: string): { has(word: string): boolean } {
  const set = words(list);
  return {
    has(word: string): boolean {
      if (set.has(word)) return true;
      for (let i = 0; i < word.length; i++) {
        if (word.charCodeAt(i) >= 128) return set.has(word.normalize('NFD').replace(COMBINING_MARKS, ''));
      }
      return false;
    },
  };
}

/** Lower-case nouns after a nationality that make an organisation ("the Russian government"). */
const NATIONAL_ORG = words('government ministry embassy consulate parliament cabinet administration navy presidency intelligence');
const PARTY_PLURALS = words('republicans democrats conservatives liberals socialists communists greens tories democrats');
/** Nouns that introduce an organisation's name: "the union FNV Havens", "the fan group Northbridge Together". */
const ORG_INTRO = words('union party group company firm agency organization organisation movement coalition alliance network channel newspaper club bank fund foundation association institute charity broadcaster outlet website magazine daily ngo');
/** Collective nouns that take "of X": "the authorities of the unrecognized republic". */
const GROUP_OF = words('authorities government leadership representatives forces troops army military residents citizens people population officials delegation');
/** A bit for a word's length; lengths of 31 and more share one. */
const lengthBit = (w: string): number => 1 << Math.min(w.length, 31);
/** lengthBit() of every GROUP_OF noun. */
const GROUP_OF_LENGTHS = [...GROUP_OF].reduce((bits, w) => bits | lengthBit(w), 0);
/** A speech verb before a name that names the addressee, not the speaker ("he told X"). */
const ADDRESSEE_VERBS = words('told tell tells asked asks ask urged called');
/** Stems of words of travel and transport: "to"/"from" after them lead to a place. */
const MOTION = /^(?:travel|fl[eiy]|flight|mov|driv|drove|went|go|came|com|return|rerout|rout|road|way|trip|deliver|arriv|evacuat|fled|flee|deport|ship|cargo|journey|visit|head|bound|march|walk|sail|transport|convoy|train|bus|border|km|kilomet|mile|left|leav|depart|escap|relocat|export|import|expel|extradit|migrat|emigrat|refugee|pilgrim|sent|send|troops|withdr)/;
const LOCATIVE_PREPS = words('in near outside inside through across toward towards around within throughout');
/** Capitalised adjectives that are no name on their own. */
export const NOT_NAMES = words('north south east west eastern western northern southern central democratic republican hispanic latino black white federal national god');
const NON_SUBJECT_PREV = words('in near from to through across toward towards into outside inside around at via within throughout of with against by for on over between among the a an');
/** Words after which a clause (and so a subject) begins. */
const CLAUSE_WORDS = words('and but that which while when as because if since after before though although where whereas so then now also said says yet or nor whether how why what once until unless today yesterday year week month day night morning evening');
const AUX = words("is are was were has have had will would can could must should may might does did do shall cannot won't doesn't didn't isn't wasn't hasn't hadn't wants wanted needs");
const NOT_VERBS = words('this its his has was is as us thus plus news series bus gas');
/** Last words of names that are no person or place: holidays, laws, events. */
const THING_END = words('day days week act law bill treaty agreement accord amendment plan war award prize cup games olympics report index fund summit conference festival forum');
const CONNECTORS = words('de van von der den bin ibn la le du da di del dos das al el');
/** Abbreviations whose period does not end a sentence. */
const ABBREV = words('mr mrs ms dr st gen sen rep gov col lt capt sgt prof rev jr sr no vs fr adm maj cpl mt ft');
const OPENERS = new Set(['“', '"', '«', '„', '‘', "'", '(', '[', '—', '–', '-', '*']);
const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '…']);

/** An atomic part of a name: token range [s, e), with its gazetteer match if it is a known name. */
interface Unit {
  s: number;
  e: number;
  g: GazetteerMatch | null;
}

// word: one unknown capitalised word; headline: the same in a Title Case line (it confirms
// nothing); name: an unknown run of words; the-head / the-role: "the ministry", "the analyst".
type Candidate = 'word' | 'headline' | 'name' | 'the-head' | 'the-role';

/**
 * A mention with what the document-level pass needs. detectEntities returns these (the cache
 * keeps them); resolveEntities drops the extra fields, so they never reach an Analysis.
 */
export interface Mention extends Entity {
  cand?: Candidate;
  /** The role word a person was introduced with ("scientist"), or a "the X" reference's noun. */
  role?: string;
  /** The head noun of an organisation name ("headquarters"). */
  head?: string;
  /**
   * What the document-level pass derives from the mention (resolve.ts), kept with it. A field
   * from the start: one added later would give the mention a hidden class that dies with the
   * analysis, and take the code optimised for it along at the next full collection.
   */
  derived?: unknown;
}

// ---------------------------------------------------------------------------
// Paragraph-level detection

class Detector {
  readonly out: Mention[] = [];
  private readonly gm: (GazetteerMatch | null)[];
  private readonly n: number;
  /** Per token: it lies on a Title Case line (a headline), where capitals say little. */
  private readonly title: Uint8Array;
  // The token table's columns (see TokenTable); entries at n and beyond are stale.
  private readonly st: Int32Array;
  private readonly en: Int32Array;
  private readonly tx: string[];
  private readonly lo: string[];
  private readonly fl: Uint8Array;

  constructor(private text: string, t: TokenTable, gazetteer: Gazetteer) {
    this.n = t.n;
    this.st = t.start;
    this.en = t.end;
    this.tx = t.text;
    this.lo = t.lower;
    this.fl = t.flags;
    // One array for every paragraph (read below n only, like the token table).
    this.gm = matchBuffer;
    for (let i = 0; i < this.n; i++) this.gm[i] = this.isWord(i) ? gazetteer.matchAt(t, i) : null;
    this.title = titleLines(t);
  }

  /** Lets go of the text (the detector is kept, its text must not be: it may be a view on a whole article). */
  release(): void {
    this.text = '';
  }

  run(): Mention[] {
    const { n } = this;
    let i = 0;
    while (i < n) {
      if (!this.isWord(i)) { i++; continue; }
      const lower = this.lo[i];
      if (lower === 'the') {
        const j = this.definite(i);
        if (j > i) { i = j; continue; }
      }
      // "the international community": a collective actor of world politics.
      if ((lower === 'international' || lower === 'world') && this.word(i + 1) === 'community' && !this.isBr(i + 1)) {
        this.group(i, i + 2);
        i += 2;
        continue;
      }
      if (!this.isCap(i) && !this.gm[i]) {
        const j = this.lowerGroupOf(i);
        i = j > i ? j : i + 1;
        continue;
      }
      if (GROUP_OF.has(lower) && this.sentenceStart(i)) {
        // "Representatives of Azerbaijan met them."
        const j = this.lowerGroupOf(i);
        if (j > i) { i = j; continue; }
      }
      const end = this.runEnd(i);
      this.classifyRun(i, end);
      i = end;
    }
    return this.out;
  }

  // --- helpers over tokens ---------------------------------------------------

  private isCap(i: number): boolean {
    return (this.fl[i] & CAP) !== 0;
  }
  private isWord(i: number): boolean {
    return (this.fl[i] & WORD) !== 0;
  }
  private isBr(i: number): boolean {
    return (this.fl[i] & BR) !== 0;
  }
  private isTight(i: number): boolean {
    return (this.fl[i] & TIGHT) !== 0;
  }

  private word(i: number): string {
    return i >= 0 && i < this.n && this.isWord(i) ? this.lo[i] : '';
  }
  private lowerWord(i: number): boolean {
    return i >= 0 && i < this.n && this.isWord(i) && !this.isCap(i);
  }
  private emit(s: number, e: number, m: Omit<Mention, 'start' | 'end' | 'text'>): void {
    const start = this.st[s], end = this.en[e - 1];
    const text = this.text.slice(start, end);
    // The name is often the text as written: one string for both.
    this.out.push(mention(start, end, text, m, m.name === text ? text : m.name));
  }
  private spanText(s: number, e: number): string {
    const span = this.text.slice(this.st[s], this.en[e - 1]);
    return singleSpaced(span) ? span : span.replace(/\s+/g, ' ');
  }

  /** Whether token i begins a sentence (or a line). */
  private sentenceStart(i: number): boolean {
    let k = i - 1;
    if (this.isBr(i)) return true;
    while (k >= 0 && OPENERS.has(this.tx[k])) {
      if (this.isBr(k)) return true;
      k--;
    }
    if (k < 0) return true;
    const p = this.tx[k];
    if (!SENTENCE_END.has(p)) return false;
    if (p === '.' && k > 0 && this.isWord(k - 1) && (ABBREV.has(this.lo[k - 1]) || this.tx[k - 1].length === 1)) return false;
    return true;
  }

  /** Previous word index, skipping quotes and brackets. */
  private prevWord(i: number): number {
    let k = i - 1;
    while (k >= 0 && OPENERS.has(this.tx[k])) k--;
    return k;
  }

  /** "of [the] [up to two lower-case words] (known place | Capitalised run | republic)": the end index, or -1. */
  private ofTail(k: number): number {
    const { n } = this;
    if (this.word(k) !== 'of' || this.isBr(k)) return -1;
    let j = k + 1;
    if (this.word(j) === 'the') j++;
    for (let m = 0; m < 3 && j < n; m++) {
      const g = this.gm[j];
      // "of the Naryn region": the region's noun belongs to the name.
      if (g && g.entry.kind === 'place' && g.form !== 'adjective') return this.withPlaceSuffix(j + g.length);
      if (g && g.form === 'adjective') return -1;
      if (this.isCap(j)) return this.withPlaceSuffix(this.runEnd(j));
      if (!this.lowerWord(j)) return -1;
      if (POLITY.has(this.lo[j])) return j + 1;
      if (STOP.has(this.lo[j]) || m === 2) return -1;
      j++;
    }
    return -1;
  }

  /** k, or k + 1 when token k is a place noun ("of the Naryn region"). */
  private withPlaceSuffix(k: number): number {
    return this.lowerWord(k) && PLACE_SUFFIX.has(this.lo[k]) ? k + 1 : k;
  }

  /** Skips adverbs and quote marks after a name: the index of the next real word. */
  private nextVerbIndex(k: number): number {
    const { n } = this;
    while (k < n && (OPENERS.has(this.tx[k]) || this.tx[k] === '”' || this.tx[k] === '»' || (this.isWord(k) && ADVERB.has(this.lo[k]) && !this.isCap(k)))) k++;
    return k;
  }

  private isVerbAt(k: number): boolean {
    if (!this.lowerWord(k)) return false;
    const w = this.lo[k];
    if (AUX.has(w) || SPEECH.has(w)) return true;
    if (NOT_VERBS.has(w) || w.length < 4) return false;
    // -ed, -es, or -s after any letter but s or u ("agrees", "says"; not "press", "bonus").
    const c = w.charCodeAt(w.length - 2);
    return w.endsWith('ed') || w.endsWith('es') || (w.endsWith('s') && w.length >= 2 && c !== 115 && c !== 117);
  }

  /** A word of motion shortly before p ("reroute cargo to X", "flights from X"). */
  private motionBefore(p: number): boolean {
    for (let k = p - 1; k >= 0 && k >= p - 4; k--) {
      if (!this.isWord(k)) return false;
      if (MOTION.test(this.lo[k])) return true;
    }
    return false;
  }

  private speechAfter(e: number): boolean {
    const k = this.nextVerbIndex(e);
    return k < this.n && this.lowerWord(k) && SPEECH.has(this.lo[k]);
  }

  private speechBefore(s: number): boolean {
    const k = this.prevWord(s);
    if (k < 0) return false;
    const w = this.word(k);
    if (w === 'to' && this.word(k - 1) === 'according') return true;
    return SPEECH.has(w) && !ADDRESSEE_VERBS.has(w) && this.lowerWord(k);
  }

  // --- runs ------------------------------------------------------------------

  /** End (exclusive) of the capitalised run starting at i. */
  runEnd(i: number): number {
    const { n, gm } = this;
    let j = i;
    let hasHead = false;
    let hasOrgHead = false;
    let lastHead = '';
    for (;;) {
      const g = gm[j];
      if (g) j += g.length;
      else {
        if (ORG_HEAD.has(this.lo[j])) { hasHead = hasOrgHead = true; lastHead = this.lo[j]; }
        else if (isRole(this.lo[j])) hasHead = true;
        j++;
        // Initials and abbreviations keep their period: "George W. Bush", "Mr. Smith".
        if (j < n && this.tx[j] === '.' && this.isTight(j) && (this.tx[j - 1].length === 1 || ABBREV.has(this.lo[j - 1]))) j++;
      }
      if (j >= n || this.isBr(j)) return j;
      const xl = this.lo[j];
      if (this.tx[j] === '-' && this.isTight(j) && this.isUnit(j + 1) && this.isTight(j + 1)) { j++; continue; }
      if (this.isWord(j) && (this.isCap(j) || gm[j])) {
        if (MONTH.has(xl) && !gm[j]) return j;
        // In a headline, "Clinton Was Headed To ER" is no single name.
        if (this.title[j] && STOP.has(xl) && !gm[j]) return j;
        continue;
      }
      // "Center for American Progress", "Committee on Foreign Affairs": only after an institution's head.
      if ((xl === 'for' || (xl === 'on' && ON_HEADS.has(lastHead))) && hasOrgHead && this.isUnit(j + 1) && !MONTH.has(this.lo[j + 1])) { j++; continue; }
      if (xl === 'of' && hasHead) {
        if (this.isUnit(j + 1) && !MONTH.has(this.lo[j + 1])) { j++; continue; }
        if (this.word(j + 1) === 'the' && this.isUnit(j + 2)) { j += 2; continue; }
      }
      if (CONNECTORS.has(xl) && this.isUnit(j + 1) && !gm[j + 1]) { j++; continue; }
      // "Institute of Meteorology and Water Management": "and" inside an institution's name.
      if (xl === 'and' && hasOrgHead && this.isUnit(j + 1) && this.isUnit(j + 2) && !gm[j + 1] && !gm[j + 2] && this.st[j + 2] - this.en[j + 1] === 1) { j++; continue; }
      return j;
    }
  }

  /** End of the name unit starting at token s (a word, with its period when it is an initial). */
  private nextUnitEnd(s: number): number {
    let k = s + 1;
    while (k < this.n && !this.isWord(k)) {
      if (this.tx[k] !== '.' && this.tx[k] !== '-') return k;
      k++;
    }
    return k < this.n && this.tx[k - 1] === '.' ? k : s + 1;
  }

  /** A token that continues a name: a capitalised word or a known name, on the same line. */
  private isUnit(k: number): boolean {
    return k < this.n && !this.isBr(k) && (this.isCap(k) || !!this.gm[k]) && this.isWord(k);
  }

  /** Units (atomic name parts) of the run [s, e): token index ranges. */
  private units(s: number, e: number): Unit[] {
    const us: Unit[] = [];
    let j = s;
    while (j < e) {
      const g = this.gm[j];
      if (g && j + g.length <= e) { us.push({ s: j, e: j + g.length, g }); j += g.length; continue; }
      if (this.isWord(j) && this.isCap(j)) {
        let k = j + 1;
        if (k < e && this.tx[k] === '.') k++;
        us.push({ s: j, e: k, g: null });
        j = k;
        continue;
      }
      j++;
    }
    return us;
  }

  private classifyRun(s: number, e: number): void {
    // A lone function word or month ("The", "But", "March"): what the unit trimming below
    // would find, without building the units.
    if (e === s + 1 && !this.gm[s] && this.isWord(s) && this.isCap(s) && (isStop(this.lo[s]) || MONTH.has(this.lo[s]))) return;
    let us = this.units(s, e);
    // Leading function words and dates are no part of a name ("The", "On", "March").
    while (us.length && !us[0].g && (isStop(this.lo[us[0].s]) || MONTH.has(this.lo[us[0].s]))) us = us.slice(1);
    while (us.length && !us[us.length - 1].g && MONTH.has(this.lo[us[us.length - 1].s])) us = us.slice(0, -1);
    if (!us.length) return;
    const first = us[0].s;
    const last = us[us.length - 1].e;

    // Named by the word before: "manager Sofia Lindqvist", "the union FNV Havens", "governor, Azamat Tokoev".
    let p = this.prevWord(first);
    if (p > 0 && this.tx[p] === ',' && this.lowerWord(p - 1) && isRole(this.lo[p - 1])) p--;
    if (p >= 0 && this.lowerWord(p) && us.length <= 4 && !(us.length === 1 && us[0].g) && !this.hasPlainOrgHead(us)) {
      const pw = this.lo[p];
      if (isRole(pw) && !us[0].g?.entry.kind.startsWith('a') && us[0].g?.form !== 'adjective') {
        this.person(first, last, pw);
        return;
      }
      if (ORG_INTRO.has(pw) && !us[0].g && !isRole(this.lo[us[0].s]) && !MONTH.has(this.lo[us[0].s]) && !this.title[first]) {
        this.org(first, last, pw);
        return;
      }
    }

    // Roads and sections between places: "the Stepanakert-Lisagor dirt road".
    const route = this.routeSuffix(last);
    if (route > 0 && this.hyphenated(us)) {
      for (const u of us) this.place(u.s, u.e, u.g, false);
      return;
    }

    // Institutions: a run with a head noun ("Presidential Administration of Azerbaijan").
    let h = -1;
    for (let k = us.length - 1; k >= 0; k--) if (!us[k].g && ORG_HEAD.has(this.lo[us[k].s])) { h = k; break; }
    let r = -1;
    for (let k = us.length - 1; k >= 0; k--) if (!us[k].g && isRole(this.lo[us[k].s])) { r = k; break; }
    if (h >= 0 && r > h) {
      // "Armenian Foreign Ministry Spokesperson Ani Badalyan": the org, then the person.
      this.org(first, us[r - 1].e, this.lo[us[h].s]);
      this.personAfterRole(us.slice(r + 1), this.lo[us[r].s]);
      return;
    }
    if (h >= 0 && r >= 0 && r < h) {
      // "Dr. Aiko Tanaka of Kyoto University": the person, then the org after "of".
      const o = this.unitAfterOf(us, r + 2, h);
      if (o > 0 && this.personAfterRole(us.slice(r + 1, o), this.lo[us[r].s], us[r].s)) {
        this.org(us[o].s, last, this.lo[us[h].s]);
        return;
      }
    }
    if (h >= 0 && !this.title[first]) {
      // The name ends at its head unless "of ..." follows: "Visa Program Up For ..." is no org.
      const after = h < us.length - 1 ? this.lo[us[h].e] : '';
      const ofFollows = after === 'of' || after === 'for' || after === 'on';
      const endUnit = ofFollows ? us.length - 1 : h;
      const tail = endUnit === us.length - 1 ? this.ofTail(last) : -1;
      const end = tail > 0 ? tail : us[endUnit].e;
      if (endUnit > 0 || tail > 0) {
        this.org(first, end, this.lo[us[h].s]);
        if (endUnit < us.length - 1) this.classifyUnits(us.slice(endUnit + 1));
        return;
      }
      // "the Ministry said": a reference to an organisation the article named, like "the ministry".
      const p = this.prevWord(first);
      if (us.length === 1 && this.word(p) === 'the') {
        const head = this.lo[us[0].s];
        this.emit(p, us[0].e, { kind: 'actor', type: 'organization', name: this.spanText(p, us[0].e), cand: 'the-head', role: head });
        return;
      }
    }

    // Groups: "Azerbaijani Armed Forces", "the Karabakh Armenians".
    const lu = us[us.length - 1];
    if (us.length > 1 && !lu.g && GROUP.has(this.lo[lu.s]) && hasPlaceBefore(us, us.length - 1)) {
      const tail = this.ofTail(last);
      this.group(first, tail > 0 ? tail : last);
      return;
    }
    if (us.length > 1 && lu.g?.form === 'adjective' && isDemonymPlural(this.tx[lu.s]) && us[us.length - 2].g?.entry.kind === 'place') {
      this.group(us[us.length - 2].s, last);
      us = us.slice(0, -2);
      if (us.length) this.classifyUnits(us);
      return;
    }

    // Roles inside the run: "President Joe Biden", "Mr. Smith", "Foreign Minister Sergei Lavrov".
    if (r >= 0 && r < us.length - 1) {
      if (this.personAfterRole(us.slice(r + 1), this.lo[us[r].s], us[r].s)) return;
    }
    this.classifyUnits(us);
  }

  /** Whether a unknown unit of the run is an institution's head noun ("Ministry"). */
  private hasPlainOrgHead(us: Unit[]): boolean {
    for (const u of us) if (!u.g && ORG_HEAD.has(this.lo[u.s])) return true;
    return false;
  }

  /** Whether the units are joined by hyphens ("Stepanakert-Lisagor"). */
  private hyphenated(us: Unit[]): boolean {
    if (us.length < 2) return false;
    for (let k = 1; k < us.length; k++) if (this.tx[us[k].s - 1] !== '-') return false;
    return true;
  }

  /** The first unit in [from, to] that follows "of", or -1. */
  private unitAfterOf(us: Unit[], from: number, to: number): number {
    for (let x = Math.max(from, 0); x < us.length && x <= to; x++) if (this.lo[us[x].s - 1] === 'of') return x;
    return -1;
  }

  /** The person named by the plain units after a role; false when nothing name-like follows. */
  private personAfterRole(after: Unit[], role: string, roleStart = -1): boolean {
    let k = 0;
    while (k < after.length && !after[k].g && (ROLE_COMP.has(this.lo[after[k].s]) || isRole(this.lo[after[k].s]))) k++;
    // "President of Azerbaijan Ilham Aliyev": skip the country in the title ("Chief Chuck Jordan" keeps his).
    let j = k;
    while (j < after.length && (after[j].g || STOP.has(this.lo[after[j].s]))) j++;
    let name = after.slice(j);
    // "Sen. Bernie Sanders of Vermont": the name stops at "of".
    let of = -1;
    for (let x = 1; x < name.length && of < 0; x++) if (this.lo[name[x].s - 1] === 'of') of = x;
    if (of > 0) name = name.slice(0, of);
    if (!name.length || name.length > 4) return false;
    if (this.title[name[0].s] && !GIVEN.has(this.lo[name[0].s])) return false;
    // An honorific belongs to the mention as written ("Mr. Smith"); a role does not.
    const s = j === 0 && roleStart >= 0 && HONORIFIC_WORD.has(role) ? roleStart : name[0].s;
    const e = name[name.length - 1].e;
    const full = this.spanText(s, e);
    this.emit(s, e, { kind: 'actor', type: 'person', name: stripHonorific(full), role });
    return true;
  }

  /** Units left after run-level patterns: known names one by one, unknown words grouped. */
  private classifyUnits(us: Unit[]): void {
    let k = 0;
    while (k < us.length) {
      const u = us[k];
      const next = us[k + 1];
      // "Chicago Tribune", "Sofia Lindqvist": a known place glued to an unknown word names something else.
      const glued = !!u.g && u.g.entry.kind === 'place' && u.g.form !== 'adjective' && !!next && !next.g &&
        next.s === u.e && !isRole(this.lo[next.s]) && !ORG_HEAD.has(this.lo[next.s]);
      if (glued) {
        let m = k + 1;
        while (m < us.length && !us[m].g) m++;
        this.unknown(u.s, us[m - 1].e, m - k);
        k = m;
        continue;
      }
      if (u.g) {
        this.known(u.s, u.e, u.g);
        k++;
        continue;
      }
      let m = k + 1;
      while (m < us.length && !us[m].g) m++;
      this.unknown(us[k].s, us[m - 1].e, m - k);
      k = m;
    }
  }

  /** A gazetteer name at [s, e). */
  private known(s: number, e: number, g: GazetteerMatch): void {
    const entry = g.entry;
    if (entry.kind === 'actor') {
      this.emit(s, e, { kind: 'actor', type: entry.type ?? 'organization', name: entry.name, head: lastWord(entry.name) });
      return;
    }
    if (g.form === 'adjective') {
      // "Russian peacekeepers", "the Azerbaijani military", "Norwegian football officials", "Russian government".
      let best = -1;
      let org = false;
      for (let j = e, m = 0; m < 3 && this.lowerWord(j) && !this.isBr(j); j++, m++) {
        const w = this.lo[j];
        if (NATIONAL_ORG.has(w)) { best = j; org = true; }
        else if (isPeoplePlural(w) || GROUP.has(w)) { best = j; org = false; }
        // Go on over modifiers only (one free word first: "football officials").
        if (!(GROUP_MOD.has(w) || (m === 0 && !STOP.has(w) && !this.isVerbAt(j)))) break;
      }
      if (best >= 0) {
        const tail = this.ofTail(best + 1);
        const end = tail > 0 ? tail : best + 1;
        if (org) this.org(s, end, this.lo[best]);
        else this.group(s, end);
        return;
      }
      if (isDemonymPlural(this.tx[s]) && e === s + 1) this.group(s, e);
      return;
    }
    this.place(s, e, g);
  }

  /** A known place at [s, e): a place, or an actor when the sentence makes it act. */
  private place(s: number, e: number, g: GazetteerMatch | null, suffix = true): void {
    const name = g ? g.entry.name : this.spanText(s, e);
    if (g?.entry.type && this.acts(s, e)) {
      this.emit(s, e, { kind: 'actor', type: g.entry.type, name });
      return;
    }
    const route = this.routeSuffix(e);
    if (suffix && route === e + 1) {
      // "the Lachin corridor": the corridor is the place.
      this.emit(s, route, { kind: 'place', name: this.spanText(s, route) });
      return;
    }
    this.emit(s, e, { kind: 'place', name });
  }

  /** Whether the name at [s, e) is the subject of a verb or owns an agent noun. */
  private acts(s: number, e: number): boolean {
    const { n } = this;
    const p = this.prevWord(s);
    const pw = this.word(p);
    if (pw === 'official') return true;
    if (pw === 'to' && this.word(p - 1) === 'according') return true;
    if (p >= 0 && this.isWord(p) && !this.isCap(p) && NON_SUBJECT_PREV.has(pw)) return false;
    // "from Sweden and Finland were ...": a conjunct shares the role of the name before it.
    if ((pw === 'and' || pw === 'or') && this.coordinatedAfterPreposition(p)) return false;
    if (e < n && (this.tx[e] === '’s' || this.tx[e] === "'s")) {
      for (let j = e + 1; j < Math.min(n, e + 4); j++) {
        if (!this.lowerWord(j)) return false;
        if (AGENCY.has(this.lo[j])) return true;
      }
      return false;
    }
    // "Armenia and Azerbaijan agreed": both act.
    if (this.word(e) === 'and' && e + 1 < n && this.gm[e + 1]?.entry.kind === 'place') return this.acts(e + 1, e + 1 + this.gm[e + 1]!.length);
    const v = this.nextVerbIndex(e);
    if (!this.isVerbAt(v)) return false;
    // "will", "said", "invited" make a subject of nearly anything before them; a bare -s
    // form ("solemn U.S. commitments") only after a clause boundary.
    const w = this.lo[v];
    if (AUX.has(w) || SPEECH.has(w) || w.endsWith('ed')) return true;
    return p < 0 || !this.isWord(p) || this.isCap(p) || CLAUSE_WORDS.has(pw) || MONTH.has(pw);
  }

  /** Whether the conjunction at p joins names that follow a place preposition ("in Wisconsin, Ohio and X"). */
  private coordinatedAfterPreposition(p: number): boolean {
    for (let k = p - 1, steps = 0; k >= 0 && steps < 8; k--, steps++) {
      if (this.tx[k] === ',' || this.isCap(k) || this.gm[k] || this.lo[k] === 'the') continue;
      return this.isWord(k) && NON_SUBJECT_PREV.has(this.lo[k]);
    }
    return false;
  }

  /** After a name ending at e: "[up to two lower-case words] road|section|corridor" → index after the noun, or -1. */
  private routeSuffix(e: number): number {
    for (let j = e, m = 0; m < 3 && j < this.n; j++, m++) {
      if (!this.lowerWord(j) || this.isBr(j)) return -1;
      if (ROUTE_SUFFIX.has(this.lo[j])) return j + 1;
      if (STOP.has(this.lo[j])) return -1;
    }
    return -1;
  }

  private org(s: number, e: number, head: string): void {
    const name = this.spanText(s, e);
    this.emit(s, e, { kind: 'actor', type: 'organization', name, head });
  }

  private group(s: number, e: number): void {
    this.emit(s, e, { kind: 'actor', type: 'group', name: this.spanText(s, e) });
  }

  /** A run of unknown capitalised words [s, e) made of `count` units. */
  private unknown(s: number, e: number, count: number): void {
    const { n } = this;
    const text = this.spanText(s, e);
    const firstLower = this.lo[s];
    const lastLower = this.tx[e - 1] === '.' ? this.lo[e - 2] : this.lo[e - 1];
    const common = GROUP.has(lastLower) || ORG_HEAD.has(lastLower) || ROLE.has(lastLower) || isStop(firstLower) || THING_END.has(lastLower);
    // Two to six capitals (periods aside): a longer text needs no test ("Sofia Petrosyan").
    const acronym = lengthWithoutPeriods(text) <= 12 && mayBeAcronym(text) && /^\p{Lu}{2,6}$/u.test(text.replace(/\./g, ''));
    const p = this.prevWord(s);
    const startsLine = s === 0 || this.isBr(s) || (p >= 0 && this.isBr(p) && OPENERS.has(this.tx[p]));
    const pw = this.word(p);
    if (this.title[s]) {
      // A headline: only a given name makes a person; other words wait for the body to confirm them.
      // "Hillary Clinton Speaks ...": a given name and one more word.
      if (count >= 2 && GIVEN.has(firstLower)) this.person(s, this.nextUnitEnd(this.nextUnitEnd(s)), null);
      else for (let j = s; j < e; j++) if (this.isWord(j) && this.isCap(j) && !STOP.has(this.lo[j])) this.emit(j, j + 1, { kind: 'actor', type: 'person', name: this.tx[j], cand: 'headline' });
      return;
    }

    // "God-given", "Moscow-backed": a compound modifier, no name.
    if (e < n && this.tx[e] === '-' && this.isTight(e) && this.lowerWord(e + 1)) return;
    // Party members as a group: "Republicans agreed".
    if (count === 1 && PARTY_PLURALS.has(firstLower)) {
      this.group(s, e);
      return;
    }
    // Interview transcripts: "SIMONYAN: ..." at the start of a line.
    if (startsLine && e < n && this.tx[e] === ':' && !common && count <= 4) {
      this.person(s, e, null);
      return;
    }
    // "in Trump company losses", "says Chelsea explosion": a name followed by a noun modifies it.
    const modifier = this.lowerWord(e) && !STOP.has(this.lo[e]) && !this.isVerbAt(e) && !ADVERB.has(this.lo[e]);
    // A place by its cue comes first: in "officials in Krakow said", Krakow is no speaker.
    const possessive = e < n && (this.tx[e] === '’s' || this.tx[e] === "'s");
    // "to X" and "from X" also lead to people ("talked to Crutcher"): only locative cues here.
    const placeCue = p >= 0 && this.isWord(p) && !this.isCap(p) &&
      (LOCATIVE_PREPS.has(pw) || (pw === 'of' && PLACE_SUFFIX.has(this.word(p - 1))) || ((pw === 'to' || pw === 'from' || pw === 'into') && this.motionBefore(p)));
    // "in Securities and Exchange Commission filings" is no place; "to Antwerp and Hamburg" is.
    const coordinated = this.word(e) === 'and' && e + 1 < n && this.isCap(e + 1) && this.gm[e + 1]?.entry.kind !== 'place';
    if (placeCue && !common && !acronym && count <= 3 && !GIVEN.has(firstLower) && !modifier && !coordinated && !possessive && !(count === 1 && NOT_NAMES.has(firstLower))) {
      this.emit(s, e, { kind: 'place', name: text, cand: 'word' });
      return;
    }
    // "he told JAMnews", "told CNBC": media and firms written in brand case are addressed, not people.
    const brand = count === 1 && /^\p{Lu}{2,}\p{Ll}/u.test(this.tx[s]);
    if ((brand || acronym) && !common && ADDRESSEE_VERBS.has(pw) && this.lowerWord(p)) {
      this.emit(s, e, { kind: 'actor', type: 'organization', name: text });
      return;
    }
    if (!common && ((this.speechBefore(s) && !modifier) || this.speechAfter(e))) {
      if (acronym || brand) this.emit(s, e, { kind: 'actor', type: 'organization', name: text });
      else this.person(s, e, null);
      return;
    }
    if (p >= 0 && this.isWord(p) && !this.isCap(p) && ROLE.has(pw) && !common) {
      this.person(s, e, pw);
      return;
    }
    // Apposition: "Jane Doe, a spokeswoman for ..."
    if (!common && count >= 2 && e + 2 < n && this.tx[e] === ',' && ['a', 'an', 'the'].includes(this.word(e + 1))) {
      for (let j = e + 2; j < Math.min(n, e + 6); j++) {
        if (!this.lowerWord(j)) break;
        if (ROLE.has(this.lo[j])) { this.person(s, e, this.lo[j]); return; }
      }
    }
    // Places by their cue: "in Lisagor", "the city of Baku", "Shusha region".
    const route = this.routeSuffix(e);
    if (!common && !acronym && count <= 3 && route > 0 && (ROUTE_SUFFIX.has(this.lo[e]))) {
      this.emit(s, route, { kind: 'place', name: this.spanText(s, route) });
      return;
    }
    if (!common && count <= 3 && this.lowerWord(e) && PLACE_SUFFIX.has(this.lo[e]) && !GIVEN.has(firstLower)) {
      this.emit(s, e, { kind: 'place', name: text });
      return;
    }
    // "CNN’s Wolf Blitzer", "Apple’s Tim Cook": two or three names after a possessive.
    const afterPossessive = p >= 0 && (this.tx[p] === '’s' || this.tx[p] === "'s");
    if (count >= 2 && count <= 3 && !common && !acronym && afterPossessive && !modifier) {
      this.person(s, e, null);
      return;
    }
    if (count >= 2 && GIVEN.has(firstLower) && count <= 4) {
      this.person(s, e, null);
      return;
    }
    if (common || acronym) return;
    // Unsure: kept only if the document confirms it.
    this.emit(s, e, { kind: 'actor', type: 'person', name: text, cand: count >= 2 ? 'name' : 'word' });
  }

  private person(s: number, e: number, role: string | null): void {
    // One literal per shape (no property added later: see mention()).
    const name = stripHonorific(this.spanText(s, e));
    this.emit(s, e, role ? { kind: 'actor', type: 'person', name, role } : { kind: 'actor', type: 'person', name });
  }

  // --- lower-case patterns ---------------------------------------------------

  /** "the headquarters", "the political scientist": references resolved at document level. */
  private definite(i: number): number {
    const { n } = this;
    let j = i + 1;
    let mods = 0;
    while (j < n && this.lowerWord(j) && !ORG_HEAD.has(this.lo[j]) && !ROLE.has(this.lo[j]) && !STOP.has(this.lo[j]) && mods < 2) { j++; mods++; }
    if (!this.lowerWord(j) || this.isBr(j)) return -1;
    const w = this.lo[j];
    const nextCap = j + 1 < n && this.isCap(j + 1) && this.isWord(j + 1);
    if (nextCap) return -1;
    if (ORG_HEAD.has(w) && this.word(j + 1) !== 'of') {
      this.emit(i, j + 1, { kind: 'actor', type: 'organization', name: this.spanText(i, j + 1), cand: 'the-head', role: w });
      return j + 1;
    }
    if (ROLE.has(w) && mods <= 1) {
      this.emit(i, j + 1, { kind: 'actor', type: 'person', name: this.spanText(i, j + 1), cand: 'the-role', role: w });
      return j + 1;
    }
    const g = this.lowerGroupOf(j);
    return g > j ? g : -1;
  }

  /** "the authorities of the unrecognized NKR", "representatives of Azerbaijan". */
  private lowerGroupOf(i: number): number {
    // Every lower-case word comes here: most have a length no collective noun has, and need no look-up.
    const w = this.lo[i];
    if (!(lengthBit(w) & GROUP_OF_LENGTHS) || !GROUP_OF.has(w)) return -1;
    const tail = this.ofTail(i + 1);
    if (tail < 0) return -1;
    // Keep the modifier: "the armed forces of Azerbaijan".
    const s = this.lowerWord(i - 1) && GROUP_MOD.has(this.lo[i - 1]) ? i - 1 : i;
    if (this.lo[i] === 'government') this.org(s, tail, 'government');
    else this.group(s, tail);
    return tail;
  }
}

/**
 * { start, end, text, ...m } with `name` for m.name, built as one literal per combination of
 * fields: mentions stay in the analysis cache, and objects of a fixed shape are smaller (and
 * cheaper for the garbage collector to move) than ones grown by a spread.
 */
function mention(start: number, end: number, text: string, m: Omit<Mention, 'start' | 'end' | 'text'>, name: string): Mention {
  const { kind, type, cand, role, head } = m;
  const derived = undefined;
  if (type === undefined) {
    if (role === undefined && head === undefined) return cand === undefined ? { start, end, text, kind, name, derived } : { start, end, text, kind, name, cand, derived };
  } else if (cand === undefined) {
    if (role === undefined) return head === undefined ? { start, end, text, kind, type, name, derived } : { start, end, text, kind, type, name, head, derived };
    if (head === undefined) return { start, end, text, kind, type, name, role, derived };
  } else if (head === undefined) {
    return role === undefined ? { start, end, text, kind, type, name, cand, derived } : { start, end, text, kind, type, name, cand, role, derived };
  }
  return { start, end, text, ...m, name, derived };
}

/** Length of s in UTF-16 units, periods left out (six capitals take at most 12). */
function lengthWithoutPeriods(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 46) n--;
  return n;
}

/** False when s has a character that is neither a period nor possibly a capital (the acronym test would fail). */
function mayBeAcronym(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && c !== 46 && !(c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** Whether s has no white space but single spaces (spanText's replace would leave it as is). */
function singleSpaced(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (i + 1 < s.length && s.charCodeAt(i + 1) === 32) return false;
    } else if (c < 32 || c > 126) return false;
  }
  return true;
}

/** A word that introduces a person's name: a listed role or a profession in -ist/-ician. */
export function isRole(w: string): boolean {
  let r = roleWords.get(w);
  if (r === undefined) {
    r = readsAsRole(w);
    if (roleWords.size >= ROLE_WORDS_SIZE) roleWords.clear();
    roleWords.set(own(w), r);
  }
  return r;
}

// isRole() is asked about the same words (capitalised words and the words before them) over and over.
const roleWords = new Map<string, boolean>();
const ROLE_WORDS_SIZE = 4096;

function readsAsRole(w: string): boolean {
  if (ROLE.has(w)) return true;
  // "Senators Charles E. Grassley and ...", "hydrologist", "physician"
  if (w.length > 4 && w.endsWith('s') && ROLE.has(w.slice(0, -1))) return true;
  return w.length > 5 && (w.endsWith('ist') || w.endsWith('ician')) && !STOP.has(w);
}

const NOT_PEOPLE = words('others numbers papers orders borders centers centres matters letters waters layers towers headquarters powers members-only computers containers barriers quarters chambers');
const PEOPLE_ANTS = words('residents students agents parents opponents migrants immigrants emigrants participants inhabitants tenants merchants servants assistants defendants');
/** A plural noun for people ("importers", "hydrologists", "residents"): a group after a nationality. */
function isPeoplePlural(w: string): boolean {
  if (GROUP.has(w) || PEOPLE_ANTS.has(w)) return true;
  return w.length >= 5 && (w.endsWith('ers') || w.endsWith('ors') || w.endsWith('ists') || w.endsWith('ians') || w.endsWith('men')) && !NOT_PEOPLE.has(w);
}

/** Institutions named "X on Y": "Committee on Foreign Affairs" (but "Hofstra University on Long Island"). */
const ON_HEADS = words('committee subcommittee council commission board conference panel forum');
/** Words a Title Case headline leaves in lower case. */
const TITLE_LOWER = words('a an the and or nor but of to in on at for by with as vs via from into per');
const TITLE_FUNCTION_WORDS = words('the of in to and for on at an is was are were with by from as over after into about says said but be has have will not');

/**
 * Marks tokens on Title Case lines (headlines). Most longer words are capitalised, and
 * a function word is capitalised in mid-line ("Talks Were Stalled Over ..."), or every
 * longer word is.
 */
function titleLines(t: TokenTable): Uint8Array {
  const n = t.n;
  const out = n <= titleBuffer.length ? titleBuffer : (titleBuffer = new Uint8Array(Math.max(n, 2 * titleBuffer.length)));
  out.fill(0, 0, n);
  let from = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || t.flags[i] & BR) {
      markTitleLine(t, out, from, i);
      from = i;
    }
  }
  return out;
}

/**
 * Marks tokens [from, to) (one line) in `out` when the line is in Title Case. A function
 * of the module, not a closure made per call: a closure's optimised code dies with the
 * closures at a full garbage collection, and each analysis after one re-optimised it.
 */
function markTitleLine(t: TokenTable, out: Uint8Array, from: number, to: number): void {
  const { text, lower, flags } = t;
  // Counts first: most lines are prose with few capitals, and need no word look-ups.
  let words = 0, caps = 0;
  for (let k = from; k < to; k++) {
    if (!(flags[k] & WORD)) continue;
    const c = text[k].charCodeAt(0);
    if (c >= 48 && c <= 57) continue;
    if (text[k].length < 4) continue;
    words++;
    if (flags[k] & CAP) caps++;
  }
  const ratio = words ? caps / words : 0;
  if (words < 3 || ratio < 0.6) return;
  let capFunction = false, lowerContent = false;
  for (let k = from; k < to; k++) {
    if (!(flags[k] & WORD)) continue;
    const c = text[k].charCodeAt(0);
    if (c >= 48 && c <= 57) continue;
    // A short lower-case verb ("met", "won") marks a sentence full of names, not a headline.
    if (!(flags[k] & CAP) && !TITLE_LOWER.has(lower[k])) lowerContent = true;
    if (k > from && flags[k] & CAP && TITLE_FUNCTION_WORDS.has(lower[k]) && !SENTENCE_END.has(text[k - 1]) && !OPENERS.has(text[k - 1])) capFunction = true;
  }
  if ((capFunction && ratio >= 0.6) || (words >= 4 && ratio === 1 && !lowerContent)) out.fill(1, from, to);
}
/** Detector.gm, reused: one paragraph is read at a time. */
const matchBuffer: (GazetteerMatch | null)[] = [];

/** titleLines' result, reused: one paragraph is read at a time. */
let titleBuffer = new Uint8Array(1024);

/** Whether one of us[0, to) is a known place (a loop, not some() with a closure made per call). */
function hasPlaceBefore(us: readonly Unit[], to: number): boolean {
  for (let k = 0; k < to; k++) if (us[k].g?.entry.kind === 'place') return true;
  return false;
}

function isDemonymPlural(w: string): boolean {
  return w.length > 3 && (w.endsWith('s') || w.endsWith('men')) && !w.endsWith('ss') && !w.endsWith('ese');
}

function lastWord(s: string): string {
  const m = /(\S+)$/.exec(s);
  return m ? m[1].toLowerCase() : s.toLowerCase();
}

export const HONORIFIC_WORD = words('mr mrs ms miss dr prof sir dame lord lady rev');
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Rev)\.?\s+/;
function stripHonorific(s: string): string {
  return s.replace(HONORIFIC, '');
}

/** Paragraphs longer than this are read in pieces cut at sentence ends. */
const CHUNK = 8192;

/**
 * The last Detector, kept: optimised code depends on a Detector's hidden class, which a
 * full garbage collection would drop with the last instance (and all that code with it:
 * every analysis after a collection would run unoptimised until warm again).
 */
let lastDetector: Detector | null = null;

/** The mentions of one text (a paragraph, or a piece of a huge one). */
function detectIn(text: string, gazetteer: Gazetteer): Mention[] {
  const d = new Detector(text, scanTokens(text), gazetteer);
  const out = d.run();
  d.release();
  lastDetector = d;
  return out;
}

export function detectEntities(paragraphText: string, gazetteer: Gazetteer): Entity[] {
  if (paragraphText.length <= CHUNK) return detectIn(paragraphText, gazetteer);
  // A huge paragraph (a 10 MB single line) would keep millions of tokens alive at once and
  // spend its time in the garbage collector; no name runs across a sentence end, so cut there.
  const out: Entity[] = [];
  for (let from = 0; from < paragraphText.length; ) {
    const to = chunkEnd(paragraphText, from);
    const piece = paragraphText.slice(from, to);
    for (const m of detectIn(piece, gazetteer)) out.push({ ...m, start: m.start + from, end: m.end + from });
    from = to;
  }
  return out;
}

/** End of the piece starting at `from`: just after a sentence end or line break past CHUNK, else at a space. */
function chunkEnd(text: string, from: number): number {
  const target = from + CHUNK;
  if (target >= text.length) return text.length;
  const limit = Math.min(text.length, target + 2048);
  let space = -1;
  for (let i = target; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i + 1;
    if (c === 32) {
      const p = text.charCodeAt(i - 1);
      if (p === 46 || p === 33 || p === 63) return i + 1; // ". ", "! ", "? "
      if (space < 0) space = i + 1;
    }
  }
  return space > 0 ? space : limit;
}

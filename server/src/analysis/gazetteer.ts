// The gazetteer: known places and actors with their aliases. It is an input to
// the analysis: the built-in list plus names the user annotated (a user entry wins
// over a built-in one with the same surface form).
// CONTRACT: buildGazetteer(extra) -> Gazetteer with a stable `key` (changes whenever
// the entries change; used for caching) and a matcher that looks token n-grams up in a
// Map: the text is tokenised once, no per-entry scan.
import { COUNTRIES, ORGS, PLACES } from './gazetteer-data';
import { fnv1a } from './strings';
import type { GazetteerEntry } from './types';

// ---------------------------------------------------------------------------
// Tokens

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** A word (letters/digits), not punctuation. */
  word: boolean;
  /** A line break lies between this token and the one before. */
  br: boolean;
  /** No white space between this token and the one before. */
  tight: boolean;
}

// A word: letters, marks and digits with inner apostrophes (N'Djamena, O'Brien); a
// possessive 's is split off. Anything else non-blank is one token. A hand-written scanner:
// this runs over every paragraph, and a Unicode regex costs several times more.
const LETTER = /[\p{L}\p{M}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const SPACE = /\s/;

// What the scanner asks of a character, by its UTF-16 code unit, filled in as characters
// are first met (the regexes above read one code unit as the scanner gives them one, a
// lone surrogate included, so the answer depends on the code unit alone). A table read
// keeps the scanning loop free of calls: with calls in it, V8 compiled it now well, now
// ~1.8× slower, depending on timing (measured over repeated processes).
const C_KNOWN = 0x80, C_SPACE = 1, C_WORD = 2, C_UPPER = 4;
const charClass = new Uint8Array(0x10000);
function classify(c: number): number {
  const s = String.fromCharCode(c);
  const k = C_KNOWN | (SPACE.test(s) ? C_SPACE : 0) | (LETTER.test(s) ? C_WORD : 0) | (UPPER.test(s) ? C_UPPER : 0);
  charClass[c] = k;
  return k;
}
// ASCII by arithmetic (what the regexes say of it), so that loading the module compiles no regex.
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  charClass[c] = C_KNOWN | (c === 32 || (c >= 9 && c <= 13) ? C_SPACE : 0) | (letter || (c >= 48 && c <= 57) ? C_WORD : 0) | (c >= 65 && c <= 90 ? C_UPPER : 0);
}

/** The class bits of code unit `c` (C_SPACE, C_WORD, C_UPPER). */
function classOf(c: number): number {
  const k = charClass[c];
  return k !== 0 ? k : classify(c);
}

/**
 * The tokens of one text as parallel arrays: the hot path (detectEntities) reads them without
 * an object per token. Flags per token: CAP, WORD, BR, TIGHT (the Token fields).
 */
export interface TokenTable {
  n: number;
  start: Int32Array;
  end: Int32Array;
  text: string[];
  lower: string[];
  flags: Uint8Array;
}
const CAP = 1, WORD = 2, BR = 4, TIGHT = 8;
/** The flag bits of TokenTable.flags. */
export const TOKEN_FLAGS = { CAP, WORD, BR, TIGHT } as const;

/** Splits text into word and punctuation tokens (UTF-16 offsets into `text`). */
export function tokenize(text: string): Token[] {
  const t = scanTokens(text);
  const out: Token[] = new Array(t.n);
  for (let i = 0; i < t.n; i++) {
    const f = t.flags[i];
    out[i] = { start: t.start[i], end: t.end[i], text: t.text[i], lower: t.lower[i], cap: (f & CAP) !== 0, word: (f & WORD) !== 0, br: (f & BR) !== 0, tight: (f & TIGHT) !== 0 };
  }
  return out;
}

function tableOf(tokens: readonly Token[]): TokenTable {
  const n = tokens.length;
  const t: TokenTable = { n, start: new Int32Array(n), end: new Int32Array(n), text: new Array(n), lower: new Array(n), flags: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    const x = tokens[i];
    t.start[i] = x.start;
    t.end[i] = x.end;
    t.text[i] = x.text;
    t.lower[i] = x.lower;
    t.flags[i] = (x.cap ? CAP : 0) | (x.word ? WORD : 0) | (x.br ? BR : 0) | (x.tight ? TIGHT : 0);
  }
  return t;
}

// The table scanTokens fills: detectEntities reads one text's tokens at a time, so one set
// of arrays, grown as needed, serves every call (fewer allocations, fewer collections).
const shared: TokenTable = { n: 0, start: new Int32Array(1024), end: new Int32Array(1024), text: [], lower: [], flags: new Uint8Array(1024) };

function grow(t: TokenTable): void {
  const size = t.start.length * 2;
  const start = new Int32Array(size), end = new Int32Array(size), flags = new Uint8Array(size);
  start.set(t.start);
  end.set(t.end);
  flags.set(t.flags);
  t.start = start;
  t.end = end;
  t.flags = flags;
}

// Strings scanTokens hands out again instead of cutting new ones from the text: they are
// many (every comma, every "'s") and a new string for each keeps the collector busy.
/** One-character tokens by their character code (below this one). */
const ONE_CHAR_LIMIT = 0x2200;
const oneChar: (string | undefined)[] = new Array(ONE_CHAR_LIMIT);
const oneCharLower: string[] = new Array(ONE_CHAR_LIMIT);
const POSSESSIVE = ["'s", "'S", '’s', '’S'];
const POSSESSIVE_LOWER = ["'s", "'s", '’s', '’s'];

/**
 * Short ASCII words (at most SHORT_WORD characters) by an exact key: their characters as
 * digits in base 128, times 8, plus their length. Below 2^52, so a double holds it exactly,
 * and two words share a key only when they are the same: no string comparison, no new string.
 */
const SHORT_WORD = 7;
const SHORT_SLOTS = 1 << 15;
/** Past this many words the table starts afresh (an open-addressing table must stay sparse). */
const SHORT_MAX = SHORT_SLOTS >> 1;
const shortKeys = new Float64Array(SHORT_SLOTS); // 0: empty (no key is 0)
const shortText: string[] = new Array(SHORT_SLOTS);
const shortLower: string[] = new Array(SHORT_SLOTS);
let shortCount = 0;

/** The slot of the word with `key` (text[start, end)), added if new. */
function shortWordSlot(key: number, text: string, start: number, end: number): number {
  const lo = key >>> 0, hi = (key / 4294967296) | 0;
  let slot = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b) >>> 17; // 15 bits
  for (let k = shortKeys[slot]; k !== 0; k = shortKeys[slot]) {
    if (k === key) return slot;
    slot = (slot + 1) & (SHORT_SLOTS - 1);
  }
  if (shortCount >= SHORT_MAX) {
    shortKeys.fill(0);
    shortCount = 0;
  }
  // Below 13 characters a slice is a copy: the table keeps no view on a whole article.
  const s = text.slice(start, end);
  shortKeys[slot] = key;
  shortText[slot] = s;
  // ASCII has no context-dependent case: the lower-case form is the same wherever the word is.
  shortLower[slot] = s.toLowerCase();
  shortCount++;
  return slot;
}

/**
 * The tokens of `text` in a shared table: the next call overwrites it, so the caller must be
 * done with it before tokenising again. Entries at n and beyond are stale.
 */
export function scanTokens(text: string): TokenTable {
  const t = shared;
  const texts = t.text;
  const lowers = t.lower;
  const n = text.length;
  let count = 0;
  let i = 0;
  let prevEnd = 0;
  let br = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls & C_SPACE) {
      if (c === 10 || c === 13) br = true;
      i++;
      continue;
    }
    const start = i;
    let word = false;
    let upper = false;
    // The word's characters as digits in base 128 (exact while it is short and ASCII: see SHORT_WORD).
    let code = c;
    let ascii = c < 128;
    if (cls & C_WORD) {
      word = true;
      i++;
      for (;;) {
        for (; i < n; i++) {
          const d = text.charCodeAt(i);
          if (d >= 97 && d <= 122) {
            code = code * 128 + d;
            continue;
          }
          if (d >= 65 && d <= 90) upper = true;
          else if (d >= 128 ? !(classOf(d) & C_WORD) : !(d >= 48 && d <= 57)) break;
          else if (d >= 128) upper = true; // may have a case: lower-case it below
          if (d >= 128) ascii = false;
          code = code * 128 + d;
        }
        // An inner apostrophe followed by a letter continues the word.
        const a = text.charCodeAt(i);
        if ((a === 39 || a === 0x2019) && i + 1 < n && classOf(text.charCodeAt(i + 1)) & C_WORD) {
          if (a === 39) code = code * 128 + 39;
          else ascii = false;
          i++;
        } else break;
      }
    } else {
      // A surrogate pair (an emoji) stays one token.
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    }
    let end = i;
    // Short enough for an exact key (see shortWordKey), before the possessive is cut off.
    const short = word && ascii && end - start <= SHORT_WORD;
    /** The possessive split off ("'s", "’S"): its index in POSSESSIVE, or -1. */
    let possessive = -1;
    if (word && end - start > 2) {
      const l = text.charCodeAt(end - 1), a = text.charCodeAt(end - 2);
      if ((l === 115 || l === 83) && (a === 39 || a === 0x2019)) {
        end -= 2;
        possessive = (a === 39 ? 0 : 2) + (l === 115 ? 0 : 1);
        // In a short ASCII word the apostrophe is "'": drop its two digits.
        if (short) code = (code - (a * 128 + l)) / 16384;
      }
    }
    if (count + 2 > t.start.length) grow(t);
    const cap = word && (cls & C_UPPER) !== 0;
    t.start[count] = start;
    t.end[count] = end;
    // Only a word with a capital or a non-ASCII letter after its first is lower-cased: a
    // non-ASCII first letter that is no capital ("ǅ") stays as written. ASCII punctuation
    // has no case.
    const lowerIt = upper || cap || (!word && c >= 128);
    if (end - start === 1 && !upper && c < ONE_CHAR_LIMIT) {
      // One character (punctuation, "a", "I"): the same string every time.
      let one = oneChar[c];
      if (one === undefined) {
        one = oneChar[c] = String.fromCharCode(c);
        oneCharLower[c] = lowerIt ? one.toLowerCase() : one;
      }
      texts[count] = one;
      lowers[count] = oneCharLower[c];
    } else if (short) {
      // A short ASCII word: the same strings every time (its lower-case form is context-free).
      const slot = shortWordSlot(code * 8 + (end - start), text, start, end);
      texts[count] = shortText[slot];
      lowers[count] = shortLower[slot];
    } else {
      const s = text.slice(start, end);
      texts[count] = s;
      lowers[count] = lowerIt ? s.toLowerCase() : s;
    }
    t.flags[count] = (cap ? CAP : 0) | (word ? WORD : 0) | (br ? BR : 0) | (count > 0 && prevEnd === start ? TIGHT : 0);
    count++;
    br = false;
    if (possessive >= 0) {
      t.start[count] = end;
      t.end[count] = end + 2;
      texts[count] = POSSESSIVE[possessive];
      lowers[count] = POSSESSIVE_LOWER[possessive];
      t.flags[count] = TIGHT;
      count++;
      end += 2;
    }
    prevEnd = end;
  }
  t.n = count;
  return t;
}

// ---------------------------------------------------------------------------
// The index

export type SurfaceForm = 'name' | 'alias' | 'adjective';

interface Form {
  /** Lower-cased tokens of the surface. */
  tokens: string[];
  /** Per token: the exact text required (acronyms), '^' for a capital first letter, '' for any. */
  require: string[];
  entry: GazetteerEntry;
  form: SurfaceForm;
  /** What a match of this form returns: one object per form, shared by every match. */
  match: GazetteerMatch;
}

export interface GazetteerMatch {
  readonly entry: GazetteerEntry;
  readonly form: SurfaceForm;
  /** Number of tokens matched. */
  readonly length: number;
}

function formOf(surface: string, entry: GazetteerEntry, form: SurfaceForm): Form | null {
  const toks = tokenize(surface);
  if (!toks.length) return null;
  const acronym = !/\p{Ll}/u.test(surface);
  return {
    tokens: toks.map((t) => t.lower),
    require: toks.map((t) => (acronym && t.word ? t.text : t.cap ? '^' : '')),
    entry,
    form,
    match: { entry, form, length: toks.length },
  };
}

/** A bit for a word's length; lengths of 31 and more share one. */
const lengthBit = (w: string): number => 1 << Math.min(w.length, 31);

class Index {
  readonly byFirst = new Map<string, Form[]>();
  /** First tokens of surfaces that may start in lower case ("al-Qaeda"): others need a capital. */
  readonly lowerFirst = new Set<string>();
  /** lengthBit() of every lowerFirst word: a lower-case token of another length needs no look-up. */
  private lowerFirstLengths = 0;
  readonly bySurface = new Map<string, { entry: GazetteerEntry; form: SurfaceForm }>();
  add(entry: GazetteerEntry): void {
    const add = (s: string, form: SurfaceForm) => {
      const f = formOf(s, entry, form);
      if (!f) return;
      if (f.require[0] === '') {
        this.lowerFirst.add(f.tokens[0]);
        this.lowerFirstLengths |= lengthBit(f.tokens[0]);
      }
      const list = this.byFirst.get(f.tokens[0]);
      if (list) list.push(f);
      else this.byFirst.set(f.tokens[0], [f]);
      this.bySurface.set(s.toLowerCase(), { entry, form });
    };
    add(entry.name, 'name');
    for (const a of entry.aliases ?? []) add(a, 'alias');
    for (const a of entry.adjectives ?? []) add(a, 'adjective');
  }
  /** Longest first, so the first hit is the longest. */
  seal(): void {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  }
  match(t: TokenTable, i: number): GazetteerMatch | null {
    const lower = t.lower, flags = t.flags;
    if (!(flags[i] & CAP) && (!(lengthBit(lower[i]) & this.lowerFirstLengths) || !this.lowerFirst.has(lower[i]))) return null;
    const list = this.byFirst.get(lower[i]);
    if (!list) return null;
    outer: for (const f of list) {
      const n = f.tokens.length;
      if (i + n > t.n) continue;
      for (let k = 0; k < n; k++) {
        const j = i + k;
        if (lower[j] !== f.tokens[k]) continue outer;
        const r = f.require[k];
        if (r === '^' ? !(flags[j] & CAP) : r !== '' && t.text[j] !== r) continue outer;
        // A multi-word name does not run across a line break.
        if (k > 0 && flags[j] & BR) continue outer;
      }
      return f.match;
    }
    return null;
  }
}

// ---------------------------------------------------------------------------
// Built-in entries

function splitList(s: string | undefined): string[] {
  return s ? s.split(',').map((x) => x.trim()).filter(Boolean) : [];
}

function parseBuiltins(): GazetteerEntry[] {
  const out: GazetteerEntry[] = [];
  for (const line of COUNTRIES.split('\n')) {
    if (!line.trim()) continue;
    const [name, adjectives, aliases] = line.split('|');
    const e: GazetteerEntry = { name, kind: 'place', type: 'country', origin: 'builtin' };
    const adj = splitList(adjectives), al = splitList(aliases);
    if (al.length) e.aliases = al;
    if (adj.length) e.adjectives = adj;
    out.push(e);
  }
  for (const line of PLACES.split('\n')) {
    if (!line.trim()) continue;
    const capital = line.startsWith('*');
    const [name, aliases] = (capital ? line.slice(1) : line).split('|');
    // A capital can speak for its state ("Moscow said"): it acts as a country.
    const e: GazetteerEntry = { name, kind: 'place', origin: 'builtin' };
    if (capital) e.type = 'country';
    const al = splitList(aliases);
    if (al.length) e.aliases = al;
    out.push(e);
  }
  for (const line of ORGS.split('\n')) {
    if (!line.trim()) continue;
    const [name, aliases] = line.split('|');
    const e: GazetteerEntry = { name, kind: 'actor', type: 'organization', origin: 'builtin' };
    const al = splitList(aliases);
    if (al.length) e.aliases = al;
    out.push(e);
  }
  return out;
}

/** A short stable fingerprint for cache keys: FNV-1a as hex. */
function fingerprint(s: string): string {
  return fnv1a(s).toString(16).padStart(8, '0');
}

let builtin: { entries: GazetteerEntry[]; index: Index; key: string } | null = null;

function builtins(): { entries: GazetteerEntry[]; index: Index; key: string } {
  if (!builtin) {
    const entries = parseBuiltins();
    const index = new Index();
    for (const e of entries) index.add(e);
    index.seal();
    builtin = { entries, index, key: 'b' + fingerprint(COUNTRIES + PLACES + ORGS) };
  }
  return builtin;
}

// ---------------------------------------------------------------------------

export class Gazetteer {
  /** Changes whenever the entries change (built-in data or user entries). */
  readonly key: string;
  readonly entries: readonly GazetteerEntry[];
  private readonly base: Index;
  private readonly user: Index | null;

  /** The user entries as given (JSON), for reuse by buildGazetteer. */
  readonly source: string;

  constructor(extra: readonly GazetteerEntry[] = [], source?: string) {
    this.source = source ?? JSON.stringify(extra);
    const b = builtins();
    this.base = b.index;
    const users = extra.map(sanitize).filter((e): e is GazetteerEntry => e !== null);
    if (users.length) {
      this.user = new Index();
      for (const e of users) this.user.add(e);
      this.user.seal();
    } else this.user = null;
    this.entries = users.length ? [...users, ...b.entries] : b.entries;
    this.key = users.length ? `${b.key}+u${fingerprint(JSON.stringify(users))}` : b.key;
  }

  /** The entry a surface form names (name, alias or adjective), user entries first. */
  lookup(surface: string): GazetteerEntry | undefined {
    const k = surface.trim().toLowerCase();
    return (this.user?.bySurface.get(k) ?? this.base.bySurface.get(k))?.entry;
  }

  /** The longest known name starting at token i; on equal length a user entry wins. */
  match(tokens: readonly Token[], i: number): GazetteerMatch | null {
    return this.matchAt(tableOf(tokens), i);
  }

  /** match() over a token table (the hot path). */
  matchAt(tokens: TokenTable, i: number): GazetteerMatch | null {
    const u = this.user?.match(tokens, i) ?? null;
    const b = this.base.match(tokens, i);
    if (u && (!b || u.length >= b.length)) return u;
    return b;
  }
}

const strings = (xs: unknown): string[] | undefined => {
  if (!Array.isArray(xs)) return undefined;
  const out = xs.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  return out.length ? out : undefined;
};

/**
 * A user entry as the matcher can use it, or null when it names nothing. User entries come
 * from hand-edited sidecars: a wrong field is dropped rather than breaking the analysis.
 */
function sanitize(e: GazetteerEntry): GazetteerEntry | null {
  if (!e || typeof e.name !== 'string' || !e.name.trim()) return null;
  const kind = e.kind === 'actor' ? 'actor' : 'place';
  const out: GazetteerEntry = { name: e.name.trim(), kind, origin: e.origin === 'builtin' ? 'builtin' : 'user' };
  if (e.type === 'person' || e.type === 'organization' || e.type === 'group' || e.type === 'country') out.type = e.type;
  const aliases = strings(e.aliases), adjectives = strings(e.adjectives);
  if (aliases) out.aliases = aliases;
  if (adjectives) out.adjectives = adjectives;
  return out;
}

// analyze() builds a gazetteer on every call that carries user entries; the same entries
// (compared by content, not identity) give back the same instance, index and all.
const recent: Gazetteer[] = [];
const RECENT = 4;

// The same list object, passed again (the server's and the index workers' user entries
// between two changes, the CLI's for every file of a run), is found without reading it:
// its JSON key cost a full pass over every entry on every keystroke and every indexed file.
// Callers replace the list when the names change; they never edit one they passed in.
const byList = new WeakMap<readonly GazetteerEntry[], Gazetteer>();

export function buildGazetteer(extra: readonly GazetteerEntry[] = []): Gazetteer {
  if (!extra.length) return (recent0 ??= new Gazetteer());
  const known = byList.get(extra);
  if (known) return known;
  const key = JSON.stringify(extra);
  let g = recent.find((x) => x.source === key);
  if (!g) {
    g = new Gazetteer(extra, key);
    recent.unshift(g);
    if (recent.length > RECENT) recent.pop();
  }
  byList.set(extra, g);
  return g;
}
let recent0: Gazetteer | null = null;

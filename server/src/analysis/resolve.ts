// Document-level resolution of entity mentions. CONTRACT:
//  resolveEntities(text, mentions, gazetteer): short forms to full names ("Simonyan" once
//  "Gurgen Simonyan" is known), "the headquarters" to the organisation last named with that
//  head, weak candidates kept only when the document confirms them; document offsets.
import { GIVEN, HONORIFIC_WORD, isRole, NOT_NAMES, type Mention } from './entities';
import type { Gazetteer } from './gazetteer';
import { sortStable } from './sort';
import { own } from './strings';
import type { ActorType, Entity } from './types';

// Regexes of hot functions as module constants: a literal in a function makes a new
// RegExp object on every call.
const SPACE_CHAR = /\s/;
const PERIOD_AT_END = /\.$/;
const CURLY_APOSTROPHES = /’/g;

const byStartLongestFirst = (a: Entity, b: Entity): number => a.start - b.start || b.end - a.end;

/** Keeps the first of overlapping mentions after sorting by start, longest first. */
export function dropOverlaps(xs: Entity[]): Entity[] {
  sortStable(xs, byStartLongestFirst);
  const out: Entity[] = [];
  let end = -1;
  for (const x of xs) {
    if (x.start < end) continue;
    out.push(x);
    end = x.end;
  }
  return out;
}

export function resolveEntities(_text: string, mentions: Entity[], _gazetteer: Gazetteer): { places: Entity[]; actors: Entity[] } {
  const ms = (mentions as Mention[]).slice().sort((a, b) => a.start - b.start);
  const { places, actors } = splitByKind(resolveMentions(ms));
  return { places: dropOverlaps(places), actors: dropOverlaps(actors) };
}

/** Places and actors of resolved mentions, in order. */
export function splitByKind(produced: readonly (Entity | null)[]): { places: Entity[]; actors: Entity[] } {
  const places: Entity[] = [];
  const actors: Entity[] = [];
  for (const e of produced) if (e) (e.kind === 'place' ? places : actors).push(e);
  return { places, actors };
}

/**
 * What each mention (sorted by start) resolves to, before overlaps are dropped: an
 * entity, or null when the document does not confirm it. The outcome depends on the
 * mentions only through what {@link mentionSignature} keeps, never on offsets, except
 * for the span a trimmed mention keeps ("Crooked Hillary Clinton").
 */
export function resolveMentions(ms: readonly Mention[]): (Entity | null)[] {
  const ds = ms.map(derive);
  return resolveWith(ms, buildDictionaries(ms, ds), newResolutionState(), ds);
}

/** What the whole document's mentions tell about each name: read by every mention's resolution. */
export interface Dictionaries {
  /** Single words the document uses on their own (they confirm a full name ending in them). */
  alone: Set<string>;
  /** Full names by their endings and by their given name; first introduced wins. */
  byEnding: Map<string, string>;
  byGiven: Map<string, string>;
  /** Place names by their text and name. */
  placeNames: Map<string, string>;
  /** The first organisation per head noun. */
  firstOrg: Map<string, Mention>;
  /** The last words of unknown names (a word used alone that is one of them confirms it). */
  nameLast: Set<string>;
}

/** The resolution's state as it goes through the mentions: the latest organisation per head noun and person per role. */
export interface ResolutionState {
  lastOrg: Map<string, Mention>;
  lastPerson: Map<string, string>;
}

export function newResolutionState(): ResolutionState {
  return { lastOrg: new Map(), lastPerson: new Map() };
}

export function buildDictionaries(ms: readonly Mention[], ds: readonly Derived[] = ms.map(derive)): Dictionaries {
  const alone = new Set<string>();
  const nameLast = new Set<string>();
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.type === 'person' && (m.cand === 'word' || (!m.cand && ds[i].words.length === 1))) alone.add(ds[i].key);
    if (m.type === 'person' && m.cand === 'name') nameLast.add(ds[i].words[ds[i].words.length - 1]);
  }
  // Full names by their endings and given name ("Simonyan", "de Blasio", "Gurgen"); first introduced wins.
  const byEnding = new Map<string, string>();
  const byGiven = new Map<string, string>();
  const givenFirst = new Map<string, boolean>();
  const startsGiven = (name: string): boolean => {
    let g = givenFirst.get(name);
    if (g === undefined) givenFirst.set(name, (g = GIVEN.has(wordsOf(nameKey(name))[0])));
    return g;
  };
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    const d = ds[i];
    if (!isFull(m, d, alone)) continue;
    const ws = d.full;
    if (ws.length < 2) continue;
    // First introduced wins, but a name that starts with a known given name beats one that
    // does not ("Barack Obama" over a headline's "Derelict Obama").
    const given = GIVEN.has(ws[0]);
    for (const ending of d.endings) {
      const had = byEnding.get(ending);
      if (!had || (given && !startsGiven(had))) byEnding.set(ending, m.name);
    }
    if (!byGiven.has(ws[0])) byGiven.set(ws[0], m.name);
  }
  const placeNames = new Map<string, string>();
  for (const m of ms) if (m.kind === 'place') { placeNames.set(m.text, m.name); placeNames.set(m.name, m.name); }
  const firstOrg = new Map<string, Mention>();
  for (const m of ms) if (!m.cand && m.type === 'organization' && m.head && !firstOrg.has(m.head)) firstOrg.set(m.head, m);
  return { alone, byEnding, byGiven, placeNames, firstOrg, nameLast };
}

function isFull(m: Mention, d: Derived, alone: Set<string>): boolean {
  return m.type === 'person' && (!m.cand || (m.cand === 'name' && alone.has(d.words[d.words.length - 1])));
}

/**
 * Whether a mention leaves every other mention's resolution alone: it adds nothing to the
 * dictionaries that anything reads, and moves no "latest organisation / person" along.
 */
export function isInert(m: Mention, dicts: Dictionaries): boolean {
  if (m.kind === 'place') return false;
  if (!m.cand) {
    if (m.type === 'person') return !m.role && derive(m).words.length === 1 && !dicts.nameLast.has(derive(m).key);
    return !(m.type === 'organization' && m.head);
  }
  if (m.cand === 'name') return false;
  if (m.cand === 'word' && m.type === 'person') return !dicts.nameLast.has(derive(m).key);
  return true;
}

/** The resolution's state after mentions that resolved to `produced` (replaying what the resolution records). */
export function replayResolution(ms: readonly Mention[], produced: readonly (Entity | null)[], state: ResolutionState): void {
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.kind === 'place' || m.cand) continue;
    const e = produced[i];
    if (m.type === 'person') {
      // A trimmed mention ("Crooked Hillary Clinton") moves nothing along.
      if (m.role && e && e.start === m.start && e.end === m.end) state.lastPerson.set(m.role, e.name);
    } else if (m.type === 'organization' && m.head) state.lastOrg.set(m.head, m);
  }
}

/** Resolves mentions in order against the dictionaries, moving its state along. */
export function resolveWith(ms: readonly Mention[], dicts: Dictionaries, state: ResolutionState, ds: readonly Derived[] = ms.map(derive)): (Entity | null)[] {
  const { alone, byEnding, byGiven, placeNames, firstOrg } = dicts;
  const { lastOrg, lastPerson } = state;
  const produced: (Entity | null)[] = new Array<Entity | null>(ms.length).fill(null);
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.kind === 'place') {
      // A place guessed from its cue ("in X") that the document knows as a person is the person.
      const full = m.cand === 'word' ? fullName(dicts, m.name) : undefined;
      if (full) produced[i] = outcome(m, ds[i], 'actor', full, 'person');
      else produced[i] = outcome(m, ds[i], m.kind, m.name, m.type);
      continue;
    }
    switch (m.cand) {
      case undefined: {
        if (m.type === 'person') {
          const trimmed = dropLeadingWord(m, dicts);
          if (trimmed) { produced[i] = kept(ds[i], trimmed); break; }
          // A first name alone does not make a known place a person ("CHARLOTTE, N.C.").
          const k = ds[i].key;
          const name = byEnding.get(k) ?? (placeNames.has(m.name) || k.includes(' ') ? undefined : byGiven.get(k)) ?? m.name;
          produced[i] = outcome(m, ds[i], m.kind, name, m.type);
          if (m.role) lastPerson.set(m.role, name);
        } else {
          produced[i] = outcome(m, ds[i], m.kind, m.name, m.type);
          if (m.type === 'organization' && m.head) lastOrg.set(m.head, m);
        }
        break;
      }
      case 'name':
        if (isFull(m, ds[i], alone)) produced[i] = outcome(m, ds[i], m.kind, m.name, m.type);
        break;
      case 'word':
      case 'headline': {
        // A surname first; then a place the article named ("Charlotte" the city, not the
        // first word of "Charlotte Panthers"); then a first name ("Melania").
        const surname = byEnding.get(ds[i].key);
        if (surname) { produced[i] = outcome(m, ds[i], m.kind, surname, 'person'); break; }
        const place = placeNames.get(m.name);
        if (place) { produced[i] = outcome(m, ds[i], 'place', place, undefined); break; }
        const first = NOT_NAMES.has(ds[i].key) ? undefined : byGiven.get(ds[i].key);
        if (first) produced[i] = outcome(m, ds[i], m.kind, first, 'person');
        break;
      }
      case 'the-head': {
        // The most recent organisation with that head noun ("the headquarters").
        const o = lastOrg.get(m.role!) ?? firstOrg.get(m.role!);
        if (o) produced[i] = outcome(m, ds[i], m.kind, o.name, 'organization');
        break;
      }
      case 'the-role': {
        const p = lastPerson.get(m.role!);
        if (p) produced[i] = outcome(m, ds[i], m.kind, p, 'person');
        break;
      }
    }
  }
  return produced;
}

/**
 * What of a mention the resolution reads: two mentions with the same signature resolve
 * alike wherever they are (given the same mentions around them).
 */
export function mentionSignature(m: Mention): string {
  return `${m.kind}\u0001${m.type ?? ''}\u0001${m.cand ?? ''}\u0001${m.name}\u0001${m.text}\u0001${m.role ?? ''}\u0001${m.head ?? ''}`;
}

/**
 * The full name a short form stands for: by its ending, or by its given name when it is one word.
 * (A function of its own, not a closure per resolution: optimised code that inlined a closure
 * would be thrown away with it at the next full collection.)
 */
function fullName(dicts: Dictionaries, w: string): string | undefined {
  const k = nameKey(w);
  return dicts.byEnding.get(k) ?? (k.includes(' ') ? undefined : dicts.byGiven.get(k));
}

/**
 * "Crooked Hillary Clinton": a capitalised word glued before a full name the article
 * knows, when that word is no given name. Returns the mention without it.
 */
function dropLeadingWord(m: Mention, dicts: Dictionaries): Entity | null {
  const sp = m.text.search(SPACE_CHAR);
  if (sp < 0) return null;
  const first = m.text.slice(0, sp).toLowerCase();
  if (GIVEN.has(first) || HONORIFIC_WORD.has(first.replace(PERIOD_AT_END, '')) || isRole(first)) return null;
  const rest = m.text.slice(sp).trimStart();
  // Only before a full name the article uses ("Ivanka Trump" is no "Trump" with a junk word).
  const full = fullName(dicts, rest);
  if (!full || nameKey(full) !== nameKey(rest) || nameKey(full) === nameKey(m.name)) return null;
  const start = m.end - rest.length;
  return { start, end: m.end, kind: 'actor', text: rest, name: full, type: 'person' };
}

/** What the resolution reads of a mention, computed once per mention (mentions are cached with their paragraph). */
export interface Derived {
  /** nameKey of the name, and its words. */
  key: string;
  words: string[];
  /** The words of a full name without a generational suffix, and their endings ("gurgen simonyan" → "simonyan"). */
  full: string[];
  endings: string[];
  /** The last outcome, handed out again while it stays the same (re-analysis compares outcomes by identity). */
  out?: Entity;
}

/** The derived record rides on the mention (a property read is cheaper than a WeakMap). */
type Carrier = Mention & { derived?: Derived };
const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

export function derive(m: Mention): Derived {
  let d = (m as Carrier).derived;
  if (d) return d;
  const p = nameParts(m.name);
  d = { key: p.key, words: p.words, full: p.full, endings: p.endings, out: undefined };
  (m as Carrier).derived = d;
  return d;
}

/** What derive() reads of a name alone: the same for every mention with that name. */
type NameParts = Pick<Derived, 'key' | 'words' | 'full' | 'endings'>;

// An article names the same people and places again and again: each name is taken apart
// once (its parts are shared, never changed). Keys and parts are copies, not views on an article.
const partsByName = new Map<string, NameParts>();
const NAME_PARTS_SIZE = 4096;

function nameParts(name: string): NameParts {
  let p = partsByName.get(name);
  if (p !== undefined) return p;
  const key = own(nameKey(name));
  const words = wordsOf(key);
  // "Joseph R. Biden Jr.": the surname is before the generational suffix.
  const full = words.length > 2 && /^(?:jr|sr|ii|iii|iv)\.?$/.test(words[words.length - 1]) ? words.slice(0, -1) : words;
  const endings: string[] = [];
  for (let k = 1; k < full.length; k++) endings.push(full.slice(k).join(' '));
  p = { key, words, full, endings };
  if (partsByName.size >= NAME_PARTS_SIZE) partsByName.clear();
  partsByName.set(own(name), p);
  return p;
}

/** The entity a mention resolves to (its own span and text), the same object as last time when nothing changed. */
function outcome(m: Mention, d: Derived, kind: Entity['kind'], name: string, type: ActorType | undefined): Entity {
  const t = kind === 'actor' ? type : undefined;
  const o = d.out;
  if (o && o.kind === kind && o.name === name && o.type === t && o.start === m.start && o.end === m.end && o.text === m.text) return o;
  // One literal per shape: a property added later would make a hidden class that dies with
  // the analysis, and code optimised for it would be thrown away at the next collection.
  const e: Entity = t ? { start: m.start, end: m.end, kind, text: m.text, name, type: t } : { start: m.start, end: m.end, kind, text: m.text, name };
  return (d.out = e);
}

/** An outcome built elsewhere, handed out as `outcome` does. */
function kept(d: Derived, e: Entity): Entity {
  const o = d.out;
  if (o && o.kind === e.kind && o.name === e.name && o.type === e.type && o.start === e.start && o.end === e.end && o.text === e.text) return o;
  return (d.out = e);
}

/** Comparable form of a name: lower case, one kind of apostrophe. */
function nameKey(s: string): string {
  return s.toLowerCase().replace(CURLY_APOSTROPHES, "'");
}


// Document-level resolution of entity mentions. CONTRACT:
//  resolveEntities(text, mentions, gazetteer): short forms to full names ("Simonyan" once
//  "Gurgen Simonyan" is known), "the headquarters" to the organisation last named with that
//  head, weak candidates kept only when the document confirms them; document offsets.
import { GIVEN, HONORIFIC_WORD, isRole, NOT_NAMES, type Mention } from './entities';
import type { Gazetteer } from './gazetteer';
import type { ActorType, Entity } from './types';

function clean(m: Mention, name = m.name, type: ActorType | undefined = m.type): Entity {
  const e: Entity = { start: m.start, end: m.end, kind: m.kind, text: m.text, name };
  if (m.kind === 'actor' && type) e.type = type;
  return e;
}

/** Keeps the first of overlapping mentions after sorting by start, longest first. */
export function dropOverlaps(xs: Entity[]): Entity[] {
  xs.sort((a, b) => a.start - b.start || b.end - a.end);
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
  const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

  // Single words the document uses on their own: they confirm a full name ending in them.
  const alone = new Set<string>();
  for (const m of ms) if (m.type === 'person' && (m.cand === 'word' || (!m.cand && wordsOf(m.name).length === 1))) alone.add(nameKey(m.name));

  // Full names by their endings and given name ("Simonyan", "de Blasio", "Gurgen"); first introduced wins.
  const byEnding = new Map<string, string>();
  const byGiven = new Map<string, string>();
  const isFull = (m: Mention) => m.type === 'person' && (!m.cand || (m.cand === 'name' && alone.has(nameKey(wordsOf(m.name).slice(-1)[0]))));
  for (const m of ms) {
    if (!isFull(m)) continue;
    let ws = wordsOf(nameKey(m.name));
    // "Joseph R. Biden Jr.": the surname is before the generational suffix.
    if (ws.length > 2 && /^(?:jr|sr|ii|iii|iv)\.?$/.test(ws[ws.length - 1])) ws = ws.slice(0, -1);
    if (ws.length < 2) continue;
    // First introduced wins, but a name that starts with a known given name beats one that
    // does not ("Barack Obama" over a headline's "Derelict Obama").
    const given = GIVEN.has(ws[0]);
    for (let k = 1; k < ws.length; k++) {
      const ending = ws.slice(k).join(' ');
      const had = byEnding.get(ending);
      if (!had || (given && !GIVEN.has(wordsOf(nameKey(had))[0]))) byEnding.set(ending, m.name);
    }
    if (!byGiven.has(ws[0])) byGiven.set(ws[0], m.name);
  }
  const fullName = (w: string): string | undefined => {
    const k = nameKey(w);
    return byEnding.get(k) ?? (k.includes(' ') ? undefined : byGiven.get(k));
  };
  const placeNames = new Map<string, string>();
  for (const m of ms) if (m.kind === 'place') { placeNames.set(m.text, m.name); placeNames.set(m.name, m.name); }

  const produced: (Entity | null)[] = new Array<Entity | null>(ms.length).fill(null);
  // The latest organisation per head noun and person per role, as the walk goes on; and the
  // first organisation per head for a reference that comes before the name.
  const lastOrg = new Map<string, Mention>();
  const firstOrg = new Map<string, Mention>();
  for (const m of ms) if (!m.cand && m.type === 'organization' && m.head && !firstOrg.has(m.head)) firstOrg.set(m.head, m);
  const lastPerson = new Map<string, string>();
  for (let i = 0; i < ms.length; i++) {
    const m = ms[i];
    if (m.kind === 'place') {
      // A place guessed from its cue ("in X") that the document knows as a person is the person.
      const full = m.cand === 'word' ? fullName(m.name) : undefined;
      if (full) produced[i] = clean({ ...m, kind: 'actor' }, full, 'person');
      else produced[i] = clean(m);
      continue;
    }
    switch (m.cand) {
      case undefined: {
        if (m.type === 'person') {
          const trimmed = dropLeadingWord(m, fullName);
          if (trimmed) { produced[i] = trimmed; break; }
          // A first name alone does not make a known place a person ("CHARLOTTE, N.C.").
          const k = nameKey(m.name);
          const name = byEnding.get(k) ?? (placeNames.has(m.name) || k.includes(' ') ? undefined : byGiven.get(k)) ?? m.name;
          produced[i] = clean(m, name);
          if (m.role) lastPerson.set(m.role, name);
        } else {
          produced[i] = clean(m);
          if (m.type === 'organization' && m.head) lastOrg.set(m.head, m);
        }
        break;
      }
      case 'name':
        if (isFull(m)) produced[i] = clean(m);
        break;
      case 'word':
      case 'headline': {
        // A surname first; then a place the article named ("Charlotte" the city, not the
        // first word of "Charlotte Panthers"); then a first name ("Melania").
        const surname = byEnding.get(nameKey(m.name));
        if (surname) { produced[i] = clean(m, surname, 'person'); break; }
        const place = placeNames.get(m.name);
        if (place) { produced[i] = { start: m.start, end: m.end, kind: 'place', text: m.text, name: place }; break; }
        const first = NOT_NAMES.has(nameKey(m.name)) ? undefined : byGiven.get(nameKey(m.name));
        if (first) produced[i] = clean(m, first, 'person');
        break;
      }
      case 'the-head': {
        // The most recent organisation with that head noun ("the headquarters").
        const o = lastOrg.get(m.role!) ?? firstOrg.get(m.role!);
        if (o) produced[i] = clean(m, o.name, 'organization');
        break;
      }
      case 'the-role': {
        const p = lastPerson.get(m.role!);
        if (p) produced[i] = clean(m, p, 'person');
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
 * "Crooked Hillary Clinton": a capitalised word glued before a full name the article
 * knows, when that word is no given name. Returns the mention without it.
 */
function dropLeadingWord(m: Mention, fullName: (w: string) => string | undefined): Entity | null {
  const sp = m.text.search(/\s/);
  if (sp < 0) return null;
  const first = m.text.slice(0, sp).toLowerCase();
  if (GIVEN.has(first) || HONORIFIC_WORD.has(first.replace(/\.$/, '')) || isRole(first)) return null;
  const rest = m.text.slice(sp).trimStart();
  // Only before a full name the article uses ("Ivanka Trump" is no "Trump" with a junk word).
  const full = fullName(rest);
  if (!full || nameKey(full) !== nameKey(rest) || nameKey(full) === nameKey(m.name)) return null;
  const start = m.end - rest.length;
  return { start, end: m.end, kind: 'actor', text: rest, name: full, type: 'person' };
}

/** Comparable form of a name: lower case, one kind of apostrophe. */
function nameKey(s: string): string {
  return s.toLowerCase().replace(/’/g, "'");
}


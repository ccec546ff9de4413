// A compact summary of one analysed seed file: what the workspace-wide features
// (workspace symbols, references, hover counts) need, and nothing else: canonical
// names with their kinds, type and mention spans, quotes with their names and
// speakers, and the line starts to turn offsets into positions. No text, no
// TextDocument, no Analysis: a few KB per file instead of ~125 KB, so a workspace
// of 10,000 articles fits in a few tens of MB.
//
// Built where the file is analysed (an index worker); the main thread only shares
// the strings many files repeat (`shareStrings`).
import type { ActorType, Analysis, EntityKind } from '../analysis';
import { openingWords, speakerLabel } from './quoteLabels';
import { nameMentions } from './stats';

/** Everything about one file that workspace-wide requests need. */
export interface FileDigest {
  uri: string;
  path: string | null;
  /** Title of the article (or its file name): the container of its workspace symbols. */
  container: string;
  /** Canonical names in the order `entityFacts` lists them (places, actors, then speakers). */
  names: string[];
  /** Per quote, in analysis order: its speaker's canonical name, or what it is ('term', 'unattributed'). */
  quoteLabels: string[];
  /** What workspace symbols call the quotes (their opening words), one after the other: see `quoteName`. */
  quoteNames: string;
  /**
   * Every number of the digest in one buffer (one allocation a file; 16-bit numbers
   * when all of them fit, as for nearly every article), offsets in the text as the
   * editor has it (BOM included):
   * - [0, lineCount): where each line starts;
   * - [lineCount, mentionsAt): per name, NAME_FIELDS numbers: flags (kinds, type),
   *   first mention (pair index), mention count;
   * - [mentionsAt, quotesAt): mention spans, start/end pairs, grouped by name, in document order;
   * - [quotesAt, end): per quote, QUOTE_FIELDS numbers: start, end, where its name ends
   *   in `quoteNames`, 1 when a speaker is attributed (its label is then the speaker).
   */
  data: Uint16Array | Uint32Array;
  lineCount: number;
  mentionsAt: number;
  quotesAt: number;
}

export const NAME_FIELDS = 3;
export const QUOTE_FIELDS = 4;
const PLACE = 1;
const ACTOR = 2;
const TYPES: readonly (ActorType | undefined)[] = [undefined, 'person', 'organization', 'group', 'country'];

export interface DigestInput {
  uri: string;
  path: string | null;
  /** The text as the editor has it (a BOM kept). */
  raw: string;
  /** raw.length minus the length of the analysed text (1 when a BOM was stripped). */
  base: number;
  analysis: Analysis;
}

export function buildDigest({ uri, path, raw, base, analysis }: DigestInput): FileDigest {
  // Analysis offsets → editor offsets, exactly as TextDocument.positionAt sees them:
  // clamped to the text, and an offset between \r and \n counts as before the \r.
  const editorOffset = (offset: number): number => {
    const o = Math.max(0, Math.min(offset + base, raw.length));
    return o > 0 && raw.charCodeAt(o - 1) === 13 && raw.charCodeAt(o) === 10 ? o - 1 : o;
  };
  const names = nameMentions(analysis);
  const quotes = analysis.quotes;
  const opening = quotes.map((q) => openingWords(q.text));
  const quoteNames = opening.join('');
  const starts = lineStarts(raw);
  const lineCount = starts.length;
  const pairs = names.reduce((n, x) => n + x.spans.length / 2, 0);
  const mentionsAt = lineCount + names.length * NAME_FIELDS;
  const quotesAt = mentionsAt + 2 * pairs;
  // Every number stored is an offset in the text or in quoteNames, a mention's index or
  // count, or a few flag bits: 16 bits hold them all unless the article is long.
  const Numbers = Math.max(raw.length, quoteNames.length, pairs) <= 0xffff ? Uint16Array : Uint32Array;
  const data = new Numbers(quotesAt + QUOTE_FIELDS * quotes.length);
  data.set(starts);
  let m = mentionsAt;
  names.forEach((x, i) => {
    const at = lineCount + i * NAME_FIELDS;
    const kinds = (x.place ? PLACE : 0) | (x.actor ? ACTOR : 0);
    data[at] = kinds | (Math.max(0, TYPES.indexOf(x.type)) << 2);
    data[at + 1] = (m - mentionsAt) / 2;
    data[at + 2] = x.spans.length / 2;
    for (const offset of x.spans) data[m++] = editorOffset(offset);
  });
  let nameEnd = 0;
  quotes.forEach((q, i) => {
    const at = quotesAt + QUOTE_FIELDS * i;
    nameEnd += opening[i].length;
    data[at] = editorOffset(q.start);
    data[at + 1] = editorOffset(q.end);
    data[at + 2] = nameEnd;
    data[at + 3] = q.speaker ? 1 : 0;
  });
  const fileName = path ? path.split(/[\\/]/).pop()! : uri;
  return {
    uri, path, container: analysis.header?.title ?? fileName, names: names.map((x) => x.name),
    quoteLabels: quotes.map(speakerLabel),
    quoteNames,
    data, lineCount, mentionsAt, quotesAt,
  };
}

/**
 * The digest with its canonical names and speaker labels replaced by `intern`'s
 * copies: a name named in 5,000 files is then stored once, not 5,000 times.
 */
export function shareStrings(d: FileDigest, intern: (s: string) => string): FileDigest {
  return {
    ...d,
    names: d.names.map(intern),
    quoteLabels: d.quoteLabels.map(intern),
  };
}

/** Line starts as TextDocument computes them (\r\n, \r and \n end a line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

// ---- reading a digest -------------------------------------------------------

export interface Position {
  line: number;
  character: number;
}

export interface Location {
  uri: string;
  range: { start: Position; end: Position };
}

export function positionAt(d: FileDigest, offset: number): Position {
  const { data, lineCount } = d;
  let lo = 0;
  let hi = lineCount; // first line starting after offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (data[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  return { line: lo - 1, character: offset - data[lo - 1] };
}

function location(d: FileDigest, start: number, end: number): Location {
  return { uri: d.uri, range: { start: positionAt(d, start), end: positionAt(d, end) } };
}

/** Index of a canonical name in the digest, -1 when the file never names it. */
export function nameIndex(d: FileDigest, name: string): number {
  return d.names.indexOf(name);
}

const field = (d: FileDigest, i: number, k: number) => d.data[d.lineCount + i * NAME_FIELDS + k];

export function kindsOf(d: FileDigest, i: number): EntityKind[] {
  const flags = field(d, i, 0);
  return [...(flags & PLACE ? ['place' as const] : []), ...(flags & ACTOR ? ['actor' as const] : [])];
}

export function typeOf(d: FileDigest, i: number): ActorType | undefined {
  return TYPES[field(d, i, 0) >> 2];
}

export function mentionCount(d: FileDigest, i: number): number {
  return field(d, i, 2);
}

/** Location of mention `k` (a pair index) of the file. */
function mentionLocation(d: FileDigest, k: number): Location {
  return location(d, d.data[d.mentionsAt + 2 * k], d.data[d.mentionsAt + 2 * k + 1]);
}

/** The locations of every mention of name `i`, in document order. */
export function mentionLocations(d: FileDigest, i: number): Location[] {
  const first = field(d, i, 1);
  const out: Location[] = [];
  for (let k = first; k < first + mentionCount(d, i); k++) out.push(mentionLocation(d, k));
  return out;
}

export function firstMentionLocation(d: FileDigest, i: number): Location {
  return mentionLocation(d, field(d, i, 1));
}

/** How many quotes the file has. */
export function quoteTotal(d: FileDigest): number {
  return d.quoteLabels.length;
}

const quoteField = (d: FileDigest, q: number, k: number) => d.data[d.quotesAt + q * QUOTE_FIELDS + k];

/** The name of quote `q` in symbol lists (its opening words). */
export function quoteName(d: FileDigest, q: number): string {
  return d.quoteNames.slice(q ? quoteField(d, q - 1, 2) : 0, quoteField(d, q, 2));
}

/** The canonical name of the speaker of quote `q`, null when unattributed. */
export function quoteSpeaker(d: FileDigest, q: number): string | null {
  return quoteField(d, q, 3) ? d.quoteLabels[q] : null;
}

export function quoteLocation(d: FileDigest, q: number): Location {
  return location(d, quoteField(d, q, 0), quoteField(d, q, 1));
}

/** How many quotes the file attributes to `name`. */
export function quoteCount(d: FileDigest, name: string): number {
  let n = 0;
  for (let q = 0; q < d.quoteLabels.length; q++) if (d.quoteLabels[q] === name && quoteField(d, q, 3)) n++;
  return n;
}

/** The locations of the quotes attributed to `name`, in analysis order. */
export function quoteLocations(d: FileDigest, name: string): Location[] {
  const out: Location[] = [];
  for (let q = 0; q < d.quoteLabels.length; q++) if (d.quoteLabels[q] === name && quoteField(d, q, 3)) out.push(quoteLocation(d, q));
  return out;
}

// A compact summary of one analysed seed file: what the workspace-wide features
// (workspace symbols, references, hover counts) need, and nothing else: canonical
// names with their kinds, type and mention spans, quotes with their names and
// speakers, and the line starts to turn offsets into positions. No text, no
// TextDocument, no Analysis: a few KB per file instead of ~125 KB, so a workspace
// of 10,000 articles fits in a few tens of MB.
//
// Built in two steps so the analysis can run in a worker thread: `buildDigest`
// (pure, in the worker) keeps the quotes whole, `finishDigest` (main thread) turns
// them into the labels the features show, with the same functions the outline
// uses, then drops them.
import type { ActorType, Analysis, EntityKind, Quote } from '../analysis';
import { entityFacts } from './stats';

/** Everything about one file that workspace-wide requests need. */
export interface FileDigest {
  uri: string;
  path: string | null;
  /** Title of the article (or its file name): the container of its workspace symbols. */
  container: string;
  /** Offsets where each line starts in the text as the editor has it (BOM included). */
  lineStarts: Uint32Array;
  /** Canonical names in the order `entityFacts` lists them (places, actors, then speakers). */
  names: string[];
  /** Per name, NAME_FIELDS numbers: flags (kinds, type), first mention (pair index), mention count. */
  nameInfo: Uint32Array;
  /** Mention spans as editor offsets, start/end pairs, grouped by name, in document order. */
  mentions: Uint32Array;
  /** Quotes in analysis order: start/end pairs as editor offsets. */
  quoteSpans: Uint32Array;
  /** The canonical name of each quote's speaker, null when unattributed. */
  quoteSpeakers: (string | null)[];
  /** What workspace symbols call each quote (its opening words) and its speaker label. */
  quoteNames: string[];
  quoteLabels: string[];
}

/** A digest as the worker sends it: the quotes still whole (their labels are made on the main thread). */
export interface PartialDigest extends Omit<FileDigest, 'quoteNames' | 'quoteLabels'> {
  quotes: Quote[];
}

export const NAME_FIELDS = 3;
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

export function buildDigest({ uri, path, raw, base, analysis }: DigestInput): PartialDigest {
  // Analysis offsets → editor offsets, exactly as TextDocument.positionAt sees them:
  // clamped to the text, and an offset between \r and \n counts as before the \r.
  const editorOffset = (offset: number): number => {
    const o = Math.max(0, Math.min(offset + base, raw.length));
    return o > 0 && raw.charCodeAt(o - 1) === 13 && raw.charCodeAt(o) === 10 ? o - 1 : o;
  };
  const facts = [...entityFacts(analysis).values()];
  const names: string[] = [];
  const nameInfo = new Uint32Array(facts.length * NAME_FIELDS);
  const mentions = new Uint32Array(facts.reduce((n, f) => n + f.mentions.length * 2, 0));
  let m = 0;
  facts.forEach((f, i) => {
    names.push(f.name);
    const kinds = (f.kinds.has('place') ? PLACE : 0) | (f.kinds.has('actor') ? ACTOR : 0);
    nameInfo[i * NAME_FIELDS] = kinds | (Math.max(0, TYPES.indexOf(f.type)) << 2);
    nameInfo[i * NAME_FIELDS + 1] = m / 2;
    nameInfo[i * NAME_FIELDS + 2] = f.mentions.length;
    for (const s of f.mentions) {
      mentions[m++] = editorOffset(s.start);
      mentions[m++] = editorOffset(s.end);
    }
  });
  const quotes = analysis.quotes;
  const quoteSpans = new Uint32Array(quotes.length * 2);
  quotes.forEach((q, i) => {
    quoteSpans[i * 2] = editorOffset(q.start);
    quoteSpans[i * 2 + 1] = editorOffset(q.end);
  });
  const fileName = path ? path.split(/[\\/]/).pop()! : uri;
  return {
    uri, path, container: analysis.header?.title ?? fileName, lineStarts: lineStarts(raw),
    names, nameInfo, mentions, quoteSpans, quoteSpeakers: quotes.map((q) => q.speaker?.name ?? null), quotes,
  };
}

/** Labels the quotes (main thread) and drops them; `intern` shares repeated strings between files. */
export function finishDigest(
  partial: PartialDigest,
  label: { name: (q: Quote) => string; speaker: (q: Quote) => string },
  intern: (s: string) => string = (s) => s,
): FileDigest {
  const { quotes, ...rest } = partial;
  return {
    ...rest,
    names: rest.names.map(intern),
    quoteSpeakers: rest.quoteSpeakers.map((s) => (s === null ? null : intern(s))),
    quoteNames: quotes.map(label.name),
    quoteLabels: quotes.map((q) => intern(label.speaker(q))),
  };
}

/** The buffers of a digest, for a zero-copy postMessage. */
export function transferables(d: PartialDigest | FileDigest): ArrayBuffer[] {
  return [d.lineStarts.buffer, d.nameInfo.buffer, d.mentions.buffer, d.quoteSpans.buffer] as ArrayBuffer[];
}

/** Line starts as TextDocument computes them (\r\n, \r and \n end a line). */
function lineStarts(text: string): Uint32Array {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return Uint32Array.from(starts);
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
  const starts = d.lineStarts;
  let lo = 0;
  let hi = starts.length; // first line starting after offset
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] > offset) hi = mid;
    else lo = mid + 1;
  }
  return { line: lo - 1, character: offset - starts[lo - 1] };
}

function location(d: FileDigest, start: number, end: number): Location {
  return { uri: d.uri, range: { start: positionAt(d, start), end: positionAt(d, end) } };
}

/** Index of a canonical name in the digest, -1 when the file never names it. */
export function nameIndex(d: FileDigest, name: string): number {
  return d.names.indexOf(name);
}

export function kindsOf(d: FileDigest, i: number): EntityKind[] {
  const flags = d.nameInfo[i * NAME_FIELDS];
  return [...(flags & PLACE ? ['place' as const] : []), ...(flags & ACTOR ? ['actor' as const] : [])];
}

export function typeOf(d: FileDigest, i: number): ActorType | undefined {
  return TYPES[d.nameInfo[i * NAME_FIELDS] >> 2];
}

export function mentionCount(d: FileDigest, i: number): number {
  return d.nameInfo[i * NAME_FIELDS + 2];
}

/** The locations of every mention of name `i`, in document order. */
export function mentionLocations(d: FileDigest, i: number): Location[] {
  const first = d.nameInfo[i * NAME_FIELDS + 1];
  const out: Location[] = [];
  for (let k = first; k < first + mentionCount(d, i); k++) out.push(location(d, d.mentions[2 * k], d.mentions[2 * k + 1]));
  return out;
}

export function firstMentionLocation(d: FileDigest, i: number): Location {
  const k = d.nameInfo[i * NAME_FIELDS + 1];
  return location(d, d.mentions[2 * k], d.mentions[2 * k + 1]);
}

export function quoteLocation(d: FileDigest, q: number): Location {
  return location(d, d.quoteSpans[2 * q], d.quoteSpans[2 * q + 1]);
}

/** How many quotes the file attributes to `name`. */
export function quoteCount(d: FileDigest, name: string): number {
  let n = 0;
  for (const s of d.quoteSpeakers) if (s === name) n++;
  return n;
}

/** The locations of the quotes attributed to `name`, in analysis order. */
export function quoteLocations(d: FileDigest, name: string): Location[] {
  const out: Location[] = [];
  d.quoteSpeakers.forEach((s, q) => {
    if (s === name) out.push(quoteLocation(d, q));
  });
  return out;
}

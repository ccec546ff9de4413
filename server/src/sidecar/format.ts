// The annotation sidecar (`article.txt.ann.yaml`), format version 1: types,
// parsing with positions, validation and serialisation. Pure (no fs): the
// client bundles it too. Serialisation edits the YAML Document in place so a
// hand-edited file keeps its comments, key order and unknown keys.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { stripBom } from '../analysis/text';
import type { ActorType } from '../analysis/types';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.ann.yaml';
/** Sidecars larger than this (bytes, or characters once read) are refused; thousands of annotations stay far below. */
export const MAX_SIDECAR_SIZE = 8 * 1024 * 1024;
/** Aliases are legal YAML but have no use here beyond a few; a higher count is an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

export const ANNOTATION_KINDS = ['quote', 'date', 'place', 'actor', 'note'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];
export const ANNOTATION_STATUSES = ['confirmed', 'rejected'] as const;
export type AnnotationStatus = (typeof ANNOTATION_STATUSES)[number];
export const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'group', 'country'];

/** Where an annotation applies: a W3C TextQuoteSelector plus a TextPositionSelector hint (UTF-16 offsets). */
export interface AnnotationTarget {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

export interface Annotation {
  id: string;
  kind: AnnotationKind;
  target: AnnotationTarget;
  /** quote: who said it (canonical name). */
  speaker?: string;
  /** quote: false marks a term / scare quote rather than speech. */
  speech?: boolean;
  /** date: TIMEX3-style value (2023-03-25, 2023-03, 2023-W14). */
  value?: string;
  /** place / actor: canonical name. */
  name?: string;
  aliases?: string[];
  /** actor: person | organization | group | country. */
  type?: ActorType;
  /** rejected: a machine suggestion the user turned down. */
  status?: AnnotationStatus;
  note?: string;
  tags?: string[];
  created?: string;
  updated?: string;
}

export interface Sidecar {
  version: 1;
  /** The seed file's name (same folder). */
  source: string;
  annotations: Annotation[];
}

export interface SidecarProblem {
  message: string;
  /** 1-based line and column in the sidecar. */
  line: number;
  col: number;
  /** The annotation the problem is about, when there is one. */
  id?: string;
}

export type SidecarParse =
  | { ok: true; sidecar: Sidecar; /** 1-based line of each annotation, by id. */ lines: Map<string, number> }
  | { ok: false; errors: SidecarProblem[] };

/** Thrown by writers when the existing sidecar is invalid (it is then never overwritten). */
export class SidecarError extends Error {
  constructor(readonly file: string, readonly problems: SidecarProblem[]) {
    super(problems.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
  }
}

/** Canonical key order of a new annotation (existing files keep their own order). */
const ANNOTATION_KEYS = ['id', 'kind', 'target', 'speaker', 'speech', 'value', 'name', 'aliases', 'type', 'status', 'note', 'tags', 'created', 'updated'] as const;
const TARGET_KEYS = ['exact', 'prefix', 'suffix', 'start', 'end'] as const;
/** Explicit tags a hand-written file may use: the core schema's own. Anything else is refused. */
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** A `source` must be a plain file name in the sidecar's folder. */
export function isSafeSourceName(source: string): boolean {
  return (
    source.length > 0 && source.length <= 255 && source !== '.' && source !== '..' &&
    !/[\\/\u0000]/.test(source) && !/^[A-Za-z]:/.test(source)
  );
}

const PARSE_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: false, strict: true } as const;

/**
 * Parses and validates a sidecar. `expectedSource`, when given, is the seed file's
 * name; `textLength` (the seed's length) lets out-of-range targets be reported.
 */
export function parseSidecar(yamlText: string, opts: { textLength?: number } = {}): SidecarParse {
  if (yamlText.length > MAX_SIDECAR_SIZE) {
    return fail(1, 1, tooLarge(yamlText.length));
  }
  const lc = new LineCounter();
  const doc = parseDocument(stripBom(yamlText), { ...PARSE_OPTIONS, lineCounter: lc });
  const at = (offset: number | undefined) => (offset === undefined ? { line: 1, col: 1 } : lc.linePos(offset));
  const errors: SidecarProblem[] = [];
  for (const e of doc.errors) errors.push({ ...at(e.pos[0]), message: firstLine(e.message) });
  if (errors.length) return { ok: false, errors };
  // yaml reports unresolved tags as warnings; here any tag outside the core schema is an error.
  visit(doc, (_key, node) => {
    const tag = (node as { tag?: string }).tag;
    const range = (node as { range?: [number, number, number] }).range;
    if (tag && !ALLOWED_TAGS.has(tag)) errors.push({ ...at(range?.[0]), message: `YAML tag ${tag.replace('tag:yaml.org,2002:', '!!')} is not allowed in a sidecar` });
  });
  for (const w of doc.warnings) errors.push({ ...at(w.pos[0]), message: firstLine(w.message) });
  if (errors.length) return { ok: false, errors: dedupe(errors) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return fail(1, 1, `cannot read the sidecar: ${(e as Error).message}`);
  }
  const posOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true) as YamlNode | undefined;
    return at(node?.range?.[0] ?? (doc.contents as YamlNode | null)?.range?.[0]);
  };
  return validate(data, posOf, opts.textLength);
}

function validate(data: unknown, posOf: (path: (string | number)[]) => { line: number; col: number }, textLength?: number): SidecarParse {
  const errors: SidecarProblem[] = [];
  const err = (path: (string | number)[], message: string, id?: string) => errors.push({ ...posOf(path), message, ...(id ? { id } : {}) });
  if (!isPlainObject(data)) {
    err([], 'a sidecar is a YAML mapping with version, source and annotations');
    return { ok: false, errors };
  }
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    err(['version'], `version must be ${SIDECAR_VERSION}${version === undefined ? ' (missing)' : ''}`);
    return { ok: false, errors };
  }
  if (version > SIDECAR_VERSION) {
    err(['version'], `sidecar format version ${version} is newer than this Seed Annotator understands (${SIDECAR_VERSION}); update the extension, the file is left untouched`);
    return { ok: false, errors };
  }
  if (typeof data.source !== 'string') err(['source'], 'source must be the seed file name');
  else if (!isSafeSourceName(data.source)) err(['source'], `source "${data.source}" must be a file name in the sidecar's folder, not a path`);
  const list = data.annotations ?? [];
  if (!Array.isArray(list)) {
    err(['annotations'], 'annotations must be a list');
    return { ok: false, errors };
  }
  const annotations: Annotation[] = [];
  const lines = new Map<string, number>();
  const seen = new Map<string, number>();
  list.forEach((raw, i) => {
    const before = errors.length;
    const ann = validateAnnotation(raw, i, (p, m, id) => err(['annotations', i, ...p], m, id), textLength);
    if (!ann || errors.length > before) return;
    const line = posOf(['annotations', i]).line;
    const first = seen.get(ann.id);
    if (first !== undefined) {
      err(['annotations', i, 'id'], `duplicate annotation id "${ann.id}" (first used on line ${first})`, ann.id);
      return;
    }
    seen.set(ann.id, line);
    lines.set(ann.id, line);
    annotations.push(ann);
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, sidecar: { version: 1, source: data.source as string, annotations }, lines };
}

type Report = (path: (string | number)[], message: string, id?: string) => void;

function validateAnnotation(raw: unknown, index: number, err: Report, textLength?: number): Annotation | null {
  if (!isPlainObject(raw)) {
    err([], `annotation #${index + 1} must be a mapping`);
    return null;
  }
  const rawId = raw.id;
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' && Number.isInteger(rawId) ? String(rawId) : null;
  const label = id ? `annotation "${id}"` : `annotation #${index + 1}`;
  if (id === null || !/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) {
    err(rawId === undefined ? [] : ['id'], `${label}: id must be a short name of letters, digits, - _ . : (got ${JSON.stringify(rawId) ?? 'nothing'})`);
  }
  const bad = (key: string, message: string) => err([key], `${label}: ${message}`, id ?? undefined);
  if (!ANNOTATION_KINDS.includes(raw.kind as AnnotationKind)) bad('kind', `kind must be one of ${ANNOTATION_KINDS.join(', ')} (got ${JSON.stringify(raw.kind) ?? 'nothing'})`);
  const target = validateTarget(raw.target, (p, m) => err(['target', ...p], `${label}: ${m}`, id ?? undefined), textLength);
  const ann: Annotation = { id: id ?? '', kind: raw.kind as AnnotationKind, target: target ?? { exact: '' } };
  for (const key of ['speaker', 'name', 'note', 'created', 'updated'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') bad(key, `${key} must be text`);
    else ann[key] = v;
  }
  if (raw.value !== undefined && raw.value !== null) {
    if (typeof raw.value === 'string' || (typeof raw.value === 'number' && Number.isInteger(raw.value))) ann.value = String(raw.value);
    else bad('value', 'value must be a date such as 2023-03-25');
  }
  if (raw.speech !== undefined && raw.speech !== null) {
    if (typeof raw.speech !== 'boolean') bad('speech', 'speech must be true or false');
    else ann.speech = raw.speech;
  }
  for (const key of ['aliases', 'tags'] as const) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) bad(key, `${key} must be a list of text`);
    else ann[key] = [...v];
  }
  if (raw.type !== undefined && raw.type !== null) {
    if (!ACTOR_TYPES.includes(raw.type as ActorType)) bad('type', `type must be one of ${ACTOR_TYPES.join(', ')}`);
    else ann.type = raw.type as ActorType;
  }
  if (raw.status !== undefined && raw.status !== null) {
    if (!ANNOTATION_STATUSES.includes(raw.status as AnnotationStatus)) bad('status', `status must be ${ANNOTATION_STATUSES.join(' or ')}`);
    else ann.status = raw.status as AnnotationStatus;
  }
  return target ? ann : null;
}

function validateTarget(raw: unknown, err: (path: string[], message: string) => void, textLength?: number): AnnotationTarget | null {
  if (!isPlainObject(raw)) {
    err([], 'target must be a mapping with at least `exact`');
    return null;
  }
  let ok = true;
  const fault = (path: string[], m: string) => { ok = false; err(path, m); };
  if (typeof raw.exact !== 'string' || raw.exact.length === 0) fault(['exact'], 'target.exact must be the annotated text (not empty)');
  for (const key of ['prefix', 'suffix'] as const) {
    if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'string') fault([key], `target.${key} must be text`);
  }
  const hasStart = raw.start !== undefined && raw.start !== null;
  const hasEnd = raw.end !== undefined && raw.end !== null;
  for (const key of ['start', 'end'] as const) {
    const v = raw[key];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) fault([key], `target.${key} must be a whole number ≥ 0 (got ${JSON.stringify(v)})`);
  }
  if (ok && hasStart !== hasEnd) fault([hasStart ? 'start' : 'end'], 'target.start and target.end go together');
  if (ok && hasStart && (raw.end as number) < (raw.start as number)) fault(['end'], `target is out of range: end ${raw.end} is before start ${raw.start}`);
  if (ok && hasEnd && textLength !== undefined && (raw.end as number) > textLength) {
    fault(['end'], `target is out of range: end ${raw.end} is past the end of the text (${textLength})`);
  }
  if (!ok) return null;
  const t: AnnotationTarget = { exact: raw.exact as string };
  if (typeof raw.prefix === 'string') t.prefix = raw.prefix;
  if (typeof raw.suffix === 'string') t.suffix = raw.suffix;
  if (hasStart) { t.start = raw.start as number; t.end = raw.end as number; }
  return t;
}

/**
 * The text of a sidecar holding `sidecar`. With `previousText` (a valid sidecar,
 * e.g. the file as read), that document is edited in place: comments, key order
 * and unknown keys survive; annotations are matched by id, removed ones deleted,
 * new ones appended.
 */
export function serializeSidecar(sidecar: Sidecar, previousText?: string): string {
  if (previousText !== undefined) {
    // Same content: the file stays byte for byte as it is (its spacing included).
    const before = parseSidecar(previousText);
    const canon = (s: Sidecar) => JSON.stringify([s.version, s.source, s.annotations.map(toPlain)]);
    if (before.ok && canon(before.sidecar) === canon(sidecar)) return previousText;
  }
  const doc = previousText !== undefined ? parseDocument(stripBom(previousText), PARSE_OPTIONS) : null;
  if (!doc || doc.errors.length || !isMap(doc.contents)) return freshDocument(sidecar).toString(TO_STRING);
  const root = doc.contents as YAMLMap;
  setScalar(doc, root, 'version', sidecar.version);
  setScalar(doc, root, 'source', sidecar.source);
  let seq = root.get('annotations', true) as unknown;
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    root.set('annotations', seq);
  }
  const items = (seq as YAMLSeq).items;
  const wanted = new Map(sidecar.annotations.map((a) => [a.id, a]));
  const kept = new Set<string>();
  for (let i = items.length - 1; i >= 0; i--) {
    const node = items[i];
    const id = isMap(node) ? String((node as YAMLMap).get('id') ?? '') : '';
    const next = wanted.get(id);
    if (!next || kept.has(id)) items.splice(i, 1);
    else {
      kept.add(id);
      patchMap(doc, node as YAMLMap, toPlain(next) as Record<string, unknown>, ANNOTATION_KEYS);
    }
  }
  for (const a of sidecar.annotations) if (!kept.has(a.id)) items.push(createNode(doc, toPlain(a)));
  return doc.toString(TO_STRING);
}

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

function freshDocument(sidecar: Sidecar): Document {
  const doc = new Document(undefined, PARSE_OPTIONS);
  doc.contents = createNode(doc, { version: sidecar.version, source: sidecar.source, annotations: sidecar.annotations.map(toPlain) }) as never;
  return doc;
}

/** An annotation as a plain object in canonical key order, without empty fields. */
function toPlain(a: Annotation): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ANNOTATION_KEYS) {
    const v = a[k];
    if (v === undefined) continue;
    if (k === 'target') {
      const t: Record<string, unknown> = {};
      for (const tk of TARGET_KEYS) if (a.target[tk] !== undefined) t[tk] = a.target[tk];
      out.target = t;
    } else out[k] = Array.isArray(v) ? [...v] : v;
  }
  return out;
}

function createNode(doc: Document, value: unknown): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  // Short lists (aliases, tags) read best inline: `aliases: [NK, NKR]`.
  visit(node, { Seq(_k, s) { if (s.items.every((x) => !isMap(x) && !isSeq(x))) s.flow = true; } });
  return node;
}

function patchMap(doc: Document, map: YAMLMap, next: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of keys) {
    const value = next[key];
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
      continue;
    }
    const current = map.get(key, true) as YamlNode | undefined;
    if (key === 'target' && isMap(current)) {
      patchMap(doc, current as YAMLMap, value as Record<string, unknown>, TARGET_KEYS);
      continue;
    }
    const currentValue = current && typeof (current as { toJSON?: unknown }).toJSON === 'function' ? (current as { toJSON(): unknown }).toJSON() : current;
    if (sameValue(currentValue, value, key)) continue;
    // Edit the node rather than replace it, so its comment and style stay.
    if (isScalar(current) && (value === null || typeof value !== 'object')) current.value = value;
    else if (isSeq(current) && Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
      (current as YAMLSeq).items = value.map((v) => doc.createNode(v));
    } else map.set(key, createNode(doc, value));
  }
}

function setScalar(doc: Document, map: YAMLMap, key: string, value: string | number): void {
  const current = map.get(key);
  if (current !== value) map.set(key, doc.createNode(value));
}

function sameValue(a: unknown, b: unknown, key: string): boolean {
  // ids and date values written as bare numbers by hand (`id: 12`) are read as text.
  if ((key === 'id' || key === 'value') && typeof a === 'number') a = String(a);
  return JSON.stringify(a) === JSON.stringify(b);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}


function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function tooLarge(size: number): string {
  return `sidecar too large (${(size / 1048576).toFixed(1)} MiB; the limit is ${MAX_SIDECAR_SIZE / 1048576} MiB)`;
}

function fail(line: number, col: number, message: string): SidecarParse {
  return { ok: false, errors: [{ line, col, message }] };
}

function dedupe(errors: SidecarProblem[]): SidecarProblem[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.line}:${e.col}:${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A short, random-ish id not in `taken` (6 base-36 characters). */
export function newAnnotationId(taken: ReadonlySet<string> | ((id: string) => boolean)): string {
  const has = typeof taken === 'function' ? taken : (id: string) => taken.has(id);
  for (let len = 6; ; len++) {
    for (let tries = 0; tries < 20; tries++) {
      let id = '';
      while (id.length < len) id += Math.floor(Math.random() * 36).toString(36);
      // Never all digits: YAML would read the id back as a number.
      if (/^\d+$/.test(id)) continue;
      if (!has(id)) return id;
    }
  }
}

/** Current time as an ISO UTC timestamp without milliseconds: 2026-11-28T10:00:00Z. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// The names file: the places and actors annotated in a corpus's sidecars, as JSON, so
// a corpus split across processes or machines analyses every part with every name.
// (In one run, names annotated in any article already teach all of them; a worker that
// sees only its share of the files would see only its share of the names.)
//
//   seed-annotate names --out names.json corpus/        gather once
//   seed-annotate export --gazetteer names.json ...      each worker, its own file list
//
// Format: a JSON array of entries `{name, kind: "place"|"actor", type?, aliases?}`.
import { readFileSync } from 'fs';
import type { ActorType, GazetteerEntry } from '../analysis';
import { mergeGazetteers } from '../sidecar/apply';
import { ACTOR_TYPES } from '../sidecar/format';
import { UsageError } from './io';

const KINDS = ['place', 'actor'];

/** The file's JSON: one entry a line, so that diffs between two gatherings read well. */
export function namesJson(entries: readonly GazetteerEntry[]): string {
  const lines = entries.map(({ name, kind, type, aliases }) => JSON.stringify({ name, kind, ...(type ? { type } : {}), ...(aliases?.length ? { aliases } : {}) }));
  return lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n';
}

/** Reads and checks a names file; a UsageError names the file and the first bad entry. */
export function readNamesFile(path: string): GazetteerEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`--gazetteer ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--gazetteer ${path}: not JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new UsageError(`--gazetteer ${path}: expected a JSON array of {name, kind} entries`);
  return data.map((raw, i) => entryOf(raw, `--gazetteer ${path}: entry ${i + 1}`));
}

function entryOf(raw: unknown, where: string): GazetteerEntry {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new UsageError(`${where}: expected an object {name, kind}`);
  const { name, kind, type, aliases } = raw as Record<string, unknown>;
  if (typeof name !== 'string' || !name.trim()) throw new UsageError(`${where}: "name" must be a non-empty string`);
  if (typeof kind !== 'string' || !KINDS.includes(kind)) throw new UsageError(`${where} (${name}): "kind" must be "place" or "actor"`);
  if (type !== undefined && (kind !== 'actor' || !ACTOR_TYPES.includes(type as ActorType))) {
    throw new UsageError(`${where} (${name}): "type" is for actors, one of ${ACTOR_TYPES.join(', ')}`);
  }
  if (aliases !== undefined && (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string' || !a.trim()))) {
    throw new UsageError(`${where} (${name}): "aliases" must be a list of non-empty strings`);
  }
  return {
    name: name.trim(), kind: kind as GazetteerEntry['kind'], origin: 'user',
    ...(type !== undefined ? { type: type as ActorType } : {}),
    ...(aliases !== undefined ? { aliases: (aliases as string[]).map((a) => a.trim()) } : {}),
  };
}

/**
 * The names a run analyses with: a names file's first (gathered from the whole corpus, in
 * its order, so every worker builds the same gazetteer as one run over all of it), then
 * names annotated in this run's own sidecars that the file lacks.
 */
export function withNamesFile(fromFile: readonly GazetteerEntry[] | undefined, own: readonly GazetteerEntry[]): GazetteerEntry[] {
  return fromFile ? mergeGazetteers(fromFile, own) : [...own];
}

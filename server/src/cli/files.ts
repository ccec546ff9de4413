// Reading seed files for the CLI: folders expand to the seed files inside them,
// unreadable or binary files are reported, never fatal for the others.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { isValidIsoDate } from '../analysis/text';
import { analyzeWithAnnotations } from '../sidecar/apply';
import type { GazetteerEntry } from '../analysis';
import { annotationsOf, readSidecars, type SidecarRead } from '../sidecar/store';
import { UsageError } from './io';
import { readNamesFile, withNamesFile } from './namesFile';

type AnalyzedWithAnnotations = ReturnType<typeof analyzeWithAnnotations>;

export const SEED_FILE = /(\.seed\.txt|\.seed|\.txt)$/i;

/** Expands folders (recursively) to their seed files, sorted; files are kept as given. */
export function expandPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let st;
    try { st = statSync(p); } catch { out.push(p); continue; }
    if (st.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && SEED_FILE.test(e.name)) out.push(p);
  }
  return out;
}

export class SeedReadError extends Error {}

/** Reads a seed file as UTF-8 text; throws SeedReadError with a one-line reason. */
export function readSeed(path: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new SeedReadError(err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a folder' : `cannot read (${err.code ?? err.message})`);
  }
  if (looksBinary(buf)) throw new SeedReadError('binary file, not a text seed file');
  return buf.toString('utf8');
}

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** One seed file as every command sees it: unreadable, or analysed with its sidecar applied. */
export type AnalyzedSeed =
  | { file: string; error: string }
  | { file: string; error?: undefined; sidecar: SidecarRead | undefined; result: AnalyzedWithAnnotations };

/**
 * Reads each file and analyses it with its sidecar applied (human annotations win),
 * names annotated in any of the files teaching all of them (and those of a names file,
 * `--gazetteer`): the one pipeline that analyze, check and export share with the editor.
 */
export function* analyzeSeeds(files: readonly string[], date: string | undefined, names?: readonly GazetteerEntry[]): Generator<AnalyzedSeed> {
  const { reads, gazetteer: own } = readSidecars(files);
  const gazetteer = withNamesFile(names, own);
  for (const file of files) {
    let input: string;
    try {
      input = readSeed(file);
    } catch (e) {
      yield { file, error: (e as Error).message };
      continue;
    }
    const sidecar = reads.get(file);
    yield { file, sidecar, result: analyzeWithAnnotations(input, annotationsOf(sidecar), { date, gazetteer }) };
  }
}

/** `--date` of the commands: a valid YYYY-MM-DD or a usage error. */
export function dateOption(value: string | undefined): string {
  if (!value || !isValidIsoDate(value)) throw new UsageError(`--date needs a valid YYYY-MM-DD date, got ${value ?? 'nothing'}`);
  return value;
}

/** `--gazetteer FILE` of the commands: the names file read and checked, or a usage error. */
export function namesOption(value: string | undefined): GazetteerEntry[] {
  if (!value) throw new UsageError('--gazetteer needs a names file (made by seed-annotate names)');
  return readNamesFile(value);
}

/** The command line of analyze and check: on/off flags, `--date`, `--gazetteer`, then paths. */
export function parseSeedArgs(args: readonly string[], flags: readonly string[], command: string): { flags: Set<string>; date?: string; names?: GazetteerEntry[]; paths: string[] } {
  const set = new Set<string>();
  let date: string | undefined;
  let names: GazetteerEntry[] | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (flags.includes(a)) set.add(a);
    else if (a === '--date') date = dateOption(args[++i]);
    else if (a === '--gazetteer') names = namesOption(args[++i]);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!paths.length) throw new UsageError(`${command} needs at least one file or folder`);
  return { flags: set, date, names, paths };
}

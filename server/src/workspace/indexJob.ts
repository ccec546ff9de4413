// One unit of background indexing: read a seed file (inside the workspace folders),
// analyse it with its sidecar and the user gazetteer, and digest the result. Runs in
// an index worker thread, or on the main thread when no worker can be started.
import { createHash } from 'crypto';
import { closeSync, fstatSync, openSync, readFileSync, realpathSync } from 'fs';
import { analyze, stripBom, type GazetteerEntry } from '../analysis';
import type { Annotation } from '../sidecar';
import { applySidecar } from './annotations';
import { buildDigest, type FileDigest } from './digest';
import { looksLikeSeed, MAX_INDEXED_BYTES, type WorkspaceFolders } from './files';

/** What every job of one index generation shares (sent to a worker once per change). */
export interface IndexContext {
  roots: readonly string[];
  gazetteer: GazetteerEntry[];
}

export interface IndexJob {
  path: string;
  uri: string;
  /** The file's sidecar annotations, when it has a readable sidecar. */
  sidecar: { path: string; annotations: readonly Annotation[] } | null;
  /** Hash of the text last indexed with this same context and sidecar: unchanged text needs no analysis. */
  knownHash: string | null;
}

export type IndexOutcome =
  | { kind: 'indexed'; digest: FileDigest; hash: string }
  | { kind: 'unchanged' }
  /** Gone, outside the folders, too big, binary, or not a seed file. */
  | { kind: 'skipped' }
  | { kind: 'failed'; message: string };

export async function runJob(job: IndexJob, folders: WorkspaceFolders, gazetteer: GazetteerEntry[]): Promise<IndexOutcome> {
  let raw: string | null;
  try {
    raw = await readSeedText(folders, job.path);
  } catch (e) {
    return { kind: 'failed', message: `Cannot read ${job.path}: ${(e as Error).message}` };
  }
  if (raw === null || !looksLikeSeed(job.path, raw)) return { kind: 'skipped' };
  const hash = createHash('sha1').update(raw).digest('base64');
  if (hash === job.knownHash) return { kind: 'unchanged' };
  try {
    const text = stripBom(raw);
    const sidecar = job.sidecar ? { ...job.sidecar, errors: [] } : undefined;
    const analysis = applySidecar(text, analyze(text, { gazetteer }), sidecar);
    return { kind: 'indexed', hash, digest: buildDigest({ uri: job.uri, path: job.path, raw, base: raw.length - text.length, analysis }) };
  } catch (e) {
    // A recogniser bug must not take the index down: the file is skipped, and named.
    return { kind: 'failed', message: `Analysis of ${job.path} failed: ${(e as Error).stack ?? e}` };
  }
}

/**
 * `folders.readInside`, with a synchronous fast path for the common case (a regular
 * file inside the folders, reached directly or through a symlink that stays inside
 * them): a worker has nothing else to do while it waits, and each promise round trip
 * through the shared thread pool costs more than the read. Anything unusual (a
 * symlink leading out, an error) takes readInside itself, which decides.
 */
export async function readSeedText(folders: WorkspaceFolders, p: string): Promise<string | null> {
  const fast = readPlainFile(folders, p);
  return fast === undefined ? folders.readInside(p) : fast;
}

/** The text of a plain file inside the folders; null when readInside refuses it; undefined: ask readInside. */
function readPlainFile(folders: WorkspaceFolders, p: string): string | null | undefined {
  if (!folders.contains(p)) return null;
  let buf: Buffer;
  try {
    const real = realpathSync.native(p);
    if (real !== p && !folders.containsResolved(real)) return undefined;
    const fd = openSync(real, 'r');
    try {
      const st = fstatSync(fd);
      if (!st.isFile() || st.size > MAX_INDEXED_BYTES) return null;
      buf = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
  return buf.subarray(0, 8192).includes(0) ? null : buf.toString('utf8');
}

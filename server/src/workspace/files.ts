// File-system access of the language server, confined to the workspace folders:
// every read goes through `readInside`, which refuses paths (after resolving
// symlinks) outside the folders the client gave us. The one exception is the sidecar
// beside a document the editor has open (see Project.readSidecar): the user opened
// that file, and their annotations of it should count wherever it lives.
import { realpathSync, watch, promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';

import { SIDECAR_SUFFIX } from '../sidecar/format';

/** The sidecar's name is the sidecar module's to say. */
export { SIDECAR_SUFFIX };
/** Files larger than this are not indexed (a seed file is an article, not a dump). */
export const MAX_INDEXED_BYTES = 16 * 1024 * 1024;
/** Upper bound on indexed files per workspace, to keep memory bounded. */
export const MAX_INDEXED_FILES = 20000;

const HEADER_LINE = /^\uFEFF?\s*date\s+\d{4}-\d{2}-\d{2}\b/;

/** The fs path of a `file:` URI, or null for other schemes (untitled, git...). */
export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return null;
  }
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

export function isSidecarPath(p: string): boolean {
  return p.endsWith(SIDECAR_SUFFIX);
}

/**
 * Whether a file name may be a seed file. `.seed`/`.seed.txt` always are; other
 * `.txt` files only inside a `seeds` folder or when their first line is a header
 * (checked by `looksLikeSeed` once read), as in package.json `contributes.languages`.
 */
export function seedCandidate(p: string): 'yes' | 'maybe' | 'no' {
  const name = path.basename(p).toLowerCase();
  if (name.endsWith('.seed') || name.endsWith('.seed.txt')) return 'yes';
  if (!name.endsWith('.txt')) return 'no';
  return p.split(path.sep).some((part) => part.toLowerCase() === 'seeds') ? 'yes' : 'maybe';
}

export function looksLikeSeed(p: string, text: string): boolean {
  const kind = seedCandidate(p);
  return kind === 'yes' || (kind === 'maybe' && HEADER_LINE.test(text.slice(0, 200)));
}

export class WorkspaceFolders {
  private roots: string[] = [];
  /** The roots with symlinks resolved, once they are asked for (see containsResolved). */
  private realRoots: string[] | null = null;

  set(paths: readonly string[]): void {
    this.roots = [...new Set(paths.map((p) => path.resolve(p)))];
    this.realRoots = null;
  }
  add(p: string): void {
    this.set([...this.roots, p]);
  }
  remove(p: string): void {
    const r = path.resolve(p);
    this.set(this.roots.filter((x) => x !== r));
  }
  get list(): readonly string[] {
    return this.roots;
  }

  /** Whether `p` (already resolved) lies inside one of the folders. */
  contains(p: string): boolean {
    return this.roots.some((root) => isInside(root, p));
  }

  /**
   * Whether a symlink-resolved path lies inside one of the folders, their own symlinks
   * resolved once (synchronously) for the life of this object: for the index, which
   * reads every file of a folder reached through a symlink (macOS /tmp, a linked
   * checkout). Index workers get a new object with each index context.
   */
  containsResolved(real: string): boolean {
    this.realRoots ??= this.roots.map((root) => {
      try {
        return realpathSync.native(root);
      } catch {
        return root;
      }
    });
    return this.realRoots.some((root) => isInside(root, real));
  }

  /**
   * Reads a UTF-8 file inside the workspace folders. Returns null when the file
   * does not exist, is outside the folders (also via a symlink), is too big or is
   * binary; other errors are thrown for the caller to log.
   */
  async readInside(p: string): Promise<string | null> {
    if (!this.contains(p)) return null;
    let real: string;
    try {
      real = await fs.realpath(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    if (real !== p && !(await this.containsReal(real))) return null;
    return readText(real);
  }

  /** Whether a symlink-resolved path lies inside the (symlink-resolved) folders. */
  private async containsReal(real: string): Promise<boolean> {
    const roots = await Promise.all(this.roots.map((r) => fs.realpath(r).catch(() => r)));
    return roots.some((root) => isInside(root, real));
  }

  /** Whether `p` is a folder inside the workspace (a created folder arrives as one event). */
  async isFolderInside(p: string): Promise<boolean> {
    if (!this.contains(p)) return false;
    try {
      return (await fs.lstat(p)).isDirectory();
    } catch {
      return false;
    }
  }

  /** Every seed-file candidate under the folders, or under `dirs` inside them (dot folders and node_modules skipped). */
  async listCandidates(dirs: readonly string[] = this.roots): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return; // unreadable folder: nothing to index there
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (out.length >= MAX_INDEXED_FILES) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.isFile() && seedCandidate(p) !== 'no') out.push(p);
      }
    };
    for (const dir of dirs) if (this.contains(dir)) await walk(dir);
    return out;
  }
}

/** Whether path `p` is `root` or lies under it. */
function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Reads a UTF-8 text file: null when it does not exist, is no regular file, is too big
 * or is binary; other errors are thrown for the caller to log. No confinement: callers
 * decide which paths may be read (WorkspaceFolders.readInside does).
 */
export async function readText(p: string): Promise<string | null> {
  let st;
  try {
    st = await fs.stat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  if (!st.isFile() || st.size > MAX_INDEXED_BYTES) return null;
  const buf = await fs.readFile(p);
  if (buf.subarray(0, 8192).includes(0)) return null;
  return buf.toString('utf8');
}

/**
 * Calls `changed` whenever the file `p` is created, written, renamed over or deleted
 * (its folder is watched, so an atomic write by rename is seen too). For files no
 * workspace folder covers: the client's file watcher reports only inside the folders.
 * When the platform refuses to watch, says why through `fail` and watches nothing.
 */
export function watchFile(p: string, changed: () => void, fail: (why: string) => void): { close(): void } {
  const name = path.basename(p);
  try {
    const w = watch(path.dirname(p), { persistent: false }, (_event, file) => {
      // Some platforms do not say which file changed: then any change may be ours.
      if (file === null || file.toString() === name) changed();
    });
    w.on('error', (e) => fail(e.message));
    return w;
  } catch (e) {
    fail((e as Error).message);
    return { close() {} };
  }
}

// The only part of the sidecar module that touches the disk: reading a sidecar,
// and writing it atomically (temporary file in the same folder, fsync, rename),
// merging with a version another writer saved meanwhile. An existing sidecar
// that does not parse or validate is never overwritten.
import * as nodeFs from 'fs';
import { basename, dirname, join } from 'path';
import { MAX_SIDECAR_SIZE, parseSidecar, tooLarge, serializeSidecar, SIDECAR_SUFFIX, SidecarError, type Annotation, type Sidecar, type SidecarProblem } from './format';
import type { GazetteerEntry } from '../analysis/types';
import { gazetteerFromAnnotations, mergeGazetteers } from './apply';
import { mergeAnnotations, type MergeConflict } from './merge';

/** The file-system calls the store makes, so tests can inject faults. Node's `fs` fits. */
export interface SidecarFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  statSync(path: string): { size: number; mtimeMs: number; mode: number };
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

export type SidecarRead =
  | { kind: 'missing'; path: string }
  | { kind: 'invalid'; path: string; errors: SidecarProblem[] }
  | { kind: 'ok'; path: string; sidecar: Sidecar; text: string; mtimeMs: number; lines: Map<string, number> };

export interface StoreOptions {
  fs?: SidecarFs;
  /** Length of the seed text, to report targets past its end. */
  textLength?: number;
}

export function sidecarPathFor(sourcePath: string): string {
  return sourcePath + SIDECAR_SUFFIX;
}

/** Reads the sidecar of `sourcePath`, if there is one. Never throws for a bad file: returns its problems. */
export function readSidecar(sourcePath: string, opts: StoreOptions = {}): SidecarRead {
  const fs = opts.fs ?? (nodeFs as unknown as SidecarFs);
  const path = sidecarPathFor(sourcePath);
  let stat;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing', path };
    return invalid(path, `cannot read the sidecar (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  // Checked before reading: a huge file is refused without loading it.
  if (stat.size > MAX_SIDECAR_SIZE) return invalid(path, tooLarge(stat.size));
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    return invalid(path, `cannot read the sidecar (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = parseSidecar(text, { textLength: opts.textLength });
  if (!parsed.ok) return { kind: 'invalid', path, errors: parsed.errors };
  return { kind: 'ok', path, sidecar: parsed.sidecar, text, mtimeMs: stat.mtimeMs, lines: parsed.lines };
}

export interface WriteResult {
  path: string;
  /** What is on disk now (the base for the next write). */
  snapshot: Extract<SidecarRead, { kind: 'ok' }>;
  /** True when another writer had changed the file and the two versions were merged. */
  merged: boolean;
  conflicts: MergeConflict[];
  /** False when the file already held exactly this content. */
  written: boolean;
}

/**
 * Saves `annotations` as the sidecar of `sourcePath`. `base` is the sidecar as
 * read before the user's edits (null or 'missing' when there was none): if the
 * file changed on disk since, both versions are merged by id. Throws a
 * SidecarError (file untouched) when the file on disk is invalid.
 */
export function writeSidecar(sourcePath: string, annotations: readonly Annotation[], base: SidecarRead | null, opts: StoreOptions = {}): WriteResult {
  const fs = opts.fs ?? (nodeFs as unknown as SidecarFs);
  const current = readSidecar(sourcePath, { fs });
  if (current.kind === 'invalid') throw new SidecarError(current.path, current.errors);
  const baseOk = base?.kind === 'ok' ? base : null;
  let final = [...annotations];
  let merged = false;
  let conflicts: MergeConflict[] = [];
  if (current.kind === 'ok' && current.text !== baseOk?.text) {
    const m = mergeAnnotations(baseOk?.sidecar.annotations ?? [], annotations, current.sidecar.annotations);
    final = m.annotations;
    conflicts = m.conflicts;
    merged = true;
  }
  const onto = current.kind === 'ok' ? current.text : baseOk?.text;
  const text = serializeSidecar({ version: 1, source: basename(sourcePath), annotations: final }, onto);
  // Never write what we could not read back.
  const check = parseSidecar(text);
  if (!check.ok) throw new SidecarError(current.path, check.errors.map((e) => ({ ...e, message: `internal error, nothing written: ${e.message}` })));
  const written = current.kind !== 'ok' || current.text !== text;
  if (written) writeFileAtomic(current.path, text, fs);
  let mtimeMs = Date.now();
  try { mtimeMs = fs.statSync(current.path).mtimeMs; } catch { /* the snapshot text is what matters */ }
  return { path: current.path, snapshot: { kind: 'ok', path: current.path, sidecar: check.sidecar, text, mtimeMs, lines: check.lines }, merged, conflicts, written };
}

/**
 * Writes `data` to `path` so that a crash leaves the old file or the new one,
 * never a mix: a temporary file in the same folder, fsync, rename over.
 */
export function writeFileAtomic(path: string, data: string, fs: SidecarFs = nodeFs as unknown as SidecarFs): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`);
  let mode = 0o644;
  try { mode = fs.statSync(path).mode & 0o777; } catch { /* new file */ }
  const buf = Buffer.from(data, 'utf8');
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    for (let off = 0; off < buf.length;) off += fs.writeSync(fd, buf, off, buf.length - off);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(tmp, path);
  } catch (e) {
    if (fd !== null) try { fs.closeSync(fd); } catch { /* already failing */ }
    try { fs.unlinkSync(tmp); } catch { /* may not exist */ }
    throw e;
  }
  // Persist the rename itself; not possible on every platform (Windows), so best effort.
  try {
    const dfd = fs.openSync(dir, 'r');
    try { fs.fsyncSync(dfd); } finally { fs.closeSync(dfd); }
  } catch { /* best effort */ }
}

function invalid(path: string, message: string): SidecarRead {
  return { kind: 'invalid', path, errors: [{ line: 1, col: 1, message }] };
}

/** The annotations of a read sidecar (none when it is missing or invalid). */
export function annotationsOf(read: SidecarRead | undefined): Annotation[] {
  return read?.kind === 'ok' ? read.sidecar.annotations : [];
}

/**
 * Reads the sidecars of several seed files at once, and the gazetteer their
 * places and actors make: one annotation teaches every article of the run.
 */
export function readSidecars(files: readonly string[], opts: StoreOptions = {}): { reads: Map<string, SidecarRead>; gazetteer: GazetteerEntry[] } {
  const reads = new Map<string, SidecarRead>();
  for (const f of files) reads.set(f, readSidecar(f, opts));
  const gazetteer = mergeGazetteers(...[...reads.values()].map((r) => gazetteerFromAnnotations(annotationsOf(r))));
  return { reads, gazetteer };
}

// What a CLI command writes to, so commands stay testable as plain functions too.
import { mkdirSync, writeFileSync } from 'fs';
import { dirname, resolve } from 'path';
import { writeFileAtomic } from '../sidecar/store';

export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** Bad usage: exit code 2 with the message and a hint. */
export class UsageError extends Error {}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/** A file system error as a short text: its code (ENOENT, EACCES) or else its message. */
export function errorText(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/**
 * Writes `content` to `path`, making its folder; `atomic`: through a temporary file, so a
 * failed run leaves an earlier file whole. On failure says why on stderr and returns false.
 */
export function writeOutput(io: Io, command: string, path: string, content: string, atomic = false): boolean {
  try {
    const target = resolve(path);
    mkdirSync(dirname(target), { recursive: true });
    if (atomic) writeFileAtomic(target, content);
    else writeFileSync(target, content);
    return true;
  } catch (e) {
    io.err(`seed-annotate ${command}: cannot write ${path}: ${errorText(e)}`);
    return false;
  }
}

// What a CLI command writes to, so commands stay testable as plain functions too.
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

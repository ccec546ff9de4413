// `seed-annotate check [--strict] [--date YYYY-MM-DD] PATH...`: every diagnostic
// as `file:line:col: severity code message` (1-based), the file's sidecar
// applied as in the editor. Exit 1 on errors (or warnings with --strict).
import { lineCol } from '../analysis';
import type { Severity } from '../analysis';
import { analyzeSeeds, expandPaths, parseSeedArgs } from './files';
import type { Io } from './io';

export function runCheck(args: string[], io: Io): number {
  const { flags, date, names, paths } = parseSeedArgs(args, ['--strict'], 'check');
  const strict = flags.has('--strict');
  const files = expandPaths(paths);
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const report = (where: string, severity: Severity, code: string, message: string) => {
    count[severity]++;
    io.out(`${where}: ${severity} ${code} ${message.replace(/\s*\n\s*/g, ' ')}`);
  };
  for (const seed of analyzeSeeds(files, date, names)) {
    if (seed.error !== undefined) {
      report(`${seed.file}:1:1`, 'error', 'unreadable-file', seed.error);
      continue;
    }
    const { sidecar, result: { analysis, text } } = seed;
    // A broken sidecar is reported where it is broken; the article is still checked, without it.
    if (sidecar?.kind === 'invalid') for (const p of sidecar.errors) report(`${sidecar.path}:${p.line}:${p.col}`, 'error', 'invalid-sidecar', p.message);
    for (const d of analysis.diagnostics) {
      const { line, col } = lineCol(text, d.start);
      report(`${seed.file}:${line}:${col}`, d.severity, d.code, d.message);
    }
  }
  const failed = count.error > 0 || (strict && count.warning > 0);
  io.err(`${files.length} file(s): ${count.error} error(s), ${count.warning} warning(s)${failed ? '' : ', ok'}`);
  return failed ? 1 : 0;
}

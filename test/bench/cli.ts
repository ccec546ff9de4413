// The CLI over a whole corpus, as a separate process: wall time and peak memory
// of `analyze --json` and `export --format jsonl --include-detected`.
import { spawnSync } from 'child_process';
import { join } from 'path';
import { runMeasured } from './proc';
import { round, summarize, type Summary } from './stats';

export const CLI = join(__dirname, '../../dist/cli.js');

export interface CliCommandResult {
  command: string;
  status: 'measured' | 'skipped' | 'failed';
  note?: string;
  wallSeconds?: Summary;
  peakRssMb?: Summary;
  /** User + system CPU seconds of the process (from /usr/bin/time). */
  cpuSeconds?: Summary;
  memoryVia?: string;
  /** Lines written to stdout (one JSON object per file for analyze). */
  outputLines?: number;
  outputMb?: number;
  filesPerSecond?: number;
}

/** A command still running after this is killed and reported as failed. */
const TIMEOUT_MS = 200_000;
/** After a run this slow, no repeat runs. */
const SLOW_MS = 60_000;

const COMMANDS: { name: string; args: string[] }[] = [
  { name: 'analyze', args: ['analyze', '--json'] },
  { name: 'export', args: ['export', '--format', 'jsonl', '--include-detected'] },
];

/** Whether dist/cli.js knows `command` (export is written by another helper). */
function hasCommand(command: string, probe: string): boolean {
  const r = spawnSync(process.execPath, [CLI, command, '--format', 'jsonl', probe], { encoding: 'utf8' });
  return !/unknown command/.test(r.stderr ?? '');
}

export async function benchCli(dir: string, files: number, probeFile: string, runs: number): Promise<CliCommandResult[]> {
  const out: CliCommandResult[] = [];
  for (const { name, args } of COMMANDS) {
    const command = `node dist/cli.js ${args.join(' ')} <${files} files>`;
    if (name !== 'analyze' && !hasCommand(name, probeFile)) {
      out.push({ command, status: 'skipped', note: `dist/cli.js has no "${name}" command yet` });
      continue;
    }
    const walls: number[] = [], peaks: number[] = [], cpus: number[] = [];
    let last;
    for (let r = 0; r < runs; r++) {
      last = await runMeasured(process.execPath, [CLI, ...args, dir], { timeoutMs: TIMEOUT_MS });
      if (last.code !== 0) break;
      walls.push(last.wallMs / 1000);
      if (last.peakRssMb !== null) peaks.push(last.peakRssMb);
      if (last.cpuSeconds !== null) cpus.push(last.cpuSeconds);
      if (last.wallMs > SLOW_MS) break; // one slow run says enough, and the bench has a time budget
    }
    if (!last || last.code !== 0) {
      const projected = name === 'analyze' && last?.stdoutLines ? `, i.e. ~${Math.round((files / last.stdoutLines) * TIMEOUT_MS / 1000)} s for all ${files} files at that pace` : '';
      const why = last?.code === null ? `killed after ${TIMEOUT_MS / 1000} s with ${last.stdoutLines} lines written${projected}` : `exit ${last?.code}`;
      out.push({ command, status: 'failed', note: `${why}: ${last?.stderr.split('\n').slice(0, 3).join(' | ')}` });
      continue;
    }
    const wall = summarize(walls.map((x) => round(x, 3)));
    out.push({
      command, status: 'measured', wallSeconds: wall,
      peakRssMb: peaks.length ? summarize(peaks.map((x) => round(x, 1))) : undefined,
      cpuSeconds: cpus.length ? summarize(cpus.map((x) => round(x, 2))) : undefined,
      memoryVia: last.memoryVia, outputLines: last.stdoutLines, outputMb: round(last.stdoutBytes / 1e6, 1),
      filesPerSecond: round(files / wall.median, 0),
    });
  }
  return out;
}

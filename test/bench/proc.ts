// Running a child process and measuring its wall time and peak memory:
// `/usr/bin/time -v` when present (exact maximum RSS), else polling
// /proc/<pid>/status VmHWM, the kernel's own high-water mark of the RSS.
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export const TIME_BIN = '/usr/bin/time';

/** Peak RSS of a live process in MB (VmHWM), or null when /proc is not readable. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface Measured {
  wallMs: number;
  peakRssMb: number | null;
  memoryVia: 'time -v' | 'VmHWM polling' | 'none';
  code: number | null;
  stdoutBytes: number;
  stdoutLines: number;
  stderr: string;
}

/** Runs `cmd args` to completion, counting (not keeping) its stdout. */
export function runMeasured(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Measured> {
  const useTime = existsSync(TIME_BIN);
  const tmp = useTime ? mkdtempSync(join(tmpdir(), 'seed-bench-time-')) : null;
  const report = tmp ? join(tmp, 'time.txt') : '';
  const [file, argv] = useTime ? [TIME_BIN, ['-v', '-o', report, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0, stdoutLines = 0, stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdoutBytes += b.length;
      for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) stdoutLines++;
    });
    child.stderr.on('data', (b: Buffer) => { if (stderr.length < 20_000) stderr += b.toString(); });
    let polled: number | null = null;
    const poll = useTime ? null : setInterval(() => { polled = peakRssMb(child.pid!) ?? polled; }, 20);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let peak: number | null = polled;
      if (tmp) {
        try {
          const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(readFileSync(report, 'utf8'));
          peak = m ? Number(m[1]) / 1024 : null;
        } catch { peak = null; }
        rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ wallMs, peakRssMb: peak, memoryVia: useTime ? 'time -v' : peak === null ? 'none' : 'VmHWM polling', code, stdoutBytes, stdoutLines, stderr });
    });
  });
}

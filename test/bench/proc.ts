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

/** CPU seconds (user + system) a live process has used so far, from /proc/<pid>/stat; null elsewhere. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ".
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}
/** USER_HZ: 100 on Linux for every architecture node runs on. */
const CLOCK_TICKS = 100;

export interface Measured {
  wallMs: number;
  peakRssMb: number | null;
  /** User + system CPU seconds, when /usr/bin/time reported them. */
  cpuSeconds: number | null;
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
      let cpu: number | null = null;
      if (tmp) {
        try {
          const r = readFileSync(report, 'utf8');
          const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r);
          peak = m ? Number(m[1]) / 1024 : null;
          const u = /User time \(seconds\):\s*([\d.]+)/.exec(r);
          const sy = /System time \(seconds\):\s*([\d.]+)/.exec(r);
          cpu = u && sy ? Number(u[1]) + Number(sy[1]) : null;
        } catch { peak = null; }
        rmSync(tmp, { recursive: true, force: true });
      }
      resolve({ wallMs, peakRssMb: peak, cpuSeconds: cpu, memoryVia: useTime ? 'time -v' : peak === null ? 'none' : 'VmHWM polling', code, stdoutBytes, stdoutLines, stderr });
    });
  });
}

// Running a child process and measuring its wall time and peak memory:
// `/usr/bin/time -v` when present (exact maximum RSS), else polling
// /proc/<pid>/status VmHWM, the kernel's own high-water mark of the RSS.
import { spawn } from 'child_process';
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'fs';
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
export const CLOCK_TICKS = 100;

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

/** Lines and bytes of a file, read as a stream. */
async function countLines(path: string): Promise<{ bytes: number; lines: number }> {
  let bytes = 0, lines = 0;
  for await (const b of createReadStream(path) as AsyncIterable<Buffer>) {
    bytes += b.length;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) lines++;
  }
  return { bytes, lines };
}

/**
 * Runs `cmd args` to completion with its stdout going to a temporary file, as in
 * `cmd > out.jsonl`: through a pipe, a busy reader would make the child buffer
 * its output in memory and the peak memory would measure the reader, not the
 * command. Returns the output's size and line count, not the output.
 */
export async function runMeasured(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<Measured> {
  const useTime = existsSync(TIME_BIN);
  const tmp = mkdtempSync(join(tmpdir(), 'seed-bench-run-'));
  const report = join(tmp, 'time.txt');
  const outFile = join(tmp, 'stdout');
  const outFd = openSync(outFile, 'w');
  const [file, argv] = useTime ? [TIME_BIN, ['-v', '-o', report, cmd, ...args]] : [cmd, args];
  const m = await new Promise<Omit<Measured, 'stdoutBytes' | 'stdoutLines'>>((resolve, reject) => {
    const t0 = performance.now();
    // Its own process group, so a timeout stops the command and not only /usr/bin/time.
    const child = spawn(file, argv, { cwd: opts.cwd, stdio: ['ignore', outFd, 'pipe'], detached: true });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => { if (stderr.length < 20_000) stderr += b.toString(); });
    let polled: number | null = null;
    const poll = useTime ? null : setInterval(() => { polled = peakRssMb(child.pid!) ?? polled; }, 20);
    const timer = opts.timeoutMs ? setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { child.kill('SIGKILL'); } }, opts.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      if (poll) clearInterval(poll);
      if (timer) clearTimeout(timer);
      let peak: number | null = polled;
      let cpu: number | null = null;
      if (useTime) {
        try {
          const r = readFileSync(report, 'utf8');
          const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(r);
          peak = m ? Number(m[1]) / 1024 : null;
          const u = /User time \(seconds\):\s*([\d.]+)/.exec(r);
          const sy = /System time \(seconds\):\s*([\d.]+)/.exec(r);
          cpu = u && sy ? Number(u[1]) + Number(sy[1]) : null;
        } catch { peak = null; }
      }
      resolve({ wallMs, peakRssMb: peak, cpuSeconds: cpu, memoryVia: useTime ? 'time -v' : peak === null ? 'none' : 'VmHWM polling', code, stderr });
    });
  });
  closeSync(outFd);
  try {
    const { bytes, lines } = await countLines(outFile);
    return { ...m, stdoutBytes: bytes, stdoutLines: lines };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

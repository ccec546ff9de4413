// What the bench ran on: figures mean little without the machine and its load
// (this machine is shared, so the load average is recorded before and after).
import { cpus, freemem, loadavg, totalmem, release, platform } from 'os';
import { execSync } from 'child_process';

export interface Machine {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryMb: number;
  freeMemoryMb: number;
  loadAverage1m: number;
  commit: string | null;
}

export function machine(): Machine {
  let commit: string | null = null;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: __dirname, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch { /* not a git checkout */ }
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${platform()} ${release()}`,
    memoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    commit,
  };
}

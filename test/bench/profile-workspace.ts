// The language server indexing a generated workspace, CPU by thread:
//
//   node -r ./scripts/register-ts.cjs test/bench/profile-workspace.ts [files=2000] [runs=3] [-- node flags]
//
// e.g. `... profile-workspace.ts 2000 1 -- --cpu-prof --cpu-prof-dir=/tmp/prof` (one
// profile per thread: the main thread and each index worker; read them with
// profile-top.mjs). Starts `dist/server.js` (build first) on a corpus from
// generate.ts, waits for its "Indexed N seed files" log line, and reports the wall
// time, the server's CPU time split by thread (from /proc/<pid>/task: the main
// thread, the index workers, V8's GC helpers, libuv's pool) and its peak RSS.
// Linux only (/proc). Medians of `runs` servers over one corpus.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LspClient } from '../lsp/client';
import { writeCorpus } from './generate';
import { CLOCK_TICKS, cpuSeconds, peakRssMb } from './proc';

const dash = process.argv.indexOf('--');
const args = dash < 0 ? process.argv.slice(2) : process.argv.slice(2, dash);
const execArgv = dash < 0 ? [] : process.argv.slice(dash + 1);
const [files = 2000, runs = 3] = args.map(Number);
const INDEXED = /Indexed (\d+) seed files in (\d+) ms/;

/**
 * CPU seconds of each thread of `pid`: 'main', then the busiest other threads by
 * id (Node names them all 'node': the index workers are the two big ones, V8's
 * platform helpers, GC included, the small ones), the rest summed as 'others'.
 */
function threadCpu(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(tid === String(pid) ? 'main' : `${name}#${tid}`, (Number(f[11]) + Number(f[12])) / CLOCK_TICKS);
    } catch {
      // the thread ended meanwhile
    }
  }
  const sorted = [...out].sort((a, b) => b[1] - a[1]);
  const top = new Map(sorted.slice(0, 6));
  top.set('others', sorted.slice(6).reduce((n, [, v]) => n + v, 0));
  return top;
}

/** Current resident set of `pid` in MB (VmRSS). */
function rssMb(pid: number): number | null {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : null;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function once(dir: string): Promise<{ wall: number; indexedMs: number; cpu: number; threads: Map<string, number>; rss: number; rssAfter: number }> {
  const t0 = performance.now();
  const c = await LspClient.start({ folder: dir, execArgv });
  try {
    const line = await c.waitForLog(INDEXED);
    const wall = (performance.now() - t0) / 1000;
    const pid = c.child.pid!;
    const threads = threadCpu(pid); // before the workers are released
    const [, n, ms] = INDEXED.exec(line)!;
    if (Number(n) !== files) throw new Error(`indexed ${n} files, expected ${files}`);
    const cpu = cpuSeconds(pid) ?? NaN;
    const rss = peakRssMb(pid) ?? NaN;
    // The workers stop once the index is complete: what the main thread keeps is what is left.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { wall, indexedMs: Number(ms), cpu, threads, rss, rssAfter: rssMb(pid) ?? NaN };
  } finally {
    // shutdown + exit, so that --cpu-prof writes its profiles.
    await Promise.race([c.stop(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (c.alive) c.child.kill('SIGKILL');
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seed-profile-ws-'));
  try {
    const { bytes } = writeCorpus(dir, { files });
    console.log(`${files} files, ${(bytes / 1e6).toFixed(1)} MB; server flags: ${execArgv.join(' ') || 'none'}`);
    const results = [];
    for (let r = 0; r < runs; r++) {
      const res = await once(dir);
      results.push(res);
      const threads = [...res.threads].map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
      console.log(`run ${r}: wall ${res.wall.toFixed(2)} s (index ${(res.indexedMs / 1000).toFixed(2)} s), cpu ${res.cpu.toFixed(2)} s, rss ${res.rss.toFixed(0)} MB peak, ${res.rssAfter.toFixed(0)} MB 1 s after; ${threads}`);
    }
    const cpu = median(results.map((x) => x.cpu));
    console.log(`median: wall ${median(results.map((x) => x.wall)).toFixed(2)} s, cpu ${cpu.toFixed(2)} s (${((1000 * cpu) / files).toFixed(2)} ms/file), rss ${median(results.map((x) => x.rss)).toFixed(0)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error((e as Error).stack ?? e);
  process.exitCode = 1;
});

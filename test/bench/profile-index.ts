// Where the CPU of workspace indexing goes, per file, stage by stage:
//
//   node -r ./scripts/register-ts.cjs test/bench/profile-index.ts [files=1000] [rounds=3] [--pool]
//
// Generates `files` seed files (test/bench/generate.ts), then, on this thread, runs
// each stage of an index job (indexJob.ts) over every file and times it: read, hash,
// analyze, digest, the structured clone a worker's answer costs, and the main thread's
// share of a landed digest (string sharing, name totals). Rounds after the first
// (which pays for compiling the recognisers) are summarised as medians, per file.
// With --pool it also indexes the corpus through IndexPool's worker threads
// (dist/indexWorker.js: run `node scripts/build.mjs` first) with 1 and 2 workers and
// reports wall time and the process's CPU time (workers included), so the cost
// around the stages (messages, promises, thread start-up) shows as the difference.
import { createHash } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { analyze, stripBom } from '../../server/src/analysis';
import { applySidecar } from '../../server/src/workspace/annotations';
import { buildDigest, shareStrings, type FileDigest } from '../../server/src/workspace/digest';
import { looksLikeSeed, pathToUri, WorkspaceFolders } from '../../server/src/workspace/files';
import { readSeedText, runJob, type IndexContext } from '../../server/src/workspace/indexJob';
import { IndexPool } from '../../server/src/workspace/indexPool';
import { NameTotals } from '../../server/src/workspace/nameTotals';
import { writeCorpus } from './generate';

const args = process.argv.slice(2);
const pool = args.includes('--pool');
const [files = 1000, rounds = 3] = args.filter((a) => !a.startsWith('--')).map(Number);

const STAGES = ['read', 'hash', 'analyze', 'digest', 'clone', 'land', 'runJob'] as const;
type Stage = (typeof STAGES)[number];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** One round over every file: milliseconds per stage (summed over the files). */
async function round(paths: string[], folders: WorkspaceFolders): Promise<Record<Stage, number> & { cpu: number; bytes: number }> {
  const t: Record<Stage, number> = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  const totals = new NameTotals();
  const strings = new Map<string, string>();
  const intern = (s: string) => strings.get(s) ?? (strings.set(s, s), s);
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  for (const path of paths) {
    let t0 = performance.now();
    const raw = await readSeedText(folders, path);
    t.read += performance.now() - t0;
    if (raw === null || !looksLikeSeed(path, raw)) throw new Error(`${path} is no seed file`);
    bytes += raw.length;
    t0 = performance.now();
    createHash('sha1').update(raw).digest('base64');
    t.hash += performance.now() - t0;
    t0 = performance.now();
    const text = stripBom(raw);
    const analysis = applySidecar(text, analyze(text, { gazetteer: [] }), undefined);
    t.analyze += performance.now() - t0;
    t0 = performance.now();
    const digest = buildDigest({ uri: pathToUri(path), path, raw, base: raw.length - text.length, analysis });
    t.digest += performance.now() - t0;
    t0 = performance.now();
    const landed = structuredClone({ id: 1, outcome: { kind: 'indexed', hash: 'x'.repeat(28), digest } }).outcome.digest as FileDigest;
    t.clone += performance.now() - t0;
    t0 = performance.now();
    totals.add(shareStrings(landed, intern));
    t.land += performance.now() - t0;
  }
  const cpu = cpuMs(cpu0);
  // The whole job as a worker runs it, in a separate pass (its stages as above).
  const context: IndexContext = { roots: folders.list, gazetteer: [] };
  for (const path of paths) {
    const t0 = performance.now();
    const o = await runJob({ path, uri: pathToUri(path), sidecar: null, knownHash: null }, folders, context.gazetteer);
    t.runJob += performance.now() - t0;
    if (o.kind !== 'indexed') throw new Error(`${path}: ${o.kind}`);
  }
  return { ...t, cpu, bytes };
}

async function throughPool(paths: string[], roots: string[], workers: number): Promise<{ wallMs: number; cpuMs: number }> {
  const p = new IndexPool(() => {}, workers, join(__dirname, '../../dist/indexWorker.js'));
  if (!p.workerCount) throw new Error('dist/indexWorker.js is missing: run node scripts/build.mjs');
  const context: IndexContext = { roots, gazetteer: [] };
  const totals = new NameTotals();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let next = 0;
  // As Project.pump does: keep `capacity` jobs in flight.
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const o = await p.run({ path, uri: pathToUri(path), sidecar: null, knownHash: null }, context);
      if (o.kind !== 'indexed') throw new Error(`${path}: ${o.kind}`);
      totals.add(o.digest);
    }
  };
  await Promise.all(Array.from({ length: p.capacity }, lane));
  const wallMs = performance.now() - t0;
  const cpu = cpuMs(cpu0);
  p.close();
  return { wallMs, cpuMs: cpu };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'seed-profile-index-'));
  try {
    const { paths, bytes } = writeCorpus(dir, { files });
    console.log(`${files} files, ${(bytes / 1e6).toFixed(1)} MB (${Math.round(bytes / files)} bytes a file)`);
    const folders = new WorkspaceFolders();
    folders.set([dir]);
    const runs = [];
    for (let r = 0; r <= rounds; r++) {
      const res = await round(paths, folders);
      if (r > 0) runs.push(res); // round 0 compiles the recognisers
      console.log(`round ${r}${r ? '' : ' (warm-up)'}: cpu ${(res.cpu / files).toFixed(3)} ms/file, ` +
        STAGES.map((s) => `${s} ${(res[s] / files).toFixed(3)}`).join(', '));
    }
    console.log(`\nmedian of ${rounds} rounds, ms per file:`);
    for (const s of ['cpu', ...STAGES] as const) {
      console.log(`  ${s.padEnd(8)} ${median(runs.map((x) => x[s] / files)).toFixed(3)}`);
    }
    if (pool) {
      console.log('\nIndexPool (dist/indexWorker.js), whole corpus, process CPU includes the workers:');
      for (const workers of [1, 2]) {
        const res = [];
        for (let r = 0; r < rounds; r++) res.push(await throughPool(paths, [dir], workers));
        const wall = median(res.map((x) => x.wallMs));
        const cpu = median(res.map((x) => x.cpuMs));
        console.log(`  ${workers} worker(s): wall ${(wall / 1000).toFixed(2)} s, cpu ${(cpu / 1000).toFixed(2)} s, ${(cpu / files).toFixed(3)} ms cpu/file (median of ${rounds})`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error((e as Error).stack ?? e);
  process.exitCode = 1;
});

// Analysis throughput of analyze() on generated articles, and how time grows
// with size. Each call is fresh (no AnalysisCache passed), as for a file opened
// for the first time or analysed by the CLI. The code timed is the bundle
// (dist/analysis.js, built as the server and the CLI are), as the other sections
// time dist/server.js and dist/cli.js: the sources loaded one module at a time
// through the test loader run ~10% slower (calls between modules go through getters).
import { existsSync } from 'fs';
import { join } from 'path';
import type * as Analysis from '../../server/src/analysis';
import { generateArticle, loadSeeds } from './generate';
import { powerLawExponent, round, summarize, type Summary } from './stats';

export interface SizeResult {
  label: string;
  bytes: number;
  paragraphs: number;
  /** Milliseconds per analyze() call. */
  ms: Summary;
  /** MB/s (1 MB = 10^6 bytes of UTF-8), from each run's wall-clock time. */
  mbPerSec: Summary;
  /** MB per CPU-second of this process: the figure a busy machine disturbs least. */
  mbPerCpuSec: Summary;
  found: { quotes: number; dates: number; places: number; actors: number; diagnostics: number };
}

export interface ScalingResult {
  /** Exponent k of time ∝ size^k, least squares over all sizes on log-log. */
  k: number;
  r2: number;
  /** Slope between the two largest sizes: where superlinear work shows first. */
  kLargest: number;
}

export const SIZES: { label: string; bytes: number }[] = [
  { label: '10 KB', bytes: 10_000 },
  { label: '100 KB', bytes: 100_000 },
  { label: '1 MB', bytes: 1_000_000 },
  { label: '10 MB', bytes: 10_000_000 },
];

const BUNDLE = join(__dirname, '../../dist/analysis.js');

/** analyze() as bundled; the bench builds first (`npm run bench`). */
function bundledAnalyze(): typeof Analysis.analyze {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: build first (node scripts/build.mjs)`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(BUNDLE) as typeof Analysis).analyze;
}

/** How long the warm-up runs before anything is timed. */
const WARM_UP_MS = 2_000;

/** Time after which no further run of one size starts. */
const SIZE_BUDGET_MS = 45_000;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * Times `fn` `runs` times; a run repeats fn until it has taken at least
 * `minMs`, so small inputs are not lost in timer resolution; no run starts
 * after `budgetMs` (the bench has a time budget). Returns ms per
 * call, wall-clock and CPU (user + system of this process: less sensitive to
 * other processes on a shared machine, though GC helper threads count too).
 */
export function timeRuns(fn: () => unknown, runs: number, minMs = 30, budgetMs = Infinity): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  const begin = performance.now();
  // Past the budget no further runs start: a slow size reports fewer runs (n in the result).
  for (let r = 0; r < runs && performance.now() - begin < budgetMs; r++) {
    gc();
    let reps = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    let t = t0;
    do {
      fn();
      reps++;
      t = performance.now();
    } while (t - t0 < minMs);
    const c = process.cpuUsage(c0);
    wall.push((t - t0) / reps);
    cpu.push((c.user + c.system) / 1000 / reps);
  }
  return { wall, cpu };
}

export function articlesFor(sizes: { label: string; bytes: number }[]): Map<string, string> {
  const seeds = loadSeeds();
  return new Map(sizes.map((s, i) => [s.label, generateArticle({ bytes: s.bytes, seed: 1000 + i, seeds })]));
}

export function benchAnalysis(articles: Map<string, string>, runs: (bytes: number) => number): { sizes: SizeResult[]; scaling: ScalingResult | null } {
  const analyze = bundledAnalyze();
  // Warm-up: the built-in gazetteer is built once per process, and the JIT needs
  // hundreds of calls before it has optimised the hot functions; neither is what a
  // user editing an article waits for. (Five calls, as this bench made before, left
  // small articles measured mostly unoptimised: 10 KB at ~1 MB/s instead of ~4.)
  const warm = [...articles.values()][0];
  const warmUntil = performance.now() + WARM_UP_MS;
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) analyze(warm);

  const sizes: SizeResult[] = [];
  for (const [label, text] of articles) {
    const bytes = Buffer.byteLength(text);
    analyze(text); // one untimed call per size: code paths only long articles reach
    const { wall, cpu } = timeRuns(() => analyze(text), runs(bytes), 30, SIZE_BUDGET_MS);
    const a = analyze(text);
    sizes.push({
      label, bytes, paragraphs: a.paragraphs.length,
      ms: summarize(wall.map((x) => round(x, 3))),
      mbPerSec: summarize(wall.map((x) => round(bytes / 1e6 / (x / 1000), 2))),
      mbPerCpuSec: summarize(cpu.map((x) => round(bytes / 1e6 / (x / 1000), 2))),
      found: { quotes: a.quotes.length, dates: a.dates.length, places: a.places.length, actors: a.actors.length, diagnostics: a.diagnostics.length },
    });
  }
  if (sizes.length < 2) return { sizes, scaling: null };
  const fit = powerLawExponent(sizes.map((s) => s.bytes), sizes.map((s) => s.ms.median));
  const [a, b] = sizes.slice(-2);
  const kLargest = Math.log(b.ms.median / a.ms.median) / Math.log(b.bytes / a.bytes);
  return { sizes, scaling: { k: round(fit.k, 3), r2: round(fit.r2, 4), kLargest: round(kLargest, 3) } };
}

// Profiling re-analysis after a one-character edit, as the language server does
// it (one AnalysisCache per open document): what an edit costs on a long article,
// and how much of it the garbage collector takes (pauses seen by a PerformanceObserver).
//   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ./scripts/register-ts.cjs test/bench/profile-edit.ts 1000000 50
//   node test/bench/profile-top.mjs /tmp/prof/<newest>.cpuprofile 20
// Allocation by function: test/bench/alloc-edit.ts.
import { PerformanceObserver } from 'perf_hooks';
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 50);
let text = generateArticle({ bytes, seed: 4242 });
const cache = new AnalysisCache();
const first = analyze(text, {}, cache);
// As the protocol benchmark types (test/bench/lsp.ts): words at the end of the middle paragraph.
const at = first.paragraphs[first.paragraphs.length >> 1].end;
const letters = 'the council said that the road would reopen on Monday ';
const gcPauses: number[] = [];
const observer = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push(e.duration);
});
observer.observe({ entryTypes: ['gc'] });
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < edits; i++) {
  text = text.slice(0, at + i) + letters[i % letters.length] + text.slice(at + i);
  // Flattened first: a new 2 MB string costs its page faults (5-15 ms on a busy VM) before
  // any analysis; the server pays that when it joins the document's pieces, not here.
  if (text.charCodeAt(0) < 0) break;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  analyze(text, {}, cache);
  const c = process.cpuUsage(c0);
  wall.push(performance.now() - t0);
  cpu.push((c.user + c.system) / 1000);
}
setTimeout(() => {
  observer.disconnect();
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(1) ?? '-';
  const line = (xs: number[]) => `p50 ${q(xs, 0.5)}, p90 ${q(xs, 0.9)}, p99 ${q(xs, 0.99)}, max ${q(xs, 1)} ms`;
  console.log(`${edits} one-character edits on ${(bytes / 1e6).toFixed(2)} MB; cache hits ${cache.hits}, misses ${cache.misses}`);
  console.log(`  wall ${line(wall)}`);
  console.log(`  cpu  ${line(cpu)}`);
  const slowest = cpu.map((ms, i) => ({ ms, i })).sort((a, b) => b.ms - a.ms).slice(0, 6);
  console.log(`  slowest (cpu): ${slowest.map(({ ms, i }) => `#${i} ${JSON.stringify(letters[i % letters.length])} ${ms.toFixed(1)}`).join(', ')}`);
  console.log(`  gc   ${gcPauses.length} pauses, ${line(gcPauses)}, total ${gcPauses.reduce((a, b) => a + b, 0).toFixed(0)} ms`);
}, 500);

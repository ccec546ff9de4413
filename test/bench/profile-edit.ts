// Profiling re-analysis after a one-character edit, as the language server does
// it (one AnalysisCache per open document): what an edit costs on a long article.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ./scripts/register-ts.cjs test/bench/profile-edit.ts 1000000 50
//   node test/bench/profile-top.mjs /tmp/prof/<newest>.cpuprofile 20
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 50);
let text = generateArticle({ bytes, seed: 4242 });
const cache = new AnalysisCache();
analyze(text, {}, cache);
const at = text.indexOf('\n\n', text.length >> 1);
const times: number[] = [];
for (let i = 0; i < edits; i++) {
  text = text.slice(0, at + i) + 'x' + text.slice(at + i);
  const t0 = performance.now();
  analyze(text, {}, cache);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
console.log(`${edits} one-character edits on ${(bytes / 1e6).toFixed(2)} MB: median ${times[times.length >> 1].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms; cache hits ${cache.hits}, misses ${cache.misses}`);

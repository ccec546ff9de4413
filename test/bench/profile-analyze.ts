// Profiling analyze() on one generated article, for finding a missed target's cause:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof -r ./scripts/register-ts.cjs test/bench/profile-analyze.ts 1000000
//   node test/bench/profile-top.mjs /tmp/prof/<newest>.cpuprofile 20
import { analyze } from '../../server/src/analysis';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.argv[3] ?? 3);
const text = generateArticle({ bytes, seed: 1002 });
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  analyze(text);
  const ms = performance.now() - t0;
  console.log(`run ${i + 1}: ${ms.toFixed(0)} ms, ${(Buffer.byteLength(text) / 1e6 / (ms / 1000)).toFixed(2)} MB/s`);
}

// The language server's work per keystroke, in process (no protocol): the open
// document takes the edit (LiveDocument), the version is analysed (analyzeDocument:
// the text in pieces, never joined), its diagnostics converted to LSP and serialised.
// Times each step's CPU, to see what the edit → diagnostics latency is made of.
//   node -r ./scripts/register-ts.cjs test/bench/profile-server-edit.ts 1000000 200 [natural|pauses] [ANNOTATIONS]
// ANNOTATIONS: that many quotes annotated in the article's sidecar (see serverKeys.ts).
import { collectYoung } from '../../server/src/gcInPauses';
import { serverKeys } from './serverKeys';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 200);
// 'natural': leave every collection to V8 (the server collects the young generation after publishing).
const youngInPauses = process.argv[4] !== 'natural';
const annotations = Number(process.argv[5] ?? 0);
const keys = serverKeys(bytes, annotations);
const steps = { edit: [] as number[], analyze: [] as number[], convert: [] as number[], json: [] as number[], total: [] as number[] };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < edits; i++) {
  const t0 = cpu();
  keys.type();
  const t1 = cpu();
  const f = keys.analyzeVersion();
  const t2 = cpu();
  const diagnostics = keys.convert(f);
  const t3 = cpu();
  keys.serialise(diagnostics);
  const t4 = cpu();
  steps.edit.push(t1 - t0);
  steps.analyze.push(t2 - t1);
  steps.convert.push(t3 - t2);
  steps.json.push(t4 - t3);
  steps.total.push(t4 - t0);
  // As the server does after publishing (gcInPauses.ts), untimed: between two keys.
  if (youngInPauses) collectYoung();
}
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(1);
console.log(`${edits} keystrokes on ${(bytes / 1e6).toFixed(2)} MB${annotations ? `, ${annotations} quotes annotated` : ''}, CPU ms per step (p50 / p90 / p99):`);
for (const [k, xs] of Object.entries(steps)) console.log(`  ${k.padEnd(8)} ${q(xs, 0.5)} / ${q(xs, 0.9)} / ${q(xs, 0.99)}`);

// The language server's work per keystroke, in process (no protocol): the open
// document takes the edit (LiveDocument), the version is analysed (analyzeDocument:
// the text in pieces, never joined), its diagnostics converted to LSP and serialised.
// Times each step's CPU, to see what the edit → diagnostics latency is made of.
//   node -r ./scripts/register-ts.cjs test/bench/profile-server-edit.ts 1000000 200 [natural]
import { AnalysisCache } from '../../server/src/analysis';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { LiveDocument } from '../../server/src/features/liveDocument';
import { analyzeDocument } from '../../server/src/workspace/analyzed';
import { defaultSettings } from '../../server/src/workspace/settings';
import { generateArticle } from './generate';
import { collectYoung } from '../../server/src/gcInPauses';
import { analyze } from '../../server/src/analysis';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 200);
// 'natural': leave every collection to V8 (the server collects the young generation after publishing).
const youngInPauses = process.argv[4] !== 'natural';
const text = generateArticle({ bytes, seed: 4242 });
const doc = new LiveDocument('file:///bench/article.txt', 'seed', 1, text);
const cache = new AnalysisCache();
const settings = defaultSettings();
const stamp = (version: number) => ({ version, generation: 0, sidecar: undefined, referenceDate: '' });
analyzeDocument(doc, '/bench/article.txt', stamp(1), [], cache);
const mid = analyze(text).paragraphs;
let cursor = mid[mid.length >> 1].end;
const letters = 'the council said that the road would reopen on Monday ';
const steps = { edit: [] as number[], analyze: [] as number[], convert: [] as number[], json: [] as number[], total: [] as number[] };
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (let i = 0; i < edits; i++) {
  const version = i + 2;
  const t0 = cpu();
  const pos = doc.positionAt(cursor);
  doc.update([{ range: { start: pos, end: pos }, text: letters[i % letters.length] }], version);
  cursor++;
  const t1 = cpu();
  const f = analyzeDocument(doc, '/bench/article.txt', stamp(version), [], cache);
  const t2 = cpu();
  const diagnostics = toLspDiagnostics(f, settings);
  const t3 = cpu();
  JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version, diagnostics } });
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
console.log(`${edits} keystrokes on ${(bytes / 1e6).toFixed(2)} MB, CPU ms per step (p50 / p90 / p99):`);
for (const [k, xs] of Object.entries(steps)) console.log(`  ${k.padEnd(8)} ${q(xs, 0.5)} / ${q(xs, 0.9)} / ${q(xs, 0.99)}`);

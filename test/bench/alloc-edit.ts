// Where the memory a one-character edit allocates comes from (sampling heap profile,
// objects collected by the scavenger included): the allocation behind GC pauses.
//   node -r ./scripts/register-ts.cjs test/bench/alloc-edit.ts 1000000 100 [live]
import { Session } from 'inspector';
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 100);
// 'live': only what is still alive after the edits (what each scavenge has to copy).
const live = process.argv[4] === 'live';
let text = generateArticle({ bytes, seed: 4242 });
const cache = new AnalysisCache();
analyze(text, {}, cache);
const at = text.indexOf('\n\n', text.length >> 1);
const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: !live, includeObjectsCollectedByMinorGC: !live });
  for (let i = 0; i < edits; i++) {
    text = text.slice(0, at + i) + 'x' + text.slice(at + i);
    if (text.charCodeAt(0) < 0) break; // flattened (2 MB) outside what is measured
    analyze(text, {}, cache);
  }
  const { profile } = await post('HeapProfiler.stopSampling');
  const self = new Map<string, number>();
  let total = 0;
  const walk = (n: Node) => {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + n.selfSize);
    total += n.selfSize;
    n.children.forEach(walk);
  };
  walk(profile.head);
  console.log(`${live ? "alive after the edits" : "allocated"}, per edit: ${(total / edits / 1e6).toFixed(2)} MB`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / edits / 1e3).toFixed(0).padStart(7)} kB  ${k}`);
})();

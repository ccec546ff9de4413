// Where the memory of one keystroke in the language server comes from (sampling heap
// profile): the open document takes the edit, the version is analysed (analyzeDocument)
// and its diagnostics converted and serialised, as profile-server-edit.ts times them.
//   node -r ./scripts/register-ts.cjs test/bench/alloc-server-edit.ts 1000000 100 [live|promoted]
import { Session } from 'inspector';
import { AnalysisCache, analyze } from '../../server/src/analysis';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { LiveDocument } from '../../server/src/features/liveDocument';
import { analyzeDocument } from '../../server/src/workspace/analyzed';
import { defaultSettings } from '../../server/src/workspace/settings';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 100);
// 'live': only what is still alive after the edits; 'promoted': what outlived a young-generation
// collection (each scavenge copies it: the cost of the pauses while typing), alive or not.
const mode = process.argv[4] ?? 'all';
const live = mode === 'live';
const text = generateArticle({ bytes, seed: 4242 });
const doc = new LiveDocument('file:///bench/article.txt', 'seed', 1, text);
const cache = new AnalysisCache();
const settings = defaultSettings();
const stamp = (version: number) => ({ version, generation: 0, sidecar: undefined, referenceDate: '' });
analyzeDocument(doc, '/bench/article.txt', stamp(1), [], cache);
const mid = analyze(text).paragraphs;
let cursor = mid[mid.length >> 1].end;
const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: !live, includeObjectsCollectedByMinorGC: mode === 'all' });
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const pos = doc.positionAt(cursor);
    doc.update([{ range: { start: pos, end: pos }, text: 'x' }], version);
    cursor++;
    const f = analyzeDocument(doc, '/bench/article.txt', stamp(version), [], cache);
    JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: doc.uri, version, diagnostics: toLspDiagnostics(f, settings) } });
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
  console.log(`${live ? 'alive after the edits' : mode === 'promoted' ? 'outlived a scavenge' : 'allocated'}, per edit: ${(total / edits / 1e6).toFixed(2)} MB`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / edits / 1e3).toFixed(0).padStart(7)} kB  ${k}`);
})();

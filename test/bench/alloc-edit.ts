// Where the memory of one keystroke in the language server comes from (sampling heap
// profile): the allocation behind garbage-collection pauses while typing. The keystroke
// is the server's (serverKeys.ts: the edit, the analysis of the version, its diagnostics).
//   node -r ./scripts/register-ts.cjs test/bench/alloc-edit.ts 1000000 100 [live|promoted]
// Default: all that was allocated. 'live': what is still alive after the keys; 'promoted':
// what outlived a young-generation collection (each scavenge copies it), alive or not.
import { Session } from 'inspector';
import { serverKeys } from './serverKeys';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 100);
const mode = process.argv[4] ?? 'all';
const keys = serverKeys(bytes);
const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));

interface Node { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: Node[] }

(async () => {
  await post('HeapProfiler.enable');
  await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: mode !== 'live', includeObjectsCollectedByMinorGC: mode === 'all' });
  for (let i = 0; i < edits; i++) {
    keys.type();
    keys.serialise(keys.convert(keys.analyzeVersion()));
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
  const what = mode === 'live' ? 'alive after the keys' : mode === 'promoted' ? 'outlived a scavenge' : 'allocated';
  console.log(`${what}, per key: ${(total / edits / 1e6).toFixed(2)} MB`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / edits / 1e3).toFixed(0).padStart(7)} kB  ${k}`);
})();

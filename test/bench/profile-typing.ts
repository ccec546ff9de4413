// CPU profile of re-analysing edits only (the fresh analysis before them is not
// profiled): types into the middle of a long article as the bench does, the young
// generation collected between keys as the server does (gcInPauses.ts), and prints
// the functions with most self time and the slowest keys.
//   node -r ./scripts/register-ts.cjs test/bench/profile-typing.ts 1000000 300
import { Session } from 'inspector';
import { AnalysisCache, analyze } from '../../server/src/analysis';
import { PieceText } from '../../server/src/analysis/pieceText';
import { collectYoung } from '../../server/src/gcInPauses';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 300);
const text = generateArticle({ bytes, seed: 4242 });
let p = PieceText.of(text);
const cache = new AnalysisCache();
const paragraphs = analyze(p, {}, cache).paragraphs;
let cursor = paragraphs[paragraphs.length >> 1].end;
const letters = 'the council said that the road would reopen on Monday ';
const session = new Session();
session.connect();
const post = (method: string, params?: object) => new Promise<any>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }

(async () => {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  const keys: { ms: number; i: number; at: string }[] = [];
  for (let i = 0; i < edits; i++) {
    p = p.edit(cursor, cursor, letters[i % letters.length]);
    cursor++;
    const t0 = cpu();
    analyze(p, {}, cache);
    keys.push({ ms: cpu() - t0, i, at: JSON.stringify(p.slice(cursor - 16, cursor)) });
    collectYoung();
  }
  const { profile } = await post('Profiler.stop');
  const self = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes as Node[]) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    total += n.hitCount;
  }
  console.log(`${edits} keys; samples by self time:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${k}`);
  console.log('slowest keys (CPU ms):');
  for (const k of keys.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${k.ms.toFixed(1)}  key ${k.i} after ${k.at}`);
})();

// Where a V8 .cpuprofile (from `node --cpu-prof`) spends its time:
//   node test/bench/profile-top.mjs FILE.cpuprofile [N]   top N functions by self time,
//                                                         then self time per source file,
//                                                         then inclusive time of the top functions
import { readFileSync } from 'node:fs';

const [file, n = '15'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/profile-top.mjs FILE.cpuprofile [N]');
  process.exit(2);
}
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of prof.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const where = (node) => {
  const { functionName, url, lineNumber } = node.callFrame;
  return { fn: `${functionName || '(anonymous)'}  ${url.replace(/^.*\/work\/main\//, '')}:${lineNumber + 1}`, file: url.replace(/^.*\/work\/main\//, '') || '(native)' };
};
const selfNode = new Map();
prof.samples.forEach((id, i) => selfNode.set(id, (selfNode.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));

const self = new Map(), perFile = new Map(), inclusive = new Map();
for (const [id, us] of selfNode) {
  const w = where(byId.get(id));
  self.set(w.fn, (self.get(w.fn) ?? 0) + us);
  perFile.set(w.file, (perFile.get(w.file) ?? 0) + us);
  // Inclusive: every distinct function on the stack gets the sample once (recursion counted once).
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const f = where(byId.get(x)).fn;
    if (seen.has(f)) continue;
    seen.add(f);
    inclusive.set(f, (inclusive.get(f) ?? 0) + us);
  }
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
const show = (title, m, k) => {
  console.log(`\n${title}`);
  for (const [name, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) {
    console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 180)}`);
  }
};
show('self time by function', self, Number(n));
show('self time by file', perFile, 12);
show('inclusive time (server/src only)', new Map([...inclusive].filter(([k]) => k.includes('server/src'))), Number(n));

// Where an edit's latency goes over the protocol: types into the middle of a long
// article as the benchmark does (test/bench/lsp.ts: one key every 60 ms) against a
// server that traces its own timings, and splits each edit → fresh diagnostics into the
// server's compute (wall and CPU, from its `$/logTrace`) and the rest (queueing, settling,
// the pipe, the client).
//   node scripts/build.mjs && node -r ./scripts/register-ts.cjs test/bench/typing-trace.ts 1000000 200
import { LiveDocument } from '../../server/src/features/liveDocument';
import { analyze } from '../../server/src/analysis';
import { LspClient } from '../lsp/client';
import { generateArticle } from './generate';

const bytes = Number(process.argv[2] ?? 1_000_000);
const edits = Number(process.argv[3] ?? 200);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const text = generateArticle({ bytes, seed: 4242 });
  const c = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
  try {
    const uri = 'file:///mem/article.txt';
    await c.open(uri, text, 1);
    await c.waitForDiagnostics(uri, 1);
    // As in the benchmark, typing starts once the server is idle (its indexes prepared).
    await sleep(2000);
    await c.connection.sendNotification('$/setTrace', { value: 'messages' });
    const ps = analyze(text).paragraphs;
    let cursor = ps[ps.length >> 1].end;
    // The client's copy in pieces, as an editor keeps it (see lsp.ts, typeInto).
    const doc = new LiveDocument(uri, 'seed', 1, text);
    const letters = 'the council said that the road would reopen on Monday ';
    const latency = new Map<number, number>();
    const pending: Promise<void>[] = [];
    const start = performance.now();
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      const range = { start: doc.positionAt(cursor), end: doc.positionAt(cursor) };
      doc.update([{ range, text: letters[i % letters.length] }], version);
      cursor++;
      const due = start + i * 60;
      if (due > performance.now()) await sleep(due - performance.now());
      const since = c.diagnostics.length;
      const t0 = performance.now();
      await c.change(uri, version, [{ range, text: letters[i % letters.length] }]);
      pending.push(c.waitForDiagnostics(uri, (p) => (p.version ?? 0) >= version, since).then(() => void latency.set(version, performance.now() - t0)));
    }
    await Promise.all(pending);
    await sleep(200);
    // "diagnostics URI vN computed in W ms (cpu C ms); after analysis …"
    const server = new Map<number, { wall: number; cpu: number }>();
    for (const t of c.traces) {
      const m = /^diagnostics \S+ v(\d+) computed in ([\d.]+) ms \(cpu ([\d.]+) ms\)/.exec(t);
      if (m) server.set(Number(m[1]), { wall: Number(m[2]), cpu: Number(m[3]) });
    }
    const rows = [...latency].map(([v, ms]) => ({ v, ms, server: server.get(v) }));
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]?.toFixed(1) ?? '-';
    const line = (xs: number[]) => `p50 ${q(xs, 0.5)}, p90 ${q(xs, 0.9)}, p99 ${q(xs, 0.99)}, max ${q(xs, 1)}`;
    const own = rows.filter((r) => r.server);
    console.log(`${edits} keys on ${(bytes / 1e6).toFixed(2)} MB; ${own.length} versions published (the rest covered by a later one)`);
    console.log(`  edit → diagnostics      ${line(rows.map((r) => r.ms))}`);
    console.log(`  server compute (wall)   ${line(own.map((r) => r.server!.wall))}`);
    console.log(`  server compute (cpu)    ${line(own.map((r) => r.server!.cpu))}`);
    console.log(`  the rest (own versions) ${line(own.map((r) => r.ms - r.server!.wall))}`);
    const slow = rows.sort((a, b) => b.ms - a.ms).slice(0, 5);
    console.log(`  slowest: ${slow.map((r) => `v${r.v} ${r.ms.toFixed(0)} ms (server ${r.server ? `${r.server.wall.toFixed(0)}/${r.server.cpu.toFixed(0)} cpu` : 'none'})`).join('; ')}`);
  } finally {
    await c.stop();
  }
})();

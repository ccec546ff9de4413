// What `seed/quotes` costs per version while typing in a long article, over the real
// protocol (not part of mocha):
//   node scripts/build.mjs && node -r ./scripts/register-ts.cjs test/bench/quotes-traffic.ts [--edits N] [--size BYTES] [--full] [--json]
// Opens the ~1 MB article of the protocol benchmark (test/lsp/perf.ts), then for each of
// N one-character edits: the change, the diagnostics of that version (the analysis is
// done), then one `seed/quotes` request naming the analysis held, as the client does
// (client/src/analysisService.ts), accepting a delta (`--full`: as a client that does not,
// every answer is the whole list). Reports per answer: the bytes of its JSON, the
// server's CPU in the handler (its `$/logTrace`), this process's CPU for the round trip
// (mostly reading the answer, what the extension host pays), and the server process's
// CPU over the requests from /proc (serialisation included; 10 ms ticks, so a total).
import { performance } from 'perf_hooks';
import { QuotesRequestMethod, type QuoteInfo, type QuotesParams, type QuotesResult } from '../../server/src/shared/protocol';
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { diffQuotes, quoteInfo, quoteSource } from '../../server/src/features/quotesDiff';
import { applyQuotesDelta } from '../../server/src/shared/quotesDelta';
import { LspClient, makeWorkspace } from '../lsp/client';
import { EXAMPLE, positionAt } from '../lsp/fixtures';
import { bigArticle } from '../lsp/perf';
import { cpuSeconds } from './proc';
import { percentiles, round } from './stats';

const stats = (xs: number[]) => {
  const p = percentiles(xs);
  return { p50: round(p.p50), p99: round(p.p99), max: round(p.max), n: p.n };
};

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  const edits = arg('--edits', 100);
  const size = arg('--size', 1_000_000);
  // As a client that cannot apply deltas asks (the protocol before them).
  const full = process.argv.includes('--full');
  let deltas = 0;
  const ws = makeWorkspace({ 'seeds/example.txt': EXAMPLE });
  const client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
  const results: Record<string, unknown> = {};
  try {
    await client.request('workspace/symbol', { query: 'x' }); // wait for the index
    await client.connection.sendNotification('$/setTrace', { value: 'messages' });
    const handlerCpu = (from: number) => client.traces.slice(from)
      .map((t) => /^seed\/quotes handled in [\d.]+ ms \(cpu ([\d.]+) ms\)$/.exec(t))
      .filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));

    let text = bigArticle(size);
    const uri = 'file:///mem/big.txt';
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const ask = (params: QuotesParams) => client.request<QuotesResult>(QuotesRequestMethod, params);
    let held = await ask({ uri, version: 1, sidecar: 'none', ...(full ? {} : { deltas: true }) });
    let quotes: QuoteInfo[] = held.quotes;
    results.chars = text.length;
    results.quotes = quotes.length;
    results.firstAnswerBytes = Buffer.byteLength(JSON.stringify(held));

    const rand = rng(42);
    const mark = client.traces.length;
    const bytes: number[] = [];
    const clientCpu: number[] = [];
    const roundTrip: number[] = [];
    let serverCpu = 0;
    const pid = client.child.pid!;
    for (let v = 2; v < edits + 2; v++) {
      const at = Math.floor(rand() * text.length);
      const pos = positionAt(text, at);
      const ch = v % 3 ? 'x' : ' ';
      text = text.slice(0, at) + ch + text.slice(at);
      await client.change(uri, v, [{ range: { start: pos, end: pos }, text: ch }]);
      await client.waitForDiagnostics(uri, v);
      const server0 = cpuSeconds(pid) ?? 0;
      const cpu = process.cpuUsage();
      const t = performance.now();
      const r = await ask({ uri, version: v, sidecar: 'none', known: held.analysis, ...(full ? {} : { deltas: true }) });
      roundTrip.push(performance.now() - t);
      serverCpu += (cpuSeconds(pid) ?? 0) - server0;
      // The client's part includes applying a delta (the list its views read).
      if (r.delta) quotes = applyQuotesDelta(quotes, r.delta);
      else if (!r.unchanged) quotes = r.quotes;
      const used = process.cpuUsage(cpu);
      clientCpu.push((used.user + used.system) / 1000);
      bytes.push(Buffer.byteLength(JSON.stringify(r)));
      if (r.delta) deltas++;
      held = r;
    }
    results.answers = edits;
    results.bytesPerAnswer = stats(bytes);
    results.serverHandlerCpuMs = stats(handlerCpu(mark));
    results.serverProcessCpuMsPerAnswer = Math.round((serverCpu * 1000 / edits) * 100) / 100;
    results.clientCpuMsPerAnswer = stats(clientCpu);
    results.roundTripMs = stats(roundTrip);
    results.deltaAnswers = deltas;
    // The list the deltas built must be the one a full answer gives.
    const check = await ask({ uri, version: edits + 1 });
    results.quotesAtEnd = quotes.length;
    results.sameAsFullAnswer = JSON.stringify(check.quotes) === JSON.stringify(quotes);
  } finally {
    await client.stop();
    ws.remove();
  }
  Object.assign(results, inProcess(edits, size));
  if (process.argv.includes('--json')) console.log(JSON.stringify(results));
  else for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(30)} ${JSON.stringify(v)}`);
}

/**
 * The server's part of an answer without the pipe, in this process (no other work
 * interleaved): after each one-character edit of the same article, the full answer (the
 * document-offset quotes built from the chunks, converted, serialised) against the delta
 * from the previous version (found chunk by chunk, serialised). CPU ms per answer.
 */
function inProcess(edits: number, size: number): Record<string, unknown> {
  let text = bigArticle(size);
  const cache = new AnalysisCache();
  const other = new AnalysisCache();
  analyze(text, {}, other);
  let prev = quoteSource(analyze(text, {}, cache), 0, text.length);
  const rand = rng(7);
  const fullCpu: number[] = [];
  const deltaCpu: number[] = [];
  const cpuMs = (f: () => void) => {
    const c = process.cpuUsage();
    f();
    const u = process.cpuUsage(c);
    return (u.user + u.system) / 1000;
  };
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * text.length);
    text = text.slice(0, at) + 'x' + text.slice(at);
    // Two analyses of each version, as the typing path makes them: each answer reads one nobody read before.
    const a = analyze(text, {}, cache);
    const b = analyze(text, {}, other);
    fullCpu.push(cpuMs(() => JSON.stringify({ quotes: b.quotes.map((q) => quoteInfo(q, 0)) })));
    let next = prev;
    deltaCpu.push(cpuMs(() => {
      next = quoteSource(a, 0, text.length);
      JSON.stringify({ delta: diffQuotes(prev, next, i) });
    }));
    prev = next;
  }
  return { inProcessFullAnswerCpuMs: stats(fullCpu), inProcessDeltaAnswerCpuMs: stats(deltaCpu) };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Measures the language server over the real protocol (not part of mocha):
//   node -r ./scripts/register-ts.cjs test/lsp/perf.ts [--json] [--size BYTES]
// - example article: open → diagnostics (the first after the start-up warm-up, then
//   further opens of fresh URIs; and, on fresh servers, the article that starts one)
// - a ~1 MB article (the example's body repeated): open → diagnostics, then hover
//   and document symbols at the 50th/99th percentile, and a one-character edit →
//   fresh diagnostics for that version (the server's debounce is set to 0 so it is
//   not counted), with the server's part after the analysis; then the first
//   document symbols request on each new version (nothing cached for it yet).
// Times are wall-clock at the client, JSON-RPC round trip included.
import { performance } from 'perf_hooks';
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { LspClient, makeWorkspace, WARMED_UP } from './client';
import { EXAMPLE, positionAt } from './fixtures';

interface Stats { n: number; p50: number; p99: number; max: number }

function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const pick = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const r = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: r(pick(0.5)), p99: r(pick(0.99)), max: r(s[s.length - 1]) };
}

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

/** The example article with its body repeated until the text reaches `size` characters. */
export function bigArticle(size: number): string {
  const nl = EXAMPLE.indexOf('\n');
  const header = EXAMPLE.slice(0, nl + 1);
  const body = EXAMPLE.slice(nl + 1).replace(/\s*$/, '\n\n');
  let text = header;
  while (text.length < size) text += body;
  return text;
}

/** A deterministic pseudo-random sequence, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const sizeArg = process.argv.indexOf('--size');
  const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 1_000_000;
  const ws = makeWorkspace({ 'seeds/example.txt': EXAMPLE });
  const client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
  const results: Record<string, unknown> = {};
  try {
    await client.request('workspace/symbol', { query: 'x' }); // wait for the index
    // and for the start-up warm-up (Project.warmUp), as for an article opened after the
    // server started with the window (it activates in a workspace with seed files).
    results.warmUp = await client.waitForLog(WARMED_UP);

    // The server's own handling time per request (from its `$/logTrace`):
    // what remains of the round trip is JSON serialisation and the pipe.
    await client.connection.sendNotification('$/setTrace', { value: 'messages' });
    const serverTimes = (method: string, from: number) => client.traces.slice(from)
      .map((t) => /^(\S+) handled in ([\d.]+) ms \(cpu ([\d.]+) ms\)$/.exec(t))
      .filter((m): m is RegExpExecArray => !!m && m[1] === method).map((m) => Number(m[2]));
    const serverCpu = (method: string, from: number) => client.traces.slice(from)
      .map((t) => /^(\S+) (?:handled|\S+ v\d+ computed) in [\d.]+ ms \(cpu ([\d.]+) ms\)/.exec(t))
      .filter((m): m is RegExpExecArray => !!m && m[1] === method).map((m) => Number(m[2]));
    const diagnosticsTimes = (from: number) => client.traces.slice(from)
      .map((t) => /^diagnostics \S+ v\d+ computed in ([\d.]+) ms/.exec(t))
      .filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[1]));
    // Of that, what follows the analysis: conversion to LSP, JSON, the write.
    const afterAnalysis = (from: number, which: 1 | 2) => client.traces.slice(from)
      .map((t) => /^diagnostics .*; after analysis ([\d.]+) ms \(cpu ([\d.]+) ms\)$/.exec(t))
      .filter((m): m is RegExpExecArray => !!m).map((m) => Number(m[which]));
    let mark = client.traces.length;

    // Example article: open → diagnostics.
    const opens: number[] = [];
    for (let i = 0; i < 21; i++) {
      const uri = `file:///mem/example-${i}.txt`;
      const [ms] = await time(async () => {
        await client.open(uri, EXAMPLE, 1);
        await client.waitForDiagnostics(uri, 1);
      });
      opens.push(ms);
      await client.close(uri);
    }
    results.exampleOpenToDiagnosticsFirstMs = Math.round(opens[0] * 100) / 100;
    results.exampleOpenToDiagnosticsWarm = stats(opens.slice(1));
    results.exampleOpenDiagnosticsServerSide = stats(diagnosticsTimes(mark));
    results.exampleOpenDiagnosticsServerCpu = stats(serverCpu('diagnostics', mark));

    // 1 MB article.
    const big = bigArticle(size);
    const uri = 'file:///mem/big.txt';
    const [openMs] = await time(async () => {
      await client.open(uri, big, 1);
      await client.waitForDiagnostics(uri, 1);
    });
    results.bigArticleChars = big.length;
    results.bigOpenToDiagnosticsMs = Math.round(openMs);

    const a = analyze(big);
    const rand = rng(42);
    const targets = [...a.quotes, ...a.dates, ...a.actors, ...a.places];
    mark = client.traces.length;
    const hovers: number[] = [];
    for (let i = 0; i < 400; i++) {
      // Half on analysed items, half anywhere.
      const offset = i % 2 ? targets[Math.floor(rand() * targets.length)].start + 1 : Math.floor(rand() * big.length);
      const [ms] = await time(() => client.hover(uri, positionAt(big, offset)));
      hovers.push(ms);
    }
    results.bigHover = stats(hovers);
    results.bigHoverServerSide = stats(serverTimes('textDocument/hover', mark));
    results.bigHoverServerCpu = stats(serverCpu('textDocument/hover', mark));
    mark = client.traces.length;

    const symbols: number[] = [];
    const clientCpu: number[] = [];
    for (let i = 0; i < 100; i++) {
      const cpu = process.cpuUsage();
      const [ms] = await time(() => client.request('textDocument/documentSymbol', { textDocument: { uri } }));
      const used = process.cpuUsage(cpu);
      symbols.push(ms);
      clientCpu.push((used.user + used.system) / 1000);
    }
    results.bigDocumentSymbols = stats(symbols);
    // This process's CPU per round trip: reading and parsing the answer, what any
    // editor pays too (the server-side figures below exclude serialisation, which
    // happens after the handler returns).
    results.bigDocumentSymbolsClientCpu = stats(clientCpu);
    results.bigDocumentSymbolsServerSide = stats(serverTimes('textDocument/documentSymbol', mark));
    results.bigDocumentSymbolsServerCpu = stats(serverCpu('textDocument/documentSymbol', mark));
    const payload = JSON.stringify(await client.request('textDocument/documentSymbol', { textDocument: { uri } })).length;
    results.bigDocumentSymbolsPayloadBytes = payload;
    mark = client.traces.length;

    let text = big;
    const edits: number[] = [];
    for (let v = 2; v < 42; v++) {
      const at = Math.floor(rand() * text.length);
      const pos = positionAt(text, at);
      const ch = v % 3 ? 'x' : ' ';
      text = text.slice(0, at) + ch + text.slice(at);
      const [ms] = await time(async () => {
        await client.change(uri, v, [{ range: { start: pos, end: pos }, text: ch }]);
        await client.waitForDiagnostics(uri, v);
      });
      edits.push(ms);
    }
    results.bigEditToDiagnostics = stats(edits);
    results.bigEditDiagnosticsServerSide = stats(diagnosticsTimes(mark));
    results.bigEditDiagnosticsServerCpu = stats(serverCpu('diagnostics', mark));
    results.bigEditDiagnosticsAfterAnalysis = stats(afterAnalysis(mark, 1));
    results.bigEditDiagnosticsAfterAnalysisCpu = stats(afterAnalysis(mark, 2));

    // The outline as an editor first asks for it on a new version (right after that
    // version's diagnostics): built and serialised for that version, nothing cached.
    const firstSymbols: number[] = [];
    for (let v = 42; v < 62; v++) {
      const at = Math.floor(rand() * text.length);
      const pos = positionAt(text, at);
      text = text.slice(0, at) + 'x' + text.slice(at);
      await client.change(uri, v, [{ range: { start: pos, end: pos }, text: 'x' }]);
      await client.waitForDiagnostics(uri, v);
      const [ms] = await time(() => client.request('textDocument/documentSymbol', { textDocument: { uri } }));
      firstSymbols.push(ms);
    }
    results.bigDocumentSymbolsFirstAfterEdit = stats(firstSymbols);
    await client.connection.sendNotification('$/setTrace', { value: 'off' });
    // For comparison: the analysis core alone on the same edit, in this process.
    const cache = new AnalysisCache();
    analyze(text, {}, cache);
    const core: number[] = [];
    for (let i = 0; i < 10; i++) {
      const at = Math.floor(rand() * text.length);
      text = text.slice(0, at) + 'y' + text.slice(at);
      const [ms] = await time(async () => analyze(text, {}, cache));
      core.push(ms);
    }
    results.bigEditAnalysisCoreOnly = stats(core);
  } finally {
    await client.stop();
    ws.remove();
  }
  results.exampleOpenAtStart = await openAtStart(STARTS);
  if (json) console.log(JSON.stringify(results));
  else for (const [k, v] of Object.entries(results)) console.log(`${k.padEnd(34)} ${JSON.stringify(v)}`);
}

/** Fresh servers for the example opened at start. */
const STARTS = 7;

/**
 * The article that starts the server (VS Code opens it right behind `initialized`):
 * open → diagnostics on `n` fresh servers, each given the example at once, before
 * the warm-up had its turn (it gives way to the article).
 */
async function openAtStart(n: number): Promise<Stats> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const ws = makeWorkspace({ 'seeds/example.txt': EXAMPLE });
    const client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
    try {
      const uri = ws.uri('seeds/example.txt');
      const [ms] = await time(async () => {
        await client.open(uri, EXAMPLE, 1);
        await client.waitForDiagnostics(uri, 1);
      });
      times.push(ms);
    } finally {
      await client.stop();
      ws.remove();
    }
  }
  return stats(times);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

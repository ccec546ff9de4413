// The language server over the protocol: a long article in the editor (open,
// hover, outline, semantic tokens, typing) and a large workspace (indexing,
// workspace symbols, references, peak memory), through the protocol tests' client
// (test/lsp/client.ts), which spawns `node dist/server.js --stdio`.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LiveDocument } from '../../server/src/features/liveDocument';
import { analyze } from '../../server/src/analysis';
import { generateArticle, probeQuote } from './generate';
import { annotatedQuotesYaml } from './serverKeys';
import { int, mulberry32, pick } from './prng';
import { cpuSeconds, peakRssMb } from './proc';
import type { Plan } from './run';
import { LspClient, WARMED_UP } from '../lsp/client';
import { percentiles, round, summarize, type Percentiles, type Summary } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rejects when `p` has not settled within `ms` (the test client itself never times out). */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: nothing within ${Math.round(ms / 1000)} s`)), ms); })]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the server, killing it when it does not leave within 5 s. */
const stopped = new WeakSet<LspClient>();
async function stop(c: LspClient): Promise<void> {
  if (stopped.has(c)) return;
  stopped.add(c);
  try {
    await within(c.stop(), 5_000, 'shutdown');
  } catch {
    c.child.kill('SIGKILL');
  }
}

/**
 * Resolves with the arrival time of the first diagnostics for `uri` published
 * after index `since` for `version` or later (any, if the server sends no
 * version); null after `ms`.
 */
async function diagnosticsAt(c: LspClient, uri: string, version: number, since: number, ms: number): Promise<number | null> {
  const arrived = c.waitForDiagnostics(uri, (p) => p.version === undefined || p.version === null || p.version >= version, since)
    .then(() => performance.now());
  try {
    return await within(arrived, ms, 'diagnostics');
  } catch {
    if (!c.alive) throw new Error(`the server exited: ${c.logs.join('').slice(-500)}`);
    return null;
  }
}

/** Times sequential requests; returns the latencies in ms. */
async function timeRequests(n: number, send: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await send(i);
    out.push(performance.now() - t0);
  }
  return out;
}

const pct = (xs: number[]): Percentiles => {
  const p = percentiles(xs);
  return { p50: round(p.p50, 2), p99: round(p.p99, 2), max: round(p.max, 2), n: p.n };
};

export interface EditorResult {
  status: 'measured';
  articleLabel: string;
  articleBytes: number;
  sync: 'incremental' | 'full';
  openToDiagnostics: Summary;
  hover: Percentiles;
  /** Once the outline is built (after the first request). */
  documentSymbol: Percentiles;
  /** The first request after opening: builds the outline unless the server's idle time has. */
  documentSymbolFirstMs: number;
  semanticTokens: Percentiles | null;
  semanticTokensFirstMs: number | null;
  editToDiagnostics: Percentiles & { edits: number; timeouts: number; cadenceMs: number; kind: string };
  /** The same typing against a server with diagnosticsDelay 0 (full mode only). */
  editToDiagnosticsNoDebounce: (Percentiles & { timeouts: number }) | null;
  /** The same typing with ANNOTATED quotes of the article annotated in its sidecar (full mode only). */
  editToDiagnosticsAnnotated: (Percentiles & { timeouts: number; annotations: number }) | null;
  serverPeakRssMb: number | null;
  /** Diagnostics count of the last publish vs analyze() of the final text (settings may filter). */
  finalDiagnostics: { server: number | null; local: number };
  notes: string[];
}

/** Typing cadence: one key every 60 ms (~200 words a minute), a fast typist. */
const TYPING_MS = 60;
/** Soak edits come faster, to push the server's queueing. */
const SOAK_MS = 15;
const REQUEST_MS = 30_000;
/** Quotes annotated in the article of the annotated typing run. */
const ANNOTATED = 100;

/**
 * Typing: one character per key at a steady cadence into a paragraph in the
 * middle of the article (soak: random inserts and deletes anywhere). Keys land
 * on the cadence whatever the server is doing; each edit's latency runs until
 * diagnostics for its version (or a later one) arrive. The client keeps its copy of
 * the text as an editor does, in pieces (LiveDocument; VS Code's buffer is a piece
 * tree): a copy rebuilt per key (TextDocument.update, 2 MB for a 1 MB article) cost
 * this process ~7 ms a key on the two cores the server runs on, measured as latency.
 */
async function typeInto(c: LspClient, start0: LiveDocument, paragraphs: { start: number; end: number }[], p: Plan, incremental: boolean) {
  const uri = start0.uri;
  let doc = start0;
  const editRng = mulberry32(7);
  const mid = paragraphs[paragraphs.length >> 1] ?? { start: 0, end: 0 };
  let cursor = mid.end;
  const letters = 'the council said that the road would reopen on Monday ';
  const latencies: number[] = [];
  let timeouts = 0;
  const cadence = p.randomEdits ? SOAK_MS : TYPING_MS;
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < p.edits; i++) {
    const version = doc.version + 1;
    let range, newText: string;
    if (!p.randomEdits) {
      range = { start: doc.positionAt(cursor), end: doc.positionAt(cursor) };
      newText = letters[i % letters.length];
      cursor++;
    } else {
      const len = doc.size;
      const at = int(editRng, 0, len);
      if (editRng() < 0.6 || len < 100) {
        const chars = 'abc XYZ “”"\n.,:';
        newText = Array.from({ length: int(editRng, 1, 12) }, () => chars[int(editRng, 0, chars.length - 1)]).join('');
        range = { start: doc.positionAt(at), end: doc.positionAt(at) };
      } else {
        newText = '';
        range = { start: doc.positionAt(at), end: doc.positionAt(Math.min(len, at + int(editRng, 1, 40))) };
      }
    }
    doc.update([{ range, text: newText }], version);
    const change = incremental ? { range, text: newText } : { text: doc.getText() };
    const due = start + i * cadence;
    if (due > performance.now()) await sleep(due - performance.now());
    const since = c.diagnostics.length;
    const t0 = performance.now();
    await c.change(uri, version, [change]);
    pending.push(diagnosticsAt(c, uri, version, since, 15_000).then((at) => {
      if (at === null) timeouts++;
      else latencies.push(at - t0);
    }));
  }
  await Promise.all(pending);
  const notes: string[] = [];
  const mine = c.diagnostics.filter((d) => d.uri === uri);
  if (!mine.some((d) => typeof d.version === 'number')) notes.push('publishDiagnostics carries no version: latency runs to the next diagnostics after each edit');
  if (timeouts) notes.push(`${timeouts} edits got no fresh diagnostics within 15 s`);
  const last = mine[mine.length - 1];
  if (last && typeof last.version === 'number' && last.version !== doc.version) notes.push(`last diagnostics for version ${last.version}, document at ${doc.version}`);
  return { doc, latencies, timeouts, cadence, notes, lastCount: last?.diagnostics.length ?? null };
}

export async function benchEditor(p: Plan): Promise<EditorResult> {
  const dir = mkdtempSync(join(tmpdir(), 'seed-bench-lsp-'));
  const c = await LspClient.start(); // no workspace folder: only the article is analysed
  const req = <T>(method: string, params: unknown) => within(c.request<T>(method, params), REQUEST_MS, method);
  const notes: string[] = [];
  try {
    // The server as a user meets it a moment after it started: its start-up warm-up
    // (Project.warmUp) done. The article that starts a server is timed in test/lsp/perf.ts.
    await within(c.waitForLog(WARMED_UP), 60_000, 'the start-up warm-up');
    const text = generateArticle({ bytes: p.lspArticleBytes, seed: 4242 });
    const bytes = Buffer.byteLength(text);
    const caps = c.initializeResult.capabilities;
    const sync = caps.textDocumentSync;
    const incremental = (typeof sync === 'number' ? sync : sync?.change) === 2;

    // open → first diagnostics, each run on a new URI (a fresh cache in the server).
    const opens: number[] = [];
    let uri = '';
    mkdirSync(join(dir, 'seeds'), { recursive: true });
    for (let r = 0; r < (p.mode === 'quick' ? 2 : 5); r++) {
      if (uri) await c.close(uri);
      const path = join(dir, 'seeds', `article-${r}.txt`);
      writeFileSync(path, text);
      uri = pathToFileURL(path).href;
      const since = c.diagnostics.length;
      const t0 = performance.now();
      await c.open(uri, text, 1);
      const at = await diagnosticsAt(c, uri, 1, since, 60_000);
      if (at === null) throw new Error('no diagnostics within 60 s of opening the article');
      opens.push(at - t0);
    }
    const doc = new LiveDocument(uri, 'seed', 1, text);

    // Positions worth hovering: the middle of recognised spans, plus arbitrary offsets.
    const a = analyze(text);
    const spans = [...a.quotes, ...a.actors, ...a.places, ...a.dates];
    const rng = mulberry32(99);
    const hoverAt = () => doc.positionAt(spans.length && rng() < 0.7 ? (({ start, end }) => (start + end) >> 1)(pick(rng, spans)) : int(rng, 0, text.length - 1));
    const hover = () => req('textDocument/hover', { textDocument: { uri }, position: hoverAt() });
    await timeRequests(5, hover); // warm-up
    const hovers = await timeRequests(p.lspSamples, hover);
    // The first outline and tokens of a version are built on request (or in the server's
    // idle time): reported apart, then the answers once built, as for hover.
    const symbol = () => req('textDocument/documentSymbol', { textDocument: { uri } });
    const [symbolsFirst] = await timeRequests(1, symbol);
    const symbols = await timeRequests(Math.max(5, Math.round(p.lspSamples / 2)), symbol);
    let tokens: number[] | null = null;
    let tokensFirst: number | null = null;
    if (caps.semanticTokensProvider) {
      const token = () => req('textDocument/semanticTokens/full', { textDocument: { uri } });
      [tokensFirst] = await timeRequests(1, token);
      tokens = await timeRequests(Math.max(3, Math.round(p.lspSamples / 4)), token);
    } else notes.push('no semanticTokensProvider');

    const typing = await typeInto(c, doc, a.paragraphs, p, incremental);
    notes.push(...typing.notes);
    if (!c.alive) throw new Error(`the server died during the edits: ${c.logs.join('').slice(-300)}`);
    // After random edits (soak) the server must still answer on the final text,
    // and its diagnostics should match a local analysis of that text.
    await req('textDocument/documentSymbol', { textDocument: { uri } });
    const finalDiagnostics = { server: typing.lastCount, local: analyze(typing.doc.getText()).diagnostics.length };
    const serverPeakRssMb = round(peakRssMb(c.child.pid!) ?? NaN, 1);
    await stop(c);

    /**
     * The same typing on a server of its own, started afresh and warmed up, into `at`:
     * its latencies, and the diagnostics it published for the opened article.
     */
    const typeOnNewServer = async (at: string, options: Parameters<typeof LspClient.start>[0]) => {
      const c1 = await LspClient.start(options);
      try {
        await within(c1.waitForLog(WARMED_UP), 60_000, 'the start-up warm-up');
        const since = c1.diagnostics.length;
        await c1.open(at, text, 1);
        const opened = await within(c1.waitForDiagnostics(at, (d) => d.version === undefined || d.version === null || d.version >= 1, since), 60_000, `diagnostics of ${at}`);
        const t = await typeInto(c1, new LiveDocument(at, 'seed', 1, text), a.paragraphs, p, incremental);
        return { opened, typed: { ...pct(t.latencies.length ? t.latencies : [NaN]), timeouts: t.timeouts } };
      } finally {
        await stop(c1);
      }
    };
    // Without the server's debounce (which the user does wait for): what the analysis and the protocol cost.
    const noDebounce = p.randomEdits ? null : (await typeOnNewServer(uri, { initializationOptions: { diagnosticsDelay: 0 } })).typed;
    // In the article annotated: ANNOTATED of its quotes in a sidecar beside it.
    let annotated: EditorResult['editToDiagnosticsAnnotated'] = null;
    if (!p.randomEdits && p.mode === 'full') {
      const path = join(dir, 'seeds', 'annotated.txt');
      writeFileSync(path, text);
      writeFileSync(`${path}.ann.yaml`, annotatedQuotesYaml('annotated.txt', a.quotes, ANNOTATED));
      const { opened, typed } = await typeOnNewServer(pathToFileURL(path).href, {});
      const unattributed = opened.diagnostics.filter((d) => d.code === 'unattributed-quote').length;
      const machine = a.diagnostics.filter((d) => d.code === 'unattributed-quote').length;
      if (unattributed >= machine) notes.push(`the annotated article's sidecar changed nothing (${unattributed} unattributed quotes)`);
      annotated = { ...typed, annotations: ANNOTATED };
    }

    return {
      status: 'measured',
      articleLabel: `${round(bytes / 1e6, 2)} MB article, ${a.paragraphs.length} paragraphs`,
      articleBytes: bytes,
      sync: incremental ? 'incremental' : 'full',
      openToDiagnostics: summarize(opens.map((x) => round(x, 1))),
      hover: pct(hovers),
      documentSymbol: pct(symbols),
      documentSymbolFirstMs: round(symbolsFirst, 2),
      semanticTokens: tokens ? pct(tokens) : null,
      semanticTokensFirstMs: tokensFirst === null ? null : round(tokensFirst, 2),
      editToDiagnostics: { ...pct(typing.latencies.length ? typing.latencies : [NaN]), edits: p.edits, timeouts: typing.timeouts, cadenceMs: typing.cadence, kind: p.randomEdits ? 'random inserts/deletes' : 'typing one character' },
      editToDiagnosticsNoDebounce: noDebounce,
      editToDiagnosticsAnnotated: annotated,
      serverPeakRssMb,
      finalDiagnostics,
      notes,
    };
  } finally {
    await stop(c);
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WorkspaceResult {
  files: number;
  status: 'measured' | 'failed';
  note?: string;
  /** From spawning the server to the first workspace/symbol answer that finds every probe file. */
  firstCompleteSeconds?: number;
  /** CPU seconds the server had used by then (start-up included): what a busy machine disturbs least. */
  indexCpuSeconds?: number | null;
  /** Whether the very first answer was already complete (the server waits for its index). */
  firstAnswerComplete?: boolean;
  symbols?: number;
  workspaceSymbolAfterIndex?: Percentiles;
  references?: Percentiles & { locations: number };
  peakRssMb?: number | null;
}

interface SymbolInformation { name: string; location: { uri: string } }

/** Indexes a generated corpus: time to a complete workspace/symbol answer and peak RSS. */
export async function benchWorkspace(dir: string, files: number, timeoutMs = 300_000): Promise<WorkspaceResult> {
  const rng = mulberry32(files);
  const probes = [...new Set([0, files - 1, files >> 1, ...Array.from({ length: 5 }, () => int(rng, 0, files - 1))])];
  const t0 = performance.now();
  const c = await LspClient.start({ folder: dir });
  const req = <T>(method: string, params: unknown, ms = REQUEST_MS) => within(c.request<T>(method, params), ms, method);
  try {
    let firstAnswerComplete: boolean | null = null;
    let complete = false;
    let answers = 0;
    while (!complete) {
      const left = timeoutMs - (performance.now() - t0);
      if (left <= 0) throw new Error(`index incomplete after ${timeoutMs / 1000} s (${answers} answers)`);
      complete = true;
      for (const id of probes) {
        const want = probeQuote(id);
        const res = await req<SymbolInformation[] | null>('workspace/symbol', { query: want }, left);
        answers++;
        if (!res?.some((x) => x.name.includes(want))) { complete = false; break; }
      }
      firstAnswerComplete ??= complete;
      if (!complete) await sleep(100);
    }
    const firstCompleteSeconds = (performance.now() - t0) / 1000;
    const indexCpuSeconds = cpuSeconds(c.child.pid!);
    const all = await req<SymbolInformation[] | null>('workspace/symbol', { query: '' });
    const queries = ['azer', 'Baku', 'minister', 'road', 'talks'];
    const after = await timeRequests(10, (i) => req('workspace/symbol', { query: queries[i % queries.length] }));

    // References of a place named in the first file, across the whole workspace.
    const first = join(dir, 'seeds', '000', 'article-00000.txt');
    const text = readFileSync(first, 'utf8');
    const uri = pathToFileURL(first).href;
    await c.open(uri, text, 1);
    const a = analyze(text);
    const target = a.places[0] ?? a.actors[0];
    let references: WorkspaceResult['references'];
    if (target) {
      const position = TextDocument.create(uri, 'seed', 1, text).positionAt(target.start);
      let locations = 0;
      const times = await timeRequests(5, async () => {
        const r = await req<unknown[] | null>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } });
        locations = r?.length ?? 0;
      });
      references = { ...pct(times), locations };
    }
    return {
      files, status: 'measured',
      firstCompleteSeconds: round(firstCompleteSeconds, 2),
      indexCpuSeconds: indexCpuSeconds === null ? null : round(indexCpuSeconds, 2),
      firstAnswerComplete: firstAnswerComplete ?? false,
      symbols: all?.length ?? 0,
      workspaceSymbolAfterIndex: pct(after),
      references,
      peakRssMb: round(peakRssMb(c.child.pid!) ?? NaN, 1),
      ...(target ? {} : { note: 'no place or actor in the first file: references not measured' }),
    };
  } catch (e) {
    return { files, status: 'failed', note: (e as Error).message, peakRssMb: c.alive ? round(peakRssMb(c.child.pid!) ?? NaN, 1) : null };
  } finally {
    await stop(c);
  }
}

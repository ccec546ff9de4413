// The language server over the protocol: a long article in the editor (open,
// hover, outline, semantic tokens, typing) and a large workspace (indexing,
// workspace symbols, references, peak memory).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis';
import { generateArticle, probeQuote } from './generate';
import { int, mulberry32, pick } from './prng';
import { peakRssMb } from './proc';
import type { Plan } from './run';
import { Session } from './session';
import { percentiles, round, summarize, type Percentiles, type Summary } from './stats';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
  documentSymbol: Percentiles;
  semanticTokens: Percentiles | null;
  editToDiagnostics: Percentiles & { edits: number; timeouts: number; cadenceMs: number; kind: string };
  serverPeakRssMb: number | null;
  notes: string[];
}

/** Typing cadence: one key every 60 ms (~200 words a minute), a fast typist. */
const TYPING_MS = 60;
/** Soak edits come faster, to push the server's queueing. */
const SOAK_MS = 15;

export async function benchEditor(p: Plan): Promise<EditorResult> {
  const dir = mkdtempSync(join(tmpdir(), 'seed-bench-lsp-'));
  const s = await Session.start(null);
  const notes: string[] = [];
  try {
    const text = generateArticle({ bytes: p.lspArticleBytes, seed: 4242 });
    const bytes = Buffer.byteLength(text);
    const sync = s.capabilities.textDocumentSync;
    const changeKind = typeof sync === 'number' ? sync : sync?.change;
    const incremental = changeKind === 2;

    // open → first diagnostics, each run on a new URI (a fresh cache in the server).
    const opens: number[] = [];
    const openRuns = p.mode === 'quick' ? 2 : 5;
    let uri = '';
    for (let r = 0; r < openRuns; r++) {
      if (uri) s.notify('textDocument/didClose', { textDocument: { uri } });
      const path = join(dir, 'seeds', `article-${r}.txt`);
      mkdirSync(join(dir, 'seeds'), { recursive: true });
      writeFileSync(path, text);
      uri = pathToFileURL(path).href;
      const t0 = performance.now();
      s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
      const ev = await s.waitDiagnostics(uri, t0, 1, 60_000);
      if (!ev) throw new Error('no diagnostics within 60 s of opening the article');
      opens.push(ev.at - t0);
    }
    let doc = TextDocument.create(uri, 'seed', 1, text);

    // Positions worth hovering: the middle of recognised spans, plus arbitrary offsets.
    const a = analyze(text);
    const spans = [...a.quotes, ...a.actors, ...a.places, ...a.dates];
    const rng = mulberry32(99);
    const hoverAt = () => doc.positionAt(spans.length && rng() < 0.7 ? (({ start, end }) => (start + end) >> 1)(pick(rng, spans)) : int(rng, 0, text.length - 1));
    const hover = () => s.request('textDocument/hover', { textDocument: { uri }, position: hoverAt() }, 10_000);
    await timeRequests(5, hover); // warm-up
    const hovers = await timeRequests(p.lspSamples, hover);
    const symbolsRuns = Math.max(5, Math.round(p.lspSamples / 10));
    const symbols = await timeRequests(symbolsRuns, () => s.request('textDocument/documentSymbol', { textDocument: { uri } }));
    let tokens: number[] | null = null;
    if (s.capabilities.semanticTokensProvider) {
      tokens = await timeRequests(Math.max(3, Math.round(p.lspSamples / 20)), () => s.request('textDocument/semanticTokens/full', { textDocument: { uri } }));
    } else notes.push('no semanticTokensProvider');

    // Typing: one character per key at a steady cadence into a paragraph in the
    // middle of the article (soak: random inserts and deletes anywhere). Each
    // edit's latency runs until diagnostics for its version (or a later one).
    const editRng = mulberry32(7);
    const mid = a.paragraphs[a.paragraphs.length >> 1] ?? { start: 0, end: 0 };
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
        const len = doc.getText().length;
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
      doc = TextDocument.update(doc, [{ range, text: newText }], version);
      const change = incremental ? { range, text: newText } : { text: doc.getText() };
      // Keys land on the cadence, whatever the server is doing.
      const due = start + i * cadence;
      if (due > performance.now()) await sleep(due - performance.now());
      const t0 = performance.now();
      s.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      pending.push(s.waitDiagnostics(uri, t0, version, 15_000).then((ev) => {
        if (ev) latencies.push(ev.at - t0);
        else timeouts++;
      }));
    }
    await Promise.all(pending);
    const versioned = (s.diagnostics.get(uri) ?? []).some((e) => e.version !== null);
    if (!versioned) notes.push('publishDiagnostics carries no version: latency runs to the next diagnostics after each edit');
    if (timeouts) notes.push(`${timeouts} edits got no fresh diagnostics within 15 s`);
    if (!s.alive) throw new Error(`the server died during the edits: ${s.stderr.slice(-300)}`);
    // The server's view must still be the client's: the outline of the final text answers.
    await s.request('textDocument/documentSymbol', { textDocument: { uri } });

    return {
      status: 'measured',
      articleLabel: `${round(bytes / 1e6, 2)} MB article, ${a.paragraphs.length} paragraphs`,
      articleBytes: bytes,
      sync: incremental ? 'incremental' : 'full',
      openToDiagnostics: summarize(opens.map((x) => round(x, 1))),
      hover: pct(hovers),
      documentSymbol: pct(symbols),
      semanticTokens: tokens ? pct(tokens) : null,
      editToDiagnostics: { ...pct(latencies.length ? latencies : [NaN]), edits: p.edits, timeouts, cadenceMs: cadence, kind: p.randomEdits ? 'random inserts/deletes' : 'typing one character' },
      serverPeakRssMb: round(peakRssMb(s.pid) ?? NaN, 1),
      notes,
    };
  } finally {
    await s.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface WorkspaceResult {
  files: number;
  status: 'measured' | 'failed';
  note?: string;
  /** From `initialized` to the first workspace/symbol answer that finds every probe file. */
  firstCompleteSeconds?: number;
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
  const s = await Session.start(dir);
  const t0 = performance.now(); // `initialized` was sent by start()
  try {
    let firstAnswerComplete: boolean | null = null;
    let complete = false;
    let answers = 0;
    while (!complete) {
      if (performance.now() - t0 > timeoutMs) throw new Error(`index incomplete after ${timeoutMs / 1000} s (${answers} answers)`);
      complete = true;
      for (const id of probes) {
        const want = probeQuote(id);
        const res = await s.request<SymbolInformation[] | null>('workspace/symbol', { query: want }, timeoutMs);
        answers++;
        if (!res?.some((x) => x.name.includes(want))) { complete = false; break; }
      }
      firstAnswerComplete ??= complete;
      if (!complete) await sleep(100);
    }
    const firstCompleteSeconds = (performance.now() - t0) / 1000;
    const all = await s.request<SymbolInformation[] | null>('workspace/symbol', { query: '' });
    const queries = ['azer', 'Baku', 'minister', 'road', 'talks'];
    const after = await timeRequests(10, (i) => s.request('workspace/symbol', { query: queries[i % queries.length] }));

    // References of a place named in the first file, across the whole workspace.
    const first = join(dir, 'seeds', '000', 'article-00000.txt');
    const text = readFileSync(first, 'utf8');
    const uri = pathToFileURL(first).href;
    s.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    const a = analyze(text);
    const target = a.places[0] ?? a.actors[0];
    let references: WorkspaceResult['references'];
    if (target) {
      const position = TextDocument.create(uri, 'seed', 1, text).positionAt(target.start);
      let locations = 0;
      const times = await timeRequests(5, async () => {
        const r = await s.request<unknown[] | null>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }, timeoutMs);
        locations = r?.length ?? 0;
      });
      references = { ...pct(times), locations };
    }
    return {
      files, status: 'measured',
      firstCompleteSeconds: round(firstCompleteSeconds, 2),
      firstAnswerComplete: firstAnswerComplete ?? false,
      symbols: all?.length ?? 0,
      workspaceSymbolAfterIndex: pct(after),
      references,
      peakRssMb: round(peakRssMb(s.pid) ?? NaN, 1),
      ...(target ? {} : { note: 'no place or actor in the first file: references not measured' }),
    };
  } catch (e) {
    return { files, status: 'failed', note: (e as Error).message, peakRssMb: s.alive ? round(peakRssMb(s.pid) ?? NaN, 1) : null };
  } finally {
    await s.stop();
  }
}

// `npm run bench`: how fast, how big, against a peer, how it grows.
//
//   node --expose-gc -r ./scripts/register-ts.cjs test/bench/run.ts [--quick|--soak] [--out FILE] [--only a,b]
//
// Sections: analysis, peer, lsp, workspace, cli, extension. Every figure is the
// median of several runs with its spread; the JSON goes to --out (default
// test/bench/results/latest.json for a full run) and a table to stdout.
// --quick is the smoke run of test/unit/bench.test.ts (seconds); --soak runs
// longer (more edits over the protocol, more files) for robustness checks.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { articlesFor, benchAnalysis, SIZES } from './analysis';
import { benchCli } from './cli';
import { extensionFigures } from './extension';
import { writeCorpus } from './generate';
import { machine } from './machine';
import { benchPeer } from './peer';
import { round } from './stats';
import { evaluateTargets, formatReport } from './report';

export type Mode = 'quick' | 'full' | 'soak';

/** The longest the bench waits for a workspace to be indexed. */
const WORKSPACE_TIMEOUT_MS = 180_000;

export interface Plan {
  mode: Mode;
  sizes: typeof SIZES;
  analysisRuns: (bytes: number) => number;
  peerMaxBytes: number;
  peerRuns: (bytes: number) => number;
  lspArticleBytes: number;
  lspSamples: number;
  edits: number;
  /** Soak edits are random inserts/deletes anywhere; typing edits append one character. */
  randomEdits: boolean;
  workspaceFiles: number[];
  cliFiles: number;
  cliRuns: number;
}

export function plan(mode: Mode): Plan {
  if (mode === 'quick') {
    return {
      mode, sizes: SIZES.slice(0, 2), analysisRuns: () => 3, peerMaxBytes: 20_000, peerRuns: () => 1,
      lspArticleBytes: 20_000, lspSamples: 20, edits: 10, randomEdits: false,
      workspaceFiles: [20], cliFiles: 20, cliRuns: 1,
    };
  }
  const soak = mode === 'soak';
  return {
    mode, sizes: SIZES,
    analysisRuns: (b) => (b >= 5_000_000 ? 5 : 7),
    // compromise runs at ~50 KB/s here: 10 MB would take minutes per run.
    peerMaxBytes: 2_000_000, peerRuns: (b) => (b >= 500_000 ? 3 : 5),
    lspArticleBytes: 1_000_000, lspSamples: soak ? 1000 : 200, edits: soak ? 2000 : 200, randomEdits: soak,
    workspaceFiles: soak ? [1_000, 10_000, 20_000] : [1_000, 10_000], cliFiles: soak ? 20_000 : 10_000, cliRuns: soak ? 1 : 3,
  };
}

function parseArgs(argv: string[]): { mode: Mode; out: string | null; only: Set<string> | null } {
  let mode: Mode = 'full';
  let out: string | null = null;
  let only: Set<string> | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') mode = 'quick';
    else if (a === '--soak') mode = 'soak';
    else if (a === '--out') out = argv[++i] ?? null;
    else if (a === '--only') only = new Set((argv[++i] ?? '').split(',').filter(Boolean));
    else throw new Error(`unknown argument ${a} (use --quick, --soak, --out FILE, --only analysis,peer,lsp,workspace,cli,extension)`);
  }
  return { mode, out, only };
}

const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** Runs one section; a failure is recorded in the results, never fatal for the others. */
async function section<T>(name: string, only: Set<string> | null, fn: () => Promise<T> | T): Promise<T | { status: string; note: string }> {
  if (only && !only.has(name)) return { status: 'skipped', note: 'not selected (--only)' };
  log(`${name}…`);
  const t0 = performance.now();
  try {
    const r = await fn();
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  } catch (e) {
    log(`${name} FAILED: ${(e as Error).stack ?? e}`);
    return { status: 'error', note: String((e as Error).message ?? e).split('\n')[0] };
  }
}

export async function runBench(argv: string[]): Promise<object> {
  const { mode, out, only } = parseArgs(argv);
  const p = plan(mode);
  const started = new Date();
  const before = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'seed-bench-'));
  const file = out ?? (mode === 'quick' ? join(tmpdir(), 'seed-bench-quick.json') : join(__dirname, 'results', mode === 'soak' ? 'soak.json' : 'latest.json'));
  const pending = { status: 'pending', note: 'the run stopped before this section' };
  const results: Record<string, unknown> = {
    bench: 'seed-annotator', mode, command: `npm run bench${mode === 'full' ? '' : ` -- --${mode}`}`,
    started: started.toISOString(), seconds: 0, machine: before,
    analysis: pending, peer: pending, lsp: pending, workspace: pending, cli: pending, extension: pending,
  };
  // Written after every section, so a run cut short still leaves what it measured.
  const save = () => {
    results.seconds = round((Date.now() - started.getTime()) / 1000, 1);
    results.machine = { ...before, loadAverage1mAfter: machine().loadAverage1m };
    results.targets = evaluateTargets(results);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
  };
  const run = async (name: string, fn: () => unknown) => {
    results[name] = await section(name, only, fn);
    save();
  };
  try {
    const articles = articlesFor(p.sizes);
    await run('analysis', () => benchAnalysis(articles, p.analysisRuns));
    await run('peer', () => benchPeer(articles, p.peerRuns, p.peerMaxBytes));

    // The protocol sections need the language server's test client (test/lsp/client.ts).
    const lspModule = (): typeof import('./lsp') => require('./lsp');
    await run('lsp', () => lspModule().benchEditor(p));
    const corpora = new Map<number, string>();
    const corpus = (files: number): string => {
      let dir = corpora.get(files);
      if (!dir) {
        dir = join(tmp, `corpus-${files}`);
        const t0 = performance.now();
        const { bytes } = writeCorpus(dir, { files });
        log(`generated ${files} files (${round(bytes / 1e6, 1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        corpora.set(files, dir);
      }
      return dir;
    };
    await run('workspace', async () => {
      const rows: { status: string; note?: string }[] = [];
      // A larger workspace gets the time the previous one projects (linear), within limits.
      let perFile = 0;
      for (const files of p.workspaceFiles) {
        const timeoutMs = perFile ? Math.min(WORKSPACE_TIMEOUT_MS, Math.max(60_000, 3 * perFile * files)) : WORKSPACE_TIMEOUT_MS;
        const row = await lspModule().benchWorkspace(corpus(files), files, timeoutMs);
        if (row.status === 'measured' && row.firstCompleteSeconds) perFile = (row.firstCompleteSeconds * 1000) / files;
        else if (perFile) row.note = `${row.note}; the previous run projects ~${Math.round((perFile * files) / 1000)} s`;
        rows.push(row);
      }
      return rows;
    });
    await run('cli', () => {
      const dir = corpus(p.cliFiles);
      return benchCli(dir, p.cliFiles, join(dir, 'seeds', '000', 'article-00000.txt'), p.cliRuns);
    });
    await run('extension', () => extensionFigures());
    save();
    process.stdout.write(formatReport(results) + `\nresults: ${file}\n`);
    return results;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runBench(process.argv.slice(2)).then(
    () => { process.exitCode = 0; },
    (e) => { process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`); process.exitCode = 1; },
  );
}

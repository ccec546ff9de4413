// The workspace index keeps compact digests of the files that are not open
// (server/src/workspace/digest.ts), analysed on worker threads. These tests hold it
// to what the server answered when it kept every file's whole analysis: the same
// references, workspace symbols and hover counts, computed here in-process from
// `analyze` (with the sidecars and the gazetteer they teach) and TextDocument
// positions, after files change, go and come back, and sidecars change.
import * as assert from 'assert';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, stripBom, type Analysis, type Entity } from '../../server/src/analysis';
import { openingWords as outlineWords, speakerLabel as outlineLabel } from '../../server/src/features/symbols';
import { serializeSidecar, targetAt, type Annotation } from '../../server/src/sidecar';
import { applySidecar, gazetteerFromSidecars, parseSidecar } from '../../server/src/workspace/annotations';
import { buildDigest, firstMentionLocation, mentionLocations, nameIndex, quoteLocation, quoteName, quoteSpeaker } from '../../server/src/workspace/digest';
import { MAX_INDEXED_BYTES, SIDECAR_SUFFIX, WorkspaceFolders } from '../../server/src/workspace/files';
import { readSeedText } from '../../server/src/workspace/indexJob';
import { IndexPool } from '../../server/src/workspace/indexPool';
import { Project } from '../../server/src/workspace/project';
import { openingWords, speakerLabel } from '../../server/src/workspace/quoteLabels';
import { entityFacts } from '../../server/src/workspace/stats';
import { writeCorpus } from '../bench/generate';
import { ensureBuilt, LspClient, makeWorkspace, ROOT } from './client';
import { EXAMPLE, HARBOUR, LONELY, PORTO } from './fixtures';

const SEEDS = path.join(ROOT, 'seeds');
const WORKER = path.join(ROOT, 'dist/indexWorker.js');

// ---- the old answers, computed in-process ------------------------------------

interface Analysed {
  uri: string;
  doc: TextDocument;
  base: number;
  analysis: Analysis;
}

/**
 * Every seed file under `dir` analysed as the server does (sidecar applied, annotated
 * names taught to all), with the text of `open` documents instead of their disk copy.
 */
function analyseAll(dir: string, open: Record<string, string> = {}): Analysed[] {
  const seeds: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.txt') && !p.endsWith(SIDECAR_SUFFIX)) seeds.push(p);
    }
  };
  walk(dir);
  const sidecarOf = (p: string) => {
    try {
      return parseSidecar(p + SIDECAR_SUFFIX, readFileSync(p + SIDECAR_SUFFIX, 'utf8'));
    } catch {
      return undefined;
    }
  };
  const sidecars = seeds.map(sidecarOf);
  const gazetteer = gazetteerFromSidecars(sidecars.filter((s) => !!s));
  return seeds.map((p, i) => {
    const uri = pathToFileURL(p).href;
    const raw = open[uri] ?? readFileSync(p, 'utf8');
    const text = stripBom(raw);
    return {
      uri, doc: TextDocument.create(uri, 'seed', 0, raw), base: raw.length - text.length,
      analysis: applySidecar(text, analyze(text, { gazetteer }), sidecars[i]),
    };
  });
}

function location(f: Analysed, span: { start: number; end: number }): Location {
  return { uri: f.uri, range: { start: f.doc.positionAt(span.start + f.base), end: f.doc.positionAt(span.end + f.base) } };
}

function oldReferences(all: Analysed[], name: string): Location[] {
  return all.flatMap((f) => {
    const facts = entityFacts(f.analysis).get(name);
    return facts ? [...facts.mentions.map((m) => location(f, m)), ...facts.quotes.map((q) => location(f, q))] : [];
  });
}

function oldSymbols(all: Analysed[]): SymbolInformation[] {
  return all.flatMap((f) => {
    const container = f.analysis.header?.title ?? f.uri.split('/').pop()!;
    const names = [...entityFacts(f.analysis).values()].filter((x) => x.mentions.length).map((x): SymbolInformation => ({
      name: x.name, kind: x.kinds.has('actor') ? 5 : 3, containerName: container, location: location(f, x.mentions[0]),
    }));
    const quotes = f.analysis.quotes.map((q): SymbolInformation => ({
      name: outlineWords(q.text), kind: 15, containerName: `${outlineLabel(q)} — ${container}`, location: location(f, q),
    }));
    return [...names, ...quotes];
  });
}

function oldCounts(all: Analysed[], name: string): { mentions: number; quotes: number; files: number } {
  let mentions = 0;
  let quotes = 0;
  let files = 0;
  for (const f of all) {
    const facts = entityFacts(f.analysis).get(name);
    if (!facts) continue;
    mentions += facts.mentions.length;
    quotes += facts.quotes.length;
    if (facts.mentions.length || facts.quotes.length) files++;
  }
  return { mentions, quotes, files };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The workspace part of an entity hover, as the old counts make it. */
function countsText(all: Analysed[], name: string): string[] {
  const c = oldCounts(all, name);
  return [
    `${plural(c.mentions, 'mention')} in ${plural(c.files, 'seed file')} of the workspace`,
    ...(c.quotes ? [`· ${c.quotes} in the workspace`] : []),
  ];
}

/** Order-free comparison: clients sort and filter these lists themselves. */
const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

function sidecarText(source: string, annotations: Annotation[]): string {
  return serializeSidecar({ version: 1, source, annotations });
}

// ---- digests ------------------------------------------------------------------

describe('workspace digests', () => {
  it('give the positions TextDocument gives, with a BOM, CRLF, lone CR, and offsets inside a line break or past the end', () => {
    const texts = [
      '\uFEFFdate 2024-01-02 T\r\n\r\nParis and Rome.\r\nBerlin\r\n',
      'date 2024-01-02 T\r\rParis\rRome\r\n\nBerlin',
      'no header\nParis\n\n\nRome',
    ];
    for (const raw of texts) {
      const text = stripBom(raw);
      const base = raw.length - text.length;
      // Spans at every offset (inside \r\n too) and one past the end of the text.
      const places: Entity[] = [];
      for (let o = 0; o <= text.length; o++) places.push({ kind: 'place', text: 'x', name: `n${o}`, start: o, end: Math.min(o + 3, text.length + 2) });
      const analysis: Analysis = { ...analyze(''), places, actors: [], quotes: [] };
      const d = buildDigest({ uri: 'file:///t', path: '/t', raw, base, analysis });
      const doc = TextDocument.create('file:///t', 'seed', 0, raw);
      for (const e of places) {
        const i = nameIndex(d, e.name);
        assert.deepStrictEqual(mentionLocations(d, i), [{ uri: 'file:///t', range: { start: doc.positionAt(e.start + base), end: doc.positionAt(e.end + base) } }], JSON.stringify({ raw, e }));
      }
    }
  });

  it('hold every name, mention and quote of the seed articles where the analysis has them', () => {
    const articles = readdirSync(SEEDS).map((name) => readFileSync(path.join(SEEDS, name), 'utf8'));
    // Also one article too long for 16-bit offsets (its digest then stores 32-bit numbers).
    const all = [articles[0], ...articles.slice(1).map((t) => t.replace(/^date .*\n/, ''))].join('\n\n');
    const long = Array.from({ length: Math.ceil(0x11000 / all.length) }, () => all).join('\n\n');
    assert.ok(long.length > 0x10000, `only ${long.length} characters in the long article`);
    const widths = new Set<number>();
    for (const raw of [...articles, long]) {
      const a = analyze(raw);
      const f: Analysed = { uri: 'file:///s', doc: TextDocument.create('file:///s', 'seed', 0, raw), base: 0, analysis: a };
      const d = buildDigest({ uri: 'file:///s', path: '/s', raw, base: 0, analysis: a });
      widths.add(d.data.BYTES_PER_ELEMENT);
      const facts = [...entityFacts(a).values()];
      assert.deepStrictEqual(d.names, facts.map((x) => x.name));
      facts.forEach((x, i) => {
        assert.deepStrictEqual(mentionLocations(d, i), x.mentions.map((m) => location(f, m)));
        if (x.mentions.length) assert.deepStrictEqual(firstMentionLocation(d, i), location(f, x.mentions[0]));
      });
      a.quotes.forEach((q, i) => {
        assert.deepStrictEqual(quoteLocation(d, i), location(f, q));
        assert.strictEqual(quoteName(d, i), outlineWords(q.text));
        assert.strictEqual(d.quoteLabels[i], outlineLabel(q));
        assert.strictEqual(quoteSpeaker(d, i), q.speaker?.name ?? null);
      });
    }
    assert.deepStrictEqual([...widths].sort(), [2, 4], 'articles get 16-bit digests, the long one 32-bit');
  });
});

// ---- the index in-process: worker threads and the main-thread fallback ----------

describe('index reads', () => {
  it('refuse and accept exactly the files readInside does (its fast path included)', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'seed-read-'));
    try {
      const root = path.join(tmp, 'root');
      const outside = path.join(tmp, 'outside');
      mkdirSync(path.join(root, 'dir.txt'), { recursive: true });
      mkdirSync(outside);
      writeFileSync(path.join(root, 'a.txt'), HARBOUR);
      writeFileSync(path.join(root, 'bom.txt'), `\uFEFF${PORTO}`);
      writeFileSync(path.join(root, 'bin.txt'), Buffer.from([100, 97, 116, 0, 101]));
      writeFileSync(path.join(root, 'big.txt'), Buffer.alloc(MAX_INDEXED_BYTES + 1, 97));
      writeFileSync(path.join(outside, 'secret.txt'), LONELY);
      symlinkSync(path.join(root, 'a.txt'), path.join(root, 'link-in.txt'));
      symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link-out.txt'));
      symlinkSync(root, path.join(tmp, 'root-link'));
      const names = ['a.txt', 'bom.txt', 'bin.txt', 'big.txt', 'dir.txt', 'link-in.txt', 'link-out.txt', 'missing.txt', '../outside/secret.txt'];
      let read = 0;
      for (const r of [root, path.join(tmp, 'root-link')]) {
        const folders = new WorkspaceFolders();
        folders.set([r]);
        for (const name of names) {
          const p = path.resolve(r, name);
          const want = await folders.readInside(p);
          assert.strictEqual(await readSeedText(folders, p), want, p);
          if (want !== null) read++;
        }
      }
      assert.strictEqual(read, 6, 'a, bom and link-in are read, from both roots');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('forget a removed folder, its symlink-resolved path included', () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'seed-read-'));
    try {
      const root = path.join(tmp, 'root');
      mkdirSync(root);
      symlinkSync(root, path.join(tmp, 'root-link'));
      const folders = new WorkspaceFolders();
      folders.set([path.join(tmp, 'root-link')]);
      const inside = path.join(realpathSync.native(root), 'a.txt');
      assert.ok(folders.containsResolved(inside));
      folders.remove(path.join(tmp, 'root-link'));
      assert.ok(!folders.containsResolved(inside), 'a removed folder still counted as inside');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('read files through a symlinked folder without the slow path, and still refuse links leading out', async () => {
    const tmp = mkdtempSync(path.join(tmpdir(), 'seed-read-'));
    try {
      const root = path.join(tmp, 'root');
      mkdirSync(root);
      mkdirSync(path.join(tmp, 'outside'));
      writeFileSync(path.join(root, 'a.txt'), HARBOUR);
      writeFileSync(path.join(tmp, 'outside', 'secret.txt'), LONELY);
      symlinkSync(path.join(root, 'a.txt'), path.join(root, 'link-in.txt'));
      symlinkSync(path.join(tmp, 'outside', 'secret.txt'), path.join(root, 'link-out.txt'));
      symlinkSync(root, path.join(tmp, 'root-link'));
      // Counts the reads that fall back to readInside (async, and a realpath of every root each time).
      class Counting extends WorkspaceFolders {
        slow = 0;
        override readInside(p: string): Promise<string | null> {
          this.slow++;
          return super.readInside(p);
        }
      }
      const folders = new Counting();
      folders.set([path.join(tmp, 'root-link')]);
      const at = (name: string) => path.join(tmp, 'root-link', name);
      assert.strictEqual(await readSeedText(folders, at('a.txt')), HARBOUR);
      assert.strictEqual(await readSeedText(folders, at('link-in.txt')), HARBOUR);
      assert.strictEqual(folders.slow, 0, 'files inside a symlinked folder are read on the fast path');
      assert.strictEqual(await readSeedText(folders, at('link-out.txt')), null);
      assert.strictEqual(folders.slow, 1, 'a link leading out is left to readInside');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('workspace index (in-process)', function () {
  this.timeout(60_000);
  const quiet = { getConfiguration: () => undefined, log: (_: string) => {}, error: (_: string) => {}, diagnosticsDue: () => {}, closed: () => {} };

  before(() => ensureBuilt());

  async function digestsWith(pool: IndexPool, dir: string, host = quiet) {
    const project = new Project(host, pool);
    project.setFolders([dir]);
    try {
      return (await project.all()).map((d) => ({ ...d, data: [...d.data] })).sort((a, b) => a.uri.localeCompare(b.uri));
    } finally {
      project.dispose();
    }
  }

  it('worker threads and the main thread build the same digests', async () => {
    const onWorkers = await digestsWith(new IndexPool(() => {}, 2, WORKER), SEEDS);
    const inline = await digestsWith(new IndexPool(() => {}, 0), SEEDS);
    assert.strictEqual(onWorkers.length, readdirSync(SEEDS).length);
    assert.deepStrictEqual(onWorkers, inline);
  });

  it('stops its workers after indexing the workspace and when idle, and starts them again for the next change', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-idle-'));
    writeFileSync(path.join(dir, 'a.seed'), HARBOUR);
    const logs: string[] = [];
    const pool = new IndexPool((m) => void logs.push(m), 2, WORKER, 20);
    const project = new Project(quiet, pool);
    const change = async (text: string) => {
      writeFileSync(path.join(dir, 'a.seed'), text);
      project.fileChanged(pathToFileURL(path.join(dir, 'a.seed')).href, 'changed');
      return (await project.all())[0].names;
    };
    try {
      project.setFolders([dir]);
      assert.ok((await project.all())[0].names.includes('Lisbon'));
      assert.strictEqual(pool.runningWorkers, 0, 'released once the workspace is indexed');
      let names = await change(PORTO);
      assert.ok(names.includes('Porto') && !names.includes('Lisbon'), names.join(', '));
      assert.ok(pool.runningWorkers > 0, 'kept warm after a single change');
      while (pool.runningWorkers > 0) await new Promise((r) => setImmediate(r)); // polls until the idle timer fired
      names = await change(HARBOUR);
      assert.ok(names.includes('Lisbon'), names.join(', '));
      assert.deepStrictEqual(logs, [], 'a stopped worker is no crash');
    } finally {
      project.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loses no file when index workers crash: their files are indexed again, then on the main thread', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seed-crash-'));
    const crashing = path.join(dir, 'crashing-worker.js');
    writeFileSync(crashing, "require('worker_threads').parentPort.on('message', (m) => { if (m.type === 'job') process.exit(3); });\n");
    try {
      const logs: string[] = [];
      const pool = new IndexPool((m) => void logs.push(m), 2, crashing);
      const digests = await digestsWith(pool, SEEDS, { ...quiet, log: (m: string) => void logs.push(m) });
      assert.deepStrictEqual(digests, await digestsWith(new IndexPool(() => {}, 0), SEEDS));
      assert.ok(logs.some((l) => /index worker stopped \(exit code 3\); its files are indexed from now on on the main thread/.test(l)), logs.join('\n'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- over the protocol ------------------------------------------------------------

describe('workspace index over the protocol', function () {
  this.timeout(60_000);
  const ws = makeWorkspace({
    'seeds/example.txt': EXAMPLE,
    'seeds/harbour.txt': HARBOUR,
    'seeds/porto.txt': PORTO,
    'seeds/lonely.txt': LONELY,
    'seeds/crlf.txt': '\uFEFFdate 2024-06-02 Porto again\r\n\r\nShips left Porto on Tuesday.\r\n\r\n“We are back,” Ana Lopes said in Porto.\r\n',
  });
  let client: LspClient;
  const harbour = ws.uri('seeds/harbour.txt');

  before(async () => {
    client = await LspClient.start({ folder: ws.dir });
    await client.open(harbour, HARBOUR, 1); // references start from an open document
  });
  after(async () => {
    if (client) await client.stop();
    ws.remove();
  });

  /** Where `name` is first mentioned in HARBOUR (the open document). */
  function positionOf(name: string) {
    const a = analyze(HARBOUR);
    const e = [...a.places, ...a.actors].find((x) => x.name === name);
    assert.ok(e, `HARBOUR names ${name}`);
    return TextDocument.create(harbour, 'seed', 1, HARBOUR).positionAt(e.start + 1);
  }

  async function expectSameAnswers(name: string) {
    const all = analyseAll(ws.dir);
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: harbour }, position: positionOf(name), context: { includeDeclaration: true },
    });
    assert.deepStrictEqual(sorted(refs), sorted(oldReferences(all, name)), `references of ${name}`);
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    assert.deepStrictEqual(sorted(symbols), sorted(oldSymbols(all)), 'workspace symbols');
    const h = await client.hover(harbour, positionOf(name));
    for (const part of countsText(all, name)) assert.ok(h!.contents.value.includes(part), `${part}\n${h!.contents.value}`);
    assert.ok(!h!.contents.value.includes('indexing'), h!.contents.value);
    return { refs, all };
  }

  it('answers references, workspace symbols and hover counts from unopened files exactly as from whole analyses', async () => {
    const { refs } = await expectSameAnswers('Porto');
    const files = new Set(refs.map((r) => path.basename(r.uri)));
    assert.deepStrictEqual(files, new Set(['harbour.txt', 'porto.txt', 'crlf.txt']), 'Porto is named in three files, two of them unopened');
  });

  it('follows a changed file on disk', async () => {
    ws.write('seeds/porto.txt', 'date 2024-06-01 Dockers strike\n\nDockers went on strike on Monday in Lisbon.\n');
    await client.fileChanged(ws.uri('seeds/porto.txt'), 2);
    const { refs } = await expectSameAnswers('Porto');
    assert.ok(!refs.some((r) => r.uri.endsWith('porto.txt')), 'porto.txt no longer names Porto');
    await expectSameAnswers('Lisbon');
  });

  it('forgets a deleted file and indexes it again when it comes back', async () => {
    const crlf = path.join(ws.dir, 'seeds/crlf.txt');
    const text = readFileSync(crlf, 'utf8');
    rmSync(crlf);
    await client.fileChanged(ws.uri('seeds/crlf.txt'), 3);
    let { refs } = await expectSameAnswers('Porto');
    assert.ok(!refs.some((r) => r.uri.endsWith('crlf.txt')));
    writeFileSync(crlf, text);
    await client.fileChanged(ws.uri('seeds/crlf.txt'), 1);
    ({ refs } = await expectSameAnswers('Porto'));
    assert.ok(refs.some((r) => r.uri.endsWith('crlf.txt')));
  });

  it('re-indexes a file whose sidecar changes, and every file when it teaches a new name', async () => {
    const lonely = ws.uri('seeds/lonely.txt');
    const q = analyze(LONELY).quotes[0];
    // Attribute the lonely quote to Ana Lopes (who HARBOUR names): one more quote of hers.
    ws.write('seeds/lonely.txt.ann.yaml', sidecarText('lonely.txt', [{ id: 'q1', kind: 'quote', target: targetAt(LONELY, q.start, q.end), speaker: 'Ana Lopes' }]));
    await client.fileChanged(ws.uri('seeds/lonely.txt.ann.yaml'), 1);
    const { refs } = await expectSameAnswers('Ana Lopes');
    assert.ok(refs.some((r) => r.uri === lonely), 'the annotated quote is a reference of Ana Lopes');
    // Annotate "Quiet Bay" as a place in one file: every file learns the name.
    ws.write('seeds/bay.txt', 'date 2024-02-03 Bay\n\nBoats reached Quiet Bay and Porto.\n');
    const bay = 'date 2024-02-03 Bay\n\nBoats reached Quiet Bay and Porto.\n';
    ws.write('seeds/bay.txt.ann.yaml', sidecarText('bay.txt', [{ id: 'p1', kind: 'place', target: targetAt(bay, bay.indexOf('Quiet Bay'), bay.indexOf('Quiet Bay') + 9), name: 'Quiet Bay' }]));
    ws.write('seeds/more.txt', 'date 2024-02-04 More\n\nFerries to Quiet Bay resumed, officials in Lisbon said.\n');
    await client.fileChanged(ws.uri('seeds/bay.txt'), 1);
    await client.fileChanged(ws.uri('seeds/more.txt'), 1);
    await client.fileChanged(ws.uri('seeds/bay.txt.ann.yaml'), 1);
    await expectSameAnswers('Lisbon');
    const found = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'Quiet Bay' });
    assert.deepStrictEqual(new Set(found.filter((s) => s.name === 'Quiet Bay').map((s) => path.basename(s.location.uri))), new Set(['bay.txt', 'more.txt']));
  });

  it('counts an open document as the editor has it, not as its copy on disk', async () => {
    const porto = ws.uri('seeds/porto.txt');
    const edited = 'date 2024-06-01 Dockers strike\n\nDockers in Porto and in Porto again.\n';
    await client.open(porto, edited, 1);
    try {
      const refs = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: harbour }, position: positionOf('Porto'), context: { includeDeclaration: true },
      });
      const inPorto = refs.filter((r) => r.uri === porto);
      const expected = analyze(edited).places.filter((p) => p.name === 'Porto').map((p) => {
        const doc = TextDocument.create(porto, 'seed', 1, edited);
        return { uri: porto, range: { start: doc.positionAt(p.start), end: doc.positionAt(p.end) } };
      });
      assert.deepStrictEqual(inPorto, expected);
      const h = await client.hover(harbour, positionOf('Porto'));
      const all = analyseAll(ws.dir, { [porto]: edited });
      for (const part of countsText(all, 'Porto')) assert.ok(h!.contents.value.includes(part), `${part}\n${h!.contents.value}`);
      assert.deepStrictEqual(inPorto, oldReferences(all, 'Porto').filter((r) => r.uri === porto));
    } finally {
      await client.close(porto);
    }
  });
});

describe('workspace index while it is being built', function () {
  this.timeout(120_000);
  let dir = '';
  let client: LspClient | undefined;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'seed-big-'));
    writeCorpus(dir, { files: 1500 });
  });
  after(async () => {
    if (client) await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers hovers on the open document at once, saying the counts are still growing', async () => {
    client = await LspClient.start({ folder: dir });
    const uri = pathToFileURL(path.join(dir, 'open.txt')).href;
    await client.open(uri, HARBOUR, 1);
    const a = analyze(HARBOUR);
    const lisbon = a.places.find((p) => p.name === 'Lisbon')!;
    const position = TextDocument.create(uri, 'seed', 1, HARBOUR).positionAt(lisbon.start + 1);
    const times: number[] = [];
    let indexing = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const h = await client.hover(uri, position);
      times.push(performance.now() - t0);
      if (h!.contents.value.includes('(indexing…)')) indexing++;
    }
    assert.ok(indexing > 0, 'the first hovers come while the index is being built');
    // Not a benchmark: a hover that waited for 1,500 files would take seconds.
    assert.ok(Math.max(...times) < 1000, `hover times while indexing: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
  });
});

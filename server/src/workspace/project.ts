// The server's view of the workspace: the open documents (each with its own
// AnalysisCache, so re-analysis while typing only redoes changed paragraphs), the
// seed files of the workspace folders (indexed in the background on worker
// threads, kept as compact digests: see digest.ts), their sidecars and the
// gazetteer built from them, and per-resource settings.
import { sep } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, buildGazetteer, type Gazetteer, type GazetteerEntry } from '../analysis';
import { EDIT_WARM_UP_STEPS, startUpTexts, warmUpEdits } from '../analysis/warmUp';
import { analyzeDocument, sameStamp, type AnalyzedText, type Stamp } from './analyzed';
import { gazetteerFromSidecars, parseSidecar, type Sidecar } from './annotations';
import { buildDigest, mentionCount, nameIndex, quoteCount, shareStrings, type FileDigest } from './digest';
import { isSidecarPath, pathToUri, readText, seedCandidate, SIDECAR_SUFFIX, uriToPath, watchFile, WorkspaceFolders } from './files';
import type { IndexContext, IndexOutcome } from './indexJob';
import { IndexPool } from './indexPool';
import { NameTotals } from './nameTotals';
import { defaultSettings, sanitizeSettings, type Settings } from './settings';
import { withSidecars } from './sidecarsBeside';
import { entityFacts } from './stats';

/** What the project needs from the connection (kept small so it is easy to fake). */
export interface Host {
  /**
   * `workspace/configuration` for one resource and the `seedAnnotator` section;
   * undefined when the client cannot answer it (then pushed settings or defaults apply).
   */
  getConfiguration(scopeUri: string): Promise<unknown> | undefined;
  log(message: string): void;
  error(message: string): void;
  /** Called when a document's diagnostics should be (re)computed and published. */
  diagnosticsDue(uri: string): void;
  /** Called when a document was closed: its diagnostics should be cleared. */
  closed(uri: string): void;
}

export class UnknownDocumentError extends Error {
  constructor(readonly uri: string) {
    super(`Unknown document ${uri}: it is not open in the language server.`);
  }
}

/** How long a warm-up step or a scan waits for a document's analysis before looking again. */
const WARM_UP_RETRY_MS = 20;
/** Background work starts this long after the project is created (see Project.giveWay). */
const START_GRACE_MS = 50;
/** The longest a workspace scan or a warm-up step waits for open documents to be analysed. */
const GIVES_WAY_MS = 2_000;

/** How the start-up warm-up (Project.warmUp) is getting on. */
export interface WarmUpProgress {
  readonly steps: number;
  /** Steps run so far. */
  done: number;
  /** Times a step waited for an open document's analysis. */
  gaveWay: number;
  /** Resolves when the last step ran (or one failed: logged as an error). */
  readonly finished: Promise<void>;
}

export type FileChange = 'created' | 'changed' | 'deleted';

interface OpenState {
  doc: TextDocument;
  /** The last version we were told about (TextDocuments signals a change on open too). */
  seenVersion: number;
  path: string | null;
  cache: AnalysisCache;
  analyzed?: AnalyzedText;
  timer?: NodeJS.Timeout;
}

/** A seed file of the workspace folders: its digest once indexed, and what the digest was made with. */
interface IndexedFile {
  path: string;
  uri: string;
  digest?: FileDigest;
  generation: number;
  sidecar: Sidecar | undefined;
  /** Hash of the text digested, so an unchanged file is not analysed again. */
  hash: string | null;
  /** The latest job sent for this file: only its outcome counts. */
  job: number;
}

export interface NameCounts {
  mentions: number;
  quotes: number;
  files: number;
  /** False while the index is being built or refreshed. */
  complete: boolean;
}

export class Project {
  readonly folders = new WorkspaceFolders();
  /** Delay between the last edit and re-publishing diagnostics. */
  diagnosticsDelay = 25;

  private readonly open = new Map<string, OpenState>();
  /** Sidecar watchers of open documents no workspace folder covers, by seed path. */
  private readonly besideWatchers = new Map<string, { close(): void }>();
  private readonly files = new Map<string, IndexedFile>();
  private readonly sidecars = new Map<string, Sidecar>();
  private readonly sidecarLoads = new Map<string, Promise<void>>();
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private pushedSettings: unknown = undefined;
  private generation = 0;
  private userEntries: GazetteerEntry[] = [];
  private userKey = '[]';
  private gazetteerValue: Gazetteer | null = null;
  /** Serialises fs work (scan, file events); workspace-wide requests await its tail. */
  private queue: Promise<void> = Promise.resolve();
  private scanning = false;
  /** When the scan being indexed started, for the log line once it is done. */
  private scanStarted: number | null = null;

  private readonly pool: IndexPool;
  /** Index files whose digest is missing or stale, in the order they are found. */
  private readonly stale = new Set<string>();
  private running = 0;
  private jobs = 0;
  private idleWaiters: (() => void)[] = [];
  private contextValue: IndexContext | null = null;
  /** Mentions, quotes and files of each name over every digest (hovers count without a pass). */
  private readonly totals = new NameTotals();
  /** One copy of each canonical name and speaker label, however many files carry it. */
  private readonly strings = new Map<string, string>();

  private readonly createdAt = performance.now();

  constructor(private readonly host: Host, pool?: IndexPool) {
    this.pool = pool ?? new IndexPool((m) => host.log(m));
  }

  // ---- open documents -------------------------------------------------------

  didOpen(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    this.open.set(doc.uri, { doc, path, seenVersion: doc.version, cache: new AnalysisCache() });
    if (path && this.folders.contains(path)) void this.loadSidecar(path); // the index keeps the gazetteer
    else if (path) {
      // Outside the folders nothing else reads its sidecar: its names join the gazetteer here.
      this.watchOutside(path);
      void this.loadSidecar(path).then(() => this.refreshGazetteer());
    }
    this.host.diagnosticsDue(doc.uri); // no debounce: diagnostics as soon as a file opens
  }

  didChange(doc: TextDocument): void {
    const state = this.open.get(doc.uri);
    if (!state || state.seenVersion === doc.version) return;
    state.doc = doc;
    state.seenVersion = doc.version;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.host.diagnosticsDue(doc.uri);
    }, this.diagnosticsDelay);
  }

  didClose(uri: string): void {
    const state = this.open.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.open.delete(uri);
    this.settingsCache.delete(uri);
    // Forget the sidecar of a document the index does not hold (nothing else needs it).
    const path = state?.path;
    if (path && !this.isOpenPath(path)) {
      this.besideWatchers.get(path)?.close();
      this.besideWatchers.delete(path);
      if (!this.files.has(path)) {
        this.sidecarLoads.delete(path);
        if (this.sidecars.delete(path)) this.refreshGazetteer();
      }
    }
    this.host.closed(uri);
  }

  private isOpenPath(path: string): boolean {
    for (const st of this.open.values()) if (st.path === path) return true;
    return false;
  }

  /**
   * Follows the sidecar of an open document outside every workspace folder (the
   * client's watcher does not see there), so annotating it refreshes its findings.
   */
  private watchOutside(seedPath: string): void {
    if (this.besideWatchers.has(seedPath)) return;
    this.besideWatchers.set(seedPath, watchFile(seedPath + SIDECAR_SUFFIX,
      () => this.sidecarChanged(seedPath),
      (why) => this.host.log(`Cannot watch ${seedPath + SIDECAR_SUFFIX} (${why}): its changes show after the article is reopened.`)));
  }

  /** Current version of an open document, undefined when it is not open. */
  versionOf(uri: string): number | undefined {
    return this.open.get(uri)?.doc.version;
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The analysis of an open document at its current version. */
  async get(uri: string): Promise<AnalyzedText> {
    const first = this.open.get(uri);
    if (!first) throw new UnknownDocumentError(uri);
    const settings = await this.settings(uri);
    if (first.path) await this.sidecarLoads.get(first.path);
    const state = this.open.get(uri); // it may have changed or closed meanwhile
    if (!state) throw new UnknownDocumentError(uri);
    const stamp: Stamp = {
      version: state.doc.version,
      generation: this.generation,
      sidecar: state.path ? this.sidecars.get(state.path) : undefined,
      referenceDate: settings.referenceDate,
    };
    if (!state.analyzed || !sameStamp(state.analyzed.stamp, stamp)) {
      state.analyzed = analyzeDocument(state.doc, state.path, stamp, this.userEntries, state.cache);
    }
    return state.analyzed;
  }

  /**
   * Analyses the built-in start-up article (analysis/warmUp.ts) a few paragraphs per
   * event-loop turn, so the first article a user opens does not pay for compiling the
   * recognisers (about ten times the cost of a warm analysis), then types into it a few
   * keys per turn, so the first keys typed into a long article do not pay for compiling
   * the re-analysis of edits. A document waiting for its analysis goes first: steps wait
   * while one does.
   */
  warmUp(): WarmUpProgress {
    const texts = startUpTexts();
    const progress = { steps: texts.length + EDIT_WARM_UP_STEPS, done: 0, gaveWay: 0 };
    return Object.assign(progress, { finished: this.runWarmUp(texts, progress) });
  }

  private async runWarmUp(texts: string[], progress: Omit<WarmUpProgress, 'finished'>): Promise<void> {
    const started = performance.now();
    let busy = 0;
    const stamp = { version: 0, generation: this.generation, sidecar: undefined, referenceDate: '' };
    const edits = warmUpEdits();
    const steps = [
      ...texts.map((text) => () => void analyzeDocument(TextDocument.create('warmup:', 'seed', 0, text), null, stamp, this.userEntries, new AnalysisCache())),
      ...Array.from({ length: EDIT_WARM_UP_STEPS }, () => () => void edits.next()),
    ];
    for (const step of steps) {
      await this.giveWay(() => progress.gaveWay++);
      const t = performance.now();
      try {
        step();
      } catch (e) {
        this.host.error(`Warm-up analysis failed: ${(e as Error).stack ?? e}`);
        return;
      }
      busy += performance.now() - t;
      progress.done++;
      await new Promise((resolve) => setTimeout(resolve, 0)); // input is read between steps
    }
    this.host.log(`Warmed up: ${progress.steps} steps, ${Math.round(busy)} ms of analysis, done ${Math.round(performance.now() - started)} ms after start.`);
  }

  /**
   * Background work (the warm-up, a workspace scan) waits here: until START_GRACE_MS
   * after the project was created, so that the documents a client opens right behind
   * `initialized` are seen, then while an open document is still to be analysed, for
   * at most GIVES_WAY_MS (a document whose analysis keeps failing holds nothing up for
   * good). `waiting` is called each time it looks again.
   */
  private async giveWay(waiting?: () => void): Promise<void> {
    const left = START_GRACE_MS - (performance.now() - this.createdAt);
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    for (let waited = 0; this.analysisPending() && waited < GIVES_WAY_MS; waited += WARM_UP_RETRY_MS) {
      waiting?.();
      await new Promise((resolve) => setTimeout(resolve, WARM_UP_RETRY_MS));
    }
  }

  /** Whether an open document's current version is still to be analysed. */
  private analysisPending(): boolean {
    for (const st of this.open.values()) if (st.analyzed?.stamp.version !== st.doc.version) return true;
    return false;
  }

  // ---- settings -------------------------------------------------------------

  /** Settings for one resource, fetched once per document until the configuration changes. */
  settings(uri: string): Promise<Settings> {
    let p = this.settingsCache.get(uri);
    if (!p) {
      p = this.fetchSettings(uri);
      this.settingsCache.set(uri, p);
    }
    return p;
  }

  private async fetchSettings(uri: string): Promise<Settings> {
    let raw: unknown = this.pushedSettings;
    const asked = this.host.getConfiguration(uri);
    if (asked) {
      try {
        raw = await asked;
      } catch (e) {
        this.host.error(`Could not read the settings for ${uri}: ${(e as Error).message}; using defaults.`);
        return defaultSettings();
      }
    }
    const { settings, problems } = sanitizeSettings(raw);
    for (const p of problems) this.host.log(`Settings of ${uri}: ${p}`);
    return settings;
  }

  /** `workspace/didChangeConfiguration`: forget cached settings, republish everything. */
  configurationChanged(pushed: unknown): void {
    this.pushedSettings = pushed;
    this.settingsCache.clear();
    for (const uri of this.open.keys()) this.host.diagnosticsDue(uri);
  }

  // ---- workspace index ------------------------------------------------------

  /** Sets the workspace folders and (re)indexes them in the background. */
  setFolders(paths: string[]): void {
    this.folders.set(paths);
    this.enqueue(() => this.scan());
  }

  addFolders(added: string[], removed: string[]): void {
    for (const p of removed) this.folders.remove(p);
    for (const p of added) this.folders.add(p);
    this.enqueue(() => this.scan());
  }

  /** Resolves once every file-system event received so far has been processed. */
  async ready(): Promise<void> {
    let tail;
    do {
      tail = this.queue;
      await tail;
    } while (tail !== this.queue);
  }

  /** `workspace/didChangeWatchedFiles`, one event. */
  fileChanged(uri: string, change: FileChange): void {
    const path = uriToPath(uri);
    if (!path || !this.folders.contains(path)) return;
    if (isSidecarPath(path)) this.sidecarChanged(path.slice(0, -SIDECAR_SUFFIX.length));
    else this.afterChange(() => this.seedChanged(path, change));
  }

  /** A seed file's sidecar was created, changed or deleted. */
  private sidecarChanged(seed: string): void {
    this.afterChange(async () => {
      await this.loadSidecar(seed, true);
      if (this.files.has(seed)) this.stale.add(seed); // its digest depends on its sidecar
    });
  }

  /** Runs `change` in turn with other changes, then re-indexes and republishes what it affects. */
  private afterChange(change: () => Promise<void>): void {
    this.enqueue(async () => {
      const generation = this.generation;
      const sidecarsBefore = new Map([...this.open].map(([u, st]) => [u, st.path ? this.sidecars.get(st.path) : undefined]));
      await change();
      this.refreshGazetteer();
      this.pump();
      // Republish only what the change can affect: everything when the gazetteer
      // changed, else the documents whose sidecar changed.
      for (const [u, st] of this.open) {
        const sidecar = st.path ? this.sidecars.get(st.path) : undefined;
        if (generation !== this.generation || sidecarsBefore.get(u) !== sidecar) this.host.diagnosticsDue(u);
      }
    });
  }

  /** A seed file (or a folder of them) was created, changed or deleted. */
  private async seedChanged(path: string, change: FileChange): Promise<void> {
    if (change === 'deleted') {
      // A deleted folder arrives as one event: drop everything under it too.
      const prefix = path + sep;
      for (const p of [...this.files.keys()]) if (p === path || p.startsWith(prefix)) this.removeFile(p);
      for (const p of [...this.sidecars.keys()]) if (p.startsWith(prefix)) this.sidecars.delete(p);
    } else if (await this.folders.isFolderInside(path)) {
      for (const p of await this.folders.listCandidates([path])) await this.addSeed(p);
    } else {
      await this.addSeed(path);
    }
  }

  /**
   * Every seed file of the workspace plus every open document, digested: waits until
   * the index has caught up with every change received so far.
   */
  async all(): Promise<FileDigest[]> {
    do {
      await this.ready();
      await this.indexed();
    } while (!this.idle());
    const out: FileDigest[] = [];
    const openPaths = new Set<string>();
    for (const [uri, state] of this.open) {
      if (state.path) openPaths.add(state.path);
      try {
        out.push(this.digestOf(await this.get(uri)));
      } catch (e) {
        if (!(e instanceof UnknownDocumentError)) throw e; // closed meanwhile
      }
    }
    for (const f of this.files.values()) if (f.digest && !openPaths.has(f.path)) out.push(f.digest);
    return out;
  }

  /**
   * How often the workspace names `name` (mentions, attributed quotes, files), from
   * what is indexed and analysed now, without waiting: for hovers, which must answer
   * at once. Open documents count with their analysed text, `current` included.
   */
  nameCounts(name: string, current: AnalyzedText): NameCounts {
    const counts = { ...this.totals.get(name), complete: !this.scanning && this.idle() };
    const add = (mentions: number, quotes: number, sign: 1 | -1) => {
      counts.mentions += sign * mentions;
      counts.quotes += sign * quotes;
      if (mentions || quotes) counts.files += sign;
    };
    const analysed = new Set<AnalyzedText>([current]);
    const openPaths = new Set<string>();
    for (const state of this.open.values()) {
      if (state.path) openPaths.add(state.path);
      if (state.analyzed) analysed.add(state.analyzed);
    }
    // An open file counts as the editor has it, not as its copy on disk.
    for (const path of openPaths) {
      const d = this.files.get(path)?.digest;
      const i = d ? nameIndex(d, name) : -1;
      if (d && i >= 0) add(mentionCount(d, i), quoteCount(d, name), -1);
    }
    for (const f of analysed) {
      const facts = entityFacts(f.analysis).get(name);
      if (facts) add(facts.mentions.length, facts.quotes.length, 1);
    }
    return counts;
  }

  /** The gazetteer in use (built-in names plus the user's annotated ones). */
  gazetteer(): Gazetteer {
    return (this.gazetteerValue ??= buildGazetteer(this.userEntries));
  }

  get indexedCount(): number {
    return this.files.size;
  }

  /** Stops the index workers. */
  dispose(): void {
    for (const w of this.besideWatchers.values()) w.close();
    this.besideWatchers.clear();
    this.pool.close();
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((e) => this.host.error(`Workspace indexing failed: ${(e as Error).stack ?? e}`));
  }

  private async scan(): Promise<void> {
    this.scanning = true;
    try {
      // The article that started the server (VS Code opens it right behind
      // `initialized`) is analysed first: a scan and its index workers would take the
      // machine's cores from it.
      await this.giveWay();
      await this.scanFolders();
    } finally {
      this.scanning = false;
    }
    this.pump(); // also says when the index is complete (at once when there is nothing to index)
  }

  private async scanFolders(): Promise<void> {
    this.scanStarted ??= Date.now();
    const candidates = await this.folders.listCandidates();
    const wanted = new Set(candidates);
    for (const path of [...this.files.keys()]) if (!wanted.has(path)) this.removeFile(path);
    // Sidecars first: the names they annotate teach every file, so analysing before
    // all of them are read would be wasted work.
    const beside = await withSidecars(candidates);
    for (const p of candidates) if (!beside.has(p)) this.forgetSidecar(p);
    const reads = [...beside];
    for (let i = 0; i < reads.length; i += SIDECAR_BATCH) {
      await Promise.all(reads.slice(i, i + SIDECAR_BATCH).map((p) => this.loadSidecar(p, true)));
    }
    await Promise.all([...this.open.values()].filter((s) => s.path).map((s) => this.loadSidecar(s.path!)));
    for (const path of candidates) this.addFile(path);
    this.refreshGazetteer();
    this.pump();
    for (const u of this.open.keys()) this.host.diagnosticsDue(u);
  }

  /** A created or changed seed file (or candidate): re-read its sidecar, (re)index it. */
  private async addSeed(path: string): Promise<void> {
    if (seedCandidate(path) === 'no') {
      this.removeFile(path);
      return;
    }
    await this.loadSidecar(path, true);
    this.addFile(path);
  }

  /** Puts a candidate in the index (in the order found) and queues it for (re)indexing. */
  private addFile(path: string): void {
    if (!this.files.has(path)) {
      this.files.set(path, { path, uri: pathToUri(path), generation: -1, sidecar: undefined, hash: null, job: 0 });
    }
    this.stale.add(path);
  }

  private removeFile(path: string): void {
    const f = this.files.get(path);
    if (f?.digest) this.totals.remove(f.digest);
    this.files.delete(path);
    this.stale.delete(path);
  }

  /** A seed file without a sidecar (any sidecar read before is gone). */
  private forgetSidecar(seedPath: string): void {
    this.sidecars.delete(seedPath);
    this.sidecarLoads.delete(seedPath);
  }

  /** Loads a seed file's sidecar once (or again with `force`). */
  private loadSidecar(seedPath: string, force = false): Promise<void> {
    let p = this.sidecarLoads.get(seedPath);
    if (!p || force) {
      p = this.readSidecar(seedPath);
      this.sidecarLoads.set(seedPath, p);
    }
    return p;
  }

  private async readSidecar(seedPath: string): Promise<void> {
    const path = seedPath + SIDECAR_SUFFIX;
    let text: string | null = null;
    try {
      // Inside the folders as every read; outside them only beside an open document.
      if (this.folders.contains(seedPath)) text = await this.folders.readInside(path);
      else if (this.isOpenPath(seedPath)) text = await readText(path);
    } catch (e) {
      this.host.error(`Cannot read ${path}: ${(e as Error).message}`);
    }
    if (text === null) {
      this.sidecars.delete(seedPath);
      return;
    }
    const sidecar = parseSidecar(path, text);
    for (const err of sidecar.errors) this.host.log(`${path}: ${err}`);
    this.sidecars.set(seedPath, sidecar);
  }

  /** Rebuilds the user gazetteer; a change makes every digest stale. */
  private refreshGazetteer(): void {
    const entries = gazetteerFromSidecars(this.sidecars.values());
    const key = JSON.stringify(entries);
    if (key === this.userKey) return;
    this.userEntries = entries;
    this.userKey = key;
    this.gazetteerValue = null;
    this.contextValue = null;
    this.generation++;
    for (const path of this.files.keys()) this.stale.add(path);
  }

  // ---- background indexing --------------------------------------------------

  /** What every index job of the current folders and gazetteer shares. */
  private context(): IndexContext {
    const roots = this.folders.list;
    if (this.contextValue?.roots !== roots) this.contextValue = { roots, gazetteer: this.userEntries };
    return this.contextValue;
  }

  private idle(): boolean {
    return this.running === 0 && this.stale.size === 0;
  }

  /** Resolves when no file is waiting to be indexed or being indexed. */
  private indexed(): Promise<void> {
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Sends stale files to the pool, as many as keep it busy. */
  private pump(): void {
    for (const path of this.stale) {
      if (this.running >= this.pool.capacity) return;
      this.stale.delete(path);
      const f = this.files.get(path);
      if (f) this.dispatch(f);
    }
    if (this.idle()) this.settled();
  }

  private dispatch(f: IndexedFile): void {
    const job = (f.job = ++this.jobs);
    const generation = this.generation;
    const sidecar = this.sidecars.get(f.path);
    const knownHash = f.digest && f.generation === generation && f.sidecar === sidecar ? f.hash : null;
    this.running++;
    this.pool
      .run({ path: f.path, uri: f.uri, sidecar: sidecar ? { path: sidecar.path, annotations: sidecar.annotations } : null, knownHash }, this.context())
      .then((outcome) => this.landed(f.path, job, generation, sidecar, outcome))
      .catch((e) => this.host.error(`Indexing ${f.path} failed: ${(e as Error).stack ?? e}`))
      .finally(() => {
        this.running--;
        this.pump();
      });
  }

  private landed(path: string, job: number, generation: number, sidecar: Sidecar | undefined, outcome: IndexOutcome): void {
    const f = this.files.get(path);
    if (!f || f.job !== job) return; // removed, or sent again since
    if (outcome.kind === 'skipped' || outcome.kind === 'failed') {
      if (outcome.kind === 'failed') this.host.error(outcome.message);
      this.removeFile(path);
      return;
    }
    if (outcome.kind === 'indexed') {
      if (f.digest) this.totals.remove(f.digest);
      f.digest = this.share({ ...outcome.digest, uri: f.uri, path: f.path }); // one copy of each string
      f.hash = outcome.hash;
      this.totals.add(f.digest);
    }
    f.generation = generation;
    f.sidecar = sidecar;
    // The gazetteer or the sidecar changed while it was analysed: again.
    if (generation !== this.generation || sidecar !== this.sidecars.get(path)) this.stale.add(path);
  }

  /** The index has caught up: wake whoever waits, say how long a scan took. */
  private settled(): void {
    if (this.scanStarted !== null && !this.scanning) {
      this.host.log(`Indexed ${this.files.size} seed files in ${Date.now() - this.scanStarted} ms.`);
      this.scanStarted = null;
      this.pool.release(); // what comes next is a file at a time: no need for warm workers
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** One copy of each canonical name and speaker label across the index. */
  private share(d: FileDigest): FileDigest {
    return shareStrings(d, (s) => {
      const known = this.strings.get(s);
      if (known !== undefined) return known;
      this.strings.set(s, s);
      return s;
    });
  }

  /** The digest of an open document's analysis (workspace requests treat every file alike). */
  private digestOf(f: AnalyzedText): FileDigest {
    let d = openDigests.get(f);
    if (!d) {
      d = buildDigest({ uri: f.uri, path: f.path, raw: f.doc.getText(), base: f.base, analysis: f.analysis });
      openDigests.set(f, d);
    }
    return d;
  }
}

/** Digests of open documents, per analysed version. */
const openDigests = new WeakMap<AnalyzedText, FileDigest>();
/** Sidecars read at once while scanning. */
const SIDECAR_BATCH = 128;

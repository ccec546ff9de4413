// The server's view of the workspace: the open documents (each with its own
// AnalysisCache, so re-analysis while typing only redoes changed paragraphs), the
// seed files of the workspace folders (indexed in the background), their sidecars
// and the gazetteer built from them, and per-resource settings.
import { sep } from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, buildGazetteer, type Gazetteer, type GazetteerEntry } from '../analysis';
import { analyzeDocument, sameStamp, type AnalyzedText, type Stamp } from './analyzed';
import { gazetteerFromSidecars, parseSidecar, type Sidecar } from './annotations';
import { isSidecarPath, looksLikeSeed, pathToUri, SIDECAR_SUFFIX, uriToPath, WorkspaceFolders } from './files';
import { defaultSettings, sanitizeSettings, type Settings } from './settings';

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

interface IndexedFile {
  path: string;
  uri: string;
  doc: TextDocument;
  analyzed?: AnalyzedText;
}

export class Project {
  readonly folders = new WorkspaceFolders();
  /** Delay between the last edit and re-publishing diagnostics. */
  diagnosticsDelay = 25;

  private readonly open = new Map<string, OpenState>();
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
  private backgroundScheduled = false;
  private scanning = false;

  constructor(private readonly host: Host) {}

  // ---- open documents -------------------------------------------------------

  didOpen(doc: TextDocument): void {
    const path = uriToPath(doc.uri);
    this.open.set(doc.uri, { doc, path, seenVersion: doc.version, cache: new AnalysisCache() });
    if (path) void this.loadSidecar(path);
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
    if (path && !this.files.has(path) && ![...this.open.values()].some((s) => s.path === path)) {
      this.sidecarLoads.delete(path);
      if (this.sidecars.delete(path)) this.refreshGazetteer();
    }
    this.host.closed(uri);
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
   * Analyses a small built-in article once, so the first real file does not pay
   * for building the gazetteer and warming up the recognisers.
   */
  warmUp(): void {
    const sample = 'date 2024-01-15 Warm-up\n\nThe minister said on Monday in Paris: “We will meet again next week.”\n';
    try {
      analyzeDocument(TextDocument.create('warmup:', 'seed', 0, sample), null,
        { version: 0, generation: this.generation, sidecar: undefined, referenceDate: '' }, this.userEntries);
    } catch (e) {
      this.host.error(`Warm-up analysis failed: ${(e as Error).stack ?? e}`);
    }
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
    this.enqueue(async () => {
      const generation = this.generation;
      const sidecarsBefore = new Map([...this.open].map(([u, st]) => [u, st.path ? this.sidecars.get(st.path) : undefined]));
      if (isSidecarPath(path)) {
        await this.readSidecar(path.slice(0, -SIDECAR_SUFFIX.length));
      } else if (change === 'deleted') {
        // A deleted folder arrives as one event: drop everything under it too.
        const prefix = path + sep;
        for (const p of [...this.files.keys()]) if (p === path || p.startsWith(prefix)) this.files.delete(p);
        for (const p of [...this.sidecars.keys()]) if (p.startsWith(prefix)) this.sidecars.delete(p);
      } else if (await this.folders.isFolderInside(path)) {
        for (const p of await this.folders.listCandidates([path])) await this.readSeed(p);
      } else {
        await this.readSeed(path);
      }
      this.refreshGazetteer();
      // Republish only what the change can affect: everything when the gazetteer
      // changed, else the documents whose sidecar changed.
      for (const [u, st] of this.open) {
        const sidecar = st.path ? this.sidecars.get(st.path) : undefined;
        if (generation !== this.generation || sidecarsBefore.get(u) !== sidecar) this.host.diagnosticsDue(u);
      }
    });
  }

  /** Every seed file of the workspace plus every open document, analysed. */
  async all(): Promise<AnalyzedText[]> {
    await this.ready();
    const out: AnalyzedText[] = [];
    const openPaths = new Set<string>();
    for (const [uri, state] of this.open) {
      if (state.path) openPaths.add(state.path);
      try {
        out.push(await this.get(uri));
      } catch (e) {
        if (!(e instanceof UnknownDocumentError)) throw e; // closed meanwhile
      }
    }
    for (const f of this.files.values()) if (!openPaths.has(f.path)) out.push(this.analyzeIndexed(f));
    return out;
  }

  /**
   * What is analysed right now, without waiting for the index or analysing anything:
   * for hovers, which must answer at once. `complete` is false while the index is
   * still being built or refreshed.
   */
  snapshot(): { files: AnalyzedText[]; complete: boolean } {
    const files: AnalyzedText[] = [];
    const openPaths = new Set<string>();
    let complete = !this.scanning;
    for (const state of this.open.values()) {
      if (state.path) openPaths.add(state.path);
      if (state.analyzed) files.push(state.analyzed);
    }
    for (const f of this.files.values()) {
      if (openPaths.has(f.path)) continue;
      if (f.analyzed && f.analyzed.stamp.generation === this.generation) files.push(f.analyzed);
      else complete = false;
    }
    return { files, complete };
  }

  /** The gazetteer in use (built-in names plus the user's annotated ones). */
  gazetteer(): Gazetteer {
    return (this.gazetteerValue ??= buildGazetteer(this.userEntries));
  }

  get indexedCount(): number {
    return this.files.size;
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((e) => this.host.error(`Workspace indexing failed: ${(e as Error).stack ?? e}`));
  }

  private async scan(): Promise<void> {
    this.scanning = true;
    try {
      await this.scanFolders();
    } finally {
      this.scanning = false;
    }
  }

  private async scanFolders(): Promise<void> {
    const started = Date.now();
    const candidates = await this.folders.listCandidates();
    const seen = new Set<string>();
    for (const path of candidates) {
      if (await this.readSeed(path)) seen.add(path);
    }
    for (const path of [...this.files.keys()]) if (!seen.has(path)) this.files.delete(path);
    await Promise.all([...this.open.values()].filter((s) => s.path).map((s) => this.loadSidecar(s.path!)));
    this.refreshGazetteer();
    this.host.log(`Indexed ${this.files.size} seed files in ${Date.now() - started} ms.`);
    for (const u of this.open.keys()) this.host.diagnosticsDue(u);
    this.scheduleBackground();
  }

  /** Reads one seed file (and its sidecar) into the index; false when it is no seed file. */
  private async readSeed(path: string): Promise<boolean> {
    let text: string | null;
    try {
      text = await this.folders.readInside(path);
    } catch (e) {
      this.host.error(`Cannot read ${path}: ${(e as Error).message}`);
      text = null;
    }
    if (text === null || !looksLikeSeed(path, text)) {
      this.files.delete(path);
      return false;
    }
    const old = this.files.get(path);
    if (!old || old.doc.getText() !== text) {
      const uri = pathToUri(path);
      this.files.set(path, { path, uri, doc: TextDocument.create(uri, 'seed', 0, text) });
    }
    await this.loadSidecar(path, true);
    return true;
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
      text = await this.folders.readInside(path);
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

  /** Rebuilds the user gazetteer; a change makes every analysis stale. */
  private refreshGazetteer(): void {
    const entries = gazetteerFromSidecars(this.sidecars.values());
    const key = JSON.stringify(entries);
    if (key === this.userKey) return;
    this.userEntries = entries;
    this.userKey = key;
    this.gazetteerValue = null;
    this.generation++;
    this.scheduleBackground();
  }

  private analyzeIndexed(f: IndexedFile): AnalyzedText {
    const stamp: Stamp = { version: null, generation: this.generation, sidecar: this.sidecars.get(f.path), referenceDate: '' };
    if (!f.analyzed || !sameStamp(f.analyzed.stamp, stamp)) f.analyzed = analyzeDocument(f.doc, f.path, stamp, this.userEntries);
    return f.analyzed;
  }

  /** Analyses stale index entries one per tick, so requests are never held up long. */
  private scheduleBackground(): void {
    if (this.backgroundScheduled) return;
    this.backgroundScheduled = true;
    let pending = [...this.files.values()];
    let generation = this.generation;
    const step = () => {
      if (generation !== this.generation) {
        pending = [...this.files.values()]; // the gazetteer changed meanwhile: start over
        generation = this.generation;
      }
      const next = pending.pop();
      if (!next) {
        this.backgroundScheduled = false;
        return;
      }
      if (this.files.get(next.path) === next) {
        try {
          this.analyzeIndexed(next);
        } catch (e) {
          // A recogniser bug must not take the index down: skip the file, say which.
          this.host.error(`Analysis of ${next.path} failed: ${(e as Error).stack ?? e}`);
          this.files.delete(next.path);
        }
      }
      setImmediate(step);
    };
    setImmediate(step);
  }
}

// Runs index jobs on worker threads (dist/indexWorker.js), one per core by default,
// or on the main thread when no worker can be started (the sources run unbundled,
// the worker file is missing, or SEED_INDEX_WORKERS=0). The main thread only reads
// results, so it stays free for the open documents.
import { existsSync } from 'fs';
import { availableParallelism } from 'os';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { WorkspaceFolders } from './files';
import { runJob, type IndexContext, type IndexJob, type IndexOutcome } from './indexJob';

export type ToWorker =
  | { type: 'context'; context: IndexContext }
  | { type: 'job'; id: number; job: IndexJob };

interface FromWorker {
  id: number;
  outcome: IndexOutcome;
}

interface Pending {
  job: IndexJob;
  context: IndexContext;
  resolve: (o: IndexOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** The context this worker has been sent last. */
  context: IndexContext | null;
  pending: Map<number, Pending>;
}

/**
 * Jobs sent to one worker at a time: one analysed, the next ones read or waiting,
 * so a worker never idles while the main thread is busy with a request.
 */
const JOBS_PER_WORKER = 6;
/**
 * A small young generation: an article's analysis is short-lived garbage, and with
 * V8's defaults each worker's heap grows by tens of MB for nothing. Server peak RSS
 * indexing 10,000 files on 2 cores: 16 MB ~290 MB with the least CPU; 6 MB ~255 MB
 * for ~5 % more CPU (more scavenges). The old generation is left unbounded: a 16 MB
 * article needs it.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 6 };
/** After this many worker crashes the pool stops starting workers and indexes inline. */
const MAX_CRASHES = 3;
/** Workers left idle this long are stopped: their memory goes back until the next change. */
const IDLE_MS = 30_000;

export function defaultWorkerCount(): number {
  const env = process.env.SEED_INDEX_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Math.min(Number(env), 8);
  return Math.max(1, Math.min(4, availableParallelism()));
}

export class IndexPool {
  private readonly slots: (Slot | null)[];
  private readonly script: string | null;
  private nextId = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private crashes = 0;
  /** Inline mode: the context of the next jobs. */
  private inlineFolders: { context: IndexContext; folders: WorkspaceFolders } | null = null;

  constructor(
    private readonly log: (message: string) => void,
    workers = defaultWorkerCount(),
    script = join(__dirname, 'indexWorker.js'),
    private readonly idleMs = IDLE_MS,
  ) {
    this.script = workers > 0 && existsSync(script) ? script : null;
    this.slots = this.script ? Array.from({ length: workers }, () => null) : [];
  }

  /** How many jobs to keep in flight so every worker stays busy. */
  get capacity(): number {
    return this.slots.length ? this.slots.length * JOBS_PER_WORKER : 2;
  }

  get workerCount(): number {
    return this.slots.length;
  }

  /** Workers started and not stopped. */
  get runningWorkers(): number {
    return this.slots.filter((slot) => slot).length;
  }

  run(job: IndexJob, context: IndexContext): Promise<IndexOutcome> {
    clearTimeout(this.idleTimer);
    if (!this.slots.length) return this.runInline(job, context);
    const slot = this.pickSlot();
    if (!slot) return this.runInline(job, context);
    if (slot.context !== context) {
      slot.worker.postMessage({ type: 'context', context } satisfies ToWorker);
      slot.context = context;
    }
    const id = this.nextId++;
    return new Promise((resolve) => {
      if (!slot.pending.size) slot.worker.ref(); // busy: keep the process alive until it answers
      slot.pending.set(id, { job, context, resolve });
      slot.worker.postMessage({ type: 'job', id, job } satisfies ToWorker);
    });
  }

  /** Stops the workers; jobs in flight resolve as failed, later ones run inline. */
  close(): void {
    clearTimeout(this.idleTimer);
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (!slot) continue;
      this.slots[i] = null;
      for (const p of slot.pending.values()) p.resolve({ kind: 'failed', message: `Indexing ${p.job.path} stopped: the index was closed.` });
      slot.pending.clear();
      void slot.worker.terminate();
    }
    this.slots.length = 0;
  }

  /**
   * Stops the workers now when none has work (they start again on the next job): after
   * indexing a whole workspace, their heaps hold tens of MB of garbage.
   */
  release(): void {
    if (this.slots.some((slot) => slot?.pending.size)) return;
    clearTimeout(this.idleTimer);
    this.slots.forEach((slot, i) => {
      if (!slot) return;
      this.slots[i] = null; // before terminating: this exit is no crash
      void slot.worker.terminate();
    });
  }

  /** Stops every worker once none has had work for `idleMs`. */
  private stopWhenIdle(): void {
    if (this.slots.some((slot) => slot?.pending.size)) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.release(), this.idleMs);
    this.idleTimer.unref();
  }

  /** The least busy worker, started on first use; null when workers keep crashing. */
  private pickSlot(): Slot | null {
    let best = -1;
    for (let i = 0; i < this.slots.length; i++) {
      const load = this.slots[i]?.pending.size ?? 0;
      if (best < 0 || load < (this.slots[best]?.pending.size ?? 0)) best = i;
    }
    return this.slots[best] ?? this.start(best);
  }

  /** Starts worker `i`; null (index inline) when workers cannot start or keep crashing. */
  private start(i: number): Slot | null {
    if (!this.script || this.crashes >= MAX_CRASHES) return null;
    let worker: Worker;
    try {
      worker = new Worker(this.script, { resourceLimits: WORKER_LIMITS });
    } catch (e) {
      this.log(`Cannot start an index worker (${(e as Error).message}): indexing on the main thread.`);
      this.crashes = MAX_CRASHES;
      return null;
    }
    // An idle worker never keeps the server alive: the connection does.
    worker.unref();
    const slot: Slot = { worker, context: null, pending: new Map() };
    worker.on('message', (m: FromWorker) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (!slot.pending.size) {
        slot.worker.unref();
        this.stopWhenIdle();
      }
      p.resolve(m.outcome);
    });
    const died = (why: string) => {
      if (this.slots[i] !== slot) return;
      this.crashes++;
      this.slots[i] = null; // restarted on next use
      const next = this.crashes >= MAX_CRASHES ? 'from now on on the main thread' : 'again';
      this.log(`An index worker stopped (${why}); its files are indexed ${next}.`);
      // Nothing is lost: its jobs go to another worker, or inline once workers keep crashing.
      for (const p of slot.pending.values()) void this.run(p.job, p.context).then(p.resolve);
      slot.pending.clear();
    };
    worker.on('error', (e) => died((e as Error).message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    this.slots[i] = slot;
    return slot;
  }

  private async runInline(job: IndexJob, context: IndexContext): Promise<IndexOutcome> {
    if (this.inlineFolders?.context !== context) {
      const folders = new WorkspaceFolders();
      folders.set(context.roots);
      this.inlineFolders = { context, folders };
    }
    const { folders } = this.inlineFolders;
    // One tick first, so requests waiting on the main thread go before this analysis.
    await new Promise((r) => setImmediate(r));
    return runJob(job, folders, context.gazetteer);
  }
}

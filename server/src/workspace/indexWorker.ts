// Entry point of an index worker thread (bundled as dist/indexWorker.js): runs
// index jobs off the language server's main thread, so hovers and diagnostics of
// the open documents never wait for the workspace to be analysed.
import { parentPort } from 'worker_threads';
import type { GazetteerEntry } from '../analysis';
import { WorkspaceFolders } from './files';
import { runJob } from './indexJob';
import type { ToWorker } from './indexPool';

const port = parentPort;
if (!port) throw new Error('indexWorker.js runs as a worker thread of the language server.');

// Replaced (not mutated) by each context, so a job in flight keeps the one it was sent with.
let folders = new WorkspaceFolders();
let gazetteer: GazetteerEntry[] = [];

port.on('message', (m: ToWorker) => {
  if (m.type === 'context') {
    folders = new WorkspaceFolders();
    folders.set(m.context.roots);
    gazetteer = m.context.gazetteer;
    return;
  }
  // Several jobs may be in flight: the next file is read while this one is analysed.
  void runJob(m.job, folders, gazetteer).then(
    (outcome) => port.postMessage({ id: m.id, outcome }, outcome.kind === 'indexed' ? [outcome.digest.data.buffer as ArrayBuffer] : []),
    (e) => port.postMessage({ id: m.id, outcome: { kind: 'failed', message: `Indexing ${m.job.path} failed: ${(e as Error).stack ?? e}` } }),
  );
});

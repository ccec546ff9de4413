// Publishing diagnostics: promptly for the latest version, never for a stale one.
//
// The connection hands incoming messages over one per event-loop turn. When the
// analysis of a long article is slower than typing, several edits are already
// queued by the time a debounce fires; analysing each version in turn builds a
// backlog (every version analysed, each result later than the last). So a job
// first lets the queue drain, a turn at a time until the version holds still, and
// then analyses only the version the editor is at. Its result is sent only if no
// edit arrived meanwhile (else the newer version's own job publishes) and if the
// same analysis was not already published with the same settings.
import type { Connection } from 'vscode-languageserver/node';
import { UnknownDocumentError, type Project } from '../workspace/project';
import type { Settings } from '../workspace/settings';
import type { AnalyzedText } from '../workspace/analyzed';
import { collectYoung } from '../gcInPauses';
import { entityFacts } from '../workspace/stats';
import { toLspDiagnostics } from './diagnostics';
import { itemsAt } from './lookup';
import { outline } from './symbols';
import { startTimer } from './timing';
import { prepareJson } from './wire';

/**
 * Pause after publishing before the per-version indexes are built ahead of requests:
 * longer than the gap between two keys of most typists, so that work (tens of ms
 * on 1 MB) waits for a real pause instead of delaying the next key's diagnostics.
 */
const PREPARE_AFTER_MS = 250;
/** Articles shorter than this get no ahead-of-time indexes (they cost < 1 ms on demand). */
const PREPARE_FROM_CHARS = 50_000;
/** Upper bound on the turns a job waits for queued edits (a runaway client cannot stall it). */
const MAX_SETTLE_TURNS = 10_000;

/** What each analysis was last published with (weak: closed documents are forgotten). */
const published = new WeakMap<AnalyzedText, Settings>();

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Resolves once the document's version has held still for two event-loop turns:
 * the edits already received are then applied. (Two, because a job that starts in
 * the timers phase gets its first turn before the connection reads new input.)
 */
export async function settled(project: Project, uri: string): Promise<void> {
  let still = 0;
  for (let i = 0; i < MAX_SETTLE_TURNS && still < 2; i++) {
    const before = project.versionOf(uri);
    await nextTurn();
    still = project.versionOf(uri) === before ? still + 1 : 0;
  }
}

export async function publishDiagnostics(project: Project, connection: Connection, uri: string): Promise<void> {
  try {
    await settled(project, uri);
    if (project.versionOf(uri) === undefined) return; // closed meanwhile
    const elapsed = startTimer();
    const f = await project.get(uri);
    const afterAnalysis = startTimer();
    const settings = await project.settings(uri);
    const now = project.versionOf(uri);
    if (now !== f.version) {
      // Edited (or closed) meanwhile: that version's own job publishes.
      connection.tracer.log(`diagnostics ${uri} v${f.version} dropped: the document is at ${now === undefined ? 'closed' : `v${now}`}`);
      return;
    }
    if (published.get(f) === settings) return; // another job already sent exactly this
    published.set(f, settings);
    const diagnostics = toLspDiagnostics(f, settings);
    await connection.sendDiagnostics({ uri, version: f.version ?? undefined, diagnostics });
    // What follows the analysis (conversion, JSON, the write) is reported apart: the
    // fixed cost every version pays however fast the analysis gets.
    connection.tracer.log(`diagnostics ${uri} v${f.version} computed in ${elapsed()}; after analysis ${afterAnalysis()}`);
    // In a long article, once the user pauses, prepare what hovers and the outline
    // need, so requests on this version answer at once (skipped while typing goes
    // on: the version moved). Short articles compute them on demand in no time.
    if (f.size >= PREPARE_FROM_CHARS) {
      // First the young garbage of this keystroke, while the user is between keys (gcInPauses.ts).
      setImmediate(() => {
        if (project.versionOf(uri) === f.version) collectYoung();
      });
      setTimeout(() => void prepare(project, connection, f), PREPARE_AFTER_MS);
    }
  } catch (e) {
    if (e instanceof UnknownDocumentError) return; // closed before we got to it
    connection.console.error(`Diagnostics for ${uri} failed: ${(e as Error).stack ?? e}`);
  }
}

/**
 * Builds the per-analysis indexes (lookup, entity facts, the outline and its JSON)
 * ahead of requests, one step per event-loop turn: an edit arriving meanwhile is
 * handled after at most one step (each a few ms on 1 MB), and stops the rest.
 */
async function prepare(project: Project, connection: Connection, f: AnalyzedText): Promise<void> {
  const steps = [
    () => itemsAt(f.analysis, 0),
    () => entityFacts(f.analysis),
    () => outline(f),
    () => prepareJson(outline(f)),
  ];
  const elapsed = startTimer();
  for (const step of steps) {
    if (project.versionOf(f.uri) !== f.version) return;
    step();
    // A timer, not setImmediate: input is read between two timers, so a queued
    // edit is applied before the next step checks the version.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  connection.tracer.log(`prepared ${f.uri} v${f.version} in ${elapsed()}`);
}

// Publishing diagnostics: always for the document version they were computed for,
// and never a stale one (a version the editor has already moved past is dropped;
// the pending debounce for the newer version publishes instead).
import type { Connection } from 'vscode-languageserver/node';
import { UnknownDocumentError, type Project } from '../workspace/project';
import { toLspDiagnostics } from './diagnostics';
import { startTimer } from './timing';
import { itemsAt } from './lookup';
import { outline } from './symbols';
import { entityFacts } from '../workspace/stats';
import type { AnalyzedText } from '../workspace/analyzed';

/** Pause after publishing before the per-version indexes are built ahead of requests. */
const PREPARE_AFTER_MS = 100;
/** Articles shorter than this get no ahead-of-time indexes (they cost < 1 ms on demand). */
const PREPARE_FROM_CHARS = 50_000;

export async function publishDiagnostics(project: Project, connection: Connection, uri: string): Promise<void> {
  const elapsed = startTimer();
  try {
    const f = await project.get(uri);
    const settings = await project.settings(uri);
    const diagnostics = toLspDiagnostics(f, settings);
    if (project.versionOf(uri) !== f.version) return; // edited (or closed) meanwhile
    await connection.sendDiagnostics({ uri, version: f.version ?? undefined, diagnostics });
    connection.tracer.log(`diagnostics ${uri} v${f.version} computed in ${elapsed()}`);
    // In a long article, once the user pauses, prepare what hovers and the outline
    // need, so requests on this version answer at once (skipped while typing goes
    // on: the version moved). Short articles compute them on demand in no time.
    if (f.text.length >= PREPARE_FROM_CHARS) {
      setTimeout(() => {
        if (project.versionOf(uri) === f.version) prepare(f);
      }, PREPARE_AFTER_MS);
    }
  } catch (e) {
    if (e instanceof UnknownDocumentError) return; // closed before we got to it
    connection.console.error(`Diagnostics for ${uri} failed: ${(e as Error).stack ?? e}`);
  }
}

/** Builds the per-analysis indexes (lookup, entity facts, outline) ahead of requests. */
function prepare(f: AnalyzedText): void {
  itemsAt(f.analysis, 0);
  entityFacts(f.analysis);
  outline(f);
}

// Publishing diagnostics: always for the document version they were computed for,
// and never a stale one (a version the editor has already moved past is dropped;
// the pending debounce for the newer version publishes instead).
import type { Connection } from 'vscode-languageserver/node';
import { UnknownDocumentError, type Project } from '../workspace/project';
import { toLspDiagnostics } from './diagnostics';

export async function publishDiagnostics(project: Project, connection: Connection, uri: string): Promise<void> {
  try {
    const f = await project.get(uri);
    const settings = await project.settings(uri);
    const diagnostics = toLspDiagnostics(f, settings);
    if (project.versionOf(uri) !== f.version) return; // edited (or closed) meanwhile
    await connection.sendDiagnostics({ uri, version: f.version ?? undefined, diagnostics });
  } catch (e) {
    if (e instanceof UnknownDocumentError) return; // closed before we got to it
    connection.console.error(`Diagnostics for ${uri} failed: ${(e as Error).stack ?? e}`);
  }
}

// Starts the Seed language server (dist/server.js) over IPC and stops it on deactivation.
// The server learns about sidecar changes from the file watcher registered here, so a
// quick fix that writes `*.ann.yaml` refreshes its diagnostics.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SIDECAR_SUFFIX } from '../../server/src/sidecar/format';
import { SEED_LANGUAGE_ID, SETTINGS_SECTION } from '../../server/src/shared/protocol';

const CLIENT_ID = 'seedAnnotator';
const CLIENT_NAME = 'Seed Annotator';

export interface StartedClient {
  client: LanguageClient | undefined;
  /** Why the server could not start, when it could not. */
  error?: string;
}

/** Starts the language server; never throws: a failure is shown to the user and returned. */
export async function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): Promise<StartedClient> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  if (!fs.existsSync(serverModule)) {
    return fail(output, `The Seed language server was not found at ${serverModule}. Build the extension (node scripts/build.mjs) and reload the window.`);
  }
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: SEED_LANGUAGE_ID },
      { scheme: 'untitled', language: SEED_LANGUAGE_ID },
    ],
    synchronize: { fileEvents: watcher, configurationSection: SETTINGS_SECTION },
    outputChannel: output,
  };
  const client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  try {
    await client.start();
    return { client };
  } catch (err) {
    return fail(output, `The Seed language server could not start: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function fail(output: vscode.LogOutputChannel, message: string): StartedClient {
  output.appendLine(message);
  void vscode.window.showErrorMessage(message, 'Show Output').then((choice) => {
    if (choice) output.show(true);
  });
  return { client: undefined, error: message };
}

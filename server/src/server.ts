// The Seed Annotator language server: wires LSP capabilities to the feature modules.
// Started by the VS Code client over IPC, or by any editor as
// `node dist/server.js --stdio` (createConnection picks the transport from argv).
import {
  CodeActionKind, createConnection, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, ProposedFeatures, type MessageReader, TextDocuments, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import { format } from 'util';
import { codeActions } from './features/codeActions';
import { guard } from './features/errors';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { liveDocuments } from './features/liveDocument';
import { publishDiagnostics } from './features/publish';
import { quotesHandler } from './features/quotesRequest';
import { references } from './features/references';
import { LEGEND, semanticTokens } from './features/semanticTokens';
import { documentSymbols } from './features/symbols';
import { StdioWriter } from './features/wire';
import { workspaceSymbols } from './features/workspaceSymbols';
import { QuotesRequestMethod, SETTINGS_SECTION } from './shared/protocol';
import { uriToPath } from './workspace/files';
import { Project } from './workspace/project';

// On stdio our own writer encodes responses, so a long article's outline is
// serialised once per version (features/wire.ts); other transports (IPC from VS
// Code, sockets) keep the library's defaults.
const stdio = process.argv.includes('--stdio');
const connection = stdio
  // The library takes a stream for input (and then exits when stdin ends) and a writer
  // for output; its typings only list stream/stream and reader/writer pairs.
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, new StdioWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
if (stdio) {
  // stdout carries the protocol: console output goes to the client's log instead
  // (what the library does itself when it opens stdio).
  const to = (write: (m: string) => void) => (...args: unknown[]) => write(format(...args));
  console.log = console.info = console.debug = to((m) => connection.console.log(m));
  console.warn = to((m) => connection.console.warn(m));
  console.error = to((m) => connection.console.error(m));
}
// Open documents keep their text in pieces between edits (features/liveDocument.ts):
// a burst of keys costs one copy of a long article, not one per key.
const documents = new TextDocuments(liveDocuments);
const log = { error: (m: string) => connection.console.error(m), trace: (m: string) => connection.tracer.log(m) };

let configurationSupported = false;
const project = new Project({
  getConfiguration: (scopeUri) => (configurationSupported
    ? connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })
    : undefined),
  log: (m) => connection.console.log(m),
  error: (m) => connection.console.error(m),
  diagnosticsDue: (uri) => void publishDiagnostics(project, connection, uri),
  closed: (uri) => void connection.sendDiagnostics({ uri, diagnostics: [] }),
});

/**
 * Debounce between an edit and its diagnostics, unless the client sets one. None:
 * edits that arrive faster than the analysis are coalesced anyway (publish.ts waits
 * for queued edits, then analyses the latest version), and keys a typist strikes
 * 60 ms or more apart were each analysed under the former 25 ms too, which only
 * added 25 ms to every one of them.
 */
const DIAGNOSTICS_DELAY_MS = 0;

let watchedFilesDynamic = false;
let configurationDynamic = false;
let foldersSupported = false;

connection.onInitialize((params): InitializeResult => {
  const ws = params.capabilities.workspace;
  configurationSupported = !!ws?.configuration;
  watchedFilesDynamic = !!ws?.didChangeWatchedFiles?.dynamicRegistration;
  configurationDynamic = !!ws?.didChangeConfiguration?.dynamicRegistration;
  foldersSupported = !!ws?.workspaceFolders;
  const options = params.initializationOptions as { diagnosticsDelay?: unknown } | undefined;
  project.diagnosticsDelay = typeof options?.diagnosticsDelay === 'number' && options.diagnosticsDelay >= 0
    ? options.diagnosticsDelay
    : DIAGNOSTICS_DELAY_MS;

  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  project.folders.set(folders.map(uriToPath).filter((p): p is string => !!p));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      documentSymbolProvider: { label: 'Seed article' },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      foldingRangeProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      semanticTokensProvider: { legend: LEGEND, full: true, range: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'seed-annotator' },
  };
});

connection.onInitialized(() => {
  project.warmUp();
  project.setFolders([...project.folders.list]);
  if (watchedFilesDynamic) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.txt' }, { globPattern: '**/*.seed' }, { globPattern: '**/*.ann.yaml' }],
    });
  }
  if (configurationDynamic) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (foldersSupported) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const paths = (xs: { uri: string }[]) => xs.map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
      project.addFolders(paths(e.added), paths(e.removed));
    });
  }
});

documents.onDidOpen((e) => project.didOpen(e.document));
documents.onDidChangeContent((e) => project.didChange(e.document));
documents.onDidClose((e) => project.didClose(e.document.uri));
documents.listen(connection);

connection.onDidChangeConfiguration((params) => {
  const settings = params?.settings as Record<string, unknown> | undefined;
  project.configurationChanged(settings?.[SETTINGS_SECTION]);
});

connection.onDidChangeWatchedFiles((params) => {
  const kind = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
  for (const c of params.changes ?? []) project.fileChanged(c.uri, kind[c.type as 1 | 2 | 3] ?? 'changed');
});

connection.onHover(guard('textDocument/hover', log, (p) => hover(project, p.textDocument.uri, p.position)));
connection.onDocumentSymbol(guard('textDocument/documentSymbol', log, (p) => documentSymbols(project, p.textDocument.uri)));
connection.onWorkspaceSymbol(guard('workspace/symbol', log, (p) => workspaceSymbols(project, p.query ?? '')));
connection.onReferences(guard('textDocument/references', log, (p) => references(project, p.textDocument.uri, p.position)));
connection.onFoldingRanges(guard('textDocument/foldingRange', log, (p) => foldingRanges(project, p.textDocument.uri)));
connection.onCodeAction(guard('textDocument/codeAction', log, (p) => codeActions(project, p)));
connection.languages.semanticTokens.on(guard('textDocument/semanticTokens/full', log, (p) => semanticTokens(project, p.textDocument.uri)));
connection.languages.semanticTokens.onRange(guard('textDocument/semanticTokens/range', log, (p) => semanticTokens(project, p.textDocument.uri, p.range)));
// The client's CodeLenses, status bar and pickers read this analysis (no second one in the extension host).
connection.onRequest(QuotesRequestMethod, guard(QuotesRequestMethod, log, quotesHandler(project, documents)));

// The index's worker threads end with the session (the process would end them anyway).
connection.onShutdown(() => project.dispose());

// Last line of defence: a bug in a notification handler is logged, never fatal.
process.on('uncaughtException', (e) => connection.console.error(`Uncaught: ${e.stack ?? e}`));
process.on('unhandledRejection', (e) => connection.console.error(`Unhandled rejection: ${(e as Error)?.stack ?? e}`));

connection.listen();

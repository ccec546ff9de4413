// A small LSP client for the protocol tests: spawns the real server
// (`node dist/server.js --stdio`), speaks JSON-RPC to it, answers its requests
// (workspace/configuration, client/registerCapability) and lets tests await
// notifications such as publishDiagnostics for a given version, never sleeping.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ConfigurationParams, InitializeResult, Position, PublishDiagnosticsParams, Range, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'dist/server.js');

/** The server's log line once its start-up warm-up is done (Project.warmUp): steps, ms of analysis, ms after start. */
export const WARMED_UP = /^Warmed up: (\d+) steps, (\d+) ms of analysis, done (\d+) ms after start\.$/;

/** Builds dist/ when the server bundle is missing or older than any server source. */
export function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let t = 0;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }
    return t;
  };
  let built = 0;
  try {
    built = statSync(SERVER).mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newest(path.join(ROOT, 'server/src'))) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}${r.stdout}`);
}

/** A temporary workspace folder with the given files (relative path → text). */
export function makeWorkspace(files: Record<string, string> = {}): { dir: string; uri: (rel: string) => string; write: (rel: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'seed-lsp-'));
  const write = (rel: string, text: string) => {
    const p = path.join(dir, rel);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, text);
    return pathToFileURL(p).href;
  };
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return { dir, uri: (rel) => pathToFileURL(path.join(dir, rel)).href, write, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface StartOptions {
  /** Workspace folder (fs path); none = no folder. */
  folder?: string;
  /** Answers workspace/configuration for one resource (scopeUri) with the `seedAnnotator` section. */
  settings?: (scopeUri: string | undefined) => unknown;
  /** Whether to advertise workspace/configuration support (default true). */
  configuration?: boolean;
  initializationOptions?: unknown;
  /** Extra node flags for the server process (e.g. `--cpu-prof` to profile it). */
  execArgv?: string[];
}

interface Waiter {
  match: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class LspClient {
  /** Every publishDiagnostics received, in order. */
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  /** window/logMessage texts and the server's stderr. */
  readonly logs: string[] = [];
  /** scopeUris of every workspace/configuration item the server asked for. */
  readonly configurationRequests: (string | undefined)[] = [];
  readonly registrations: string[] = [];
  /** `$/logTrace` messages (after `$/setTrace`), e.g. the server's own request timings. */
  readonly traces: string[] = [];
  initializeResult!: InitializeResult;
  private waiters: Waiter[] = [];
  private logWaiters: { re: RegExp; resolve: (message: string) => void }[] = [];
  private exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess, readonly connection: ProtocolConnection) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const child = spawn(process.execPath, [...(options.execArgv ?? []), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection);
    child.stderr!.on('data', (d: Buffer) => client.logged(d.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => client.received(p));
    connection.onNotification('window/logMessage', (p: { message: string }) => client.logged(p.message));
    connection.onNotification('$/logTrace', (p: { message: string }) => void client.traces.push(p.message));
    connection.onRequest('workspace/configuration', (p: ConfigurationParams) => p.items.map((item) => {
      client.configurationRequests.push(item.scopeUri);
      return options.settings ? options.settings(item.scopeUri) : null;
    }));
    connection.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      for (const r of p.registrations) client.registrations.push(r.method);
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folder = options.folder;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          workspaceFolders: true,
          didChangeWatchedFiles: { dynamicRegistration: true },
          didChangeConfiguration: { dynamicRegistration: true },
          symbol: {},
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          semanticTokens: {
            requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'],
          },
          foldingRange: {},
          references: {},
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private logged(message: string): void {
    this.logs.push(message);
    this.logWaiters = this.logWaiters.filter((w) => !(w.re.test(message) && (w.resolve(message), true)));
  }

  /** The first log message (window/logMessage or stderr) matching `re`, as soon as it arrives. */
  waitForLog(re: RegExp): Promise<string> {
    const seen = this.logs.find((m) => re.test(m));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.logWaiters.push({ re, resolve }));
  }

  private received(p: PublishDiagnosticsParams): void {
    this.diagnostics.push(p);
    this.waiters = this.waiters.filter((w) => {
      if (!w.match(p)) return true;
      w.resolve(p);
      return false;
    });
  }

  /**
   * The first publishDiagnostics for `uri` (received from index `since` on) that
   * matches: a version number, or a predicate. Resolves as soon as it arrives.
   */
  waitForDiagnostics(uri: string, match: number | ((p: PublishDiagnosticsParams) => boolean), since = 0): Promise<PublishDiagnosticsParams> {
    const test = (p: PublishDiagnosticsParams) => p.uri === uri && (typeof match === 'number' ? p.version === match : match(p));
    const seen = this.diagnostics.slice(since).find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match: test, resolve }));
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async fileChanged(uri: string, type: 1 | 2 | 3): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  hover(uri: string, position: Position) {
    return this.request<{ contents: { kind: string; value: string }; range?: Range } | null>('textDocument/hover', { textDocument: { uri }, position });
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) {
      try {
        await this.connection.sendRequest('shutdown');
        await this.connection.sendNotification('exit');
      } catch {
        this.child.kill();
      }
    }
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}

/** Position of the n-th (0-based) occurrence of `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" (#${nth}) not in the text`);
  }
  const offset = at + delta;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

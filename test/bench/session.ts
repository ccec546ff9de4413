// A language-server session for the bench: `node dist/server.js --stdio` as a
// child process, spoken to over JSON-RPC, with the notifications the bench
// times (publishDiagnostics) recorded as they arrive.
import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '../../dist/server.js');

export interface DiagnosticsEvent {
  at: number;
  version: number | null;
  count: number;
}

export class Session {
  readonly diagnostics = new Map<string, DiagnosticsEvent[]>();
  capabilities: Record<string, any> = {}; // eslint-disable-line @typescript-eslint/no-explicit-any
  private waiters: (() => void)[] = [];
  private exited = false;
  stderr = '';

  private constructor(readonly child: ChildProcess, readonly rpc: MessageConnection) {
    child.on('exit', () => { this.exited = true; this.wake(); });
    child.stderr?.on('data', (b: Buffer) => { if (this.stderr.length < 20_000) this.stderr += b.toString(); });
    rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push({ at: performance.now(), version: p.version ?? null, count: p.diagnostics.length });
      this.diagnostics.set(p.uri, list);
      this.wake();
    });
    // Requests a real client answers: settings (defaults), progress tokens, registrations.
    rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    rpc.onRequest('window/workDoneProgress/create', () => null);
    rpc.onRequest('client/registerCapability', () => null);
    rpc.onRequest('client/unregisterCapability', () => null);
    rpc.onRequest('workspace/semanticTokens/refresh', () => null);
    rpc.onRequest('workspace/diagnostic/refresh', () => null);
    rpc.onRequest('workspace/inlayHint/refresh', () => null);
    rpc.onRequest('workspace/codeLens/refresh', () => null);
    rpc.onNotification(() => { /* logs, progress: not timed */ });
    rpc.listen();
  }

  get pid(): number {
    return this.child.pid!;
  }
  get alive(): boolean {
    return !this.exited;
  }

  /** Starts the server and completes initialize/initialized; `folder` becomes the workspace. */
  static async start(folder: string | null): Promise<Session> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const s = new Session(child, rpc);
    const uri = folder ? pathToFileURL(folder).href : null;
    const init = await s.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: uri ? [{ uri, name: 'bench' }] : null,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
        },
        window: { workDoneProgress: true },
      },
    }, 60_000);
    s.capabilities = init.capabilities;
    s.notify('initialized', {});
    return s;
  }

  async request<T>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no answer in ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.rpc.sendRequest(method, params) as Promise<T>, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params: unknown): void {
    void this.rpc.sendNotification(method, params);
  }

  private wake(): void {
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }

  /**
   * The first diagnostics for `uri` that arrived after `since` and (when the
   * server versions them) are for `version` or later; null on timeout.
   */
  async waitDiagnostics(uri: string, since: number, version: number | null, timeoutMs = 10_000): Promise<DiagnosticsEvent | null> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = (this.diagnostics.get(uri) ?? []).find((e) => e.at >= since && (version === null || e.version === null || e.version >= version));
      if (hit) return hit;
      if (this.exited) throw new Error(`the server exited: ${this.stderr.slice(-500)}`);
      const left = deadline - performance.now();
      if (left <= 0) return null;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  /** shutdown + exit, then a kill if the server does not leave within 5 s. */
  async stop(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 5_000);
      this.notify('exit', null);
    } catch { /* killed below */ }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const t = setTimeout(() => { this.child.kill('SIGKILL'); resolve(); }, 5_000);
      this.child.once('exit', () => { clearTimeout(t); resolve(); });
    });
    this.rpc.dispose();
  }
}

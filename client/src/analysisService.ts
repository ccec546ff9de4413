// What the client's views know of an article's analysis (quotes with their speakers for
// the CodeLenses, the status bar and navigation; actors, places and dates for the
// pickers) comes from the language server, which already holds the analysis of every
// open document with its sidecar applied: the `seed/quotes` request (shared/protocol.ts).
// The extension host, shared with every other extension, never analyses a text itself.
// One answer per document version and sidecar state is shared by every view asking.
import * as vscode from 'vscode';
import { QuotesRequestMethod, type DateInfo, type QuotesParams, type QuotesResult } from '../../server/src/shared/protocol';
import type { SidecarRead } from '../../server/src/sidecar/store';
import { fnv1a } from '../../server/src/analysis/strings';
import { fullAnswer, QuotesDeltaError } from '../../server/src/shared/quotesDelta';
import type { QuoteView, SpanLike } from './annotations/model';
import type { AnnotationStore } from './annotations/store';
import type { StartedClient } from './languageClient';

/** The schemes the language client syncs to the server (its documentSelector in languageClient.ts). */
const SERVED_SCHEMES = new Set(['file', 'untitled']);

/** A document moved on while its answer travelled: ask again at most this many times. */
const ATTEMPTS = 3;

/** What the pickers offer for a span: actors nearest it first, places, dates with their values. */
export interface PickerFacts {
  actors: string[];
  places: string[];
  dates: DateInfo[];
}

interface Pending {
  version: number;
  sidecar: string;
  /** The server published new diagnostics since: ask again before using it. */
  stale: boolean;
  answer: Promise<QuotesResult | undefined>;
}

export class AnalysisService implements vscode.Disposable {
  private readonly answers = new Map<string, Pending>();
  /** The last full answer per document: named in the next request, which may then say "unchanged". */
  private readonly held = new Map<string, QuotesResult>();
  private readonly disposables: vscode.Disposable[];
  private lastError = '';

  /**
   * `client` gives the language client once it is started (undefined before `activate`
   * started it); `log` receives request failures (each distinct message once in a row).
   */
  constructor(
    private readonly store: AnnotationStore,
    private readonly client: () => Promise<StartedClient> | undefined,
    private readonly log?: (message: string) => void,
  ) {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.answers.delete(d.uri.toString());
        this.held.delete(d.uri.toString());
      }),
      // The server analysed a document again (a new version, a sidecar or the workspace's
      // names changed): its next answer may differ even for the same version. Registered
      // before the views' own listeners (extension.ts), so they never read the old one.
      vscode.languages.onDidChangeDiagnostics((e) => {
        for (const u of e.uris) {
          const pending = this.answers.get(u.toString());
          if (pending) pending.stale = true;
        }
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The document's quotes with their speakers, as the server has them now; [] when it cannot say. */
  async quotes(doc: vscode.TextDocument): Promise<QuoteView[]> {
    return (await this.quotesIfKnown(doc)) ?? [];
  }

  /** Like `quotes`, but undefined when there is no server to ask or it could not answer. */
  async quotesIfKnown(doc: vscode.TextDocument): Promise<QuoteView[] | undefined> {
    const r = await this.current(doc);
    return r?.quotes.map(({ start, end, kind, speaker, via }) => ({ start, end, kind, speaker, via }));
  }

  /** Names and dates for a picker about `near` (empty lists when the server cannot say). */
  async facts(doc: vscode.TextDocument, near: SpanLike): Promise<PickerFacts> {
    const r = await this.ask(doc, { start: near.start, end: near.end });
    return { actors: r?.actors ?? [], places: r?.places ?? [], dates: r?.dates ?? [] };
  }

  /** The server's answer for the document's current version (shared while it holds). */
  private async current(doc: vscode.TextDocument): Promise<QuotesResult | undefined> {
    let r: QuotesResult | undefined;
    for (let attempt = 0; attempt < ATTEMPTS && !doc.isClosed; attempt++) {
      const key = doc.uri.toString();
      const sidecar = await this.sidecarKey(doc);
      let pending = this.answers.get(key);
      if (!pending || pending.stale || pending.version !== doc.version || pending.sidecar !== sidecar) {
        const answer = this.askQuotes(doc, key);
        pending = { version: doc.version, sidecar, stale: false, answer };
        this.answers.set(key, pending);
        // A failed request is not kept: the next view to ask tries again.
        void answer.then((a) => a === undefined && this.answers.get(key) === pending && this.answers.delete(key));
      }
      r = await pending.answer;
      // Offsets are only good against the text they index: typing went on, ask again.
      if (!r || r.version === doc.version) return r;
    }
    return doc.isClosed ? undefined : r;
  }

  /**
   * Asks for the quotes naming the answer held: an unchanged analysis costs no quotes on
   * the wire, a changed one only what changed (a delta from the answer held, applied here).
   */
  private async askQuotes(doc: vscode.TextDocument, key: string): Promise<QuotesResult | undefined> {
    const held = this.held.get(key);
    const r = await this.ask(doc, undefined, held?.analysis);
    if (!r) return undefined;
    let full: QuotesResult | undefined;
    try {
      full = fullAnswer(held, r);
    } catch (e) {
      if (!(e instanceof QuotesDeltaError)) throw e;
      this.log?.(`${QuotesRequestMethod}: ${e.message}; asking for every quote.`);
    }
    if (!full) {
      // About an analysis this client no longer holds: the full list (asked without `known`).
      const again = await this.ask(doc);
      full = again && fullAnswer(undefined, again);
    }
    if (full) this.held.set(key, full);
    return full;
  }

  /** One `seed/quotes` request for the document as it is now; undefined when there is no server to ask. */
  private async ask(doc: vscode.TextDocument, near?: SpanLike, known?: number): Promise<QuotesResult | undefined> {
    if (!SERVED_SCHEMES.has(doc.uri.scheme)) return undefined;
    const client = (await this.client())?.client;
    if (!client) return undefined; // not started, or failed to start (reported where it started)
    const params: QuotesParams = {
      uri: client.code2ProtocolConverter.asUri(doc.uri),
      version: doc.version,
      sidecar: await this.sidecarKey(doc),
      // Outside pickers, every answer may be a delta from the one held (askQuotes applies it).
      ...(near ? { near } : { deltas: true }),
      ...(known !== undefined ? { known } : {}),
    };
    try {
      const r = await client.sendRequest<QuotesResult>(QuotesRequestMethod, params);
      this.lastError = '';
      return r;
    } catch (e) {
      const message = `${QuotesRequestMethod} for ${vscode.workspace.asRelativePath(doc.uri)} failed: ${e instanceof Error ? e.message : String(e)}`;
      if (message !== this.lastError) this.log?.(message);
      this.lastError = message;
      return undefined;
    }
  }

  /**
   * Names the sidecar state this client last wrote or read for the document, so the
   * server re-reads the file when it changed (before its file watcher says so).
   */
  private async sidecarKey(doc: vscode.TextDocument): Promise<string> {
    const entry = await this.store.get(doc.uri).catch(() => undefined);
    return entry ? keyOf(entry.base) : 'unknown';
  }
}

const keys = new WeakMap<SidecarRead, string>();

/** A short key of a sidecar snapshot: its kind, and a hash of the text it was read from or written as. */
function keyOf(read: SidecarRead): string {
  let key = keys.get(read);
  if (key === undefined) {
    const text = read.kind === 'ok' ? read.text : read.kind === 'invalid' ? JSON.stringify(read.errors) : '';
    key = `${read.kind}:${text.length}:${fnv1a(text).toString(36)}`;
    keys.set(read, key);
  }
  return key;
}

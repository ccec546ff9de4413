// `seed/quotes`: the client's CodeLenses, status bar, navigation and pickers read the
// analysis the server holds for an open document (see QuotesParams in shared/protocol.ts)
// instead of analysing the text a second time in the extension host. Offsets go out in
// the editor's text (the analysis' offsets plus the BOM the editor may have kept).
import { ErrorCodes, ResponseError, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Entity } from '../analysis';
import type { DateInfo, QuoteInfo, QuotesParams, QuotesResult } from '../shared/protocol';
import type { AnalyzedText } from '../workspace/analyzed';
import { pathToUri, SIDECAR_SUFFIX, uriToPath } from '../workspace/files';
import type { Project } from '../workspace/project';

/** How long a request waits for a document version the server has not been sent yet. */
export const VERSION_WAIT_MS = 3000;

/** The slice of the server the handler needs (a fake in tests). */
export type QuotesProject = Pick<Project, 'get' | 'versionOf' | 'fileChanged' | 'ready'>;

/** Builds the request handler; `documents` tells it when a new version arrives. */
export function quotesHandler(project: QuotesProject, documents: Pick<TextDocuments<TextDocument>, 'onDidChangeContent' | 'onDidClose'>) {
  const versions = new VersionWaiter(project, documents);
  const sidecars = new SidecarSync(project);
  documents.onDidClose((e) => sidecars.forget(e.document.uri));
  return async (params: QuotesParams): Promise<QuotesResult> => {
    const { uri, version } = checked(params);
    await versions.seen(uri, version);
    if (params.sidecar !== undefined) await sidecars.sync(uri, params.sidecar);
    return quotesResult(await project.get(uri), params.near, params.known);
  };
}

function checked(params: QuotesParams): QuotesParams {
  const bad = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `seed/quotes: ${what}.`);
  if (!params || typeof params.uri !== 'string') throw bad('missing uri');
  if (!Number.isInteger(params.version)) throw bad(`version must be an integer, not ${JSON.stringify(params.version)}`);
  if (params.sidecar !== undefined && typeof params.sidecar !== 'string') throw bad('sidecar must be a string');
  if (params.known !== undefined && !Number.isInteger(params.known)) throw bad('known must be an integer');
  const near = params.near;
  if (near !== undefined && !(Number.isInteger(near?.start) && Number.isInteger(near?.end) && near.start <= near.end)) {
    throw bad(`near must be { start, end } offsets, not ${JSON.stringify(near)}`);
  }
  return params;
}

/** The quotes of each analysed version, and the number naming it: several views ask for the same one. */
const answered = new WeakMap<AnalyzedText, { id: number; quotes: QuoteInfo[] }>();
// From a random start, so a restarted server never names another analysis like one before it.
let analyses = Math.floor(Math.random() * 2 ** 48);

/** The answer for one analysed version, offsets moved into the editor's text. */
export function quotesResult(f: AnalyzedText, near?: { start: number; end: number }, known?: number): QuotesResult {
  const base = f.base;
  let seen = answered.get(f);
  if (!seen) {
    const quotes = f.analysis.quotes.map((q): QuoteInfo => ({
      start: q.start + base, end: q.end + base, kind: q.kind, speaker: q.speaker?.name ?? null, via: q.speaker?.via ?? null, cue: q.cue,
    }));
    answered.set(f, (seen = { id: ++analyses, quotes }));
  }
  const result: QuotesResult = { uri: f.uri, version: f.doc.version, analysis: seen.id, quotes: seen.quotes };
  if (!near) {
    if (known === seen.id) return { ...result, unchanged: true, quotes: [] };
    return result;
  }
  const at = { start: near.start - base, end: near.end - base };
  result.actors = nearestFirst(f.analysis.actors, at);
  result.places = [...new Set(f.analysis.places.map((p) => p.name))];
  result.dates = f.analysis.dates.map((d): DateInfo => ({ start: d.start + base, end: d.end + base, value: d.value }));
  return result;
}

/** Distinct names, ordered by their mention nearest `span` (then by name, for a stable order). */
function nearestFirst(mentions: readonly Entity[], span: { start: number; end: number }): string[] {
  const best = new Map<string, number>();
  for (const m of mentions) {
    const d = m.end < span.start ? span.start - m.end : m.start > span.end ? m.start - span.end : 0;
    const known = best.get(m.name);
    if (known === undefined || d < known) best.set(m.name, d);
  }
  return [...best].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/**
 * Resolves once the server has seen `version` of `uri` (or a later one). A request can
 * overtake nothing on one JSON-RPC connection, but another client may send it first,
 * or before the document is opened: then wait for the notification, not a timer loop.
 */
class VersionWaiter {
  private readonly waiting = new Set<{ uri: string; version: number; resolve: () => void }>();

  constructor(private readonly project: QuotesProject, documents: Pick<TextDocuments<TextDocument>, 'onDidChangeContent'>) {
    // Registered after the Project's own listeners (server.ts), so versionOf is current here.
    documents.onDidChangeContent((e) => {
      for (const w of this.waiting) if (w.uri === e.document.uri && this.has(w.uri, w.version)) w.resolve();
    });
  }

  private has(uri: string, version: number): boolean {
    const v = this.project.versionOf(uri);
    return v !== undefined && v >= version;
  }

  seen(uri: string, version: number): Promise<void> {
    if (this.has(uri, version)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w = {
        uri, version,
        resolve: () => {
          clearTimeout(timer);
          this.waiting.delete(w);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiting.delete(w);
        const have = this.project.versionOf(uri);
        reject(new ResponseError(ErrorCodes.InvalidParams, have === undefined
          ? `seed/quotes: ${uri} is not open in the language server.`
          : `seed/quotes: version ${version} of ${uri} never arrived (the server has ${have}).`));
      }, VERSION_WAIT_MS);
      this.waiting.add(w);
    });
  }
}

/**
 * Re-reads a document's sidecar when the client says it changed (its key differs from
 * the last one it sent), so an annotation just written shows in the answer without
 * waiting for the file watcher. The first key seen for a document is only noted: the
 * server read the sidecar when the document opened, and re-reading then would wait
 * behind a workspace scan at start-up (the watcher still reports later changes).
 */
class SidecarSync {
  private readonly synced = new Map<string, { key: string; done: Promise<void> }>();

  constructor(private readonly project: QuotesProject) {}

  sync(uri: string, key: string): Promise<void> {
    const known = this.synced.get(uri);
    if (!known) {
      this.synced.set(uri, { key, done: Promise.resolve() });
      return Promise.resolve();
    }
    if (known.key === key) return known.done;
    const path = uriToPath(uri);
    if (!path) return Promise.resolve(); // no file, no sidecar
    this.project.fileChanged(pathToUri(path + SIDECAR_SUFFIX), 'changed');
    const done = this.project.ready();
    this.synced.set(uri, { key, done });
    return done;
  }

  forget(uri: string): void {
    this.synced.delete(uri);
  }
}

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
import { diffQuotes, quoteInfo, quoteSource, type QuoteSource } from './quotesDiff';

/** How long a request waits for a document version the server has not been sent yet. */
export const VERSION_WAIT_MS = 3000;

/** The slice of the server the handler needs (a fake in tests). */
export type QuotesProject = Pick<Project, 'get' | 'versionOf' | 'fileChanged' | 'ready'>;

/** Builds the request handler; `documents` tells it when a new version arrives. */
export function quotesHandler(project: QuotesProject, documents: Pick<TextDocuments<TextDocument>, 'onDidChangeContent' | 'onDidClose'>) {
  const versions = new VersionWaiter(project, documents);
  const sidecars = new SidecarSync(project);
  const answers = new AnswerMemory();
  documents.onDidClose((e) => {
    sidecars.forget(e.document.uri);
    answers.forget(e.document.uri);
  });
  return async (params: QuotesParams): Promise<QuotesResult> => {
    const { uri, version } = checked(params);
    await versions.seen(uri, version);
    if (params.sidecar !== undefined) await sidecars.sync(uri, params.sidecar);
    const f = await project.get(uri);
    if (params.near) return quotesResult(f, params.near);
    return answers.answer(f, params.known, params.deltas === true);
  };
}

function checked(params: QuotesParams): QuotesParams {
  const bad = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `seed/quotes: ${what}.`);
  if (!params || typeof params.uri !== 'string') throw bad('missing uri');
  if (!Number.isInteger(params.version)) throw bad(`version must be an integer, not ${JSON.stringify(params.version)}`);
  if (params.sidecar !== undefined && typeof params.sidecar !== 'string') throw bad('sidecar must be a string');
  if (params.known !== undefined && !Number.isInteger(params.known)) throw bad('known must be an integer');
  if (params.deltas !== undefined && typeof params.deltas !== 'boolean') throw bad('deltas must be true or false');
  const near = params.near;
  if (near !== undefined && !(Number.isInteger(near?.start) && Number.isInteger(near?.end) && near.start <= near.end)) {
    throw bad(`near must be { start, end } offsets, not ${JSON.stringify(near)}`);
  }
  return params;
}

/** The number naming each analysed version: several views ask for the same one. */
const ids = new WeakMap<AnalyzedText, number>();
// From a random start, so a restarted server never names another analysis like one before it.
let analyses = Math.floor(Math.random() * 2 ** 48);

function idOf(f: AnalyzedText): number {
  let id = ids.get(f);
  if (id === undefined) ids.set(f, (id = ++analyses));
  return id;
}

/** Each analysed version's quotes in the editor's offsets, built when a full answer first needs them. */
const fullQuotes = new WeakMap<AnalyzedText, QuoteInfo[]>();

function allQuotes(f: AnalyzedText): QuoteInfo[] {
  let quotes = fullQuotes.get(f);
  if (!quotes) fullQuotes.set(f, (quotes = f.analysis.quotes.map((q) => quoteInfo(q, f.base))));
  return quotes;
}

/**
 * The full answer for one analysed version, offsets moved into the editor's text; with
 * `near`, the picker's facts too. `known` naming this very analysis: "unchanged".
 */
export function quotesResult(f: AnalyzedText, near?: { start: number; end: number }, known?: number): QuotesResult {
  const base = f.base;
  const id = idOf(f);
  if (!near && known === id) return { uri: f.uri, version: f.doc.version, analysis: id, unchanged: true, quotes: [] };
  const result: QuotesResult = { uri: f.uri, version: f.doc.version, analysis: id, quotes: allQuotes(f) };
  if (!near) return result;
  const at = { start: near.start - base, end: near.end - base };
  result.actors = nearestFirst(f.analysis.actors, at);
  result.places = [...new Set(f.analysis.places.map((p) => p.name))];
  result.dates = f.analysis.dates.map((d): DateInfo => ({ start: d.start + base, end: d.end + base, value: d.value }));
  return result;
}

/** Answers remembered per document: a client may send its next request before the last answer arrives. */
const REMEMBERED = 3;

/**
 * The last analyses each open document was answered with (outside pickers), so the next
 * answer can be a delta from the one the client names (what it holds once it applied an
 * answer). Only their quotes are kept (chunks mostly shared with the current version),
 * not the texts or the rest of the analyses.
 */
class AnswerMemory {
  private readonly recent = new Map<string, { id: number; quotes: QuoteSource }[]>();

  answer(f: AnalyzedText, known: number | undefined, deltas: boolean): QuotesResult {
    if (!deltas) return quotesResult(f, undefined, known);
    const id = idOf(f);
    let answered = this.recent.get(f.uri);
    if (!answered) this.recent.set(f.uri, (answered = []));
    let now = answered.find((a) => a.id === id);
    // An "unchanged" answer too: the client holds this analysis from now on.
    if (!now) {
      answered.push((now = { id, quotes: quoteSource(f.analysis, f.base, f.base + f.size) }));
      if (answered.length > REMEMBERED) answered.shift();
    }
    const before = known === undefined || known === id ? undefined : answered.find((a) => a.id === known);
    if (!before) return quotesResult(f, undefined, known);
    return { uri: f.uri, version: f.doc.version, analysis: id, delta: diffQuotes(before.quotes, now.quotes, known!), quotes: [] };
  }

  forget(uri: string): void {
    this.recent.delete(uri);
  }
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

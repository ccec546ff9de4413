// The analysis the client's own views need (quotes for CodeLenses and the status bar,
// actors for the speaker pick), with the file's human annotations applied through the
// shared pipeline (analyzeWithAnnotations), so the client shows what the server reports.
// Cached per document version and annotation state. The extension host is shared with
// every other extension, so very long documents are not analysed here: their quotes come
// from the language server's outline instead (a separate process).
import * as vscode from 'vscode';
import { AnalysisCache } from '../../server/src/analysis/analyze';
import type { Analysis, GazetteerEntry } from '../../server/src/analysis/types';
import { analyzeWithAnnotations, gazetteerFromAnnotations, mergeGazetteers } from '../../server/src/sidecar/apply';
import type { AnnotationStore, FileEntry } from './annotations/store';
import { quoteFromOutline, type QuoteView } from './annotations/model';

/** Longest text analysed in the extension host (about 0.2 s per full analysis). */
export const LOCAL_ANALYSIS_LIMIT = 200_000;

interface Cached {
  version: number;
  entry: FileEntry | undefined;
  annotationsKey: unknown;
  analysis: Analysis;
}

export class AnalysisService implements vscode.Disposable {
  private readonly results = new Map<string, Cached>();
  private readonly caches = new Map<string, AnalysisCache>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.results.delete(d.uri.toString());
        this.caches.delete(d.uri.toString());
      }),
    ];
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  /** The annotated analysis of an open document (its sidecar loaded first); undefined for a very long one. */
  async analysis(doc: vscode.TextDocument): Promise<Analysis | undefined> {
    if (doc.getText().length > LOCAL_ANALYSIS_LIMIT) return undefined;
    const entry = await this.store.get(doc.uri).catch(() => undefined);
    return this.analysisNow(doc, entry);
  }

  /** The document's quotes with their speakers: analysed here, or from the server's outline for a very long text. */
  async quotes(doc: vscode.TextDocument): Promise<QuoteView[]> {
    const analysis = await this.analysis(doc);
    if (analysis) return analysis.quotes.map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speaker?.name ?? null, via: q.speaker?.via ?? null }));
    const entry = await this.store.get(doc.uri).catch(() => undefined);
    const human = entry ? this.store.views(entry).filter((v) => v.kind === 'quote' && v.value && !v.orphan) : [];
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', doc.uri);
    const out: QuoteView[] = [];
    const walk = (list: readonly vscode.DocumentSymbol[]) => {
      for (const s of list) {
        if (s.kind === vscode.SymbolKind.String) {
          out.push(quoteFromOutline(doc.offsetAt(s.range.start), doc.offsetAt(s.range.end), s.detail, human));
        }
        walk(s.children ?? []);
      }
    };
    walk(symbols ?? []);
    return out.sort((a, b) => a.start - b.start);
  }

  private analysisNow(doc: vscode.TextDocument, entry: FileEntry | undefined): Analysis {
    const key = doc.uri.toString();
    const annotationsKey = entry?.annotations;
    const hit = this.results.get(key);
    if (hit && hit.version === doc.version && hit.entry === entry && hit.annotationsKey === annotationsKey) return hit.analysis;
    let cache = this.caches.get(key);
    if (!cache) this.caches.set(key, (cache = new AnalysisCache()));
    const annotations = entry && !entry.error ? entry.annotations : [];
    const { analysis } = analyzeWithAnnotations(doc.getText(), annotations, { gazetteer: this.workspaceGazetteer(entry) }, cache);
    this.results.set(key, { version: doc.version, entry, annotationsKey, analysis });
    return analysis;
  }

  /** Places and actors annotated in the other loaded sidecars teach this file too. */
  private workspaceGazetteer(self: FileEntry | undefined): GazetteerEntry[] {
    const lists = this.store.loaded().filter((e) => e !== self && !e.error).map((e) => gazetteerFromAnnotations(e.annotations));
    return mergeGazetteers(...lists);
  }
}

// The analysis the client's own views need (quotes for CodeLenses and the status bar,
// actors for the speaker pick), with the file's human annotations applied through the
// shared pipeline (analyzeWithAnnotations), so the client shows what the server reports.
// Cached per document version and annotation state.
import * as vscode from 'vscode';
import { AnalysisCache } from '../../server/src/analysis/analyze';
import type { Analysis, GazetteerEntry } from '../../server/src/analysis/types';
import { analyzeWithAnnotations, gazetteerFromAnnotations, mergeGazetteers } from '../../server/src/sidecar/apply';
import type { AnnotationStore, FileEntry } from './annotations/store';
import type { QuoteView } from './annotations/model';

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

  /** The annotated analysis of an open document (loads its sidecar first). */
  async analysis(doc: vscode.TextDocument): Promise<Analysis> {
    const entry = await this.store.get(doc.uri).catch(() => undefined);
    return this.analysisNow(doc, entry);
  }

  /** Same, synchronously, with whatever annotations are loaded. */
  analysisNow(doc: vscode.TextDocument, entry = this.store.peek(doc.uri)): Analysis {
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

export function quoteViews(analysis: Analysis): QuoteView[] {
  return analysis.quotes.map((q) => ({ start: q.start, end: q.end, kind: q.kind, speaker: q.speaker?.name ?? null, via: q.speaker?.via ?? null }));
}

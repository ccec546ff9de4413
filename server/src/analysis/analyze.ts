// The analysis pipeline: string in, typed spans out. With an AnalysisCache (one per
// open document), re-analysing an edited text redoes only what the edit can change
// (incremental.ts): the paragraphs around it, and the document-wide passes until they
// are back in step with the previous version.
import { buildGazetteer, Gazetteer } from './gazetteer';
import { parseHeader } from './header';
import { analyzeEdit, analyzeFresh, computeLocal, type DocState, type LocalResult, type Setup } from './incremental';
import { firstLine, flat, type PieceText } from './pieceText';
import { stripBom } from './text';
import type { Analysis, AnalyzeOptions } from './types';

/** How many recently analysed paragraphs a cache remembers beyond its document's current ones. */
const RECENT_PARAGRAPHS = 256;

/** What earlier analyses of one document computed; keep one per open document. */
export class AnalysisCache {
  private state: DocState | null = null;
  /** Paragraph text → local findings, recent first out (insertion order). */
  private readonly recent = new Map<string, LocalResult>();
  private context = '';
  /** Paragraphs whose local findings were reused / computed. */
  hits = 0;
  misses = 0;
  /** Analyses that reused the previous version / started from scratch. */
  edits = 0;
  fresh = 0;

  /** @internal What the last analysis keeps for the next one (for tests). */
  get current(): DocState | null {
    return this.state;
  }
  /** @internal */ previous(context: string): DocState | null {
    if (context !== this.context) {
      this.state = null;
      this.recent.clear();
      this.context = context;
    }
    return this.state;
  }
  /** @internal */ remember(state: DocState, incremental: boolean): void {
    this.state = state;
    if (incremental) this.edits++;
    else this.fresh++;
  }
  /** @internal */ local(body: string, compute: () => LocalResult, seed?: Map<string, LocalResult>): LocalResult {
    let r = seed?.get(body) ?? this.recent.get(body);
    if (r) {
      this.hits++;
      return r;
    }
    this.misses++;
    r = compute();
    this.recent.set(body, r);
    if (this.recent.size > RECENT_PARAGRAPHS) this.recent.delete(this.recent.keys().next().value as string);
    return r;
  }
}

const defaultGazetteer = { value: null as Gazetteer | null };

/**
 * The analysis of a text. `input` may be a PieceText (an open document's version in
 * pieces): with a cache, an edit is then re-analysed without joining the whole text.
 */
export function analyze(input: string | PieceText, options: AnalyzeOptions = {}, cache?: AnalysisCache): Analysis {
  const text = stripBom(input);
  const gazetteer = options.gazetteer?.length
    ? buildGazetteer(options.gazetteer)
    : (defaultGazetteer.value ??= buildGazetteer());
  const header = parseHeader(firstLine(text));
  const referenceDate = header?.date ?? options.date ?? null;
  const context = `${referenceDate}|${gazetteer.key}`;
  if (!cache) return analyzeFresh(flat(text), header, { context, gazetteer, referenceDate, hasDateOption: !!options.date, once: true }).analysis;
  const compute = (body: string) => computeLocal(body, gazetteer, referenceDate);

  const previous = cache.previous(context);
  let seed: Map<string, LocalResult> | undefined;
  const setup: Setup = {
    context, gazetteer, referenceDate, hasDateOption: !!options.date,
    local: (body) => cache.local(body, () => compute(body), seed),
  };
  const edited = previous && analyzeEdit(previous, text, header, setup);
  if (edited) {
    cache.remember(edited, true);
    return edited.analysis;
  }
  // From scratch, but paragraphs the previous version had keep their findings.
  if (previous) {
    seed = new Map();
    previous.paragraphs.forEach((p, i) => seed!.set(previous.text.slice(p.start, p.end), previous.local[i]));
  }
  const state = analyzeFresh(flat(text), header, setup, text);
  cache.remember(state, false);
  return state.analysis;
}

// One keystroke as the language server handles it, in process (no protocol), for the
// scripts that look inside it (profile-server-edit.ts times the steps, alloc-edit.ts
// samples their memory): the open document takes the edit (LiveDocument), the version
// is analysed (analyzeDocument: the text in pieces, never joined), its diagnostics are
// converted to LSP and serialised. Keys are typed into the middle of a generated article.
import { analyze, AnalysisCache } from '../../server/src/analysis';
import { toLspDiagnostics } from '../../server/src/features/diagnostics';
import { LiveDocument } from '../../server/src/features/liveDocument';
import { analyzeDocument, type AnalyzedText } from '../../server/src/workspace/analyzed';
import { parseSidecar } from '../../server/src/workspace/annotations';
import { defaultSettings } from '../../server/src/workspace/settings';
import { generateArticle } from './generate';

const URI = 'file:///bench/article.txt';
const PATH = '/bench/article.txt';
const LETTERS = 'the council said that the road would reopen on Monday ';

export interface ServerKeys {
  /** The next key: the open document takes the edit. */
  type(): void;
  /** The current version analysed, as the server does before publishing. */
  analyzeVersion(): AnalyzedText;
  /** Its diagnostics converted to LSP, then the notification serialised. */
  convert(f: AnalyzedText): ReturnType<typeof toLspDiagnostics>;
  serialise(diagnostics: ReturnType<typeof toLspDiagnostics>): string;
}

/**
 * An open article of `bytes`, analysed once; keys then go into its middle paragraph.
 * `annotations`: that many of its quotes annotated in a sidecar (a speaker each), spread
 * over the article, as a person annotating it would have them.
 */
export function serverKeys(bytes: number, annotations = 0): ServerKeys {
  const text = generateArticle({ bytes, seed: 4242 });
  const doc = new LiveDocument(URI, 'seed', 1, text);
  const cache = new AnalysisCache();
  const settings = defaultSettings();
  const found = analyze(text);
  const sidecar = annotations ? sidecarFor(found.quotes, annotations) : undefined;
  const stamp = (version: number) => ({ version, generation: 0, sidecar, referenceDate: '' });
  analyzeDocument(doc, PATH, stamp(1), [], cache);
  const paragraphs = found.paragraphs;
  let cursor = paragraphs[paragraphs.length >> 1].end;
  let typed = 0;
  return {
    type() {
      const pos = doc.positionAt(cursor);
      doc.update([{ range: { start: pos, end: pos }, text: LETTERS[typed % LETTERS.length] }], doc.version + 1);
      cursor++;
      typed++;
    },
    analyzeVersion: () => analyzeDocument(doc, PATH, stamp(doc.version), [], cache),
    convert: (f) => toLspDiagnostics(f, settings),
    serialise: (diagnostics) => JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version: doc.version, diagnostics } }),
  };
}

/** A sidecar's YAML annotating `n` of the quotes of `source`, evenly spread, each with a speaker. */
export function annotatedQuotesYaml(source: string, quotes: readonly { start: number; end: number; text: string }[], n: number): string {
  const step = Math.max(1, Math.floor(quotes.length / n));
  const chosen = quotes.filter((_, i) => i % step === 0).slice(0, n);
  return `version: 1\nsource: ${source}\nannotations:\n` + chosen
    .map((q, i) => `  - id: q${i}\n    kind: quote\n    target: {exact: ${JSON.stringify(q.text)}, start: ${q.start}, end: ${q.end}}\n    speaker: Ana Lopes\n`)
    .join('');
}

function sidecarFor(quotes: readonly { start: number; end: number; text: string }[], n: number) {
  const sidecar = parseSidecar(`${PATH}.ann.yaml`, annotatedQuotesYaml('article.txt', quotes, n));
  if (sidecar.errors.length) throw new Error(`the bench's sidecar: ${sidecar.errors.join('; ')}`);
  return sidecar;
}

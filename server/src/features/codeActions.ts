// Quick fixes on an unattributed quote: attribute it to one of the nearest actors
// (up to three), to someone else (the client prompts), or mark it as a term. They
// run client commands (server/src/shared/protocol.ts); the client writes the sidecar.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Entity, Quote } from '../analysis';
import { Commands, type AnnotateSpeakerArgs, type MarkTermArgs, type SpanArgs } from '../shared/protocol';
import type { AnalyzedText } from '../workspace/analyzed';
import type { Project } from '../workspace/project';
import { toRange, toSpan } from './positions';

export const MAX_SUGGESTED_SPEAKERS = 3;

export async function codeActions(project: Project, params: CodeActionParams): Promise<CodeAction[]> {
  const f = await project.get(params.textDocument.uri);
  const span = toSpan(f, params.range);
  const targets = f.analysis.quotes.filter((q) => q.kind === 'speech' && !q.speaker && q.start <= span.end && span.start <= q.end);
  const out: CodeAction[] = [];
  for (const q of targets) {
    const diagnostics = (params.context?.diagnostics ?? []).filter((d) => d.code === 'unattributed-quote' && sameRange(d, f, q));
    const args: SpanArgs = { uri: f.uri, range: toRange(f, q), start: q.start, end: q.end, exact: f.doc.getText(toRange(f, q)) };
    const candidates = nearestActors(f, q, MAX_SUGGESTED_SPEAKERS);
    candidates.forEach((speaker, i) => {
      const a: AnnotateSpeakerArgs = { ...args, speaker };
      out.push({
        title: `Attribute quote to ${speaker}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: i === 0,
        command: { title: `Attribute quote to ${speaker}`, command: Commands.annotateSpeaker, arguments: [a] },
      });
    });
    const other: AnnotateSpeakerArgs = { ...args, candidates };
    out.push({
      title: 'Attribute quote to someone else…',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Attribute quote to someone else…', command: Commands.annotateSpeaker, arguments: [other] },
    });
    const term: MarkTermArgs = args;
    out.push({
      title: 'Mark as a term (not speech)',
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Mark as a term (not speech)', command: Commands.markTerm, arguments: [term] },
    });
  }
  return out;
}

/** Distinct actor names nearest to a quote (mentions inside the quote excluded), nearest first. */
export function nearestActors(f: AnalyzedText, q: Quote, max: number): string[] {
  const distance = (e: Entity) => (e.end <= q.start ? q.start - e.end : e.start - q.end);
  const best = new Map<string, number>();
  for (const e of f.analysis.actors) {
    if (e.start < q.end && e.end > q.start) continue;
    const d = distance(e);
    const prev = best.get(e.name);
    if (prev === undefined || d < prev) best.set(e.name, d);
  }
  return [...best.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map(([name]) => name);
}

function sameRange(d: LspDiagnostic, f: AnalyzedText, q: Quote): boolean {
  const r = toRange(f, q);
  return d.range.start.line === r.start.line && d.range.start.character === r.start.character
    && d.range.end.line === r.end.line && d.range.end.character === r.end.character;
}

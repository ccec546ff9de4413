// Folding ranges: each section (heading to its last line) and each quote that runs
// over several paragraphs.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node';
import type { Project } from '../workspace/project';
import { lineOf } from './positions';

export async function foldingRanges(project: Project, uri: string): Promise<FoldingRange[]> {
  const f = await project.get(uri);
  const out: FoldingRange[] = [];
  for (const s of f.analysis.sections) {
    const startLine = lineOf(f, s.start);
    const endLine = lineOf(f, s.end);
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  for (const q of f.analysis.quotes) {
    if (q.paragraphs < 2) continue;
    const startLine = lineOf(f, q.start);
    const endLine = lineOf(f, q.end);
    if (endLine > startLine) out.push({ startLine, endLine });
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

// Diagnostics: exactly the analysis' findings (codes and messages come from
// server/src/analysis/diagnostics.ts, the same as `seed-annotate analyze`), with the
// severity of unattributed-quote taken from the resource's settings.
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';
import type { Settings } from '../workspace/settings';
import { toLocation, toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'seed';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostics(f: AnalyzedText, settings: Settings): LspDiagnostic[] {
  const out: LspDiagnostic[] = [];
  for (const d of f.analysis.diagnostics) {
    const severity = severityFor(d, settings);
    if (severity === null) continue;
    const lsp: LspDiagnostic = { range: toRange(f, d), severity, code: d.code, source: DIAGNOSTIC_SOURCE, message: d.message };
    if (d.related?.length) {
      lsp.relatedInformation = d.related.map((r) => ({ location: toLocation(f, r), message: r.message }));
    }
    out.push(lsp);
  }
  return out;
}

function severityFor(d: Diagnostic, settings: Settings): DiagnosticSeverity | null {
  if (d.code === 'unattributed-quote') {
    const s = settings.diagnostics.unattributedQuote;
    return s === 'off' ? null : SEVERITY[s];
  }
  return SEVERITY[d.severity];
}

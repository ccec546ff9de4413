// The findings every front end reports (CLI, `check`, the language server): one
// source of truth for codes, severities and messages.
import type { Diagnostic, Header, Quote } from './types';

export function headerDiagnostics(text: string, header: Header | null, hasDateOption: boolean): Diagnostic[] {
  if (!header) {
    if (hasDateOption) return [];
    const nl = text.indexOf('\n');
    const end = nl === -1 ? text.length : nl;
    return [{
      start: 0, end, severity: 'warning', code: 'missing-header',
      message: 'No header line "date YYYY-MM-DD Title": relative dates cannot be resolved.',
    }];
  }
  if (!header.date && header.dateSpan) {
    return [{
      ...header.dateSpan, severity: 'error', code: 'invalid-date',
      message: `"${header.rawDate}" is not a valid date (expected YYYY-MM-DD, a real calendar day).`,
    }];
  }
  return [];
}

export function quoteDiagnostics(quotes: readonly Quote[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const q of quotes) {
    if (!q.closed) {
      out.push({
        start: q.start, end: Math.min(q.end, q.start + 1), severity: 'warning', code: 'unclosed-quote',
        message: 'This quotation mark is never closed.',
      });
    }
    if (q.kind === 'speech' && !q.speaker) {
      out.push({
        start: q.start, end: q.end, severity: 'warning', code: 'unattributed-quote',
        message: `Quote without a speaker: ${preview(q.text)}`,
        related: q.cueSpan ? [{ ...q.cueSpan, message: `cue "${q.cue}" without a speaker` }] : [],
      });
    }
  }
  return out;
}

function preview(s: string): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > 60 ? one.slice(0, 57) + '…' : one;
}

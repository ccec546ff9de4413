// `seed-annotate analyze [--json] [--date YYYY-MM-DD] PATH...`
import { lineCol } from '../analysis';
import type { Analysis } from '../analysis';
import { analyzeSeeds, expandPaths, parseSeedArgs } from './files';
import type { Io } from './io';

export function toJson(file: string, a: Analysis): object {
  return {
    file,
    date: a.header?.date ?? null,
    title: a.header?.title ?? null,
    sections: a.sections.map((s) => ({ start: s.start, end: s.end, title: s.title })),
    quotes: a.quotes.map((q) => ({
      start: q.start, end: q.end, text: q.text, kind: q.kind,
      speaker: q.speaker ? { name: q.speaker.name, start: q.speaker.start, end: q.speaker.end, text: q.speaker.text, via: q.speaker.via } : null,
      cue: q.cue,
    })),
    dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value })),
    places: a.places.map((p) => ({ start: p.start, end: p.end, text: p.text, name: p.name })),
    actors: a.actors.map((p) => ({ start: p.start, end: p.end, text: p.text, name: p.name, type: p.type ?? null })),
    diagnostics: a.diagnostics.map((d) => ({ start: d.start, end: d.end, severity: d.severity, code: d.code, message: d.message })),
  };
}

export function listing(file: string, text: string, a: Analysis): string {
  const at = (o: number) => { const { line, col } = lineCol(text, o); return `${line}:${col}`; };
  const short = (s: string, n = 70) => { const t = s.replace(/\s+/g, ' '); return t.length > n ? t.slice(0, n - 1) + '…' : t; };
  const lines = [`${file}`, `  date: ${a.header?.date ?? a.referenceDate ?? '(none)'}   title: ${a.header?.title ?? '(none)'}`];
  lines.push(`  sections (${a.sections.length}): ${a.sections.map((s) => s.title).join(' | ')}`);
  lines.push(`  quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    const who = q.speaker ? `${q.speaker.name}${q.cue ? ` [${q.cue}]` : ''}` : q.kind === 'term' ? '(term)' : 'UNATTRIBUTED';
    lines.push(`    ${at(q.start).padEnd(7)} ${who.padEnd(32)} ${short(q.text)}`);
  }
  lines.push(`  dates (${a.dates.length}): ${a.dates.map((d) => `${d.text} → ${d.value}`).join('; ')}`);
  lines.push(`  places (${a.places.length}): ${unique(a.places.map((p) => p.name)).join(', ')}`);
  lines.push(`  actors (${a.actors.length}): ${unique(a.actors.map((p) => `${p.name}${p.type ? ` (${p.type})` : ''}`)).join(', ')}`);
  for (const d of a.diagnostics) lines.push(`  ${at(d.start)} ${d.severity} ${d.code} ${d.message}`);
  return lines.join('\n');
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function runAnalyze(args: string[], io: Io): number {
  const { flags, date, names, paths } = parseSeedArgs(args, ['--json'], 'analyze');
  const json = flags.has('--json');
  let failed = false;
  for (const seed of analyzeSeeds(expandPaths(paths), date, names)) {
    if (seed.error !== undefined) {
      io.err(`seed-annotate: ${seed.file}: ${seed.error}`);
      failed = true;
      continue;
    }
    const { sidecar, result: { analysis, text } } = seed;
    if (sidecar?.kind === 'invalid') {
      for (const p of sidecar.errors) io.err(`${sidecar.path}:${p.line}:${p.col}: ${p.message} (sidecar ignored)`);
      failed = true;
    }
    io.out(json ? JSON.stringify(toJson(seed.file, analysis)) : listing(seed.file, text, analysis) + '\n');
  }
  return failed ? 1 : 0;
}

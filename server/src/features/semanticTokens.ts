// Semantic tokens (full and range) with standard token types, so any theme colours
// them without configuration:
//   quote (speech)        → string
//   quote (term)          → string + readonly   (scare quotes, titles)
//   speaker mention       → parameter           (who a quote is attributed to)
//   date                  → number
//   place                 → namespace
//   actor                 → class
// Spans nest (a date inside a quote, a speaker that is also an actor): the innermost
// wins (the shorter span), so the quote's token is split around it. Tokens never
// span a line break.
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver/node';
import type { Span } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';
import type { Project } from '../workspace/project';
import { toSpan } from './positions';
import { reusedJson } from './wire';

export const TOKEN_TYPES = ['string', 'parameter', 'number', 'namespace', 'class'] as const;
export const TOKEN_MODIFIERS = ['readonly'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

/** Paint codes, in painting order: later (inner) ones overwrite earlier ones. */
const CODES: { type: TokenType; modifiers: number }[] = [
  { type: 'string', modifiers: 0 }, // 0 unused (no token)
  { type: 'string', modifiers: 0 }, // 1 speech quote
  { type: 'string', modifiers: 1 }, // 2 term quote
  { type: 'namespace', modifiers: 0 }, // 3 place
  { type: 'class', modifiers: 0 }, // 4 actor
  { type: 'number', modifiers: 0 }, // 5 date
  { type: 'parameter', modifiers: 0 }, // 6 speaker
];

export async function semanticTokens(project: Project, uri: string, range?: Range): Promise<SemanticTokens> {
  const f = await project.get(uri);
  return range ? { data: encodeTokens(f, toSpan(f, range)) } : fullTokens(f);
}

/** Tokens of a whole version, computed (and, on stdio, serialised) once: never mutate them. */
const full = new WeakMap<AnalyzedText, SemanticTokens>();

function fullTokens(f: AnalyzedText): SemanticTokens {
  let tokens = full.get(f);
  if (!tokens) full.set(f, (tokens = reusedJson({ data: encodeTokens(f, { start: 0, end: f.size }) })));
  return tokens;
}

/** Encodes the tokens overlapping `window` (analysis offsets) in LSP's relative form. */
export function encodeTokens(f: AnalyzedText, window: Span): number[] {
  const a = f.analysis;
  // Work in document offsets (the analysis' plus the BOM shift).
  const from = window.start + f.base;
  const to = window.end + f.base;
  // The window's text and the character after it (a range request reads only its own
  // stretch of a long article, never the whole text joined).
  const text = f.doc.slice(from, to + 1);
  const paint = new Uint8Array(Math.max(0, to - from));
  const fill = (s: Span, code: number) => {
    const start = Math.max(s.start + f.base, from);
    const end = Math.min(s.end + f.base, to);
    if (end > start) paint.fill(code, start - from, end - from);
  };
  // Longest first, so inner spans overwrite outer ones; equal spans by code (a
  // speaker over the actor mention it rests on).
  const spans: { s: Span; code: number }[] = [];
  for (const q of a.quotes) spans.push({ s: q, code: q.kind === 'term' ? 2 : 1 });
  for (const p of a.places) spans.push({ s: p, code: 3 });
  for (const x of a.actors) spans.push({ s: x, code: 4 });
  for (const d of a.dates) spans.push({ s: d, code: 5 });
  for (const q of a.quotes) {
    const s = q.speaker;
    if (s && s.via !== 'annotation' && s.end > s.start && (s.end <= q.start || s.start >= q.end)) spans.push({ s, code: 6 });
  }
  const visible = spans.filter(({ s }) => s.end + f.base > from && s.start + f.base < to);
  visible.sort((x, y) => (y.s.end - y.s.start) - (x.s.end - x.s.start) || x.code - y.code);
  for (const { s, code } of visible) fill(s, code);

  const data: number[] = [];
  const startPos = f.doc.positionAt(from);
  let line = startPos.line;
  let ch = startPos.character;
  let prevLine = 0;
  let prevCh = 0;
  let runCode = 0;
  let runLine = 0;
  let runCh = 0;
  let runLen = 0;
  const flush = () => {
    if (runCode && runLen) {
      const c = CODES[runCode];
      data.push(runLine - prevLine, runLine === prevLine ? runCh - prevCh : runCh, runLen, TOKEN_TYPES.indexOf(c.type), c.modifiers);
      prevLine = runLine;
      prevCh = runCh;
    }
    runLen = 0;
  };
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i - from);
    const isBreak = c === 10 || c === 13;
    const code = isBreak ? 0 : paint[i - from];
    if (code !== runCode) {
      flush();
      runCode = code;
      runLine = line;
      runCh = ch;
    }
    if (code) runLen++;
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1 - from) !== 10)) {
      line++;
      ch = 0;
    } else if (c !== 13) ch++;
  }
  flush();
  return data;
}

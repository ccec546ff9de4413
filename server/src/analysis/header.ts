// The header line (`date YYYY-MM-DD Title`), the paragraphs and the sections.
import { isValidIsoDate } from './text';
import type { Header, Paragraph, Section } from './types';

const HEADER = /^([ \t]*)date[ \t]+(\S+)(?:[ \t]+(.*?))?[ \t]*$/;

/** Parses the first line as a header; null when the first line is no header. */
export function parseHeader(text: string): Header | null {
  const nl = text.indexOf('\n');
  let lineEnd = nl === -1 ? text.length : nl;
  if (lineEnd > 0 && text[lineEnd - 1] === '\r') lineEnd--;
  const line = text.slice(0, lineEnd);
  const m = HEADER.exec(line);
  if (!m || !/^\d/.test(m[2])) return null;
  const rawStart = m[1].length + line.slice(m[1].length).indexOf(m[2]);
  const raw = m[2];
  const title = m[3] ? m[3].trim() : null;
  return {
    start: 0,
    end: lineEnd,
    date: isValidIsoDate(raw) ? raw : null,
    rawDate: raw,
    dateSpan: { start: rawStart, end: rawStart + raw.length },
    title: title || null,
  };
}

const FINAL_PUNCT = /[.!?:;…,)\]"”»“'’]\s*$/u;

/** Whether a one-line paragraph reads as a section heading. */
export function isHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 80 || /\n/.test(t)) return false;
  if (t.split(/\s+/).length > 12) return false;
  // A quoted heading such as “Measures are being taken to prevent escalation”
  const unquoted = t.replace(/^[“"«„‘']+|[”"»“’']+$/gu, '');
  if (unquoted !== t) return !/[.!?:;…,]$/u.test(unquoted) && /^\p{Lu}/u.test(unquoted);
  return !FINAL_PUNCT.test(t) && /^[\p{Lu}\p{N}]/u.test(t);
}

const SPACE_CHAR = /\s/;

/** Paragraphs: runs of non-blank lines, after the header line when there is one. */
export function splitParagraphs(text: string, from: number): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\r\n]*(\r\n|\n|\r|$)/gy;
  re.lastIndex = from;
  let start = -1;
  let end = -1;
  let lines = 0;
  // (No closure for the paragraph's end: its optimised code would die with it at a full
  // garbage collection, and each analysis after one re-optimise it.)
  while (re.lastIndex < text.length) {
    const at = re.lastIndex;
    const m = re.exec(text);
    if (!m) break;
    const lineEnd = at + m[0].length - m[1].length;
    if (text.slice(at, lineEnd).trim() === '') {
      if (start !== -1) pushParagraph(out, text, start, end, lines);
      start = -1;
      lines = 0;
    } else {
      if (start === -1) start = at + (text.slice(at, lineEnd).length - text.slice(at, lineEnd).trimStart().length);
      end = lineEnd;
      while (end > start && SPACE_CHAR.test(text[end - 1])) end--;
      lines++;
    }
    if (m[0].length === 0) break;
  }
  if (start !== -1) pushParagraph(out, text, start, end, lines);
  return out;
}

function pushParagraph(out: Paragraph[], text: string, start: number, end: number, lines: number): void {
  out.push({ start, end, heading: lines === 1 && isHeading(text.slice(start, end)) });
}

/** Sections: the run of paragraphs under each heading (the first one under the title). */
export function buildSections(text: string, header: Header | null, paragraphs: Paragraph[]): Section[] {
  const out: Section[] = [];
  let current: Section | null = null;
  for (const p of paragraphs) {
    if (p.heading) {
      if (current) out.push(current);
      current = { start: p.start, end: p.end, title: text.slice(p.start, p.end).trim(), heading: { start: p.start, end: p.end } };
    } else if (!current) {
      current = { start: p.start, end: p.end, title: header?.title ?? '(untitled)', heading: null };
    } else current.end = p.end;
  }
  if (current) out.push(current);
  return out;
}

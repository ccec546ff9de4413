// Small text helpers shared by the recognisers.
import type { PieceText } from './pieceText';

/** Removes a leading UTF-8 BOM: offsets count in the text as an editor shows it. A text in pieces stays in pieces. */
export function stripBom<T extends string | PieceText>(text: T): T {
  if (text.charCodeAt(0) !== 0xfeff) return text;
  return (typeof text === 'string' ? text.slice(1) : (text as PieceText).edit(0, 1, '')) as T;
}

/** 1-based line and column (UTF-16) of an offset, for listings. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}

/** Whether a date string YYYY-MM-DD names a real calendar day. */
export function isValidIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** Whether a UTF-16 code unit is white space as a regular expression's \s reads it. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The number of words (runs of non-space) in `s`, counted up to `max` (no array of them). */
export function wordCount(s: string, max: number): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length && n < max; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

// Offsets ↔ line/character over a text's line starts, for the two document classes that
// hold a text in different shapes (LiveDocument: pieces while typing; FrozenText: one
// string per analysed version). Same answers as vscode-languageserver-textdocument:
// positions never point inside a line break, out-of-range input is clamped.
import type { Position, Range } from 'vscode-languageserver-textdocument';

/** A text seen through its line starts, its length and a character reader. */
export interface Lines {
  readonly starts: readonly number[];
  readonly size: number;
  charCodeAt(offset: number): number;
}

const isLineBreak = (c: number) => c === 10 || c === 13;

/** The position half of a TextDocument, for a class that has line starts and characters. */
export abstract class LineIndexed implements Lines {
  abstract readonly starts: readonly number[];
  abstract readonly size: number;
  abstract charCodeAt(offset: number): number;

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    return positionAt(this, offset);
  }

  offsetAt(position: Position): number {
    return offsetAt(this, position);
  }

  getLineRange(line: number): Range {
    return lineRange(this, line);
  }

  getEOLCharacters(line: number): string {
    const at = lineBreakAt(this, line);
    let eol = '';
    if (at) for (let i = at[0]; i < at[1]; i++) eol += String.fromCharCode(this.charCodeAt(i));
    return eol;
  }
}

export function positionAt(t: Lines, offset: number): Position {
  offset = Math.max(0, Math.min(offset, t.size));
  const starts = t.starts;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid] > offset) high = mid;
    else low = mid + 1;
  }
  const line = low - 1;
  return { line, character: beforeLineBreak(t, offset, starts[line]) - starts[line] };
}

export function offsetAt(t: Lines, position: Position): number {
  const starts = t.starts;
  if (position.line >= starts.length) return t.size;
  if (position.line < 0) return 0;
  const start = starts[position.line];
  if (position.character <= 0) return start;
  return beforeLineBreak(t, Math.min(start + position.character, lineEnd(t, position.line)), start);
}

export function lineRange(t: Lines, line: number): Range {
  const starts = t.starts;
  if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (line >= starts.length) {
    const last = starts.length - 1;
    return { start: { line: last, character: 0 }, end: { line: last, character: t.size - starts[last] } };
  }
  return { start: { line, character: 0 }, end: { line, character: beforeLineBreak(t, lineEnd(t, line), starts[line]) - starts[line] } };
}

/** Where a line's break characters are ([from, to), empty for the last line); null past the text. */
export function lineBreakAt(t: Lines, line: number): [number, number] | null {
  if (line < 0 || line >= t.starts.length) return null;
  const end = lineEnd(t, line);
  return [beforeLineBreak(t, end, t.starts[line]), end];
}

/** Offsets where lines start (the first is 0). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  if (text.indexOf('\r') === -1) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) starts.push(i + 1);
  }
  return starts;
}

/** Where the next line starts (the text's end for the last line). */
function lineEnd(t: Lines, line: number): number {
  return line + 1 < t.starts.length ? t.starts[line + 1] : t.size;
}

function beforeLineBreak(t: Lines, offset: number, lineStart: number): number {
  while (offset > lineStart && isLineBreak(t.charCodeAt(offset - 1))) offset--;
  return offset;
}

// Offsets ↔ LSP positions. The analysis speaks UTF-16 offsets into the text with a
// BOM removed; LSP speaks line/character into the text the editor has (which may
// keep the BOM). Only the feature modules convert, and only through here.
import { ResponseError, ErrorCodes, type Position, type Range, type Location } from 'vscode-languageserver/node';
import type { Span } from '../analysis';
import type { AnalyzedText } from '../workspace/analyzed';

export function toPosition(f: AnalyzedText, offset: number): Position {
  return f.doc.positionAt(offset + f.base);
}

export function toRange(f: AnalyzedText, span: Span): Range {
  return { start: toPosition(f, span.start), end: toPosition(f, span.end) };
}

export function toLocation(f: AnalyzedText, span: Span): Location {
  return { uri: f.uri, range: toRange(f, span) };
}

/**
 * The analysis offset of a request position. A line outside the document is an
 * error (InvalidParams); a character past the end of its line means the end of
 * the line, as the LSP specification says.
 */
export function toOffset(f: AnalyzedText, pos: Position): number {
  const doc = f.doc;
  if (!pos || !Number.isInteger(pos.line) || !Number.isInteger(pos.character) || pos.line < 0 || pos.character < 0) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Invalid position ${JSON.stringify(pos)}.`);
  }
  if (pos.line >= doc.lineCount) {
    throw new ResponseError(ErrorCodes.InvalidParams, `Position ${pos.line}:${pos.character} is outside ${f.uri} (${doc.lineCount} lines).`);
  }
  return Math.max(0, doc.offsetAt(pos) - f.base);
}

/** The analysis span of a request range (both ends checked like positions). */
export function toSpan(f: AnalyzedText, range: Range): Span {
  if (!range) throw new ResponseError(ErrorCodes.InvalidParams, 'Missing range.');
  const start = toOffset(f, range.start);
  const end = toOffset(f, range.end);
  return start <= end ? { start, end } : { start: end, end: start };
}

/** Zero-based line of an offset. */
export function lineOf(f: AnalyzedText, offset: number): number {
  return toPosition(f, offset).line;
}

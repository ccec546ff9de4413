// Fixtures of the protocol tests (our own sentences, plus the example article) and
// an independent offset → position conversion to check the server's ranges.
import { readFileSync } from 'fs';
import * as path from 'path';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { ROOT } from './client';

export const EXAMPLE = readFileSync(path.join(ROOT, 'seeds/000_69c84b4dfaca571e.txt'), 'utf8');

/** A short article: attributed and unattributed quotes, dates, places, a section, a quote over two paragraphs. */
export const HARBOUR = [
  'date 2024-05-10 Harbour talks resume in Lisbon',
  '',
  'The mayor of Lisbon, Carlos Moedas, said on Wednesday that the talks would resume.',
  '',
  '“We are ready to sign the agreement,” Moedas said. He added that the port “will not close”.',
  '',
  'The unions in Porto called the plan “a betrayal”.',
  '',
  'Second round',
  '',
  '“The second round starts in June.',
  '',
  '“It will be long, and nobody knows when it ends.”',
  '',
  'Ana Lopes, the minister of transport, spoke to reporters in Porto on Friday.',
  '',
].join('\n');

/** A quote with nobody around to say it: the analysis cannot attribute it. */
export const LONELY = 'date 2024-02-01 A quiet day\n\nNothing happened in the morning.\n\n“Nothing will ever change here.”\n';

/** A second article on disk naming Porto, for workspace-wide lookups. */
export const PORTO = 'date 2024-06-01 Dockers strike in Porto\n\nDockers in Porto went on strike on Monday. Ships waited off the coast of Porto for two days.\n';

/** Offset → LSP position, computed independently of the server (LF line ends). */
export function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export function rangeOf(text: string, span: { start: number; end: number }): Range {
  return { start: positionAt(text, span.start), end: positionAt(text, span.end) };
}

export function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let l = 0; l < p.line; l++) offset = text.indexOf('\n', offset) + 1;
  return offset + p.character;
}

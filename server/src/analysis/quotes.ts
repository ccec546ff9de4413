// Quotation spans. CONTRACT:
//  findQuotes(text, paragraphs): every quote with document offsets, marks included,
//  speaker null (attribution is speakers.ts), kind a first guess.
import type { Paragraph, Quote } from './types';

export function findQuotes(_text: string, _paragraphs: Paragraph[]): Quote[] {
  return [];
}

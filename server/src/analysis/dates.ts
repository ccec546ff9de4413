// Dates normalised against the publication date. CONTRACT:
//  detectDates(paragraphText, referenceDate): offsets local to the paragraph text.
import type { DateMention } from './types';

export function detectDates(_paragraphText: string, _referenceDate: string | null): DateMention[] {
  return [];
}

// Who said each quote. CONTRACT:
//  attributeSpeakers(text, paragraphs, quotes, actors): the quotes with speaker, cue and
//  kind set; actors are the document's resolved actor mentions (for canonical names).
import type { Entity, Paragraph, Quote } from './types';

export function attributeSpeakers(_text: string, _paragraphs: Paragraph[], quotes: Quote[], _actors: Entity[]): Quote[] {
  return quotes;
}

// Places and actors. CONTRACT:
//  detectEntities(paragraphText, gazetteer): mentions with offsets local to the paragraph text
//  resolveEntities(text, mentions, gazetteer): document-level pass (short forms to full
//  names, a country as place or actor by its role) with document offsets.
import type { Gazetteer } from './gazetteer';
import type { Entity } from './types';

export function detectEntities(_paragraphText: string, _gazetteer: Gazetteer): Entity[] {
  return [];
}

export function resolveEntities(_text: string, mentions: Entity[], _gazetteer: Gazetteer): { places: Entity[]; actors: Entity[] } {
  return { places: mentions.filter((m) => m.kind === 'place'), actors: mentions.filter((m) => m.kind === 'actor') };
}

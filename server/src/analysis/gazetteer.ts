// The gazetteer: known places and actors with their aliases. It is an input to
// the analysis: the built-in list plus names the user annotated.
// CONTRACT (owned by the entities work): buildGazetteer(extra) -> Gazetteer with a
// stable `key` (changes whenever the entries change; used for caching).
import type { GazetteerEntry } from './types';

export class Gazetteer {
  readonly key: string;
  private readonly bySurface = new Map<string, GazetteerEntry>();
  constructor(readonly entries: readonly GazetteerEntry[]) {
    for (const e of entries) {
      for (const s of [e.name, ...(e.aliases ?? []), ...(e.adjectives ?? [])]) this.bySurface.set(s.toLowerCase(), e);
    }
    this.key = String(entries.length) + ':' + entries.map((e) => e.name).join('|').length;
  }
  lookup(surface: string): GazetteerEntry | undefined {
    return this.bySurface.get(surface.toLowerCase());
  }
}

export function buildGazetteer(extra: readonly GazetteerEntry[] = []): Gazetteer {
  return new Gazetteer([...extra]);
}

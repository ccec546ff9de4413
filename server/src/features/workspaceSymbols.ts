// Workspace symbols: actors, places and quotes across every seed file of the
// workspace folders (the background index) and the open documents.
import type { SymbolInformation } from 'vscode-languageserver/node';
import type { Project } from '../workspace/project';
import { entityFacts } from '../workspace/stats';
import { toLocation } from './positions';
import { quoteName, speakerLabel, SYMBOL_KINDS } from './symbols';

/** Upper bound on workspace symbols per request (clients filter further as the user types). */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export async function workspaceSymbols(project: Project, query: string): Promise<SymbolInformation[]> {
  const match = fuzzy(query);
  const out: SymbolInformation[] = [];
  for (const f of await project.all()) {
    const container = f.analysis.header?.title ?? (f.path ? f.path.split(/[\\/]/).pop()! : f.uri);
    for (const x of entityFacts(f.analysis).values()) {
      if (!x.mentions.length || !match(x.name)) continue;
      const kind = x.kinds.has('actor') ? SYMBOL_KINDS.actor : SYMBOL_KINDS.place;
      out.push({ name: x.name, kind, containerName: container, location: toLocation(f, x.mentions[0]) });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
    for (const q of f.analysis.quotes) {
      const name = quoteName(q.text);
      if (!match(name) && !(q.speaker && match(q.speaker.name))) continue;
      out.push({ name, kind: SYMBOL_KINDS.quote, containerName: `${speakerLabel(q)} — ${container}`, location: toLocation(f, q) });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
  }
  return out;
}

/** Case-insensitive subsequence match, as editors filter symbol lists. */
function fuzzy(query: string): (s: string) => boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return () => true;
  return (s) => {
    const t = s.toLowerCase();
    let i = 0;
    for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
    return i === q.length;
  };
}

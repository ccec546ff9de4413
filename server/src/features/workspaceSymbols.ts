// Workspace symbols: actors, places and quotes across every seed file of the
// workspace folders (the background index) and the open documents, from their
// digests (workspace/digest.ts).
import type { SymbolInformation } from 'vscode-languageserver/node';
import { firstMentionLocation, kindsOf, mentionCount, quoteTotal, quoteLocation, quoteName, quoteSpeaker } from '../workspace/digest';
import type { Project } from '../workspace/project';
import { SYMBOL_KINDS } from './symbols';

/** Upper bound on workspace symbols per request (clients filter further as the user types). */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export async function workspaceSymbols(project: Project, query: string): Promise<SymbolInformation[]> {
  const match = fuzzy(query);
  const out: SymbolInformation[] = [];
  for (const d of await project.all()) {
    for (let i = 0; i < d.names.length; i++) {
      const name = d.names[i];
      if (!mentionCount(d, i) || !match(name)) continue;
      const kind = kindsOf(d, i).includes('actor') ? SYMBOL_KINDS.actor : SYMBOL_KINDS.place;
      out.push({ name, kind, containerName: d.container, location: firstMentionLocation(d, i) });
      if (out.length >= MAX_WORKSPACE_SYMBOLS) return out;
    }
    for (let q = 0; q < quoteTotal(d); q++) {
      const name = quoteName(d, q);
      const speaker = quoteSpeaker(d, q);
      if (!match(name) && !(speaker !== null && match(speaker))) continue;
      out.push({ name, kind: SYMBOL_KINDS.quote, containerName: `${d.quoteLabels[q]} — ${d.container}`, location: quoteLocation(d, q) });
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

// References: from any mention of an actor or place (or a speaker mention such as a
// resolved "he") to all mentions of the same canonical name across the workspace,
// plus the quotes attributed to it.
import type { Location, Position } from 'vscode-languageserver/node';
import type { Project } from '../workspace/project';
import { entityFacts } from '../workspace/stats';
import { nameAt } from './lookup';
import { toLocation, toOffset } from './positions';

export async function references(project: Project, uri: string, position: Position): Promise<Location[]> {
  const f = await project.get(uri);
  const name = nameAt(f.analysis, toOffset(f, position));
  if (!name) return [];
  const out: Location[] = [];
  for (const other of await project.all()) {
    const facts = entityFacts(other.analysis).get(name);
    if (!facts) continue;
    for (const m of facts.mentions) out.push(toLocation(other, m));
    for (const q of facts.quotes) out.push(toLocation(other, q));
  }
  return out;
}

// References: from any mention of an actor or place (or a speaker mention such as a
// resolved "he") to all mentions of the same canonical name across the workspace,
// plus the quotes attributed to it.
import type { Location, Position } from 'vscode-languageserver/node';
import { mentionLocations, nameIndex, quoteLocations } from '../workspace/digest';
import type { Project } from '../workspace/project';
import { nameAt } from './lookup';
import { toOffset } from './positions';

export async function references(project: Project, uri: string, position: Position): Promise<Location[]> {
  const f = await project.get(uri);
  const name = nameAt(f.analysis, toOffset(f, position));
  if (!name) return [];
  const out: Location[] = [];
  for (const d of await project.all()) {
    const i = nameIndex(d, name);
    if (i < 0) continue;
    out.push(...mentionLocations(d, i), ...quoteLocations(d, name));
  }
  return out;
}

// Which seed files have a sidecar next to them, from one directory listing per
// folder instead of one failed read per file (10,000 files live in a few folders).
import { promises as fs } from 'fs';
import * as path from 'path';
import { SIDECAR_SUFFIX } from './files';

/**
 * The candidates whose folder lists `<name>.ann.yaml`. A folder that cannot be
 * listed counts as having sidecars for all its files (the reads then decide).
 */
export async function withSidecars(candidates: readonly string[]): Promise<Set<string>> {
  const byDir = new Map<string, string[]>();
  for (const p of candidates) {
    const dir = path.dirname(p);
    let files = byDir.get(dir);
    if (!files) byDir.set(dir, (files = []));
    files.push(p);
  }
  const out = new Set<string>();
  await Promise.all([...byDir].map(async ([dir, files]) => {
    let names: Set<string> | null;
    try {
      names = new Set(await fs.readdir(dir));
    } catch {
      names = null;
    }
    for (const p of files) if (!names || names.has(path.basename(p) + SIDECAR_SUFFIX)) out.add(p);
  }));
  return out;
}

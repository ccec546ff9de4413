// `seed-annotate names [--out FILE] PATH...`: the places and actors annotated in the
// sidecars of the seed files under PATH, as a names file (namesFile.ts) for
// `--gazetteer` in a run split across processes or machines.
import { readSidecars } from '../sidecar/store';
import { expandPaths } from './files';
import { UsageError, writeOutput, type Io } from './io';
import { namesJson } from './namesFile';

export function runNames(args: string[], io: Io): number {
  let out: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out') out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (out === '' || (out === undefined && args.includes('--out'))) throw new UsageError('--out needs a path');
  if (!paths.length) throw new UsageError('names needs at least one file or folder');
  const files = expandPaths(paths);
  const names = readSidecars(files).gazetteer;
  const json = namesJson(names);
  if (!out || out === '-') {
    io.out(json.replace(/\n$/, ''));
  } else if (!writeOutput(io, 'names', out, json, true /* as sidecars are written */)) {
    return 1;
  }
  io.err(`${names.length} name(s) from the sidecars of ${files.length} file(s)`);
  return 0;
}

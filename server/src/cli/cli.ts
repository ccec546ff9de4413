// seed-annotate: the command-line front end of the analysis and the sidecars.
import { runAnalyze } from './analyzeCommand';
import { runCheck } from './checkCommand';
import { runExport } from './exportCommand';
import { runNames } from './namesCommand';
import { processIo, UsageError, type Io } from './io';

const USAGE = `usage: seed-annotate <command> [options] PATH...

commands:
  analyze [--json] [--date YYYY-MM-DD] [--gazetteer FILE] PATH...   quotes, speakers, dates, places, actors
  check [--strict] [--date YYYY-MM-DD] [--gazetteer FILE] PATH...    diagnostics as file:line:col (exit 1 on
                                                  errors, or on warnings with --strict)
  export --format w3c|jsonl|csv|brat|md [--include-detected] [--date YYYY-MM-DD] [--gazetteer FILE] [--out PATH] PATH...
      w3c, jsonl, csv: one stream for all files, to stdout or to the file --out PATH.
      brat, md: one file per article, --out FOLDER required (paths below each folder argument kept).
      Human annotations only, unless --include-detected adds machine findings (marked "detected").
  names [--out FILE] PATH...   the places and actors annotated in the sidecars, as a names file

PATH is a seed file or a folder of them. Names annotated in any file of a run teach all of
them; --gazetteer FILE adds those of a names file (a corpus split across processes: gather
the names once with \`names\`, give the file to every part).`;

type Command = (args: string[], io: Io) => number | Promise<number>;
const commands: Record<string, Command> = {
  analyze: runAnalyze,
  check: runCheck,
  export: runExport,
  names: runNames,
};

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.out : io.err)(USAGE);
    return name ? 0 : 2;
  }
  const run = commands[name];
  if (!run) {
    io.err(`seed-annotate: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  try {
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`seed-annotate ${name}: ${e.message}\n${USAGE}`);
      return 2;
    }
    io.err(`seed-annotate ${name}: ${(e as Error).stack ?? e}`);
    return 1;
  }
}

if (require.main === module) {
  // A reader that stops early (`| head`) closes the pipe: stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}

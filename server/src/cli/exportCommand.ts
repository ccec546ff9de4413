// `seed-annotate export --format F [--include-detected] [--date D] [--out PATH] PATH...`
// Stream formats (w3c, jsonl, csv) write one text for all articles to stdout or
// to the file --out. Per-article formats (brat, md) need --out FOLDER: each
// article's files keep its path below the folder argument it came from (a file
// argument: its name), so nothing is ever written outside FOLDER.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { collectRecords, FORMATS, type ArticleExport, type FormatName } from '../export';
import { SIDECAR_SUFFIX } from '../sidecar/format';
import type { GazetteerEntry } from '../analysis';
import { analyzeSeeds, dateOption, expandPaths, namesOption } from './files';
import { errorText, UsageError, writeOutput, type Io } from './io';

interface Options {
  format: FormatName;
  includeDetected: boolean;
  out?: string;
  date?: string;
  names?: GazetteerEntry[];
  paths: string[];
}

function parseArgs(args: string[]): Options {
  let format: string | undefined;
  let includeDetected = false;
  let out: string | undefined;
  let date: string | undefined;
  let names: GazetteerEntry[] | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '--include-detected') includeDetected = true;
    else if (a === '--out') out = args[++i];
    else if (a.startsWith('--out=')) out = a.slice(6);
    else if (a === '--date') {
      date = dateOption(args[++i]);
    } else if (a === '--gazetteer') names = namesOption(args[++i]);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!format) throw new UsageError(`export needs --format (${Object.keys(FORMATS).join(', ')})`);
  if (!(format in FORMATS)) throw new UsageError(`unknown format "${format}" (known: ${Object.keys(FORMATS).join(', ')})`);
  if (out === '') throw new UsageError('--out needs a path');
  if (!paths.length) throw new UsageError('export needs at least one file or folder');
  if (FORMATS[format as FormatName].kind === 'per-article' && !out) {
    throw new UsageError(`--format ${format} writes one file per article: give the folder with --out FOLDER`);
  }
  return { format: format as FormatName, includeDetected, out, date, names, paths };
}

/** Each seed file with the name its outputs take below the output folder. */
function filesWithNames(paths: readonly string[]): Array<{ file: string; name: string }> {
  const out: Array<{ file: string; name: string }> = [];
  for (const p of paths) {
    for (const file of expandPaths([p])) {
      const rel = file === p ? basename(file) : relative(p, file);
      out.push({ file, name: rel.split(sep).join('/') });
    }
  }
  return out;
}

/** The output path of `name` + `ext` inside `folder`; refuses anything that would land outside it. */
export function safeOutputPath(folder: string, name: string, ext: string): string {
  const stem = name.replace(/(\.seed\.txt|\.seed|\.txt)$/i, '');
  const parts = stem.split(/[\\/]/);
  if (isAbsolute(stem) || parts.some((s) => s === '..' || s === '' || s === '.' || s.includes('\0'))) {
    throw new Error(`refusing to export "${name}": its name would leave the output folder`);
  }
  const target = resolve(folder, ...parts) + ext;
  const root = resolve(folder);
  if (!target.startsWith(root + sep)) throw new Error(`refusing to export "${name}": its name would leave the output folder`);
  return target;
}

export function runExport(args: string[], io: Io): number {
  const opt = parseArgs(args);
  const format = FORMATS[opt.format];
  const entries = filesWithNames(opt.paths);
  const protectedPaths = new Set(entries.flatMap(({ file }) => [resolve(file), resolve(file + SIDECAR_SUFFIX)]));
  let failed = false;
  const articles: Array<{ article: ArticleExport; name: string }> = [];
  // Line formats are written article by article: memory stays flat whatever the corpus size.
  const streaming = format.kind === 'stream' && format.lines ? openStream(opt.out, protectedPaths, io) : null;
  if (streaming && format.kind === 'stream' && format.lines) streaming.write(format.lines.head);
  const nameOf = new Map(entries.map((e) => [e.file, e.name]));
  for (const seed of analyzeSeeds(entries.map((e) => e.file), opt.date, opt.names)) {
    if (seed.error !== undefined) {
      io.err(`seed-annotate: ${seed.file}: ${seed.error}`);
      failed = true;
      continue;
    }
    const { sidecar, result: { analysis, anchoring, text } } = seed;
    if (sidecar?.kind === 'invalid') {
      for (const p of sidecar.errors) io.err(`${sidecar.path}:${p.line}:${p.col}: error: ${p.message} (its annotations are not exported)`);
      failed = true;
    }
    const display = seed.file.split(sep).join('/');
    const article = collectRecords(display, text, analysis, anchoring, opt.includeDetected);
    if (article.orphans.length) {
      io.err(`${display}: ${article.orphans.length} annotation(s) no longer match the text and are not exported: ${article.orphans.map((o) => o.id).join(', ')}`);
    }
    if (streaming && format.kind === 'stream' && format.lines) streaming.write(format.lines.article(article));
    else articles.push({ article, name: nameOf.get(seed.file)! });
  }
  if (streaming) return streaming.finish() && !failed ? 0 : 1;

  if (format.kind === 'stream') {
    const content = format.render(articles.map((a) => a.article));
    if (!opt.out || opt.out === '-') {
      // io.out ends the text with its own line break.
      if (content) io.out(content.endsWith('\n') ? content.slice(0, -1) : content);
    } else {
      if (protectedPaths.has(resolve(opt.out))) throw new UsageError(`--out ${opt.out} is one of the input files`);
      if (!writeOutput(io, 'export', opt.out, content)) return 1;
    }
    return failed ? 1 : 0;
  }

  // Per-article: plan every path first, so a bad name or a clash writes nothing.
  const folder = opt.out!;
  const plan = new Map<string, string>();
  for (const { article, name } of articles) {
    for (const f of format.render(article)) {
      let target: string;
      try {
        target = safeOutputPath(folder, name, f.ext);
      } catch (e) {
        io.err(`seed-annotate export: ${(e as Error).message}; nothing written`);
        return 1;
      }
      if (protectedPaths.has(target)) throw new UsageError(`exporting into ${folder} would overwrite the input ${target}; choose another --out folder`);
      if (plan.has(target)) throw new UsageError(`two articles would export to the same file ${target}`);
      plan.set(target, f.content);
    }
  }
  for (const [name, content] of Object.entries(format.shared ?? {})) plan.set(join(resolve(folder), name), content);
  for (const [target, content] of plan) if (!writeOutput(io, 'export', target, content)) return 1;
  io.err(`${articles.length} article(s) exported to ${folder}`);
  return failed ? 1 : 0;
}

/**
 * Where a line format streams to: stdout, or a temporary file beside --out renamed
 * over it at the end (a failed run leaves any earlier export untouched).
 */
function openStream(out: string | undefined, protectedPaths: ReadonlySet<string>, io: Io): { write(chunk: string): void; finish(): boolean } {
  if (!out || out === '-') {
    let pending = '';
    return {
      // io.out adds the line break: hold back the last one of each chunk.
      write(chunk) {
        if (!chunk) return;
        if (pending) io.out(pending);
        pending = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      },
      finish() {
        if (pending) io.out(pending);
        return true;
      },
    };
  }
  const target = resolve(out);
  if (protectedPaths.has(target)) throw new UsageError(`--out ${out} is one of the input files`);
  const temp = `${target}.${process.pid}.tmp`;
  let fd: number | null = null;
  let error: string | null = null;
  try {
    mkdirSync(dirname(target), { recursive: true });
    fd = openSync(temp, 'w');
  } catch (e) {
    error = errorText(e);
  }
  return {
    write(chunk) {
      if (fd === null || !chunk) return;
      try {
        writeSync(fd, chunk);
      } catch (e) {
        error = errorText(e);
        closeSync(fd);
        fd = null;
      }
    },
    finish() {
      try {
        if (fd !== null) {
          closeSync(fd);
          fd = null;
          if (!error) renameSync(temp, target);
        }
      } catch (e) {
        error = errorText(e);
      }
      if (!error) return true;
      rmSync(temp, { force: true });
      io.err(`seed-annotate export: cannot write ${out}: ${error}`);
      return false;
    },
  };
}

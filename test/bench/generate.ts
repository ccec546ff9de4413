// Deterministic articles and corpora for the bench, built from the files in
// seeds/. Paragraphs are shuffled with a seeded PRNG, numbers, dates and
// weekdays are re-drawn, and generated attributed sentences (made-up people,
// real places) are mixed in, so that no two paragraphs of one article are equal:
// analyze() caches per paragraph text, and repeated paragraphs would make a
// long article look faster than it is.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { int, mulberry32, pick, shuffle, type Rng } from './prng';

export interface SeedArticle {
  title: string;
  paragraphs: string[];
}

export const SEEDS_DIR = join(__dirname, '../../seeds');

/** Reads every seed file in `dir`: header title and body paragraphs. */
export function loadSeeds(dir = SEEDS_DIR): SeedArticle[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const out: SeedArticle[] = [];
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const [first, ...rest] = text.split('\n');
    const m = /^\s*date\s+\d{4}-\d{2}-\d{2}\s*(.*)$/.exec(first);
    const body = m ? rest.join('\n') : text;
    const paragraphs = body.split(/\n[ \t]*\n+/).map((p) => p.trim()).filter(Boolean);
    if (paragraphs.length) out.push({ title: m?.[1]?.trim() || f, paragraphs });
  }
  if (!out.length) throw new Error(`no seed articles in ${dir}`);
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FIRST = ['Anna', 'David', 'Lena', 'Tigran', 'Maria', 'Omar', 'Sofia', 'Levan', 'Irina', 'Paul', 'Nadia', 'Karen', 'Elif', 'Jonas', 'Ruben', 'Marta', 'Samir', 'Hanna', 'Victor', 'Zara'];
const LAST = ['Petrosyan', 'Keller', 'Aliyeva', 'Novak', 'Brennan', 'Haddad', 'Lindqvist', 'Okafor', 'Demir', 'Moreau', 'Tanaka', 'Kowalski', 'Ferreira', 'Sargsyan', 'Ivanova', 'Mendez', 'Schulz', 'Rahimi', 'Costa', 'Weber'];
const ROLES = ['a local official', 'the deputy minister', 'an analyst', 'a spokeswoman for the ministry', 'a resident', 'the mayor', 'a senior diplomat', 'a researcher at the institute'];
const PLACES = ['Yerevan', 'Baku', 'Tbilisi', 'Moscow', 'Ankara', 'Brussels', 'Geneva', 'Vienna', 'Paris', 'Berlin', 'Washington', 'Tehran', 'Stepanakert', 'Gyumri', 'Istanbul'];
const CLAUSES = [
  'the talks will continue despite the pressure',
  'nobody has seen the final text of the agreement',
  'the road must stay open for civilian traffic',
  'we are ready to meet without preconditions',
  'the situation on the ground remains tense',
  'prices have doubled since the winter',
  'the commission has not received any explanation',
  'our priority is the safety of the residents',
  'the decision was taken without consulting us',
  'more observers are needed along the border',
  'the schools will reopen as soon as possible',
  'this is not the first such incident',
];
const RELATIVE = ['last week', 'next month', 'two days ago', 'on Friday', 'earlier this year', 'in three weeks', 'yesterday', 'next Tuesday'];

const person = (rng: Rng) => `${pick(rng, FIRST)} ${pick(rng, LAST)}`;
const day = (rng: Rng) => `${pick(rng, MONTHS)} ${int(rng, 1, 28)}`;

/** One generated sentence: a quote with a speaker, a date, a place. */
function sentence(rng: Rng): string {
  const clause = pick(rng, CLAUSES);
  const cap = clause[0].toUpperCase() + clause.slice(1);
  switch (int(rng, 0, 5)) {
    case 0: return `“${cap},” ${person(rng)}, ${pick(rng, ROLES)}, said on ${pick(rng, WEEKDAYS)}.`;
    case 1: return `${person(rng)} told reporters in ${pick(rng, PLACES)} that “${clause}.”`;
    case 2: return `According to ${person(rng)}, ${clause} since ${day(rng)}.`;
    case 3: return `On ${day(rng)}, ${int(rng, 2015, 2025)}, ${person(rng)} met officials in ${pick(rng, PLACES)}.`;
    case 4: return `Officials in ${pick(rng, PLACES)} said ${RELATIVE[int(rng, 0, RELATIVE.length - 1)]} that ${clause}.`;
    default: return `${person(rng)} warned: “${cap}.”`;
  }
}

/** Re-draws the numbers, months and weekdays of a seed paragraph. */
function vary(rng: Rng, p: string): string {
  return p
    .replace(/\b\d+\b/g, (n) => (n.length === 4 && /^(19|20)/.test(n) ? String(int(rng, 2010, 2025)) : n.length <= 2 ? String(int(rng, 1, 28)) : String(int(rng, 10 ** (n.length - 1), 10 ** n.length - 1))))
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, () => pick(rng, MONTHS))
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, () => pick(rng, WEEKDAYS));
}

const isHeading = (p: string) => !p.includes('\n') && p.length < 80 && !/[.!?:;…”"»]$/.test(p);

export interface ArticleOptions {
  /** Minimum size in UTF-8 bytes; the article ends after the paragraph that reaches it. */
  bytes: number;
  seed?: number;
  seeds?: SeedArticle[];
}

/** A seed file of about `bytes` bytes whose paragraphs are all distinct. */
export function generateArticle({ bytes, seed = 1, seeds = loadSeeds() }: ArticleOptions): string {
  const rng = mulberry32(seed);
  const pool = seeds.flatMap((s) => s.paragraphs);
  const source = pick(rng, seeds);
  const date = `${int(rng, 2015, 2025)}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`;
  const parts = [`date ${date} ${source.title} (${seed})`];
  let size = Buffer.byteLength(parts[0]);
  const seen = new Set<string>();
  let order: string[] = [];
  while (size < bytes) {
    if (!order.length) order = shuffle(rng, pool);
    const base = order.pop()!;
    let p = vary(rng, base);
    // Headings stay short; body paragraphs get a generated sentence half the time.
    if (!isHeading(base) && rng() < 0.5) p += ' ' + sentence(rng);
    while (seen.has(p)) p = isHeading(base) ? `${p} ${int(rng, 2, 999)}` : `${p} ${sentence(rng)}`;
    seen.add(p);
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n') + '\n';
}

export interface CorpusOptions {
  files: number;
  seed?: number;
  minBytes?: number;
  maxBytes?: number;
  /** Files per sub-folder, so no folder holds thousands of entries. */
  perFolder?: number;
}

/** The unique quote ending every corpus file: a workspace-symbol query that finds exactly one file. */
export const probeQuote = (i: number): string => `Corpus probe ${String(i).padStart(5, '0')} closes the file`;

/** Writes `files` articles under `dir/seeds/NNN/`, each ending with its probe quote; returns their paths and total bytes. */
export function writeCorpus(dir: string, opts: CorpusOptions): { paths: string[]; bytes: number } {
  const { files, seed = 7, minBytes = 2_000, maxBytes = 12_000, perFolder = 500 } = opts;
  const seeds = loadSeeds();
  const rng = mulberry32(seed);
  const paths: string[] = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const folder = join(dir, 'seeds', String(Math.floor(i / perFolder)).padStart(3, '0'));
    if (i % perFolder === 0) mkdirSync(folder, { recursive: true });
    const text = generateArticle({ bytes: int(rng, minBytes, maxBytes), seed: seed * 100_003 + i, seeds }) + `\n“${probeQuote(i)},” the editor said.\n`;
    const path = join(folder, `article-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(path, text);
    paths.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { paths, bytes };
}

// The packaged extension: .vsix size (stat of the file, when packaged) and the
// activation time measured by the e2e helper in code-server, read from its
// results. Nothing here starts an editor: that is the e2e run's job.
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '../..');

export interface ExtensionResult {
  vsix: { file: string; kb: number; mtime: string } | null;
  activationMs: number | null;
  activationRangeMs?: [number, number];
  source: string;
}

/** Finds a number under any of `keys` anywhere in a parsed JSON value. */
function findNumber(v: unknown, keys: RegExp): number | null {
  if (!v || typeof v !== 'object') return null;
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'number' && keys.test(k)) return x;
    const inner = findNumber(x, keys);
    if (inner !== null) return inner;
  }
  return null;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'fixtures') out.push(...jsonFiles(p));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(p);
  }
  return out;
}

export function extensionFigures(): ExtensionResult {
  const vsixFile = readdirSync(ROOT).filter((f) => f.endsWith('.vsix')).map((f) => join(ROOT, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  const vsix = vsixFile ? { file: vsixFile.slice(ROOT.length + 1), kb: Math.round(statSync(vsixFile).size / 1024), mtime: statSync(vsixFile).mtime.toISOString() } : null;
  // The e2e helper's results: the newest JSON under test/e2e/ that has an activation time.
  const candidates = jsonFiles(join(ROOT, 'test/e2e')).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const f of candidates) {
    let parsed: unknown;
    try { parsed = JSON.parse(readFileSync(f, 'utf8')); } catch { continue; }
    const activationMs = findNumber(parsed, /activation/i);
    if (activationMs !== null) return { vsix, activationMs, source: f.slice(ROOT.length + 1) };
  }
  // Else the timings the e2e helper wrote down in its README ("activation in code-server: 1.9-3.4 s").
  const readme = join(ROOT, 'test/e2e/README.md');
  if (existsSync(readme)) {
    const m = /activation in code-server:\s*([\d.]+)\s*(?:[-–]\s*([\d.]+))?\s*s\b/i.exec(readFileSync(readme, 'utf8'));
    if (m) {
      const lo = Number(m[1]) * 1000, hi = Number(m[2] ?? m[1]) * 1000;
      return { vsix, activationMs: (lo + hi) / 2, activationRangeMs: [lo, hi], source: 'test/e2e/README.md (measured by the e2e runs, range as written there; not re-measured by the bench)' };
    }
  }
  return { vsix, activationMs: null, source: 'not measured (no e2e results with an activation time under test/e2e/)' };
}

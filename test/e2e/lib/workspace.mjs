// Builds what an e2e run needs: the compiled mocha suite and a throw-away workspace.
import { build } from 'esbuild';
import { chmodSync, cpSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './codeServer.mjs';

export const suiteOutDir = join(repoRoot, 'out/e2e/suite');

/** Compiles test/e2e/suite/*.ts to CommonJS next to each other (mocha is resolved from node_modules). */
export async function compileSuite() {
  const srcDir = join(repoRoot, 'test/e2e/suite');
  const entryPoints = readdirSync(srcDir).filter((f) => f.endsWith('.ts')).map((f) => join(srcDir, f));
  await build({ entryPoints, outdir: suiteOutDir, bundle: false, platform: 'node', format: 'cjs',
    target: 'node20', sourcemap: 'inline', logLevel: 'warning' });
  return join(suiteOutDir, 'index.js');
}

/**
 * A fresh workspace: a copy of seeds/ (so the `**\/seeds/*.txt` pattern applies as for a user)
 * and the suite's own fixtures under fixtures/.
 */
export function prepareWorkspace(dir) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(repoRoot, 'seeds'), join(dir, 'seeds'), { recursive: true });
  cpSync(join(repoRoot, 'test/e2e/fixtures'), join(dir, 'fixtures'), { recursive: true });
  // The copies of read-only sources must be writable: the tests edit and rename them.
  chmodTree(dir);
  return dir;
}

function chmodTree(p) {
  const st = statSync(p);
  chmodSync(p, st.isDirectory() ? 0o755 : 0o644);
  if (st.isDirectory()) for (const e of readdirSync(p)) chmodTree(join(p, e));
}

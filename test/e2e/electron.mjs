#!/usr/bin/env node
// The same e2e suite under desktop VS Code via @vscode/test-electron (downloads VS Code from
// Microsoft on first use, so it needs internet and a display: run it on a desktop, or under xvfb-run).
//   npm run test:electron            (VSCODE_VERSION=stable|insiders|1.91.0 to choose)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './lib/codeServer.mjs';
import { compileSuite, prepareWorkspace } from './lib/workspace.mjs';

const runDir = mkdtempSync(join(tmpdir(), 'seed-e2e-electron-'));
const ws = prepareWorkspace(join(runDir, 'workspace'));
let code = 1;
try {
  const extensionTestsPath = await compileSuite();
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes',
      '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions')],
    extensionTestsEnv: { SEED_E2E_GREP: process.env.SEED_E2E_GREP ?? '' },
  }).then(() => 0, (e) => { console.error(e); return 1; });
} finally {
  if (code === 0) rmSync(runDir, { recursive: true, force: true });
  else console.error(`run folder kept: ${runDir}`);
}
process.exitCode = code;

#!/usr/bin/env node
// End-to-end runner: a real VS Code (code-server) driven by headless Chromium.
//
//   node test/e2e/run.mjs suite [--grep RE] [--keep]   mocha suite inside the extension host
//                                                      (extensionDevelopmentPath = this repo)
//   node test/e2e/run.mjs ui [--vsix FILE] [--keep]    installs the packaged .vsix and drives
//                                                      the workbench like a person (test/e2e/ui/)
//
// Each run gets a fresh temp folder (profile, workspace, TMPDIR); it is removed when the run
// passes and kept (path printed) when it fails or with --keep. code-server runs in its own
// process group and is killed with it on every exit path, Ctrl+C included.
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, ensureTools, freePort, installExtension, prepareProfile, repoRoot,
  startCodeServer } from './lib/codeServer.mjs';
import { compileSuite, prepareWorkspace } from './lib/workspace.mjs';

const EXTENSION_ID = 'seed-annotator.seed-annotator';
// Harmless offline noise (gallery, GitHub auth, agent host): kept in extension-host.log, not printed.
const WORKBENCH_NOISE = /ENOTFOUND|open-vsx|authentication provider|\[AgentHost|AccountPolicyGate|vsda|Failed to fetch/;
const argv = process.argv.slice(2);
const mode = argv[0];
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const keep = argv.includes('--keep');
if (mode !== 'suite' && mode !== 'ui') {
  console.error('usage: node test/e2e/run.mjs suite|ui [--grep RE] [--vsix FILE] [--keep]');
  process.exit(2);
}

const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (m) => console.log(`[e2e ${since()}] ${m}`);

const cleanups = [];
async function cleanup() { while (cleanups.length) await cleanups.pop()().catch((e) => console.error(e)); }
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => { say(`${sig}: stopping`); cleanup().finally(() => process.exit(130)); });
}

async function main() {
  const tools = ensureTools({ quiet: !!process.env.CI });
  say(`tools in ${tools}`);
  const runDir = mkdtempSync(join(tmpdir(), `seed-e2e-${mode}-`));
  const ws = prepareWorkspace(join(runDir, 'workspace'));
  // Prose reads better wrapped; the hover and outline screenshot is the README's.
  const profile = prepareProfile(runDir, tools, mode === 'ui' ? { 'editor.wordWrap': 'on',
    'workbench.colorTheme': 'Default Light Modern', 'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'outline.collapseItems': 'alwaysCollapse' } : {});
  let passed = false;
  cleanups.push(async () => {
    if (passed && !keep) rmSync(runDir, { recursive: true, force: true });
    else say(`run folder kept: ${runDir}`);
  });

  let vsix;
  if (mode === 'ui') {
    vsix = opt('--vsix') ?? join(repoRoot, 'seed-annotator.vsix');
    if (!existsSync(vsix)) throw new Error(`${vsix} not found: run \`npm run package\` first (npm run test:ui does)`);
    say(installExtension(tools, profile, vsix).split('\n').pop());
  } else {
    if (!existsSync(join(repoRoot, 'dist/client.js'))) throw new Error('dist/ missing: run `npm run build` first');
  }
  const testsMain = mode === 'suite' ? await compileSuite() : null;

  const port = Number(process.env.PORT) || await freePort();
  // The extension host inherits the server's environment: that is how options reach the suite.
  if (opt('--grep')) profile.env.SEED_E2E_GREP = opt('--grep');
  profile.env.SEED_E2E_CLI_NODE = process.execPath; // a plain Node to run dist/cli.js from the suite
  const server = await startCodeServer({ tools, profile, runDir, port, smokeTestDriver: mode === 'suite' });
  cleanups.push(() => server.stop());
  say(`code-server on ${server.url} (pgid ${server.pid}), log ${server.log}`);

  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS,
    env: profile.env });
  cleanups.push(() => browser.close());

  if (mode === 'suite') passed = await runSuite({ browser, server, ws, testsMain });
  else {
    const { runUi } = await import('./ui/ui.mjs');
    passed = await runUi({ browser, server, ws, say, screenshotsDir: join(repoRoot, 'test/e2e/screenshots'),
      docsShot: join(repoRoot, 'docs/screenshot.png'), extensionId: EXTENSION_ID });
  }
  say(passed ? 'PASSED' : 'FAILED');
  return passed;
}

/** Opens the workbench with VS Code's extension-test payload and relays the suite's output and exit code. */
async function runSuite({ browser, server, ws, testsMain }) {
  const page = await (await browser.newContext()).newPage();
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  // The smoke-test driver forwards the extension host's console and process.exit through these.
  const hostLog = createWriteStream(join(server.runDir, 'extension-host.log'));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    let text = format(...args);
    if (!process.stdout.isTTY) text = text.replace(/\x1b\[[0-9;]*m/g, ''); // plain logs in CI
    hostLog.write(`[${type}] ${text}\n`);
    // The workbench's own complaints about being offline would bury the test report.
    if (!WORKBENCH_NOISE.test(text)) (type === 'error' ? console.error : console.log)(text);
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  const authority = new URL(server.url).host;
  const remote = (p) => `vscode-remote://${authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(repoRoot)], ['extensionTestsPath', remote(testsMain)],
    ['skipWelcome', 'true']];
  say('opening the workbench; the suite runs inside the extension host');
  await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const timeoutMs = Number(process.env.SEED_E2E_TIMEOUT_MS) || 300_000;
  let timer;
  const code = await Promise.race([exited,
    new Promise((r) => { timer = setTimeout(() => r('timeout'), timeoutMs); timer.unref(); })]);
  clearTimeout(timer);
  say(`extension tests exit code: ${code}`);
  return code === 0;
}

main().then(async (ok) => { await cleanup(); process.exitCode = ok ? 0 : 1; },
  async (e) => { console.error(`[e2e ${since()}] ERROR`, e); await cleanup(); process.exitCode = 1; });

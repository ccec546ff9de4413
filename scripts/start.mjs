#!/usr/bin/env node
// `npm start`: open seeds/ in VS Code with this extension loaded.
//   - desktop VS Code (`code` on the PATH): code --extensionDevelopmentPath=<repo> seeds
//   - otherwise code-server (VS Code in the browser) on 127.0.0.1:PORT, printing the address.
// Options: --port N (or env PORT, default 8765), --host H (default 127.0.0.1),
//          --code-server (use code-server even when `code` exists), --folder DIR (default seeds/).
// The first code-server run installs its tools via scripts/e2e-setup.sh (a few minutes, once).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureTools, prepareProfile, repoRoot, startCodeServer } from '../test/e2e/lib/codeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(name); return i >= 0 ? argv[i + 1] : undefined; };
const folder = resolve(opt('--folder') ?? join(repoRoot, 'seeds'));
const port = Number(opt('--port') ?? process.env.PORT ?? 8765);
const host = opt('--host') ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`npm start: invalid port "${opt('--port') ?? process.env.PORT}" (expected 1-65535)`);
  process.exit(2);
}

const build = spawnSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], { stdio: 'inherit', cwd: repoRoot });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasCode = !argv.includes('--code-server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (hasCode) {
  console.log(`Opening ${folder} in VS Code with the extension from ${repoRoot}`);
  const r = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

console.log('`code` is not on the PATH: starting VS Code in the browser (code-server).');
const tools = ensureTools();
// A profile kept between runs (settings, open editors) in .e2e/start; the extension is linked
// afresh each time so the build you just made is the one that loads.
const runDir = join(repoRoot, '.e2e/start');
const profile = prepareProfile(runDir, tools, {}, { keepSettings: true });
const { version, publisher, name } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
rmSync(profile.dirs.extensions, { recursive: true, force: true });
mkdirSync(profile.dirs.extensions, { recursive: true });
symlinkSync(repoRoot, join(profile.dirs.extensions, `${publisher}.${name}-${version}`));

let server;
try {
  server = await startCodeServer({ tools, profile, runDir, port, host });
} catch (e) {
  console.error(`npm start: ${e.message}\n(is port ${port} taken? try PORT=8899 npm start)`);
  process.exit(1);
}
const address = `${server.url}/?folder=${encodeURIComponent(folder).replace(/%2F/g, "/")}`;
console.log(`\nSeed Annotator is ready. Open this address in your browser:\n\n    ${address}\n\n` +
  `Server log: ${server.log}\nPress Ctrl+C to stop.`);
let stopping = false;
const stop = async () => { stopping = true; await server.stop(); console.log('\nStopped.'); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited on its own (${code}); see ${server.log}`);
  process.exit(1);
});

// Bundles the client, the language server (and its index worker) and the CLI into dist/ with esbuild.
// `--production` minifies and drops source maps (used by `npm run package`).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  sourcemap: !production, minify: production, logLevel: 'warning',
  mainFields: ['module', 'main'],
  // Node has \p{…} in regexes; without this esbuild rewrites such literals as new RegExp(…) calls, rebuilt on every call.
  supported: { 'regexp-unicode-property-escapes': true },
};
await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // Workspace indexing runs on worker threads; the server starts them from this file next to it.
  build({ ...common, entryPoints: ['server/src/workspace/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The analysis core alone, bundled as in the server and the CLI: what `npm run bench`
  // times (not shipped in the .vsix).
  build({ ...common, entryPoints: ['server/src/analysis/index.ts'], outfile: 'dist/analysis.js' }),
]);
chmodSync('dist/cli.js', 0o755);

// Lets mocha (and node) require TypeScript sources directly: esbuild strips the
// types file by file. Type checking is `npm run typecheck` (tsc), not this hook.
const { transformSync } = require('esbuild');
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts', format: 'cjs', target: 'node20', supported: { 'regexp-unicode-property-escapes': true }, sourcemap: 'inline', sourcefile: filename,
  });
  module._compile(code, filename);
};

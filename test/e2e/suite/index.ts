// Entry point VS Code calls in the extension host (extensionTestsPath): runs every *.test.js
// next to this file, in name order (00-activation must come first: it checks that the extension
// activated before any editor was opened).
import * as path from 'node:path';
import { readdirSync } from 'node:fs';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  if (process.env.SEED_E2E_GREP) mocha.grep(process.env.SEED_E2E_GREP);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
  });
}

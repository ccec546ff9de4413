// Run as a child process by warmUp.test.ts (it patches a built-in, so never in mocha's
// own process): which regular expressions the analysis runs on each text given.
//   node -r ./scripts/register-ts.cjs test/unit/analysis/regexUse.ts FILE...
// Prints JSON: { startUp: [sources], files: { FILE: [sources] } }, where startUp is
// what analysing the start-up warm-up's texts (analysis/warmUp.ts) ran.
// Every regex operation (test, exec, match, replace, split, search) goes through
// RegExp.prototype.exec once that is replaced: the specification's RegExpExec calls it.
import { readFileSync } from 'fs';

let used = new Set<string>();
const exec = RegExp.prototype.exec; // eslint-disable-line @typescript-eslint/unbound-method
RegExp.prototype.exec = function (this: RegExp, s: string) {
  used.add(`/${this.source}/${this.flags}`);
  return exec.call(this, s);
};

// Loaded after the patch, so that nothing is cached past it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { analyze, AnalysisCache } = require('../../../server/src/analysis') as typeof import('../../../server/src/analysis');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startUpTexts } = require('../../../server/src/analysis/warmUp') as typeof import('../../../server/src/analysis/warmUp');

for (const text of startUpTexts()) analyze(text, {}, new AnalysisCache());
const startUp = [...used];
const files: Record<string, string[]> = {};
for (const file of process.argv.slice(2)) {
  used = new Set();
  analyze(readFileSync(file, 'utf8'), {}, new AnalysisCache());
  files[file] = [...used];
}
process.stdout.write(JSON.stringify({ startUp, files }));

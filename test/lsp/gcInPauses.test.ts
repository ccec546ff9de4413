// Young-generation collection between keystrokes (server/src/gcInPauses.ts): it really
// runs a scavenge. (What it does for typing latency is measured by the bench:
// test/bench/profile-server-edit.ts and the lsp section of npm run bench.)
import * as assert from 'assert';
import { constants, PerformanceObserver } from 'perf_hooks';
import { collectYoung } from '../../server/src/gcInPauses';

/** Kinds of the collections that run while `body` does (perf_hooks' gc entries). */
async function collectionsDuring(body: () => void): Promise<number[]> {
  const kinds: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) kinds.push((e as unknown as { detail: { kind: number } }).detail.kind);
  });
  observer.observe({ entryTypes: ['gc'] });
  body();
  // Entries are delivered asynchronously: poll until they come (or give up after 2 s).
  for (let i = 0; i < 200 && !kinds.length; i++) await new Promise((r) => setTimeout(r, 10));
  observer.disconnect();
  return kinds;
}

describe('young-generation collection in pauses', () => {
  it('runs a scavenge when asked', async () => {
    const kinds = await collectionsDuring(() => collectYoung());
    assert.ok(kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR), `collections seen: ${JSON.stringify(kinds)}`);
  });
});

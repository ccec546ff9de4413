// Young-generation garbage collection in the pauses between keystrokes, not in them.
//
// Re-analysing an edit of a long article allocates a few hundred KB (the version's
// paragraph list, its per-paragraph arrays, the edited piece of text), nearly all of
// it garbage by the next keystroke. Left to V8, a scavenge runs every 10-20 keys and
// lands inside one of them; by then objects of several versions have been promoted
// and keep each other's young objects alive through the old generation, so that
// scavenge copies megabytes: measured 15-30 ms on these machines, the p99 of typing on
// a 1 MB article. Collected right after each version's diagnostics are sent, the
// young generation holds one version's worth: ~2 ms, while the user is between keys.
// (Browsers schedule collection in idle time for the same reason.)
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';

type Collect = (options: { type: 'minor' | 'major' }) => void;

let collect: Collect | null | undefined;

/** V8's collector, exposed without a command-line flag (null if this runtime refuses). */
function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (typeof exposed === 'function') return (collect = exposed);
    setFlagsFromString('--expose-gc');
    const made = runInNewContext('gc') as Collect | undefined;
    collect = typeof made === 'function' ? made : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Collects the young generation now (a no-op where the runtime does not allow it). */
export function collectYoung(): void {
  collector()?.({ type: 'minor' });
}

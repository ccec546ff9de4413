// Sorting the short lists of one paragraph (its mentions, places, actors, dates).
// Array.prototype.sort allocates work arrays on every call: thousands of paragraphs
// make that garbage-collector work. An insertion sort of a short list allocates
// nothing and, being stable like Array.prototype.sort, gives the same order.
// And the search of a sorted list of offsets that the piece lists share.

/**
 * The last index i in [0, n) with sorted[i] ≤ x (sorted ascending, sorted[0] ≤ x): the
 * piece that holds offset x, given where pieces start.
 */
export function lastAtMost(sorted: ArrayLike<number>, n: number, x: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Lists up to this long are sorted in place by insertion. */
const SHORT = 24;

/** `xs` sorted in place by `cmp`, stably (the same order as `xs.sort(cmp)`); returns `xs`. */
export function sortStable<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > SHORT) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    // Only past strictly greater items: equal ones keep their order.
    while (j >= 0 && cmp(xs[j], x) > 0) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

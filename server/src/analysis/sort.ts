// Sorting the short lists of one paragraph (its mentions, places, actors, dates).
// Array.prototype.sort allocates work arrays on every call: thousands of paragraphs
// make that garbage-collector work. An insertion sort of a short list allocates
// nothing and, being stable like Array.prototype.sort, gives the same order.

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

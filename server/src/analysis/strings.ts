// Strings that outlive the text they were cut from.
//
// V8 represents a long slice of a string as a view on the whole parent: a 20-character
// name cut from a 1 MB article keeps the article alive. Findings cached across versions
// of an edited article (paragraph results, quotes, names) would then keep every version's
// text alive; they hold copies instead.

/** Below this length V8 copies a slice anyway (SlicedString::kMinLength is 13). */
const COPIED_ANYWAY = 13;

/** `s` as a string of its own: no view on a larger parent. */
export function own(s: string): string {
  return s.length < COPIED_ANYWAY ? s : (' ' + s).slice(1);
}

/** FNV-1a, 32 bits: a cheap hash to tell two versions of a text apart (cache keys, not security). */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

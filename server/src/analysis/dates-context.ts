// Which way a bare date points ("Friday", "April", "March 5"): the tense of the
// clause around it. News mostly reports the recent past, so a date with no
// tense cue is read as past; a future cue ("will", "is scheduled to") next to
// it reads it as the coming one.

export type Tense = 'past' | 'future' | null;

const FUTURE = /^(?:will|won['’]t|shall|[a-z]*['’]ll|would|could|might|going|plans?|planning|planned|scheduled|expected|expects?|expecting|due|upcoming|next|coming|soon|begins?|starts?|expires?|opens?|resumes?|payable|effective|ahead)$/i;
const PAST = /^(?:was(?:n['’]t)?|were(?:n['’]t)?|had(?:n['’]t)?|did(?:n['’]t)?|ago|last|earlier|previously|since|said|told|began|came|went|took|gave|made|met|fell|rose|left|won|lost|held|died|found|saw|sent|ran|broke|struck|killed|became|set|brought|bought|sought|thought|fought|caught|taught|spoke|wrote|chose|drove|grew|knew|threw|flew|drew|shot|hit|cut|put|quit|led|fled|paid|laid|sold|stood|understood|rang|sang|got|kept|felt|heard|meant|spent|built|swore|wore|tore|woke|ate|arose|forgot|hid|bit|slid|sank|spun|overcame|withdrew|undertook|forbade)$/i;
// Words ending in -ed that speak of the future, or are adjectives more often than verbs.
const NOT_PAST = /^(?:planned|scheduled|expected|proposed|intended|needed|related|based|united|red|bed|shed|hundred|indeed|speed|need|feed|seed|proceed|succeed|exceed|led)$/i;

const ADJECTIVE_CONTEXT = /^(?:a|an|the|this|that|its|his|her|their|our|still|newly|so-called|very|more|most|less|un)$/i;
const WORD = /[A-Za-z]+(?:['’][a-z]+)?/g;

function classify(word: string): Tense {
  if (FUTURE.test(word)) return 'future';
  if (PAST.test(word)) return 'past';
  if (/^[a-z]{3,}ed$/.test(word) && !NOT_PAST.test(word)) return 'past';
  return null;
}

/**
 * The tense cue nearest to text[start, end) within its sentence, looking at most
 * `reach` characters either side; null when there is none.
 */
export function tenseAt(text: string, start: number, end: number, reach = 120): Tense {
  const from = sentenceStart(text, start, reach);
  const to = sentenceEnd(text, end, reach);
  let best: Tense = null;
  let bestDistance = Infinity;
  let previous = '';
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    if (m.index >= start && m.index < end) continue;
    // "will be held", "to be paid": a participle after "be" keeps the modal's tense.
    // "a still unspecified date", "the revised plan": an -ed word after a determiner is an adjective.
    const t = /^(?:be|being)$/i.test(previous) || (/ed$/.test(m[0]) && ADJECTIVE_CONTEXT.test(previous)) ? null : classify(m[0]);
    previous = m[0];
    if (!t) continue;
    // Cues before the date count a little more: "will meet Friday", "said Friday it would".
    const distance = m.index < start ? start - (m.index + m[0].length) : (m.index - end) * 1.5;
    if (distance < bestDistance || (distance === bestDistance && t === 'past')) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

// A sentence ends at . ! ? followed by a space and a capital or a quote; "Sept. 11"
// and "Mr. Smith" don't matter much here, as the window is bounded anyway.
function sentenceStart(text: string, start: number, reach: number): number {
  const lo = Math.max(0, start - reach);
  for (let i = start - 1; i > lo; i--) {
    const c = text.charCodeAt(i);
    if ((c === 46 || c === 33 || c === 63 || c === 59) && /\s/.test(text[i + 1] ?? '') && /^[a-z]{3,}$/i.test(text.slice(Math.max(lo, i - 4), i).replace(/^.*[^A-Za-z]/, ''))) return i + 1;
    if (c === 10) return i + 1;
  }
  return lo;
}

function sentenceEnd(text: string, end: number, reach: number): number {
  const hi = Math.min(text.length, end + reach);
  for (let i = end; i < hi; i++) {
    const c = text.charCodeAt(i);
    if (c === 33 || c === 63 || c === 59 || c === 10) return i;
    if (c === 46 && /\s/.test(text[i + 1] ?? '') && /^[a-z]{3,}$/i.test(text.slice(Math.max(0, i - 4), i).replace(/^.*[^A-Za-z]/, ''))) return i;
  }
  return hi;
}

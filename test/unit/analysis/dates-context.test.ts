import * as assert from 'assert';
import fc from 'fast-check';
import { tenseAt, type Tense } from '../../../server/src/analysis/dates-context';

/**
 * The tense rule written plainly, with regular expressions over every word of the window:
 * tenseAt reads the same words with a hand-written scanner and stops early, and must agree.
 */
function reference(text: string, start: number, end: number, reach = 120): Tense {
  const FUTURE = /^(?:will|won['’]t|shall|[a-z]*['’]ll|would|could|might|going|plans?|planning|planned|scheduled|expected|expects?|expecting|due|upcoming|next|coming|soon|begins?|starts?|expires?|opens?|resumes?|payable|effective|ahead)$/i;
  const PAST = /^(?:was(?:n['’]t)?|were(?:n['’]t)?|had(?:n['’]t)?|did(?:n['’]t)?|ago|last|earlier|previously|since|said|told|began|came|went|took|gave|made|met|fell|rose|left|won|lost|held|died|found|saw|sent|ran|broke|struck|killed|became|set|brought|bought|sought|thought|fought|caught|taught|spoke|wrote|chose|drove|grew|knew|threw|flew|drew|shot|hit|cut|put|quit|led|fled|paid|laid|sold|stood|understood|rang|sang|got|kept|felt|heard|meant|spent|built|swore|wore|tore|woke|ate|arose|forgot|hid|bit|slid|sank|spun|overcame|withdrew|undertook|forbade)$/i;
  const NOT_PAST = /^(?:planned|scheduled|expected|proposed|intended|needed|related|based|united|red|bed|shed|hundred|indeed|speed|need|feed|seed|proceed|succeed|exceed|led)$/i;
  const ADJECTIVE_CONTEXT = /^(?:a|an|the|this|that|its|his|her|their|our|still|newly|so-called|very|more|most|less|un)$/i;
  const classify = (w: string): Tense =>
    FUTURE.test(w) ? 'future' : PAST.test(w) ? 'past' : /^[a-z]{3,}ed$/.test(w) && !NOT_PAST.test(w) ? 'past' : null;
  const wordBefore = (i: number, lo: number) => /^[a-z]{3,}$/i.test(text.slice(Math.max(lo, i - 4), i).replace(/^.*[^A-Za-z]/, ''));
  const lo = Math.max(0, start - reach);
  let from = lo;
  for (let i = start - 1; i > lo; i--) {
    const c = text[i];
    if ('.!?;'.includes(c) && /\s/.test(text[i + 1] ?? '') && wordBefore(i, lo)) { from = i + 1; break; }
    if (c === '\n') { from = i + 1; break; }
  }
  const hi = Math.min(text.length, end + reach);
  let to = hi;
  for (let i = end; i < hi; i++) {
    const c = text[i];
    if ('!?;\n'.includes(c) || (c === '.' && /\s/.test(text[i + 1] ?? '') && wordBefore(i, 0))) { to = i; break; }
  }
  let best: Tense = null;
  let bestDistance = Infinity;
  let previous = '';
  const WORD = /[A-Za-z]+(?:['’][a-z]+)?/g;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    if (m.index >= start && m.index < end) continue;
    const t = /^(?:be|being)$/i.test(previous) || (/ed$/.test(m[0]) && ADJECTIVE_CONTEXT.test(previous)) ? null : classify(m[0]);
    previous = m[0];
    if (!t) continue;
    const distance = m.index < start ? start - (m.index + m[0].length) : (m.index - end) * 1.5;
    if (distance < bestDistance || (distance === bestDistance && t === 'past')) {
      best = t;
      bestDistance = distance;
    }
  }
  return best;
}

describe('dates: the tense around a date', () => {
  const at = (text: string, date = 'Friday') => {
    const s = text.indexOf(date);
    return tenseAt(text, s, s + date.length);
  };

  it('takes the nearest cue, before the date a little nearer than after it', () => {
    assert.strictEqual(at('The minister said on Friday that talks would go on.'), 'past');
    assert.strictEqual(at('They will meet on Friday, officials said.'), 'future');
    assert.strictEqual(at('On Friday the talks resumed.'), 'past');
    assert.strictEqual(at('Friday is a holiday'), null);
    // "will" ends 3 characters before, "said" starts 2 after (2 × 1.5 = 3): a tie goes to the past.
    assert.strictEqual(at('will a Friday, said'), 'past');
  });

  it('reads modals, contractions and regular past forms', () => {
    assert.strictEqual(at("They'll vote on Friday."), 'future');
    assert.strictEqual(at('The court won’t sit on Friday.'), 'future');
    assert.strictEqual(at('The ministry reported on Friday.'), 'past');
    assert.strictEqual(at('The United Nations on Friday'), null, '"United" in capitals is a name, not a past form');
  });

  it('keeps the modal’s tense after "be", and reads -ed words after a determiner as adjectives', () => {
    assert.strictEqual(at('The vote will be held on Friday.'), 'future');
    assert.strictEqual(at('The revised schedule for Friday'), null);
    assert.strictEqual(at('Officials revised the schedule for Friday'), 'past');
  });

  it('stops at the sentence around the date', () => {
    assert.strictEqual(at('The talks ended. Friday is a holiday'), null);
    assert.strictEqual(at('Friday is a holiday. It was announced'), null);
  });

  it('agrees with the plain regular-expression rule on any text', () => {
    const pieces = ['will', 'Will', 'WON\'T', 'won’t', 'they\'ll', 'be', 'being', 'Be', 'the', 'still', 'said', 'SAID', 'reported', 'Reported',
      'needed', 'led', 'planned', 'and', 'Friday', 'Mr', 'U.S', 'abc', 'ab', 'it\'s', 'rock\'n\'roll', 'O’Brien', '.', '!', '?', ';', ',',
      ' ', ' ', ' ', '\n', '\u00a0', '\u2028', '-', '’', 'é', '2020'];
    const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join(''));
    fc.assert(fc.property(texts, fc.nat(), fc.nat(12), fc.integer({ min: 1, max: 150 }), (text, a, len, reach) => {
      const start = text.length ? a % (text.length + 1) : 0;
      const end = Math.min(text.length, start + len);
      assert.strictEqual(tenseAt(text, start, end, reach), reference(text, start, end, reach), JSON.stringify({ text, start, end, reach }));
    }), { numRuns: 3000 });
  });
});

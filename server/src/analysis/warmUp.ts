// Warming up the re-analysis of edits. The first keys a user types into a long article
// run the incremental path (incremental.ts) cold: not yet compiled by the JavaScript
// engine, they cost several times what later keys do (tens of milliseconds on 1 MB
// instead of a few), and so are the slowest of a typing session. Typing a sentence into
// a short built-in article beforehand compiles that path. It comes as small steps (a few
// edits each, a few milliseconds), for a caller to run while nothing else waits.
import { analyze, AnalysisCache } from './analyze';

/** Sentences with what the pipeline looks for: quotes and their cues, names, places, dates. */
const PARAGRAPHS = [
  'Mayor Ruth Okafor said on Monday that the road north of Lagos would reopen in March.',
  '“We have waited long enough,” she told reporters at the town hall.',
  'According to the Ministry of Transport, the repairs will cost $4 million.',
  'The ministry warned: “Delays are possible if the rains return before April.”',
  '“It is a fair plan,” said John Adeyemi, a farmer from the valley. “We will use the road every week.',
  '“And so will our children.”',
  'Residents met again on 12 March 2024 to discuss the plan',
];

/** Keys typed into the middle of the article, then deleted one by one. */
const TYPED = ' The council said: “We agree,” on Friday, and Okafor thanked them.';

/** Edits per step. */
const EDITS_PER_STEP = 4;

/** The warm-up, one step per `next()`; done with the number of edits re-analysed incrementally. */
export function* warmUpEdits(): Generator<void, number, void> {
  const body: string[] = [];
  for (let i = 0; i < 2; i++) body.push(...PARAGRAPHS);
  let text = `date 2024-03-01 Warm-up\n\n${body.join('\n\n')}\n`;
  const cache = new AnalysisCache();
  const first = analyze(text, {}, cache);
  let at = first.paragraphs[first.paragraphs.length >> 1].end;
  let edits = 0;
  const edit = (next: string) => {
    text = next;
    analyze(text, {}, cache);
    return ++edits % EDITS_PER_STEP === 0;
  };
  yield;
  for (const ch of TYPED) {
    if (edit(text.slice(0, at) + ch + text.slice(at))) yield;
    at++;
  }
  for (let i = 0; i < TYPED.length; i++) {
    if (edit(text.slice(0, at - 1) + text.slice(at))) yield;
    at--;
  }
  return cache.edits;
}

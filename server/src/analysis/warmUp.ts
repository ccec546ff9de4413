// Warming up the re-analysis of edits. The first keys a user types into a long article
// run the incremental path (incremental.ts) cold: not yet compiled by the JavaScript
// engine, they cost several times what later keys do (tens of milliseconds on 1 MB
// instead of a few), and so are the slowest of a typing session. Typing a sentence into
// the built-in start-up article (below), held in pieces as the server holds an open
// document, beforehand compiles that path. It comes as small steps (a few edits each, a
// few milliseconds), for a caller to run while nothing else waits: the server runs them
// right after the start-up article (Project.warmUp).
import { analyze, AnalysisCache } from './analyze';
import { PieceText } from './pieceText';

/** Keys typed into the middle of the article, then deleted one by one. */
const TYPED = ' The council said: “We agree,” on Friday, and Okafor thanked them.';

/** Edits per step. */
const EDITS_PER_STEP = 4;

/** How many `next()` calls the edit warm-up takes, the last one included. */
export const EDIT_WARM_UP_STEPS = 2 + Math.floor((2 * TYPED.length) / EDITS_PER_STEP);

/** The warm-up, one step per `next()`; done with the number of edits re-analysed incrementally. */
export function* warmUpEdits(): Generator<void, number, void> {
  let text = PieceText.of(START_ARTICLE);
  const cache = new AnalysisCache();
  const first = analyze(text, {}, cache);
  let at = first.paragraphs[first.paragraphs.length >> 1].end;
  let edits = 0;
  const edit = (from: number, to: number, typed: string) => {
    text = text.edit(from, to, typed);
    analyze(text, {}, cache);
    return ++edits % EDITS_PER_STEP === 0;
  };
  yield;
  for (let i = 0; i < TYPED.length; i++) {
    if (edit(at, at, TYPED[i])) yield;
    at++;
  }
  for (let i = 0; i < TYPED.length; i++) {
    if (edit(at - 1, at, '')) yield;
    at--;
  }
  return cache.edits;
}

// ---------------------------------------------------------------- start-up

/**
 * The first article a server analyses costs ten times what the next does (a hundred
 * milliseconds or more for a few kilobytes): every regular expression is compiled on
 * its first use, functions are compiled and their inline caches filled on their
 * first calls. Analysing this article, our own sentences written to reach what news
 * text reaches (quotes continued across paragraphs, interview lines, pronoun and
 * titled speakers, cues before, inside and after quotes, dates of every shape,
 * places and organisations), pays that once, before a user's article arrives. How
 * much of the work on other texts it reaches is tested in test/unit/analysis/warmUp.test.ts.
 */
const START_HEADER = 'date 2024-03-14 Flood defences: council approves plan after long debate';
const START_PARAGRAPHS = [
  'Mayor Ruth Okafor said on Monday that the road north of Lagos would reopen in early April. “We have waited long enough,” she told reporters at the town hall.',
  'According to the Ministry of Transport, the repairs will cost $4 million, up from 3.5 million in 2019.',
  'Background',
  'The plan was first proposed in the late 1990s, and again in nineteen ninety-eight. Two years ago, on 12–14 March 2022, heavy rain closed the bridge; it reopened a week later, on Tuesday, March 22.',
  '“It is a fair plan,” said John Adeyemi, a farmer from the valley who has lived there since 2003. “We will use the road every week.',
  '“And so will our children, next year and the year after.”',
  'Mr. Adeyemi, 54, added that the village had been cut off “for far too long”. The ministry’s spokesman, speaking on condition of anonymity, warned: “Delays are possible if the rains return before the end of next month.”',
  'In a statement released late Thursday, the Red Cross said it had moved 300 families from Ibadan to Abuja. A senior official at the agency, who declined to be named, said the families fled to higher ground last weekend.',
  'Governor Amina Bello, who visited the site yesterday, was more cautious. “This is not over,” she insisted. Asked whether the work would finish by June 1, she replied: ‘We are doing what we can.’ She later told the BBC that funding “remains uncertain this year”.',
  'The opposition leader, Senator Tunde Bakare, argued that the government had ignored warnings since last summer, calling the response “slow and confused”.',
  '“Nobody listened to us,” a resident said. “Nobody.” The minister compared the delay to a “slow-motion disaster” in the valley.',
  'INTERVIEWER: When did the water reach your house?\nOKAFOR: Around midnight on Sunday, three days before the vote.',
  'Officials expect the first convoy to leave on the morning of Friday 15 March, and a second one two weeks from now, in the middle of May or by mid-2024 at the latest. The United Nations and the African Union have each promised $2m.',
  'He said the road “would be open again by Christmas”, which few in Lagos believe. “We’ll see,” said Ms Okafor’s deputy, Paul Eze.',
  'Election notes',
  'The senator’s remarks came a day before the debate. In his remarks, he said the party would “fight for every vote”. Her comments on Tuesday evening drew a sharp reply from Rep. Lisa Moreno (D-Texas), who told supporters that the bill was “a disgrace”. The union, which said it represents 40,000 workers, will announce its decision on May 5 or 6.',
  'The committee is expected to vote again in the fourth quarter, the chairman said. It said the review would take 10 days, and results were released by the electoral board the day after the vote. A video showed Moreno telling voters to stay home.',
  'Polls taken two weeks earlier, and again three days before the vote, suggested a close race — “too close to call”, analysts wrote. The country’s youth, the president said, “deserve better”. That is what the mayor will say at every rally this week, her aide said, as she did in the year 2020.',
  'Turnout was 61 percent, compared with 58 percent the previous year; the previous election, the day before yesterday’s recount, was held in the summer of 2019 and certified the following month, on the 3rd of October.',
  'The Health Minister, in a year-end review, said the country’s hospitals were “under strain”. Today’s children face higher costs, the report said, and This Week, a radio programme, asked (rhetorically) whether “anyone is listening”. The report, said the minister, “speaks for itself”.',
  'Lagos: “We are ready,” the coordinator of the relief effort told reporters, and it was clear that the team, which had been working since the year-ago flood, was exhausted. It is, said one nurse, “the hardest month we have had”.',
  '“The water is falling,” the statement was signed by the director of the Ministry of Health. The words were written by Okafor herself, an aide said. “Stay safe,” — Ruth Okafor',
];

/** Paragraphs analysed per step, so that no step keeps a real request waiting long. */
const START_PARAGRAPHS_PER_STEP = 2;

/** The start-up article, whole. */
export const START_ARTICLE = `${START_HEADER}\n\n${START_PARAGRAPHS.join('\n\n')}\n`;

/**
 * The texts the start-up warm-up analyses, one per step: the article a few paragraphs
 * at a time, then whole (for what spans paragraphs: quotes continued, speakers named
 * paragraphs before).
 */
export function startUpTexts(): string[] {
  const texts: string[] = [];
  for (let i = 0; i < START_PARAGRAPHS.length; i += START_PARAGRAPHS_PER_STEP) {
    texts.push(`${START_HEADER}\n\n${START_PARAGRAPHS.slice(i, i + START_PARAGRAPHS_PER_STEP).join('\n\n')}\n`);
  }
  texts.push(START_ARTICLE);
  return texts;
}

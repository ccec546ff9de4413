import * as assert from 'assert';
import { splitParagraphs } from '../../../server/src/analysis/header';
import { findQuotes, guessKind } from '../../../server/src/analysis/quotes';

/** Quotes of a body text (no header), as their texts. */
function quotes(body: string) {
  return findQuotes(body, splitParagraphs(body, 0));
}
function texts(body: string): string[] {
  return quotes(body).map((q) => q.text);
}

describe('findQuotes', () => {
  it('finds curly and straight double quotes, marks included, with offsets', () => {
    const body = 'The mayor said “we are ready” and the chief said "so are we" today.';
    const qs = quotes(body);
    assert.deepStrictEqual(qs.map((q) => q.text), ['“we are ready”', '"so are we"']);
    for (const q of qs) assert.strictEqual(body.slice(q.start, q.end), q.text);
    assert.ok(qs.every((q) => q.closed && q.paragraphs === 1 && q.speaker === null));
  });

  it('keeps single quotes nested inside a double quote as part of it', () => {
    assert.deepStrictEqual(texts('She said: “They called it ‘a farce’, and left.” Then silence.'), [
      '“They called it ‘a farce’, and left.”',
    ]);
    assert.deepStrictEqual(texts('He said: "The sign read \'closed\' all week." Nobody came.'), [
      '"The sign read \'closed\' all week."',
    ]);
  });

  it('reads guillemets and German low-high quotes', () => {
    assert.deepStrictEqual(texts('Le ministre a dit «nous partons» hier.'), ['«nous partons»']);
    assert.deepStrictEqual(texts('Er sagte „wir bleiben“ und ging.'), ['„wir bleiben“']);
  });

  it('never takes apostrophes for quote marks', () => {
    assert.deepStrictEqual(texts('The country’s army, which didn’t move in the ’90s, stayed. Rock ’n’ roll.'), []);
    assert.deepStrictEqual(texts("It's the farmers' market, isn't it?"), []);
    // An apostrophe inside a quote does not close it.
    assert.deepStrictEqual(texts('“Our neighbour’s house burned,” she said.'), ['“Our neighbour’s house burned,”']);
  });

  it('closes a quote whose closing mark was typed as an opening one', () => {
    const body = 'He asked: “Is there any way to keep them safe?“\n\nThe next paragraph is plain.';
    const qs = quotes(body);
    assert.strictEqual(qs.length, 1);
    assert.strictEqual(qs[0].text, '“Is there any way to keep them safe?“');
    assert.ok(qs[0].closed);
  });

  it('joins a quote that runs over paragraphs (each reopening, only the last closing)', () => {
    const body = '“The first part goes on.\n\n“The second part too.\n\n“And the end,” she said.\n\nAfter.';
    const qs = quotes(body);
    assert.strictEqual(qs.length, 1);
    assert.strictEqual(qs[0].paragraphs, 3);
    assert.ok(qs[0].closed);
    assert.ok(qs[0].text.startsWith('“The first') && qs[0].text.endsWith('the end,”'));
  });

  it('does not join paragraphs reopening in another style', () => {
    const body = '"A block quote that never closes.\n\n“A new quote,” she said.';
    const qs = quotes(body);
    assert.deepStrictEqual(qs.map((q) => [q.text, q.closed]), [
      ['"A block quote that never closes.', false],
      ['“A new quote,”', true],
    ]);
  });

  it('recovers from an unbalanced mark at the end of its paragraph', () => {
    const body = 'He said “this never closes.\n\nThe minister said “all is well” today.';
    const qs = quotes(body);
    assert.deepStrictEqual(qs.map((q) => [q.text, q.closed]), [
      ['“this never closes.', false],
      ['“all is well”', true],
    ]);
  });

  it('treats lines that open with a quote mark as paragraphs when lines are single-spaced', () => {
    // A closed quote per line: two quotes; an open one continues by the news convention.
    assert.deepStrictEqual(texts('“One,” he said.\n“Two,” she said.'), ['“One,”', '“Two,”']);
    const qs = quotes('“First part goes on.\n“And ends,” she said.');
    assert.deepStrictEqual(qs.map((q) => q.paragraphs), [2]);
  });

  it('does not take doubled typewriter apostrophes (\'\' and ``) for quote marks', () => {
    // Not in the spec's list of marks, and not quotes in the annotated corpora.
    assert.deepStrictEqual(texts("''It is over,'' he said."), []);
    assert.deepStrictEqual(texts("``It is over,'' he said."), []);
    // Nor do they open a single quote, or hide a real quote next to them.
    assert.deepStrictEqual(texts("He said ''fine'' and then “we are leaving” at noon."), ['“we are leaving”']);
    assert.deepStrictEqual(texts("She wrote 'closed' on the sign."), ["'closed'"]);
  });

  it('starts a new quote at a new transcript turn inside a quoted transcript', () => {
    const body = '"SMITH: We never agreed.\n\n"JONES: We did, in May.';
    const qs = quotes(body);
    assert.strictEqual(qs.length, 2);
    assert.ok(qs[1].text.startsWith('"JONES:'));
  });

  it('keeps a quoted heading as a quote, a term', () => {
    const body = 'Intro sentence here.\n\n“Measures are being taken now”\n\nMore text.';
    const qs = quotes(body);
    assert.strictEqual(qs.length, 1);
    assert.strictEqual(qs[0].kind, 'term');
  });

  it('is linear enough for a long document', () => {
    const para = 'The minister said “we are ready, and we will not wait” on Monday; the army’s chief didn’t agree.\n\n';
    const body = para.repeat(5000) + 'He said “this one never closes.';
    const t0 = process.hrtime.bigint();
    const qs = quotes(body);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.strictEqual(qs.length, 5001);
    // A loose bound on a shared machine: it guards against quadratic blow-ups, not for speed.
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});

describe('guessKind', () => {
  it('calls short non-sentences terms and sentences speech', () => {
    assert.strictEqual(guessKind('“reintegration”'), 'term');
    assert.strictEqual(guessKind('“moral grounds”'), 'term');
    assert.strictEqual(guessKind('“We never agreed.”'), 'speech');
    assert.strictEqual(guessKind('“we will keep the details under wraps”'), 'speech');
  });
});

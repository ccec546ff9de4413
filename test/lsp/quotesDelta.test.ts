// `seed/quotes` deltas over real JSON-RPC: a client that holds an answer and says it can
// apply deltas gets what changed since; applied to what it holds, that must be exactly
// the full answer for the same version, after any edits, with or without a sidecar.
import * as assert from 'assert';
import fc from 'fast-check';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/analysis';
import { serializeSidecar, targetAt } from '../../server/src/sidecar';
import { QuotesRequestMethod, type QuoteInfo, type QuotesParams, type QuotesResult } from '../../server/src/shared/protocol';
import { applyQuotesDelta } from '../../server/src/shared/quotesDelta';
import { LspClient, makeWorkspace } from './client';
import { EXAMPLE, HARBOUR, LONELY, positionAt } from './fixtures';

/** What a client holds: the analysis it was told and its quotes. */
interface Held {
  analysis: number;
  quotes: QuoteInfo[];
}

/** The quotes an answer gives a client holding `held` (a delta applied, "unchanged" kept). */
function received(held: Held | undefined, r: QuotesResult): QuoteInfo[] {
  if (r.unchanged) {
    assert.strictEqual(r.analysis, held?.analysis, 'unchanged only for the analysis held');
    return held!.quotes;
  }
  if (!r.delta) return r.quotes;
  assert.strictEqual(r.delta.from, held?.analysis, 'a delta from the analysis held');
  assert.deepStrictEqual(r.quotes, []);
  return applyQuotesDelta(held!.quotes, r.delta);
}

describe('seed/quotes deltas (JSON-RPC over stdio)', () => {
  const ws = makeWorkspace({ 'seeds/lonely.txt': LONELY });
  let client: LspClient;
  const quotes = (params: QuotesParams) => client.request<QuotesResult>(QuotesRequestMethod, params);
  let opened = 0;

  before(async () => {
    client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client?.stop();
    ws.remove();
  });

  /** Asks as the client does (naming what it holds, deltas welcome) and checks against the full answer. */
  async function askAndCheck(uri: string, version: number, held: Held | undefined): Promise<{ held: Held; r: QuotesResult }> {
    const r = await quotes({ uri, version, ...(held ? { known: held.analysis } : {}), deltas: true });
    const full = await quotes({ uri, version }); // a client without deltas: the whole list
    assert.strictEqual(r.version, full.version);
    assert.strictEqual(r.analysis, full.analysis);
    assert.deepStrictEqual(received(held, r), full.quotes);
    return { held: { analysis: full.analysis, quotes: full.quotes }, r };
  }

  const piece = fc.constantFrom('x', ' ', '“', '”', '"', '\n\n', ' said ', ' says ', ' added ', 'Ana Lopes said: “We agree.”', 'The minister', '.', '');
  const change = fc.record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    cut: fc.integer({ min: 0, max: 30 }),
    text: fc.array(piece, { maxLength: 3 }).map((xs) => xs.join('')),
    // Or a cue word changed in place: the same quotes, speakers and offsets, another cue.
    cue: fc.boolean(),
  });
  /** A didChange: one or two changes (applied in order), then maybe no request for that version. */
  const edit = fc.record({ changes: fc.array(change, { minLength: 1, maxLength: 2 }), ask: fc.boolean() });

  it('after any edits, the held quotes with each delta applied are the full answer', async function () {
    this.timeout(120_000);
    let deltas = 0;
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(HARBOUR, EXAMPLE, `\ufeff${HARBOUR}`), fc.array(edit, { minLength: 1, maxLength: 8 }),
      async (initial, edits) => {
        const uri = `file:///mem/delta-${++opened}.txt`;
        let text = initial;
        await client.open(uri, text, 1);
        let { held } = await askAndCheck(uri, 1, undefined);
        let version = 1;
        for (const [i, e] of edits.entries()) {
          version++;
          const events = [];
          for (const c of e.changes) {
            let at = Math.floor(c.at * text.length);
            let end = Math.min(text.length, at + c.cut);
            let insert = c.text;
            const said = c.cue ? text.indexOf(' said', at) : -1;
            if (said !== -1) [at, end, insert] = [said + 1, said + 5, 'added'];
            events.push({ range: { start: positionAt(text, at), end: positionAt(text, end) }, text: insert });
            text = text.slice(0, at) + insert + text.slice(end);
          }
          await client.change(uri, version, events);
          if (!e.ask && i < edits.length - 1) continue;
          const answer = await askAndCheck(uri, version, held);
          if (answer.r.delta) deltas++;
          held = answer.held;
        }
        const expected = analyze(text.replace(/^\ufeff/, '')).quotes.length;
        assert.strictEqual(held.quotes.length, expected);
        await client.close(uri);
      },
    ), { numRuns: 25 });
    assert.ok(deltas > 10, `${deltas} delta answers: the server must send deltas to a client that takes them`);
  });

  it('a one-character edit in a long article sends a few hundred bytes, not the whole list', async () => {
    const uri = 'file:///mem/long.txt';
    let text = `${EXAMPLE.trimEnd()}\n\n${EXAMPLE.slice(EXAMPLE.indexOf('\n') + 1).repeat(20)}`;
    await client.open(uri, text, 1);
    const { held } = await askAndCheck(uri, 1, undefined);
    assert.ok(held.quotes.length > 100, `${held.quotes.length} quotes`);
    const fullBytes = JSON.stringify(await quotes({ uri, version: 1 })).length;
    const at = text.length >> 1;
    text = text.slice(0, at) + 'x' + text.slice(at);
    await client.change(uri, 2, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: 'x' }]);
    const { r } = await askAndCheck(uri, 2, held);
    assert.ok(r.delta, 'a delta');
    assert.strictEqual(r.delta.shift, 1);
    assert.ok(r.delta.insert.length <= 2, `${r.delta.insert.length} quotes sent`);
    assert.ok(JSON.stringify(r).length * 50 < fullBytes, `${JSON.stringify(r).length} bytes of ${fullBytes}`);
    await client.close(uri);
  });

  it('deltas only for a client that asks for them and an analysis the server remembers', async () => {
    const uri = 'file:///mem/rules.txt';
    await client.open(uri, HARBOUR, 1);
    const first = await quotes({ uri, version: 1, deltas: true });
    const edited = `${HARBOUR}\nThe mayor said: “We will see.”\n`;
    await client.change(uri, 2, [{ text: edited }]);
    const old = await quotes({ uri, version: 2, known: first.analysis });
    assert.strictEqual(old.delta, undefined, 'without `deltas`, the full list as before');
    assert.deepStrictEqual(old.quotes.map((q) => q.start), analyze(edited).quotes.map((q) => q.start));
    const unknown = await quotes({ uri, version: 2, known: first.analysis + 1000, deltas: true });
    assert.strictEqual(unknown.delta, undefined, 'an analysis the server never answered with: the full list');
    assert.deepStrictEqual(unknown.quotes, old.quotes);
    const same = await quotes({ uri, version: 2, known: old.analysis, deltas: true });
    assert.strictEqual(same.unchanged, true);
    const picker = await quotes({ uri, version: 2, known: first.analysis, deltas: true, near: { start: 0, end: 0 } });
    assert.deepStrictEqual([picker.delta, picker.quotes], [undefined, old.quotes], 'a picker request always gets everything');
    assert.ok(picker.actors?.length);
    await assert.rejects(quotes({ uri, version: 2, deltas: 'yes' } as unknown as QuotesParams), /deltas must be true or false/);
    await client.close(uri);
  });

  it('two requests in flight naming the same analysis both get a delta from it', async () => {
    const uri = 'file:///mem/inflight.txt';
    let text = HARBOUR;
    await client.open(uri, text, 1);
    const { held } = await askAndCheck(uri, 1, undefined);
    const insert = async (version: number, what: string) => {
      const at = text.indexOf('Ana Lopes');
      await client.change(uri, version, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: what }]);
      text = text.slice(0, at) + what + text.slice(at);
    };
    await insert(2, 'Rui said: “Yes.” ');
    const full2 = await quotes({ uri, version: 2 });
    const a = quotes({ uri, version: 2, known: held.analysis, deltas: true });
    await insert(3, '“No,” Eva said. ');
    const b = quotes({ uri, version: 3, known: held.analysis, deltas: true });
    const full3 = await quotes({ uri, version: 3 });
    for (const r of [await a, await b]) {
      assert.ok(r.delta, `a delta for version ${r.version}`);
      assert.deepStrictEqual(received(held, r), r.version === 2 ? full2.quotes : full3.quotes);
    }
    await client.close(uri);
  });

  it('a document with a sidecar applied gets exact deltas too', async () => {
    const q = analyze(LONELY).quotes[0];
    writeFileSync(path.join(ws.dir, 'seeds/lonely.txt.ann.yaml'), serializeSidecar({
      version: 1, source: 'lonely.txt', annotations: [{ id: 'q1', kind: 'quote', target: targetAt(LONELY, q.start, q.end), speaker: 'Town council', speech: true }],
    }));
    const uri = ws.uri('seeds/lonely.txt');
    let text = LONELY;
    await client.open(uri, text, 1);
    let { held } = await askAndCheck(uri, 1, undefined);
    assert.deepStrictEqual(held.quotes.map((x) => x.speaker), ['Town council']);
    const lines = ['The mayor said: “We agree.”\n\n', '“Maybe,” Ana Lopes said.\n\n', 'x'];
    for (const [i, line] of lines.entries()) {
      const at = text.indexOf('Nothing happened');
      await client.change(uri, i + 2, [{ range: { start: positionAt(text, at), end: positionAt(text, at) }, text: line }]);
      text = text.slice(0, at) + line + text.slice(at);
      const answer = await askAndCheck(uri, i + 2, held);
      assert.ok(answer.r.delta, 'a delta');
      held = answer.held;
    }
    assert.ok(held.quotes.some((x) => x.speaker === 'Town council'), 'the annotation still applies');
    await client.close(uri);
  });
});

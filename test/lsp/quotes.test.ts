// `seed/quotes` over real JSON-RPC: the client's views read the server's analysis (quotes
// with speakers, and for pickers actors, places and dates) in the editor's offsets, for
// the version the client names, with a sidecar it has just written applied.
import * as assert from 'assert';
import { writeFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/analysis';
import { serializeSidecar, targetAt } from '../../server/src/sidecar';
import { QuotesRequestMethod, type QuotesParams, type QuotesResult } from '../../server/src/shared/protocol';
import { LspClient, makeWorkspace } from './client';
import { HARBOUR, LONELY, positionAt } from './fixtures';

const INVALID_PARAMS = -32602;

describe('seed/quotes request (JSON-RPC over stdio)', () => {
  const ws = makeWorkspace({ 'seeds/harbour.txt': HARBOUR, 'seeds/lonely.txt': LONELY });
  let client: LspClient;
  const quotes = (params: QuotesParams) => client.request<QuotesResult>(QuotesRequestMethod, params);

  before(async () => {
    client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    await client?.stop();
    ws.remove();
  });

  it('answers the quotes of an open document exactly as the analysis finds them', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    await client.open(uri, HARBOUR, 3);
    const r = await quotes({ uri, version: 3 });
    const expected = analyze(HARBOUR).quotes;
    assert.ok(expected.some((q) => q.speaker) && expected.some((q) => !q.speaker), 'the fixture has attributed and unattributed quotes');
    assert.strictEqual(r.uri, uri);
    assert.strictEqual(r.version, 3);
    assert.deepStrictEqual(r.quotes, expected.map((q) => ({
      start: q.start, end: q.end, kind: q.kind, speaker: q.speaker?.name ?? null, via: q.speaker?.via ?? null, cue: q.cue,
    })));
    assert.strictEqual(r.actors, undefined, 'no picker data unless asked for');
  });

  it('with `near`, also gives actors nearest first, places and dates with their values', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    const a = analyze(HARBOUR);
    const at = HARBOUR.indexOf('Ana Lopes');
    const r = await quotes({ uri, version: 3, near: { start: at, end: at + 9 } });
    assert.strictEqual(r.actors?.[0], 'Ana Lopes', r.actors?.join(', '));
    assert.deepStrictEqual([...r.actors!].sort(), [...new Set(a.actors.map((x) => x.name))].sort());
    const early = await quotes({ uri, version: 3, near: { start: 0, end: 0 } });
    assert.strictEqual(early.actors?.[0], a.actors[0].name, 'from the top, the first actor mentioned comes first');
    assert.deepStrictEqual(r.places, [...new Set(a.places.map((p) => p.name))]);
    assert.ok(r.places!.includes('Lisbon'), r.places!.join());
    assert.deepStrictEqual(r.dates, a.dates.map((d) => ({ start: d.start, end: d.end, value: d.value })));
    assert.ok(r.dates!.length > 0);
  });

  it('counts a BOM the editor kept: offsets index the text as the editor has it', async () => {
    const uri = ws.uri('seeds/bom.txt');
    const text = `\ufeff${HARBOUR}`;
    await client.open(uri, text, 1);
    const r = await quotes({ uri, version: 1 });
    const expected = analyze(HARBOUR).quotes;
    assert.strictEqual(r.quotes.length, expected.length);
    r.quotes.forEach((q, i) => assert.strictEqual(text.slice(q.start, q.end), expected[i].text));
    await client.close(uri);
  });

  it('waits for a version the server has not been sent yet, then answers for it', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    const added = 'The port authority said: “Cranes arrive in July.”\n\n';
    const pending = quotes({ uri, version: 4 });
    const insertAt = HARBOUR.indexOf('Ana Lopes');
    await client.change(uri, 4, [{ range: { start: positionAt(HARBOUR, insertAt), end: positionAt(HARBOUR, insertAt) }, text: added }]);
    const r = await pending;
    const edited = HARBOUR.slice(0, insertAt) + added + HARBOUR.slice(insertAt);
    assert.strictEqual(r.version, 4);
    assert.deepStrictEqual(r.quotes.map((q) => [q.start, q.end, q.speaker]), analyze(edited).quotes.map((q) => [q.start, q.end, q.speaker?.name ?? null]));
    assert.ok(r.quotes.some((q) => edited.slice(q.start, q.end) === '“Cranes arrive in July.”'));
  });

  it('says "unchanged" without the quotes when the client already holds that analysis', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    const full = await quotes({ uri, version: 4 });
    assert.ok(full.quotes.length > 0);
    const again = await quotes({ uri, version: 4, known: full.analysis });
    assert.deepStrictEqual(again, { uri, version: 4, analysis: full.analysis, unchanged: true, quotes: [] });
    const other = await quotes({ uri, version: 4, known: full.analysis + 1 });
    assert.deepStrictEqual(other, full, 'another analysis named: the full answer');
    const picker = await quotes({ uri, version: 4, known: full.analysis, near: { start: 0, end: 0 } });
    assert.deepStrictEqual(picker.quotes, full.quotes, 'a picker request always gets everything');
  });

  it('answers for the latest version when the client asks for an older one', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    const r = await quotes({ uri, version: 2 });
    assert.strictEqual(r.version, 4);
  });

  it('a request sent before the document opens is answered once it opens', async () => {
    const uri = ws.uri('seeds/late.txt');
    const pending = quotes({ uri, version: 1 });
    await client.open(uri, LONELY, 1);
    const r = await pending;
    assert.strictEqual(r.version, 1);
    assert.strictEqual(r.quotes.length, analyze(LONELY).quotes.length);
    await client.close(uri);
  });

  it('re-reads the sidecar when the client says it changed, without a file watcher event', async () => {
    const uri = ws.uri('seeds/lonely.txt');
    await client.open(uri, LONELY, 1);
    const before = await quotes({ uri, version: 1, sidecar: 'none' });
    assert.strictEqual(before.quotes.length, 1);
    assert.strictEqual(before.quotes[0].speaker, null, 'nobody said it before the annotation');

    const q = analyze(LONELY).quotes[0];
    const write = (speaker: string) => writeFileSync(path.join(ws.dir, 'seeds/lonely.txt.ann.yaml'), serializeSidecar({
      version: 1, source: 'lonely.txt', annotations: [{ id: 'q1', kind: 'quote', target: targetAt(LONELY, q.start, q.end), speaker, speech: true }],
    }));
    write('Town council');
    const after = await quotes({ uri, version: 1, sidecar: 'written-1', known: before.analysis });
    assert.notStrictEqual(after.analysis, before.analysis, 'a new analysis with the sidecar applied');
    assert.strictEqual(after.unchanged, undefined);
    assert.deepStrictEqual([after.quotes[0].speaker, after.quotes[0].via], ['Town council', 'annotation']);

    // The same key again: the server keeps what it read (no file read on every request).
    write('Harbour master');
    const same = await quotes({ uri, version: 1, sidecar: 'written-1' });
    assert.strictEqual(same.quotes[0].speaker, 'Town council');
    const next = await quotes({ uri, version: 1, sidecar: 'written-2' });
    assert.strictEqual(next.quotes[0].speaker, 'Harbour master');
  });

  it('refuses malformed parameters with InvalidParams', async () => {
    const uri = ws.uri('seeds/harbour.txt');
    for (const params of [{ uri, version: 'x' }, { version: 1 }, { uri, version: 4, near: { start: 5, end: 1 } }, { uri, version: 4, sidecar: 7 }, { uri, version: 4, known: 'a' }]) {
      await assert.rejects(quotes(params as unknown as QuotesParams), (e: { code: number; message: string }) => {
        assert.strictEqual(e.code, INVALID_PARAMS, e.message);
        assert.match(e.message, /seed\/quotes/);
        return true;
      });
    }
  });

  it('says so when the document never opens', async function () {
    this.timeout(10000);
    const uri = ws.uri('seeds/never.txt');
    await assert.rejects(quotes({ uri, version: 1 }), (e: { code: number; message: string }) => {
      assert.strictEqual(e.code, INVALID_PARAMS);
      assert.match(e.message, /not open/);
      return true;
    });
    assert.ok(client.alive);
  });
});

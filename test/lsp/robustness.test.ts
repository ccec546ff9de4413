// Robustness of the language server over the real protocol: thousands of random
// edits never crash it and leave exactly the diagnostics of a fresh analysis of the
// final text; opening and closing many documents does not grow its memory without bound.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { analyze } from '../../server/src/analysis';
import { mulberry32 } from '../bench/prng';
import { LspClient } from './client';
import { EXAMPLE, HARBOUR, positionAt, rangeOf } from './fixtures';

const INSERTS = ['“', '”', '"', ' said ', ' he told ', ':', '\n\n', '\n', 'Baku', ' on Saturday', ' March 5', '“We will not,” ', 'x', ' ', '😀', '’s', 'according to Ana Lopes, '];

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? +m[1] : 0;
}

describe('language server robustness (protocol)', function () {
  this.timeout(120000);
  let client: LspClient;
  before(async () => { client = await LspClient.start(); });
  after(async () => { await client.stop(); });

  it('survives 2,000 random incremental edits and ends on the diagnostics of a fresh analysis', async () => {
    const random = mulberry32(20261128); // seeded, so a failure can be replayed
    const uri = 'file:///mem/soak.txt';
    let text = EXAMPLE;
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const since = client.diagnostics.length;
    let version = 1;
    for (let i = 0; i < 2000; i++) {
      const start = Math.floor(random() * (text.length + 1));
      // Keep ranges off the middle of a surrogate pair, as an editor would.
      const adjust = (o: number) => (o > 0 && o < text.length && /[\uDC00-\uDFFF]/.test(text[o]) ? o - 1 : o);
      const a = adjust(start);
      const b = adjust(Math.min(text.length, a + (random() < 0.5 ? 0 : Math.floor(random() * 40))));
      const insert = random() < 0.8 ? INSERTS[Math.floor(random() * INSERTS.length)] : '';
      const range = { start: positionAt(text, a), end: positionAt(text, b) };
      text = text.slice(0, a) + insert + text.slice(b);
      await client.change(uri, ++version, [{ range, text: insert }]);
    }
    const final = await client.waitForDiagnostics(uri, version, since);
    assert.ok(client.alive, 'the server is still running');
    const expected = analyze(text).diagnostics;
    assert.deepStrictEqual(
      final.diagnostics.map((d) => [d.code, d.message, d.range]),
      expected.map((d) => [d.code, d.message, rangeOf(text, d)]),
    );
    // It still answers requests on the edited document.
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(Array.isArray(symbols));
    await client.close(uri);
  });

  it('opening and closing 1,000 documents six times does not grow its memory without bound', async function () {
    this.timeout(120_000);
    const pid = client.child.pid!;
    const round = async (r: number) => {
      // All open at once (a thousand tabs), then all closed.
      for (let i = 0; i < 1000; i++) await client.open(`file:///mem/r${r}/doc${i}.txt`, HARBOUR.replace('Lisbon', `Lisbon ${i}`), 1);
      await client.waitForDiagnostics(`file:///mem/r${r}/doc999.txt`, 1);
      for (let i = 0; i < 1000; i++) await client.close(`file:///mem/r${r}/doc${i}.txt`);
      // Every closed document gets its diagnostics cleared; wait for the last one.
      await client.waitForDiagnostics(`file:///mem/r${r}/doc999.txt`, (p) => p.diagnostics.length === 0 && p.version === undefined);
      return rssKb(pid);
    };
    // RSS moves with the garbage collector's timing (a round may end before a major GC):
    // six rounds, and the least of the last three against the first. A leak of the
    // documents would add ≥ 1,000 analyses a round and show in every later round.
    const rounds: number[] = [];
    for (let r = 1; r <= 6; r++) rounds.push(await round(r));
    if (process.env.SEED_VERBOSE) console.log(`      server RSS after each round: ${rounds.join(' → ')} kB`);
    const settled = Math.min(...rounds.slice(3));
    assert.ok(settled - rounds[0] < 40_000, `RSS ${rounds.join(' → ')} kB`);
    assert.ok(client.alive);
  });
});

// Outlines are bounded by setting outline.maxItems: past it, every section stays, the
// most mentioned entities and the first quotes stay, and "+ N more" entries count the
// rest at their place. Nothing is silently dropped: listed + counted = all.
import * as assert from 'assert';
import * as fc from 'fast-check';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/analysis';
import { bound, countSymbols } from '../../server/src/features/symbols';
import { LspClient, makeWorkspace } from './client';
import { offsetAt } from './fixtures';

const SPEAKERS = ['Ana Ferreira', 'Tomas Weller', 'Ines Okafor', 'Rui Castanho', 'Lena Marsh', 'Omar Haddad', 'Petra Lind', 'Jonas Berg'];

/** Twelve sections, four attributed quotes each; speakers recur unevenly (the first most). */
function longArticle(): string {
  const parts = ['date 2024-05-10 Harbour talks run long', ''];
  for (let s = 0; s < 12; s++) {
    parts.push(`Round ${s + 1}`, '');
    for (let q = 0; q < 4; q++) {
      const who = SPEAKERS[(s * q) % SPEAKERS.length];
      parts.push(`“We met the union for the ${s + 1}. time and talked about shift ${q + 1},” ${who} said on Tuesday.`, '');
    }
  }
  return parts.join('\n');
}

function moreCount(s: DocumentSymbol): number {
  const m = /^\+ (\d+) more /.exec(s.name);
  return m ? Number(m[1]) : 0;
}

describe('outline bound (setting outline.maxItems)', () => {
  it('counts every entry it adds in the bound, and lists all when they fit', () => {
    const n = (max: number) => fc.nat(max);
    fc.assert(fc.property(fc.integer({ min: 1, max: 5000 }), n(600), n(5), n(2), n(6000), n(2000), (maxItems, sections, runs, groups, quotes, entities) => {
      const b = bound({ maxItems, sections, runs, groups, quotes, entities });
      assert.ok(b.sections >= 0 && b.sections <= sections && b.quotes >= 0 && b.quotes <= quotes && b.entities >= 0 && b.entities <= entities);
      if (1 + groups + sections + quotes + entities <= maxItems) {
        assert.deepStrictEqual(b, { sections, quotes, entities });
        return;
      }
      // The most an outline can hold: the article, groups, listed sections, "+ N more sections",
      // listed quotes and entities, and one "+ N more" per listed section, run and group.
      const worst = 1 + groups + b.sections + (b.sections < sections ? 1 : 0) + b.quotes + b.entities + b.sections + runs + groups;
      if (1 + 2 * groups + runs + 1 <= maxItems) assert.ok(worst <= maxItems, JSON.stringify({ b, worst }));
    }));
  });

  describe('over the protocol', () => {
    const ws = makeWorkspace();
    const text = longArticle();
    const limited = 'file:///mem/limited.txt';
    const full = 'file:///mem/full.txt';
    const MAX = 40;
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ folder: ws.dir, settings: (uri) => (uri?.startsWith(limited.replace('.txt', '')) ? { outline: { maxItems: MAX } } : null), initializationOptions: { diagnosticsDelay: 0 } });
      await client.open(limited, text, 1);
      await client.open(full, text, 1);
    });
    after(async () => {
      await client?.stop();
      ws.remove();
    });
    const symbols = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

    it('lists everything under the default bound', async () => {
      const a = analyze(text);
      const [article, ...groups] = await symbols(full);
      assert.strictEqual(a.quotes.length, 48, 'every quote is found');
      assert.strictEqual(article.children!.flatMap((s) => s.children!).length, 48);
      assert.ok(!JSON.stringify([article, ...groups]).includes(' more '), 'no "+ N more" entry');
    });

    it('keeps every section, the first quotes and the most mentioned actors, and counts the rest', async () => {
      const a = analyze(text);
      const syms = await symbols(limited);
      assert.ok(countSymbols(syms) <= MAX, `${countSymbols(syms)} symbols`);
      const [article, actors] = syms;
      assert.strictEqual(actors.name, 'Actors');
      assert.deepStrictEqual(article.children!.map((s) => s.name), a.sections.map((s) => s.title));

      // Quotes: the listed ones are the first in reading order; each section's "+ N more"
      // leads to its first omitted quote; listed + counted = every quote.
      const listed = article.children!.flatMap((s) => s.children!.filter((c) => !moreCount(c)));
      assert.ok(listed.length > 0 && listed.length < a.quotes.length);
      assert.deepStrictEqual(listed.map((q) => offsetAt(text, q.range.start)), a.quotes.slice(0, listed.length).map((q) => q.start));
      let counted = 0;
      for (const s of article.children!) {
        const more = s.children!.filter((c) => moreCount(c));
        assert.ok(more.length <= 1);
        for (const m of more) {
          const shown = s.children!.length - 1;
          const inSection = a.quotes.filter((q) => offsetAt(text, s.range.start) <= q.start && q.start <= offsetAt(text, s.range.end));
          assert.strictEqual(moreCount(m), inSection.length - shown, s.name);
          assert.strictEqual(offsetAt(text, m.selectionRange.start), inSection[shown].start);
          counted += moreCount(m);
        }
      }
      assert.strictEqual(listed.length + counted, a.quotes.length);

      // Actors: the most mentioned are listed; "+ N more" counts the others.
      const named = actors.children!.filter((c) => !moreCount(c));
      const more = actors.children!.filter((c) => moreCount(c));
      assert.strictEqual(more.length, 1);
      assert.strictEqual(named.length + moreCount(more[0]), Number(actors.detail));
      const mentions = (name: string) => Number(/^(\d+) mention/.exec(name)?.[1]);
      const fewestListed = Math.min(...named.map((c) => mentions(c.detail!)));
      const listedNames = new Set(named.map((c) => c.name));
      const omitted = [...new Set(a.actors.map((e) => e.name))].filter((n) => !listedNames.has(n));
      for (const n of omitted) assert.ok(a.actors.filter((e) => e.name === n).length <= fewestListed, `${n} is mentioned less than every listed actor`);
    });

    it('folds the sections past the bound into one entry when sections alone exceed it', async () => {
      const parts = ['date 2024-05-11 Sixty short rounds', ''];
      for (let s = 0; s < 60; s++) parts.push(`Round ${s + 1}`, '', `“We talked again,” Ana Ferreira said after round ${s + 1}.`, '');
      const many = parts.join('\n');
      const uri = 'file:///mem/limited-many.txt';
      await client.open(uri, many, 1);
      const a = analyze(many);
      assert.strictEqual(a.sections.length, 60);
      const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(countSymbols(syms) <= 40, `${countSymbols(syms)} symbols`);
      const [article] = syms;
      const more = article.children!.filter((c) => /^\+ \d+ more sections$/.test(c.name));
      assert.strictEqual(more.length, 1);
      const listed = article.children!.filter((c) => !moreCount(c));
      assert.deepStrictEqual(listed.map((c) => c.name), a.sections.slice(0, listed.length).map((s) => s.title));
      assert.strictEqual(listed.length + moreCount(more[0]), 60);
      assert.strictEqual(offsetAt(many, more[0].selectionRange.start), a.sections[listed.length].start);
    });
  });
});

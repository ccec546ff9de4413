// Publishing diagnostics under fast typing, over the real protocol: a burst of
// edits that arrives faster than the server analyses must end in diagnostics for
// the last version, published promptly, never going back to an older version, and
// without analysing every intermediate version in turn (that backlog is what made
// typing into a long article lag by seconds).
import * as assert from 'assert';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/analysis';
import { LspClient } from './client';
import { positionAt } from './fixtures';
import { bigArticle } from './perf';

describe('language server: diagnostics while typing fast', function () {
  this.timeout(60_000);
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ initializationOptions: { diagnosticsDelay: 0 } });
  });
  after(async () => {
    if (client) await client.stop();
  });

  it('a burst of edits ends on the last version, in order, without analysing each one', async () => {
    const uri = 'file:///mem/burst.txt';
    // Long enough that one analysis outlasts the arrival of the whole burst.
    let text = bigArticle(150_000);
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const since = client.diagnostics.length;
    const edits = 30;
    const at = text.indexOf('\n\n', text.length >> 1);
    for (let i = 0; i < edits; i++) {
      const pos = positionAt(text, at + i);
      text = text.slice(0, at + i) + 'x' + text.slice(at + i);
      await client.change(uri, i + 2, [{ range: { start: pos, end: pos }, text: 'x' }]);
    }
    const last = edits + 1;
    const final = await client.waitForDiagnostics(uri, last, since);
    // A request answered after the diagnostics orders us after any job still running.
    await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

    const versions = client.diagnostics.slice(since).filter((p) => p.uri === uri).map((p) => p.version!);
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `published out of order or twice: ${versions.join(' ')}`);
    assert.strictEqual(versions[versions.length - 1], last);
    // Queued versions are coalesced: far fewer publishes than edits (how many depends on how
    // fast the incremental analysis catches up with the burst).
    assert.ok(versions.length <= edits / 3, `${versions.length} publishes for ${edits} queued edits: ${versions.join(' ')}`);
    assert.strictEqual(final.diagnostics.length, analyze(text).diagnostics.length, 'the last diagnostics are those of the final text');
  });

  it('a document closed while its diagnostics are due gets no late diagnostics', async () => {
    const uri = 'file:///mem/closed.txt';
    const text = bigArticle(50_000);
    await client.open(uri, text, 1);
    await client.waitForDiagnostics(uri, 1);
    const since = client.diagnostics.length;
    const pos = positionAt(text, 100);
    await client.change(uri, 2, [{ range: { start: pos, end: pos }, text: '“' }]);
    await client.close(uri);
    // Closing publishes an empty list; a round trip later nothing else has come.
    const cleared = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, since);
    await client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///mem/burst.txt' } });
    const after = client.diagnostics.slice(since).filter((p) => p.uri === uri);
    assert.deepStrictEqual(after[after.length - 1], cleared, `published after close: ${JSON.stringify(after.map((p) => [p.version, p.diagnostics.length]))}`);
  });
});

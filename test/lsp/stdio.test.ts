// The server on stdio (its own writer, see features/wire.ts): it leaves when the
// client goes away without shutdown, and a large answer arrives whole and intact.
import * as assert from 'assert';
import { spawn } from 'child_process';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient, SERVER, ensureBuilt } from './client';
import { bigArticle } from './perf';

describe('language server on stdio', function () {
  this.timeout(60_000);

  it('exits (code 1) when its stdin closes without shutdown', async () => {
    ensureBuilt();
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin!.end();
    assert.strictEqual(await exited, 1);
  });

  it('answers the same outline twice, byte for byte, with non-ASCII names intact', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///mem/large.txt';
      const text = bigArticle(200_000).replace(/said/g, 'déclaré’s');
      await client.open(uri, text, 1);
      await client.waitForDiagnostics(uri, 1);
      const first = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const second = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepStrictEqual(second, first);
      const names = JSON.stringify(first);
      assert.ok(/[“”’…]/.test(names), 'the outline keeps its typographic characters');
      assert.ok(!names.includes('\\u'), 'escapes are decoded by the client');
    } finally {
      await client.stop();
    }
  });
});

// The server's start-up warm-up (Project.warmUp, analysis/warmUp.ts) runs in steps
// between requests: an article opened while it runs is analysed first, and the
// warm-up leaves nothing behind in what the server reports.
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexPool } from '../../server/src/workspace/indexPool';
import { Project } from '../../server/src/workspace/project';
import { LspClient, makeWorkspace, WARMED_UP } from './client';
import { EXAMPLE } from './fixtures';

describe('start-up warm-up (JSON-RPC over stdio)', function () {
  this.timeout(30_000);
  const ws = makeWorkspace({ 'seeds/example.txt': EXAMPLE });
  let client: LspClient;

  after(async () => {
    if (client) await client.stop();
    ws.remove();
  });

  it('gives way to an article opened at once, then finishes, changing nothing the server reports', async () => {
    client = await LspClient.start({ folder: ws.dir, initializationOptions: { diagnosticsDelay: 0 } });
    // Opened right behind `initialized`, as VS Code does with the article that started the server.
    const first = ws.uri('seeds/example.txt');
    await client.open(first, EXAMPLE, 1);
    const published = await client.waitForDiagnostics(first, 1);
    assert.ok(!client.logs.some((m) => WARMED_UP.test(m)), 'the article waited for the whole warm-up');

    const line = await client.waitForLog(WARMED_UP);
    const [, steps, busy] = WARMED_UP.exec(line)!.map(Number);
    assert.ok(steps >= 3 && busy > 0, line);

    // The same text under another name, analysed after the warm-up: the same findings.
    const again = 'file:///mem/example-again.txt';
    await client.open(again, EXAMPLE, 1);
    const later = await client.waitForDiagnostics(again, 1);
    assert.ok(published.diagnostics.length > 0);
    assert.deepStrictEqual(later.diagnostics, published.diagnostics);
  });

  it('waits while an open document is still to be analysed, and goes on once it is (in-process)', async () => {
    const logs: string[] = [];
    const host = { getConfiguration: () => undefined, log: (m: string) => void logs.push(m), error: (m: string) => void logs.push(m), diagnosticsDue: () => {}, closed: () => {} };
    const project = new Project(host, new IndexPool(() => {}, 0));
    try {
      const progress = project.warmUp();
      // This host never asks for the document's analysis: until we do, the warm-up must wait.
      project.didOpen(TextDocument.create('file:///mem/waiting.txt', 'seed', 1, EXAMPLE));
      while (progress.gaveWay < 2) await new Promise((r) => setTimeout(r, 5)); // polls
      assert.strictEqual(progress.done, 0, 'no step ran while the document waited');
      const analysed = await project.get('file:///mem/waiting.txt');
      assert.ok(analysed.analysis.quotes.length > 0);
      await progress.finished;
      assert.strictEqual(progress.done, progress.steps);
      assert.ok(logs.some((m) => WARMED_UP.test(m)), logs.join('\n'));
    } finally {
      project.dispose();
    }
  });
});

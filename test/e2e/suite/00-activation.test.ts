// The extension activates on seed files only, and they get the `seed` language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE, extension, open, waitFor, wsUri } from './helpers';

suite('activation and language', () => {
  test('not active before a seed file is opened, even with a plain .txt open', async () => {
    assert.equal(extension().isActive, false, 'activated at startup: it should wait for a seed file');
    const plain = await open('fixtures/notes.txt');
    assert.equal(plain.document.languageId, 'plaintext');
    // A round trip through the workbench: a (wrong) onLanguage activation would have landed by then.
    await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', plain.document.uri);
    assert.equal(extension().isActive, false, 'a plain .txt activated the extension');
  });

  test('a .txt in seeds/ is a seed file and activates the extension', async () => {
    const t0 = Date.now();
    const editor = await open(EXAMPLE);
    assert.equal(editor.document.languageId, 'seed');
    await waitFor('activation', () => (extension().isActive ? true : undefined), 30_000, 10);
    console.log(`    [timing] extension active ${Date.now() - t0} ms after opening the first seed file`);
  });

  test('*.seed.txt anywhere is a seed file; other .txt files are not', async () => {
    const seed = await vscode.workspace.openTextDocument(wsUri('fixtures/attributed.seed.txt'));
    assert.equal(seed.languageId, 'seed');
    const plain = await vscode.workspace.openTextDocument(wsUri('fixtures/notes.txt'));
    assert.equal(plain.languageId, 'plaintext');
  });
});

// The extension activates with the window in a workspace that holds seed files (a
// seeds/ folder or annotation sidecars: this one does), so its language server has
// started, indexed and warmed up before the first article opens; elsewhere, on the
// first seed file opened. Seed files get the `seed` language, other .txt files do not.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXAMPLE, extension, open, waitFor, wsUri } from './helpers';

suite('activation and language', () => {
  test('active from startup in a workspace with seed files, before any is opened', async () => {
    assert.equal(vscode.window.visibleTextEditors.length, 0, 'an editor is open already');
    await waitFor('activation', () => (extension().isActive ? true : undefined), 30_000, 10);
    const plain = await open('fixtures/notes.txt');
    assert.equal(plain.document.languageId, 'plaintext');
  });

  test('a .txt in seeds/ is a seed file', async () => {
    const editor = await open(EXAMPLE);
    assert.equal(editor.document.languageId, 'seed');
    assert.equal(extension().isActive, true);
  });

  test('*.seed.txt anywhere is a seed file; other .txt files are not', async () => {
    const seed = await vscode.workspace.openTextDocument(wsUri('fixtures/attributed.seed.txt'));
    assert.equal(seed.languageId, 'seed');
    const plain = await vscode.workspace.openTextDocument(wsUri('fixtures/notes.txt'));
    assert.equal(plain.languageId, 'plaintext');
  });
});

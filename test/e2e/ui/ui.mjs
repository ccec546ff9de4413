// Drives the workbench through Chromium like a person, against the packaged .vsix installed
// into code-server: Ctrl+P to open the example article, the hover on a quote, the Outline,
// F1 commands (annotate a speaker by typing a name; the error for a broken sidecar), and the
// Problems view. Screenshots go to test/e2e/screenshots/; the hover-plus-outline one is also
// saved as docs/screenshot.png for the README.
// Expectations come from the bundled CLI on the same files (editor = CLI), not from constants.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../lib/codeServer.mjs';

const EXAMPLE = 'seeds/000_69c84b4dfaca571e.txt';
function lineCol(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}
const cli = (file) => JSON.parse(execFileSync(process.execPath, [join(repoRoot, 'dist/cli.js'), 'analyze', '--json', file], { encoding: 'utf8' }));

export async function runUi(opts) {
  let page;
  try {
    return await drive(opts, (p) => (page = p));
  } catch (e) {
    if (page) {
      const p = join(opts.screenshotsDir, 'failure.png');
      await page.screenshot({ path: p }).then(() => opts.say(`failure screenshot: ${p}`), () => {});
    }
    throw e;
  }
}

async function drive({ browser, server, ws, say, screenshotsDir, docsShot }, expose) {
  mkdirSync(screenshotsDir, { recursive: true });
  const shot = async (name) => { const p = join(screenshotsDir, name); await page.screenshot({ path: p }); say(`screenshot ${p}`); return p; };
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  expose(page);
  page.setDefaultTimeout(30_000);

  // ---- helpers: what a person does with the keyboard -------------------------------------
  const quickInput = '.quick-input-widget';
  async function palette(key, text, rowText = text) {
    await page.keyboard.press(key);
    await page.locator(`${quickInput} input`).waitFor({ state: 'visible' });
    await page.keyboard.type(text, { delay: 5 });
    await page.locator(`${quickInput} .monaco-list-row`, { hasText: rowText }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
  }
  const command = (label) => palette('F1', label);
  const speakerPick = page.locator(`${quickInput} .quick-input-title`, { hasText: 'Who said this?' });
  async function notification(text) {
    // With a fresh profile a message may skip the toast and go straight to the notification centre.
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text });
    if (await toast.waitFor({ state: 'visible', timeout: 8000 }).then(() => true, () => false)) return toast.innerText();
    await command('Notifications: Show Notifications');
    const item = page.locator('.notifications-center .notification-list-item', { hasText: text });
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    const t = await item.innerText();
    await page.keyboard.press('Escape');
    return t;
  }
  async function openFile(name) {
    await palette('Control+P', name, name);
    await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await page.locator('.editor-instance .monaco-editor .view-lines .view-line').first().waitFor();
  }
  /** Moves the mouse onto the text `needle` in the editor (no clicking) and returns the hover's text. */
  async function hoverOn(needle) {
    const span = page.locator('.editor-instance .view-lines .view-line span', { hasText: needle }).first();
    const box = await span.boundingBox();
    assert.ok(box, `“${needle}” is not visible in the editor`);
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    const content = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-resizable-hover .monaco-hover-content').first();
    await content.waitFor({ state: 'visible', timeout: 20_000 });
    // The hover opens with "Loading..." until the language server answers.
    let text = '';
    await waitUntil('the hover to load', async () => !/^\s*Loading/.test(text = await content.innerText().catch(() => '')) && text.trim() !== '');
    return text;
  }
  /** The status bar's problem counters (errors, warnings), as a person reads them. */
  async function problemCounts() {
    const text = await page.locator('#status\\.problems').innerText().catch(() => '');
    const [errors, warnings] = (text.match(/\d+/g) ?? []).map(Number);
    return { errors, warnings };
  }
  /** Ctrl+G to a 1-based line and column. */
  async function goTo(line, col) {
    await page.keyboard.press('Control+G');
    await page.locator(`${quickInput} input`).waitFor({ state: 'visible' });
    await page.keyboard.type(`${line}:${col}`);
    await page.keyboard.press('Enter');
    await page.locator(`${quickInput}`).waitFor({ state: 'hidden' });
  }
  async function clickOn(needle) {
    const span = page.locator('.editor-instance .view-lines .view-line span', { hasText: needle }).first();
    const box = await span.boundingBox();
    assert.ok(box, `“${needle}” is not visible in the editor`);
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
  }

  // ---- the workbench with the example article ---------------------------------------------
  await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 120_000 });
  say('workbench and explorer loaded');

  const example = cli(join(ws, EXAMPLE));
  await openFile('000_69c84b4dfaca571e.txt');
  const tOpen = Date.now();
  say('article opened with Ctrl+P');
  const language = await page.locator('#status\\.editor\\.mode').innerText();
  assert.equal(language.trim(), 'Seed article', 'the status bar language is not the extension\'s');
  const warnings = example.diagnostics.filter((d) => d.severity === 'warning').length;
  await waitUntil(`the status bar to count ${warnings} warnings, as the CLI does`, async () => (await problemCounts()).warnings === warnings, 90_000);
  say(`[timing] ${warnings} warning(s) in the status bar ${Date.now() - tOpen} ms after the article showed (activation + server start + analysis)`);

  // ---- Outline ----------------------------------------------------------------------------
  // The workspace tree folded away so the Outline gets the side bar; the outline starts folded
  // (outline.collapseItems) and a person unfolds the article, then its first section.
  await page.locator('.pane-header', { hasText: /^workspace/i }).first().click();
  await command('Explorer: Focus on Outline View');
  const outlineRows = page.locator('.outline-pane .monaco-list-row');
  const unfold = async (text) => {
    const row = outlineRows.filter({ hasText: text }).first();
    await row.waitFor({ timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
  };
  await unfold(example.title);
  await outlineRows.filter({ hasText: example.sections.at(-1).title }).first().waitFor({ timeout: 30_000 });
  await unfold(example.sections[0].title === example.title ? example.sections[1].title : example.sections[0].title);
  const outline = await outlineRows.allInnerTexts();
  say(`outline: ${outline.length} rows, first ${JSON.stringify(outline.slice(0, 4))}`);
  assert.ok(outline.some((r) => r.includes(example.title)), 'the outline lacks the article');
  for (const s of example.sections.slice(1)) assert.ok(outline.some((r) => r.includes(s.title)), `outline lacks section “${s.title}”`);

  // ---- Hover on the first attributed quote --------------------------------------------------
  await page.locator('.editor-instance .view-lines').click({ position: { x: 5, y: 5 } }); // focus back on the text
  const quote = example.quotes.find((q) => q.speaker && q.kind === 'speech');
  const firstWords = quote.text.replace(/^\W+/, '').split(/\s+/)[0];
  const hover = await hoverOn(firstWords);
  say(`hover on “${firstWords}…”: ${JSON.stringify(hover.split('\n').slice(0, 3).join(' | '))}`);
  assert.ok(hover.includes(quote.speaker.name), `the hover does not name ${quote.speaker.name}`);
  const hoverShot = await shot('hover-outline.png');
  mkdirSync(join(docsShot, '..'), { recursive: true });
  copyFileSync(hoverShot, docsShot);
  await page.mouse.move(640, 790);
  await page.keyboard.press('Escape');

  // ---- Problems view: the CLI's warnings -----------------------------------------------------
  await page.keyboard.press('Control+Shift+M');
  const problemRows = page.locator('.markers-panel .monaco-list-row', { hasText: 'without a speaker' });
  const unattributedCount = example.diagnostics.filter((d) => d.code === 'unattributed-quote').length;
  await waitUntil(`${unattributedCount} problems`, async () => (await problemRows.count()) === unattributedCount);
  say(`problems view: ${unattributedCount} unattributed quote(s), as the CLI finds`);
  await shot('problems-before.png');

  // ---- F1: annotate an unattributed quote's speaker by typing a name ---------------------------
  const unattributed = example.quotes.find((q) => !q.speaker && q.kind === 'speech');
  assert.ok(unattributed, 'the CLI finds no unattributed quote in the example article');
  const exampleText = readFileSync(join(ws, EXAMPLE), 'utf8');
  const at = lineCol(exampleText, unattributed.start + 2);
  await goTo(at.line, at.col); // the cursor inside the quote, as after a click
  const attributeLens = page.locator('.editor-instance .codelens-decoration', { hasText: /^attribute/ });
  await waitUntil('the "attribute…" CodeLens over the unattributed quote', async () => (await attributeLens.count()) >= 1);
  await command('Seed: Annotate Quote Speaker');
  await speakerPick.waitFor({ state: 'visible' }); // not the palette still closing: the command's own pick
  await page.keyboard.type('Nairi Hakobyan', { delay: 5 });
  await page.locator(`${quickInput} .monaco-list-row`, { hasText: 'Nairi Hakobyan' }).first().waitFor();
  await page.keyboard.press('Enter');
  const sidecarPath = join(ws, `${EXAMPLE}.ann.yaml`);
  await waitUntil('the sidecar to be written', () => existsSync(sidecarPath) && readFileSync(sidecarPath, 'utf8').includes('Nairi Hakobyan'));
  say('speaker annotated through F1 and the quick pick; sidecar written');

  // ---- Problems view: one warning fewer ------------------------------------------------------
  await waitUntil('the status bar to count one warning fewer', async () => (await problemCounts()).warnings === warnings - 1);
  await waitUntil(`${unattributedCount - 1} problems`, async () => (await problemRows.count()) === unattributedCount - 1);
  say(`problems view: ${unattributedCount - 1} unattributed quote(s) left after annotating one`);
  await waitUntil('the "attribute…" CodeLens to go', async () => (await attributeLens.count()) === 0, 15_000);
  say('the CodeLens above the quote no longer offers "attribute…"');
  await shot('problems-after.png');

  // ---- A broken sidecar: the user is told where, and the file is left alone ------------------
  const broken = join(ws, 'fixtures/malformed.seed.txt.ann.yaml');
  const before = readFileSync(broken);
  await openFile('malformed.seed.txt');
  const malformedText = readFileSync(join(ws, 'fixtures/malformed.seed.txt'), 'utf8');
  const q = lineCol(malformedText, malformedText.indexOf('“') + 2);
  await goTo(q.line, q.col);
  await command('Seed: Annotate Quote Speaker');
  // The pick comes first (nothing is written before the name is known), then the refusal.
  await speakerPick.waitFor({ state: 'visible' });
  await page.keyboard.type('Ines Kowalczyk', { delay: 5 });
  await page.locator(`${quickInput} .monaco-list-row`, { hasText: 'Ines Kowalczyk' }).first().waitFor();
  await page.keyboard.press('Enter');
  const message = await notification('has an error at line');
  assert.match(message, /malformed\.seed\.txt\.ann\.yaml/);
  say(`broken sidecar reported: ${JSON.stringify(message.split('\n').find((l) => /error/.test(l)))}`);
  assert.deepEqual(readFileSync(broken), before, 'the broken sidecar was modified');
  await shot('broken-sidecar.png');

  async function waitUntil(what, probe, timeoutMs = 30_000) { // polls the page, never a blind sleep
    const deadline = Date.now() + timeoutMs;
    while (!(await probe())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await page.waitForTimeout(150);
    }
  }
  return true;
}

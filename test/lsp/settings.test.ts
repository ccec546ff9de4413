// Settings: the keys and defaults the server reads agree with package.json; values
// come per resource from workspace/configuration, bad ones fall back per resource.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { analyze } from '../../server/src/analysis';
import { defaultSettings, sanitizeSettings, SETTING_SPECS, settingKey } from '../../server/src/workspace/settings';
import { LspClient, makeWorkspace, ROOT } from './client';
import { LONELY, positionAt } from './fixtures';

describe('language server settings', () => {
  it('declares in package.json every setting the server reads, with the same defaults and values', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[]; pattern?: string; scope?: string }>;
    // (Other seedAnnotator.* keys are the client's own, e.g. decorations.)
    for (const spec of SETTING_SPECS) assert.ok(props[settingKey(spec.path)], `${settingKey(spec.path)} is declared`);
    // Read per resource, so declared with resource scope (trace is the client's, per window).
    for (const spec of SETTING_SPECS) if (!spec.path.startsWith('trace.')) assert.strictEqual(props[settingKey(spec.path)].scope, 'resource');
    for (const spec of SETTING_SPECS) {
      const p = props[settingKey(spec.path)];
      assert.strictEqual(p.default, spec.default, spec.path);
      assert.deepStrictEqual(p.enum, spec.enum ? [...spec.enum] : undefined, spec.path);
      if (p.pattern) {
        // The editor's validation and the server's agree on samples.
        for (const v of ['', '2024-02-29', '2023-02-29', 'tomorrow', '2024-1-1']) {
          const server = sanitizeSettings({ [spec.path]: v }).problems.length === 0;
          const editor = new RegExp(p.pattern).test(v);
          if (editor === false) assert.strictEqual(server, false, `${spec.path}=${v}`);
        }
      }
    }
  });

  it('sanitises bad values to the defaults and names them', () => {
    assert.deepStrictEqual(sanitizeSettings(undefined), { settings: defaultSettings(), problems: [] });
    assert.deepStrictEqual(sanitizeSettings('junk').settings, defaultSettings());
    const r = sanitizeSettings({ diagnostics: { unattributedQuote: 'loud' }, referenceDate: '2023-02-30', trace: { server: 7 } });
    assert.deepStrictEqual(r.settings, defaultSettings());
    assert.strictEqual(r.problems.length, 3);
    assert.match(r.problems[0], /seedAnnotator\.diagnostics\.unattributedQuote: "loud" is not valid, using "warning"/);
    const ok = sanitizeSettings({ diagnostics: { unattributedQuote: 'off' }, referenceDate: ' 2024-01-15 ' });
    assert.strictEqual(ok.settings.diagnostics.unattributedQuote, 'off');
    assert.strictEqual(ok.settings.referenceDate, '2024-01-15');
    assert.strictEqual(sanitizeSettings({ 'diagnostics.unattributedQuote': 'information' }).settings.diagnostics.unattributedQuote, 'information');
    // An integer setting: whole numbers from its minimum; anything else is named and replaced.
    assert.strictEqual(sanitizeSettings({ outline: { maxItems: 2500 } }).settings.outline.maxItems, 2500);
    for (const bad of [0, 9, -3, 12.5, '2500', true]) {
      const r2 = sanitizeSettings({ outline: { maxItems: bad } });
      assert.strictEqual(r2.settings.outline.maxItems, defaultSettings().outline.maxItems, String(bad));
      assert.match(r2.problems[0], /seedAnnotator\.outline\.maxItems: .* is not an integer of at least 10/);
    }
  });

  describe('over the protocol', () => {
    const ws = makeWorkspace();
    const quiet = 'file:///mem/quiet.txt';
    const info = 'file:///mem/info.txt';
    const broken = 'file:///mem/broken.txt';
    const nodate = 'file:///mem/nodate.txt';
    const perResource: Record<string, unknown> = {
      [quiet]: { diagnostics: { unattributedQuote: 'off' } },
      [info]: { diagnostics: { unattributedQuote: 'information' } },
      [broken]: { diagnostics: { unattributedQuote: 'shout' }, referenceDate: 'yesterday' },
      [nodate]: { referenceDate: '2024-01-15' },
    };
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ folder: ws.dir, settings: (uri) => perResource[uri ?? ''] ?? null, initializationOptions: { diagnosticsDelay: 0 } });
    });
    after(async () => {
      await client?.stop();
      ws.remove();
    });

    it('drops unattributed-quote when the resource says off, keeps it elsewhere', async () => {
      assert.ok(analyze(LONELY).diagnostics.some((d) => d.code === 'unattributed-quote'), 'the fixture has one');
      await client.open(quiet, LONELY, 1);
      await client.open('file:///mem/default.txt', LONELY, 1);
      const off = await client.waitForDiagnostics(quiet, 1);
      const on = await client.waitForDiagnostics('file:///mem/default.txt', 1);
      assert.deepStrictEqual(off.diagnostics.filter((d) => d.code === 'unattributed-quote'), []);
      assert.strictEqual(on.diagnostics.filter((d) => d.code === 'unattributed-quote')[0].severity, 2);
      assert.ok(client.configurationRequests.includes(quiet), 'settings were asked for that resource');
    });

    it('uses information severity when asked, and defaults (with a log line) for bad values', async () => {
      await client.open(info, LONELY, 1);
      await client.open(broken, LONELY, 1);
      const i = await client.waitForDiagnostics(info, 1);
      const b = await client.waitForDiagnostics(broken, 1);
      assert.strictEqual(i.diagnostics.find((d) => d.code === 'unattributed-quote')!.severity, 3);
      assert.strictEqual(b.diagnostics.find((d) => d.code === 'unattributed-quote')!.severity, 2);
      assert.ok(client.logs.some((l) => l.includes('seedAnnotator.diagnostics.unattributedQuote: "shout" is not valid')), client.logs.join('\n'));
      assert.ok(client.logs.some((l) => l.includes('seedAnnotator.referenceDate: "yesterday" is not valid')));
    });

    it('resolves relative dates of a file without header against seedAnnotator.referenceDate', async () => {
      const text = 'Talks resumed on Monday in the capital.\n\nNothing else happened.\n';
      assert.ok(analyze(text).diagnostics.some((d) => d.code === 'missing-header'));
      const expected = analyze(text, { date: '2024-01-15' });
      assert.ok(!expected.diagnostics.some((d) => d.code === 'missing-header'));
      await client.open(nodate, text, 1);
      const p = await client.waitForDiagnostics(nodate, 1);
      assert.deepStrictEqual(p.diagnostics.map((d) => d.code), expected.diagnostics.map((d) => d.code));
      const monday = expected.dates[0];
      assert.ok(monday, 'Monday is a date');
      const h = await client.hover(nodate, positionAt(text, monday.start + 1));
      assert.ok(h!.contents.value.includes(monday.value) && h!.contents.value.includes('reference date 2024-01-15'), h!.contents.value);
    });

    it('re-reads the settings and republishes when the configuration changes', async () => {
      perResource[quiet] = { diagnostics: { unattributedQuote: 'warning' } };
      const since = client.diagnostics.length;
      const asked = client.configurationRequests.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const p = await client.waitForDiagnostics(quiet, (x) => x.diagnostics.some((d) => d.code === 'unattributed-quote'), since);
      assert.strictEqual(p.version, 1);
      assert.ok(client.configurationRequests.length > asked);
    });
  });

  it('works with a client that cannot answer workspace/configuration (defaults, or pushed settings)', async () => {
    const client = await LspClient.start({ configuration: false, initializationOptions: { diagnosticsDelay: 0 } });
    try {
      await client.open('file:///mem/a.txt', LONELY, 1);
      const p = await client.waitForDiagnostics('file:///mem/a.txt', 1);
      assert.ok(p.diagnostics.some((d) => d.code === 'unattributed-quote'));
      assert.deepStrictEqual(client.configurationRequests, []);
      const since = client.diagnostics.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { seedAnnotator: { diagnostics: { unattributedQuote: 'off' } } } });
      const q = await client.waitForDiagnostics('file:///mem/a.txt', () => true, since);
      assert.ok(!q.diagnostics.some((d) => d.code === 'unattributed-quote'));
    } finally {
      await client.stop();
    }
  });
});

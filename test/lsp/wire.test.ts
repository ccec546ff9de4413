// The server's message encoder on stdio (features/wire.ts): results marked for
// reuse are serialised once, as ASCII JSON that decodes to exactly the same value;
// every other message is the library's plain JSON.
import * as assert from 'assert';
import { asciiJson, encodeMessage, jsonOf, reusedJson } from '../../server/src/features/wire';

const decode = (parts: Buffer[]) => JSON.parse(Buffer.concat(parts).toString('utf8'));
const text = (parts: Buffer[]) => Buffer.concat(parts).toString('utf8');

describe('stdio message encoding', () => {
  const outline = reusedJson([
    { name: '“Nous sommes prêts…”', detail: 'Ana Lopes', children: [{ name: 'emoji 😀 and a lone \ud800 surrogate', detail: 'unattributed' }] },
  ]);

  it('writes a reused result as ASCII JSON that decodes to the same value', () => {
    const parts = encodeMessage({ jsonrpc: '2.0', id: 7, result: outline } as never);
    assert.ok(parts.every((p) => p.every((b) => b < 0x80)), 'ASCII only');
    assert.deepStrictEqual(decode(parts), { jsonrpc: '2.0', id: 7, result: outline });
    assert.strictEqual(parts[1], jsonOf(outline), 'the cached bytes themselves, not a copy');
    const again = encodeMessage({ jsonrpc: '2.0', id: 'req-é', result: outline } as never);
    assert.deepStrictEqual(decode(again), { jsonrpc: '2.0', id: 'req-é', result: outline });
  });

  it('escapes every character outside ASCII so that JSON.parse gives it back', () => {
    let all = '';
    for (let c = 0x20; c < 0x3000; c += 7) all += String.fromCharCode(c);
    all += '😀𝄞\ud800x\udfff';
    const bytes = asciiJson({ all });
    assert.ok(bytes.every((b) => b < 0x80));
    assert.strictEqual(JSON.parse(bytes.toString('latin1')).all, all);
  });

  it('serialises a reused result once', () => {
    assert.strictEqual(jsonOf(outline), jsonOf(outline));
    assert.strictEqual(asciiJson('a“b').toString('latin1'), '"a\\u201cb"');
    assert.strictEqual(asciiJson('é😀').toString('latin1'), '"\\u00e9\\ud83d\\ude00"');
  });

  it('leaves other messages to JSON.stringify, errors included', () => {
    const plain = { jsonrpc: '2.0', id: 3, result: [{ name: '“x”' }] };
    assert.strictEqual(text(encodeMessage(plain as never)), JSON.stringify(plain));
    const failed = { jsonrpc: '2.0', id: 4, error: { code: -32602, message: 'no' } };
    assert.strictEqual(text(encodeMessage(failed as never)), JSON.stringify(failed));
    const note = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///é', diagnostics: [] } };
    assert.strictEqual(text(encodeMessage(note as never)), JSON.stringify(note));
  });
});

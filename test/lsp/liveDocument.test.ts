// The server's open documents (features/liveDocument.ts) must behave exactly like
// vscode-languageserver-textdocument's TextDocument under any sequence of edits:
// every analysis reads its text, and requests convert positions through it.
import * as assert from 'assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LiveDocument } from '../../server/src/features/liveDocument';
import { AnalysisCache } from '../../server/src/analysis';
import { PieceText } from '../../server/src/analysis/pieceText';
import { analyzeDocument, FrozenText } from '../../server/src/workspace/analyzed';
import { parseSidecar } from '../../server/src/workspace/annotations';

const piece = fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '😀', '“x”', '');
const text = fc.array(piece, { maxLength: 30 }).map((xs) => xs.join(''));

/** An edit as fractions of the document, so one sequence fits any text length. */
const edit = fc.record({
  from: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.double({ min: 0, max: 0.3, noNaN: true }),
  text,
  reversed: fc.boolean(),
  full: fc.integer({ min: 0, max: 19 }), // 0: a full-text change
  read: fc.boolean(), // read the whole text after this edit (joins the pieces)
  beyond: fc.integer({ min: 0, max: 3 }), // characters past the position (clamped at the line end)
});

describe('LiveDocument (open documents between edits)', () => {
  it('matches TextDocument after any sequence of incremental and full changes', () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 25 }), (initial, edits) => {
      const ours = new LiveDocument('file:///x.txt', 'seed', 1, initial);
      const ref = TextDocument.create('file:///x.txt', 'seed', 1, initial);
      let version = 1;
      for (const e of edits) {
        version++;
        const len = ref.getText().length;
        const a = Math.floor(e.from * len);
        const b = Math.min(len, a + Math.floor(e.len * len));
        const start = ref.positionAt(a);
        const endPos = ref.positionAt(b);
        const end = { line: endPos.line, character: endPos.character + (e.beyond === 3 ? 5 : 0) };
        const change = e.full === 0 ? { text: e.text } : { range: e.reversed ? { start: end, end: start } : { start, end }, text: e.text };
        TextDocument.update(ref, [change], version);
        ours.update([change], version);
        if (e.read) assert.strictEqual(ours.getText(), ref.getText());
        assert.strictEqual(ours.version, ref.version);
        assert.strictEqual(ours.lineCount, ref.lineCount, `lines after ${JSON.stringify(change)} on ${JSON.stringify(ref.getText())}`);
      }
      // An analysis freezes the version's text (pieces, as the document holds them, unread
      // so far unless the last edit read it) with a copy of the line index.
      const frozen = new FrozenText('file:///x.txt', 'seed', version, ours.source(), ours.lineStarts());
      const t = ref.getText();
      for (let line = 0; line < ref.lineCount; line++) assert.strictEqual(frozen.getText(ref.getLineRange(line)), ref.getText(ref.getLineRange(line)));
      assert.strictEqual(frozen.slice(1, t.length - 1), t.slice(1, t.length - 1));
      for (let o = -1; o <= t.length + 1; o++) assert.deepStrictEqual(ours.positionAt(o), ref.positionAt(o), `positionAt(${o}) of ${JSON.stringify(t)}`);
      for (let line = -1; line <= ref.lineCount; line++) {
        for (const character of [-1, 0, 1, 2, 50]) assert.strictEqual(ours.offsetAt({ line, character }), ref.offsetAt({ line, character }));
        assert.deepStrictEqual(ours.getLineRange(line), ref.getLineRange(line));
        assert.strictEqual(ours.getEOLCharacters(line), ref.getEOLCharacters(line));
      }
      assert.strictEqual(ours.getText(), t);
      // The frozen version: same positions and the same text.
      for (let o = 0; o <= t.length; o++) assert.deepStrictEqual(frozen.positionAt(o), ref.positionAt(o));
      assert.strictEqual(frozen.getText(), t);
    }), { numRuns: 1000 });
  });

  it('keeps a long text in pieces while edits come, and joins it once when read', () => {
    const base = 'date 2024-01-01 T\n\n' + '“A quote,” she said.\n\n'.repeat(2000);
    const doc = new LiveDocument('file:///y.txt', 'seed', 1, base);
    let expected = base;
    for (let i = 0; i < 50; i++) {
      const at = 100 + i * 37;
      const p = doc.positionAt(at);
      doc.update([{ range: { start: p, end: p }, text: 'x' }], i + 2);
      expected = expected.slice(0, at) + 'x' + expected.slice(at);
    }
    assert.strictEqual(doc.getText(), expected);
    assert.strictEqual(doc.getText(), doc.getText(), 'one string once joined');
  });
});

describe('analysing an open document per key', () => {
  it('never joins the text of a long annotated article while a few annotations move', () => {
    const paragraph = (i: number) => `“The road to village ${i} reopens in spring,” the engineer said on Monday.`;
    const text = 'date 2024-01-01 Roads\n\n' + Array.from({ length: 3000 }, (_, i) => paragraph(i)).join('\n\n') + '\n';
    const quoted = (i: number) => {
      const exact = `“The road to village ${i} reopens in spring,”`;
      const start = text.indexOf(exact);
      return `  - {id: q${i}, kind: quote, speaker: Ana Lopes, target: {exact: '${exact}', start: ${start}, end: ${start + exact.length}}}\n`;
    };
    // Five annotations after the place typed into (they move), five before it.
    const yaml = 'version: 1\nsource: roads.txt\nannotations:\n' + [100, 600, 900, 1200, 1400, 1800, 2100, 2400, 2700, 2900].map(quoted).join('');
    const sidecar = parseSidecar('/tmp/roads.txt.ann.yaml', yaml);
    assert.deepStrictEqual(sidecar.errors, []);
    const doc = new LiveDocument('file:///tmp/roads.txt', 'seed', 1, text);
    const cache = new AnalysisCache();
    const stamp = (version: number) => ({ version, generation: 0, sidecar, referenceDate: '' });
    analyzeDocument(doc, '/tmp/roads.txt', stamp(1), [], cache);
    let at = text.indexOf(paragraph(1500)) + 10;
    const join = PieceText.prototype.toString;
    let joins = 0;
    PieceText.prototype.toString = function (this: PieceText) {
      joins++;
      return join.call(this);
    };
    try {
      for (let i = 0; i < 10; i++) {
        const p = doc.positionAt(at++);
        doc.update([{ range: { start: p, end: p }, text: 'x' }], i + 2);
        const f = analyzeDocument(doc, '/tmp/roads.txt', stamp(i + 2), [], cache);
        const annotated = f.analysis.quotes.filter((q) => q.speaker?.via === 'annotation');
        assert.strictEqual(annotated.length, 10, 'every annotation anchored');
        assert.ok(f.analysis.diagnostics.every((d) => d.code !== 'orphaned-annotation'));
      }
    } finally {
      PieceText.prototype.toString = join;
    }
    assert.strictEqual(joins, 0, 'the whole text was joined while typing');
    assert.ok(doc.getText().includes('xxxxxxxxxx'));
  });
});

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
import { mulberry32 } from '../bench/prng';

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

  it('logs the offset edits that turn each earlier version into the current one', () => {
    fc.assert(fc.property(text, fc.array(edit, { maxLength: 25 }), (initial, edits) => {
      const doc = new LiveDocument('file:///x.txt', 'seed', 1, initial);
      const versions = new Map<number, string>([[1, initial]]);
      let version = 1;
      let lastFull = 1;
      for (const e of edits) {
        const len = doc.getText().length;
        const a = Math.floor(e.from * len);
        const b = Math.min(len, a + Math.floor(e.len * len));
        const range = { start: doc.positionAt(a), end: doc.positionAt(b) };
        doc.update([e.full === 0 ? { text: e.text } : { range, text: e.text }], ++version);
        if (e.full === 0) lastFull = version;
        versions.set(version, doc.getText());
      }
      for (const [v, old] of versions) {
        const log = doc.editsSince(v);
        if (v < lastFull) {
          assert.strictEqual(log, null, `version ${v} is before a whole-text change`);
          continue;
        }
        let replayed = old;
        for (const x of log!) replayed = replayed.slice(0, x.start) + x.text + replayed.slice(x.end);
        assert.strictEqual(replayed, doc.getText(), `replaying the edits since version ${v}`);
      }
    }));
  });

  it('moves the annotations of an open article with its edits, in step with the words they hold', () => {
    // Ten quotes annotated, each with its own speaker; random typing, deleting and pasting
    // all over the article, also inside and across the annotated quotes. The test follows
    // each quote's span through the edits itself: while an edit has not reached into its
    // words, the annotation must be on exactly that span.
    const paragraph = (i: number) => `The clerk of ward ${i} spoke. “We will count every vote in ward ${i},” she said.`;
    const initial = 'date 2024-01-01 Count\n\n' + Array.from({ length: 60 }, (_, i) => paragraph(i)).join('\n\n') + '\n';
    const chosen = [3, 9, 14, 22, 30, 31, 40, 47, 52, 58];
    const spans = new Map(chosen.map((i) => {
      const exact = `“We will count every vote in ward ${i},”`;
      const start = initial.indexOf(exact);
      return [`Speaker ${i}`, { start, end: start + exact.length, intact: true }];
    }));
    const yaml = 'version: 1\nsource: count.txt\nannotations:\n' + chosen.map((i) => {
      const { start, end } = spans.get(`Speaker ${i}`)!;
      return `  - {id: q${i}, kind: quote, speaker: Speaker ${i}, target: {exact: '${initial.slice(start, end)}', start: ${start}, end: ${end}}}\n`;
    }).join('');
    const sidecar = parseSidecar('/tmp/count.txt.ann.yaml', yaml);
    assert.deepStrictEqual(sidecar.errors, []);
    const random = mulberry32(20261128);
    const doc = new LiveDocument('file:///tmp/count.txt', 'seed', 1, initial);
    const cache = new AnalysisCache();
    const stamp = (version: number) => ({ version, generation: 0, sidecar, referenceDate: '' });
    analyzeDocument(doc, '/tmp/count.txt', stamp(1), [], cache);
    const inserts = ['x', ' ', 'ward 9', '\n\n', '“We will count every vote in ward 3,”', ''];
    for (let step = 0; step < 100; step++) {
      // One or two edits per version (the server may analyse only every few keys).
      for (let k = 1 + Math.floor(random() * 2); k > 0; k--) {
        const len = doc.getText().length;
        const a = 30 + Math.floor(random() * (len - 30));
        const b = Math.min(len, a + (random() < 0.6 ? 0 : Math.floor(random() * 12)));
        const insert = inserts[Math.floor(random() * inserts.length)];
        doc.update([{ range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: insert }], doc.version + 1);
        const delta = insert.length - (b - a);
        for (const s of spans.values()) {
          // Before the words (an insertion at their start too): they move. After: they stay.
          if (b <= s.start) {
            s.start += delta;
            s.end += delta;
          } else if (a < s.end) s.intact = false;
        }
      }
      const f = analyzeDocument(doc, '/tmp/count.txt', stamp(doc.version), [], cache);
      for (const [speaker, s] of spans) {
        if (!s.intact) continue;
        const q = f.analysis.quotes.find((x) => x.speaker?.name === speaker);
        assert.deepStrictEqual(q && [q.start, q.end], [s.start, s.end], `${speaker} after ${step + 1} versions`);
      }
    }
    assert.ok([...spans.values()].some((s) => s.intact) && [...spans.values()].some((s) => !s.intact), 'some quotes kept, some edited');
  });
});

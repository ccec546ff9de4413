import * as assert from 'assert';
import { buildSections, isHeading, parseHeader, splitParagraphs } from '../../../server/src/analysis/header';

describe('header and sections', () => {
  it('reads the date and title, tolerating leading white space', () => {
    const h = parseHeader(' date 2023-03-27 Two attempts\n\nBody.');
    assert.strictEqual(h?.date, '2023-03-27');
    assert.strictEqual(h?.title, 'Two attempts');
    assert.deepStrictEqual(h?.dateSpan, { start: 6, end: 16 });
  });
  it('keeps an impossible date as raw, with no date', () => {
    const h = parseHeader('date 2023-02-30 Leap\n');
    assert.strictEqual(h?.date, null);
    assert.strictEqual(h?.rawDate, '2023-02-30');
  });
  it('returns null for a first line that is no header', () => {
    assert.strictEqual(parseHeader('The minister said so.\n'), null);
  });
  it('tells headings from sentences', () => {
    assert.ok(isHeading('Advance on March 25'));
    assert.ok(isHeading('“Measures are being taken to prevent escalation”'));
    assert.ok(!isHeading('The minister resigned.'));
    assert.ok(!isHeading('“We will not give up,” she said.'));
  });
  it('splits paragraphs on blank lines, CRLF included, and builds sections', () => {
    const text = 'date 2024-01-02 T\r\n\r\nFirst para.\r\nstill first.\r\n\r\nA heading\r\n\r\nSecond para.\r\n';
    const h = parseHeader(text);
    const ps = splitParagraphs(text, h!.end);
    assert.deepStrictEqual(ps.map((p) => text.slice(p.start, p.end)), ['First para.\r\nstill first.', 'A heading', 'Second para.']);
    assert.deepStrictEqual(ps.map((p) => p.heading), [false, true, false]);
    const s = buildSections(text, h, ps);
    assert.deepStrictEqual(s.map((x) => x.title), ['T', 'A heading']);
    assert.strictEqual(s[1].end, ps[2].end);
  });
});

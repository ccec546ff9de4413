import * as assert from 'assert';
import {
  buildTree, codeLensTitle, countQuotes, excerpt, isDateValue, mergeNames, nextAnnotation, spanAt, statusText, statusTooltip,
  toView, trimSpan, type AnnotationView, type TreeNode,
} from '../../../client/src/annotations/model';

const view = (id: string, kind: string, start: number, end: number, extra: Partial<AnnotationView> = {}): AnnotationView =>
  ({ id, kind, start, end, exact: `text ${id}`, orphan: start < 0, ...extra });

function shape(nodes: TreeNode[]): unknown[] {
  return nodes.map((n) => (n.type === 'annotation' ? n.annotation.id : { [n.label]: shape(n.children) }));
}

describe('client model: the Annotations tree', () => {
  it('groups by file, then kind, then speaker or name, and keeps orphans apart', () => {
    const tree = buildTree([
      {
        uri: 'file:///w/seeds/b.txt', label: 'seeds/b.txt',
        annotations: [
          view('q2', 'quote', 50, 60, { value: 'Gurgen Simonyan' }),
          view('q1', 'quote', 10, 20, { value: 'Gurgen Simonyan' }),
          view('q3', 'quote', 30, 40, { value: 'Ministry of Defense' }),
          view('q4', 'quote', 70, 80),
          view('d1', 'date', 5, 9, { value: '2023-03-25' }),
          view('o1', 'place', -1, -1, { value: 'Baku' }),
          view('t1', 'term', 90, 95),
        ],
      },
      { uri: 'file:///w/seeds/a.txt', label: 'seeds/a.txt', annotations: [view('n1', 'note', 0, 4, { note: 'check this' })] },
      { uri: 'file:///w/seeds/empty.txt', label: 'seeds/empty.txt', annotations: [] },
    ]);
    assert.deepStrictEqual(shape(tree), [
      { 'seeds/a.txt': [{ Notes: ['n1'] }] },
      {
        'seeds/b.txt': [
          { Quotes: [{ '(no speaker)': ['q4'] }, { 'Gurgen Simonyan': ['q1', 'q2'] }, { 'Ministry of Defense': ['q3'] }] },
          { Terms: ['t1'] },
          { Dates: ['d1'] },
          { Orphaned: ['o1'] },
        ],
      },
    ]);
    const file = tree[1];
    assert.strictEqual(file.type === 'file' && file.count, 7);
    const dates = file.children[2];
    const leaf = dates.children[0];
    assert.ok(leaf.type === 'annotation');
    assert.strictEqual(leaf.description, '2023-03-25');
    assert.strictEqual(tree[0].children[0].children[0].type === 'annotation' && tree[0].children[0].children[0].description, 'check this');
  });

  it('shows a file whose sidecar is broken even without annotations, with its error', () => {
    const tree = buildTree([{ uri: 'file:///x.txt', label: 'x.txt', annotations: [], error: 'x.txt.ann.yaml:3:5: bad' }]);
    assert.strictEqual(tree.length, 1);
    assert.strictEqual(tree[0].type === 'file' && tree[0].error, 'x.txt.ann.yaml:3:5: bad');
  });

  it('gives every node a unique id', () => {
    const tree = buildTree([{
      uri: 'u', label: 'u',
      annotations: [view('a', 'quote', 0, 1, { value: 'X' }), view('b', 'actor', 2, 3, { value: 'X' }), view('c', 'place', 4, 5, { value: 'X' }), view('d', 'quote', -1, -1)],
    }]);
    const ids: string[] = [];
    const walk = (ns: TreeNode[]) => ns.forEach((n) => { ids.push(n.id); walk(n.children); });
    walk(tree);
    assert.strictEqual(new Set(ids).size, ids.length);
  });
});

describe('client model: sidecar records to views', () => {
  it('shows a quote marked not-speech as a term and picks the value by kind', () => {
    assert.strictEqual(toView({ id: 'a', kind: 'quote', speech: false, target: { exact: '“x”' } }, { start: 1, end: 4 }).kind, 'term');
    assert.strictEqual(toView({ id: 'a', kind: 'quote', speaker: 'Ann', target: { exact: 'x' } }, null).value, 'Ann');
    assert.strictEqual(toView({ id: 'a', kind: 'date', value: '2023-03', target: { exact: 'x' } }, null).value, '2023-03');
    assert.strictEqual(toView({ id: 'a', kind: 'place', name: 'Baku', target: { exact: 'x' } }, null).value, 'Baku');
    const orphan = toView({ id: 'a', kind: 'actor', name: 'NK', status: 'rejected', target: { exact: 'x' } }, null);
    assert.deepStrictEqual([orphan.orphan, orphan.start, orphan.note], [true, -1, 'rejected']);
  });
});

describe('client model: CodeLens and status bar', () => {
  it('titles a quote by its speaker, marks human attributions, and asks for the rest', () => {
    assert.strictEqual(codeLensTitle({ start: 0, end: 1, kind: 'speech', speaker: null, via: null }), 'attribute…');
    assert.strictEqual(codeLensTitle({ start: 0, end: 1, kind: 'speech', speaker: 'Ann', via: 'cue' }), '$(person) Ann');
    assert.strictEqual(codeLensTitle({ start: 0, end: 1, kind: 'speech', speaker: 'Ann', via: 'annotation' }), '$(person) Ann ✓');
    assert.strictEqual(codeLensTitle({ start: 0, end: 1, kind: 'term', speaker: null, via: null }), 'term (not speech)');
  });
  it('counts speech quotes only', () => {
    const c = countQuotes([
      { start: 0, end: 1, kind: 'speech', speaker: 'A', via: 'cue' },
      { start: 2, end: 3, kind: 'speech', speaker: 'B', via: 'annotation' },
      { start: 4, end: 5, kind: 'speech', speaker: null, via: null },
      { start: 6, end: 7, kind: 'term', speaker: null, via: null },
    ]);
    assert.deepStrictEqual(c, { attributed: 2, total: 3, human: 1 });
    assert.strictEqual(statusText(c), '$(quote) 2/3');
    assert.strictEqual(statusTooltip(c), '2 of 3 quotes attributed · 1 by you · 1 without a speaker');
    assert.strictEqual(statusTooltip(countQuotes([])), 'No quotes in this article');
  });
});

describe('client model: navigation and lookup', () => {
  const list = [view('c', 'quote', 40, 50), view('a', 'date', 0, 5), view('o', 'note', -1, -1), view('b', 'place', 20, 25)];
  it('finds the next and previous annotation, wrapping around and skipping orphans', () => {
    assert.strictEqual(nextAnnotation(list, 0, 1)?.id, 'b');
    assert.strictEqual(nextAnnotation(list, 20, 1)?.id, 'c');
    assert.strictEqual(nextAnnotation(list, 45, 1)?.id, 'a');
    assert.strictEqual(nextAnnotation(list, 40, -1)?.id, 'b');
    assert.strictEqual(nextAnnotation(list, 0, -1)?.id, 'c');
    assert.strictEqual(nextAnnotation([view('o', 'note', -1, -1)], 0, 1), undefined);
  });
  it('finds the innermost annotation under the cursor or around a selection', () => {
    const nested = [view('outer', 'quote', 0, 100), view('inner', 'actor', 10, 20)];
    assert.strictEqual(spanAt(nested, 15)?.id, 'inner');
    assert.strictEqual(spanAt(nested, 5, 30)?.id, 'outer');
    assert.strictEqual(spanAt(nested, 150), undefined);
  });
  it('trims a selection and merges name lists without duplicates', () => {
    assert.deepStrictEqual(trimSpan('  word  ', 0, 8), { start: 2, end: 6 });
    assert.deepStrictEqual(trimSpan('   ', 0, 3), { start: 3, end: 3 });
    assert.deepStrictEqual(mergeNames(['Ann', ' bob '], undefined, ['ANN', 'Carl', '']), ['Ann', 'bob', 'Carl']);
  });
  it('shortens long excerpts on one line', () => {
    assert.strictEqual(excerpt('a\n b', 10), 'a b');
    assert.strictEqual(excerpt('abcdefghijk', 5), 'abcd…');
  });
});

describe('client model: date values', () => {
  it('accepts the TIMEX3 forms annotations store and rejects impossible dates', () => {
    for (const ok of ['2023', '2023-03', '2023-03-25', '2024-02-29', '2023-W14']) assert.ok(isDateValue(ok), ok);
    for (const bad of ['2023-13', '2023-02-29', '2023-W54', '23-03-25', '2023-3-5', 'March 2023', '']) assert.ok(!isDateValue(bad), bad);
  });
});

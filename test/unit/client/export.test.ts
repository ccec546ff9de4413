import * as assert from 'assert';
import * as path from 'path';
import { analyzeWithAnnotations } from '../../../server/src/sidecar/apply';
import { collectRecords } from '../../../server/src/export';
import type { Annotation } from '../../../server/src/sidecar/format';
import { defaultOutput, FORMAT_CHOICES, isFormatName, planExport, type PlannedArticle } from '../../../client/src/export';

const TEXT = 'date 2024-05-02 Harbour plans\n\n“We will rebuild the pier,” the mayor said on Friday.\n';

function article(name: string, annotations: Annotation[] = []): PlannedArticle {
  const { analysis, anchoring, text } = analyzeWithAnnotations(TEXT, annotations);
  return { article: collectRecords(name, text, analysis, anchoring, false), name };
}

const quote: Annotation = { id: 'q1', kind: 'quote', speaker: 'Mayor', target: { exact: '“We will rebuild the pier,”', start: 31, end: 58 } };

describe('client export planning', () => {
  it('offers exactly the shared formats', () => {
    assert.deepStrictEqual(FORMAT_CHOICES.map((f) => f.name).sort(), ['brat', 'csv', 'jsonl', 'md', 'w3c']);
    assert.ok(isFormatName('csv'));
    assert.ok(!isFormatName('toString'));
  });

  it('writes one file for a stream format, with the human annotation in it', () => {
    const out = path.resolve('/tmp/seed-export/all.jsonl');
    const plan = planExport('jsonl', [article('seeds/a.txt', [quote])], out, new Set());
    assert.deepStrictEqual([...plan.keys()], [out]);
    const line = JSON.parse([...plan.values()][0].trim().split('\n')[0]);
    assert.strictEqual(line.speaker, 'Mayor');
  });

  it('writes files per article below the folder, keeping relative paths, plus shared files', () => {
    const folder = path.resolve('/tmp/seed-export/brat');
    const plan = planExport('brat', [article('seeds/a.txt', [quote]), article('other/b.seed.txt')], folder, new Set());
    assert.deepStrictEqual([...plan.keys()].sort(), [
      path.join(folder, 'annotation.conf'),
      path.join(folder, 'other', 'b.ann'), path.join(folder, 'other', 'b.txt'),
      path.join(folder, 'seeds', 'a.ann'), path.join(folder, 'seeds', 'a.txt'),
    ].sort());
  });

  it('refuses to overwrite an input or to leave the output folder, before writing anything', () => {
    const input = path.resolve('/w/seeds/a.txt.ann.yaml');
    assert.throws(() => planExport('csv', [article('seeds/a.txt')], input, new Set([input])), /overwrite the input/);
    assert.throws(() => planExport('md', [article('../escape.txt')], path.resolve('/tmp/out'), new Set()), /leave the output folder/);
  });

  it('suggests an output next to a single article, or in the workspace root', () => {
    assert.strictEqual(defaultOutput('csv', '/w', '/w/seeds/a.seed.txt'), '/w/seeds/a.csv');
    assert.strictEqual(defaultOutput('w3c', '/w', undefined), path.join('/w', 'annotations.jsonld'));
    assert.strictEqual(defaultOutput('md', '/w', undefined), path.join('/w', 'export-md'));
  });
});

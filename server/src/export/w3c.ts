// W3C Web Annotation (JSON-LD): one AnnotationCollection; each annotation targets
// its file with a TextQuoteSelector and a TextPositionSelector (code point
// offsets, as the model defines them); kind, speaker, value, name, note and
// tags are TextualBody items whose `seed:field` says which field they carry.
import { codePointIndexer, positive, type ArticleExport, type ExportRecord } from './records';

const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { seed: 'urn:seed-annotator:vocab#' }];

export function toW3c(articles: readonly ArticleExport[]): string {
  const items: object[] = [];
  for (const a of articles) {
    const cp = codePointIndexer(a.text);
    for (const r of positive(a.records)) items.push(annotation(a.file, r, cp));
  }
  const collection = {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: 'Seed Annotator export',
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return JSON.stringify(collection, null, 2) + '\n';
}

function annotation(file: string, r: ExportRecord, cp: (o: number) => number): object {
  const body: object[] = [];
  const add = (field: string, value: string, purpose: string) => body.push({ type: 'TextualBody', purpose, value, 'seed:field': field });
  add('kind', r.kind === 'quote' && r.speech === false ? 'term' : r.kind, 'classifying');
  if (r.speaker) add('speaker', r.speaker, 'identifying');
  if (r.value) add('value', r.value, 'describing');
  if (r.name) add('name', r.name, 'identifying');
  if (r.type) add('type', r.type, 'classifying');
  for (const alias of r.aliases ?? []) add('alias', alias, 'describing');
  if (r.note) add('note', r.note, 'commenting');
  for (const tag of r.tags ?? []) add('tag', tag, 'tagging');
  const quote: Record<string, string> = { type: 'TextQuoteSelector', exact: r.exact };
  if (r.prefix) quote.prefix = r.prefix;
  if (r.suffix) quote.suffix = r.suffix;
  const out: Record<string, unknown> = {
    id: `urn:seed-annotator:${encodeURI(file)}#${encodeURIComponent(r.id)}`,
    type: 'Annotation',
    motivation: r.kind === 'note' ? 'commenting' : 'identifying',
  };
  if (r.created) out.created = r.created;
  if (r.updated) out.modified = r.updated;
  out.creator = r.origin === 'detected' ? { type: 'Software', name: 'Seed Annotator (detected)' } : { type: 'Person' };
  out['seed:origin'] = r.origin;
  out.body = body;
  out.target = { source: file, selector: [quote, { type: 'TextPositionSelector', start: cp(r.start), end: cp(r.end) }] };
  return out;
}

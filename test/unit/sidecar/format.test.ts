import * as assert from 'assert';
import { isSafeSourceName, MAX_SIDECAR_SIZE, newAnnotationId, nowIso, parseSidecar, serializeSidecar, type Annotation, type Sidecar } from '../../../server/src/sidecar/format';

const HAND_EDITED = `# Annotations for the council article (kept by hand too)
version: 1
source: article.txt
reviewer: Dana   # an unknown key: must survive
annotations:
  # The mayor's statement
  - id: a1b2c3
    kind: quote
    target:
      exact: "“We will reopen the bridge,”"
      prefix: "Yesterday the mayor said "
      start: 120
      end: 148
    speaker: Mayor Lina Ortiz   # confirmed by phone
    x-source: interview notes
    tags: [infrastructure]
  - target: {exact: March 3, start: 200, end: 207}
    id: d4
    kind: date
    value: 2024-03-03
`;

function ok(text: string): Sidecar {
  const r = parseSidecar(text);
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
  return r.sidecar;
}

function errorsOf(text: string) {
  const r = parseSidecar(text);
  assert.ok(!r.ok, 'expected the sidecar to be refused');
  return r.errors;
}

describe('sidecar format: parse', () => {
  it('reads the documented fields and the line of each annotation', () => {
    const r = parseSidecar(HAND_EDITED);
    assert.ok(r.ok);
    assert.strictEqual(r.sidecar.source, 'article.txt');
    const [q, d] = r.sidecar.annotations;
    assert.deepStrictEqual(q, {
      id: 'a1b2c3', kind: 'quote', speaker: 'Mayor Lina Ortiz', tags: ['infrastructure'],
      target: { exact: '“We will reopen the bridge,”', prefix: 'Yesterday the mayor said ', start: 120, end: 148 },
    });
    // Dates are text in the core schema, not timestamps.
    assert.strictEqual(d.value, '2024-03-03');
    assert.strictEqual(r.lines.get('a1b2c3'), 7);
    assert.strictEqual(r.lines.get('d4'), 17);
  });

  it('accepts an empty annotation list and a BOM', () => {
    assert.deepStrictEqual(ok('\uFEFFversion: 1\nsource: a.txt\nannotations:\n').annotations, []);
  });
});

describe('sidecar format: refusals name the line and the annotation', () => {
  const base = (ann: string) => `version: 1\nsource: a.txt\nannotations:\n${ann}`;
  it('malformed YAML', () => {
    const [e] = errorsOf('version: 1\nsource: a.txt\nannotations:\n  - id: x\n    kind: [quote\n');
    assert.ok(e.line >= 5, JSON.stringify(e));
  });
  it('a newer format version, with a clear message', () => {
    const [e] = errorsOf('version: 2\nsource: a.txt\nannotations: []\n');
    assert.match(e.message, /version 2 is newer/);
    assert.strictEqual(e.line, 1);
  });
  it('wrong types', () => {
    const errs = errorsOf(base('  - id: q1\n    kind: quote\n    target: {exact: hi}\n    speech: "yes"\n    aliases: NK\n'));
    assert.deepStrictEqual(errs.map((e) => [e.line, e.id]), [[7, 'q1'], [8, 'q1']]);
    assert.match(errs[0].message, /annotation "q1": speech must be true or false/);
  });
  it('an unknown kind and a missing target', () => {
    const errs = errorsOf(base('  - id: q1\n    kind: rumour\n'));
    assert.ok(errs.some((e) => /kind must be one of/.test(e.message) && e.line === 5));
    assert.ok(errs.some((e) => /target must be a mapping/.test(e.message)));
  });
  it('duplicate ids', () => {
    const errs = errorsOf(base('  - id: q1\n    kind: note\n    target: {exact: a}\n  - id: q1\n    kind: note\n    target: {exact: b}\n'));
    assert.strictEqual(errs.length, 1);
    assert.match(errs[0].message, /duplicate annotation id "q1" \(first used on line 4\)/);
    assert.strictEqual(errs[0].line, 7);
  });
  it('targets out of range', () => {
    const e1 = errorsOf(base('  - id: q1\n    kind: note\n    target: {exact: abc, start: 9, end: 3}\n'));
    assert.match(e1[0].message, /out of range: end 3 is before start 9/);
    const e2 = errorsOf(base('  - id: q1\n    kind: note\n    target: {exact: abc, start: -1, end: 3}\n'));
    assert.match(e2[0].message, /target.start must be a whole number/);
    const e3 = parseSidecar(base('  - id: q1\n    kind: note\n    target: {exact: abc, start: 10, end: 13}\n'), { textLength: 12 });
    assert.ok(!e3.ok && /past the end of the text \(12\)/.test(e3.errors[0].message));
  });
  it('an alias bomb', () => {
    const bomb = 'a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    const [e] = errorsOf(`version: 1\nsource: a.txt\nannotations: []\n${bomb}`);
    assert.match(e.message, /alias/i);
  });
  it('custom and exotic tags', () => {
    assert.match(errorsOf(base('  - id: q1\n    kind: !js/function quote\n    target: {exact: a}\n'))[0].message, /tag/i);
    const [e] = errorsOf(base('  - id: q1\n    kind: note\n    target: {exact: !!binary aGVsbG8=}\n'));
    assert.match(e.message, /YAML tag !!binary is not allowed/);
    assert.strictEqual(e.line, 6);
  });
  it('a huge file', () => {
    const [e] = errorsOf('# ' + 'x'.repeat(MAX_SIDECAR_SIZE + 10));
    assert.match(e.message, /too large/);
  });
  it('a source outside its folder', () => {
    for (const source of ['../x.txt', '/etc/passwd', 'sub/a.txt', 'C:\\a.txt', '..']) {
      const [e] = errorsOf(`version: 1\nsource: ${JSON.stringify(source)}\nannotations: []\n`);
      assert.match(e.message, /must be a file name in the sidecar's folder/);
      assert.strictEqual(e.line, 2);
    }
    assert.ok(isSafeSourceName('article 1.txt'));
  });
  it('a document that is not a mapping', () => {
    assert.match(errorsOf('- just\n- a list\n')[0].message, /mapping/);
    assert.match(errorsOf('source: a.txt\nannotations: []\n')[0].message, /version must be 1 \(missing\)/);
  });
});

describe('sidecar format: serialise', () => {
  it('keeps comments, key order and unknown keys of a hand-edited file', () => {
    const sc = ok(HAND_EDITED);
    sc.annotations[0] = { ...sc.annotations[0], speaker: 'Lina Ortiz', note: 'checked' };
    sc.annotations[1] = { ...sc.annotations[1], value: '2024-03-04' };
    const out = serializeSidecar(sc, HAND_EDITED);
    for (const kept of ['# Annotations for the council article (kept by hand too)', "# The mayor's statement", 'reviewer: Dana', '# an unknown key: must survive',
      'x-source: interview notes', 'speaker: Lina Ortiz # confirmed by phone', '  - target: {exact: March 3, start: 200, end: 207}\n    id: d4']) {
      assert.ok(out.includes(kept), `lost: ${kept}\n---\n${out}`);
    }
    assert.ok(out.indexOf('reviewer') < out.indexOf('annotations'));
    const back = ok(out);
    assert.deepStrictEqual(back.annotations, sc.annotations);
  });
  it('changes nothing, byte for byte, when nothing changed', () => {
    assert.strictEqual(serializeSidecar(ok(HAND_EDITED), HAND_EDITED), HAND_EDITED);
  });
  it('removes deleted annotations and appends new ones', () => {
    const sc = ok(HAND_EDITED);
    const added: Annotation = { id: 'n1', kind: 'actor', target: { exact: 'the council', start: 5, end: 16 }, name: 'City Council', aliases: ['council'], type: 'organization' };
    const out = serializeSidecar({ ...sc, annotations: [sc.annotations[1], added] }, HAND_EDITED);
    assert.ok(!out.includes('a1b2c3') && !out.includes('x-source'));
    assert.ok(out.includes('aliases: [council]'));
    assert.deepStrictEqual(ok(out).annotations.map((a) => a.id), ['d4', 'n1']);
  });
  it('a fresh file round-trips awkward text exactly', () => {
    const nasty = ['multi\nline "quote"', '  leading and trailing  ', '# not a comment', 'key: value', '123', 'true', '- dash', '“curly” ‘quotes’ 🙂', 'tab\there', '', '@at', "it's", 'null'];
    const annotations: Annotation[] = nasty.filter(Boolean).map((s, i) => ({
      id: `x${i}`, kind: 'note', target: { exact: s, prefix: s, suffix: s, start: i, end: i + s.length }, note: s, tags: [s, 'a,b'],
      created: nowIso(new Date(Date.UTC(2026, 10, 28, 10))),
    }));
    const text = serializeSidecar({ version: 1, source: 'a.txt', annotations });
    assert.deepStrictEqual(ok(text).annotations, annotations);
    assert.ok(text.includes('created: 2026-11-28T10:00:00Z'));
  });
});

describe('sidecar format: editing a plain scalar in place', () => {
  it('quotes the new value whenever YAML needs it', () => {
    const src = 'version: 1\nsource: a.txt\nannotations:\n  - id: x\n    kind: note\n    target: {exact: abc, start: 1, end: 4}\n    note: plain\n    tags: [a, b]\n';
    const [a] = ok(src).annotations;
    for (const w of ['a: b # c', '- x', '123', 'true', '[x]', 'it\'s "q"', 'multi\nline', ' lead', '@x', '2024-01-01', '~', 'null', '&a', '*b', '!t', '%p', '{a}', '#c']) {
      const edited = { ...a, note: w, target: { ...a.target, exact: w }, tags: [w, 'z'] };
      const back = ok(serializeSidecar({ version: 1, source: 'a.txt', annotations: [edited] }, src)).annotations[0];
      assert.deepStrictEqual([back.note, back.target.exact, back.tags], [w, w, [w, 'z']], JSON.stringify(w));
    }
  });
});

describe('sidecar format: ids', () => {
  it('are short, never all digits, and unique in the file', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const id = newAnnotationId(taken);
      assert.match(id, /^[0-9a-z]{6,}$/);
      assert.ok(!/^\d+$/.test(id));
      assert.ok(!taken.has(id));
      taken.add(id);
    }
  });
});

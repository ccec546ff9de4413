// The JSON Schema (offered to YAML editors) agrees with the validator on what is
// a valid sidecar. ajv is only a transitive dev dependency: skipped without it.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { parseSidecar } from '../../../server/src/sidecar/format';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../../server/schemas/seed-annotations.schema.json'), 'utf8'));

const VALID = [
  readFileSync(join(__dirname, '../../golden/export/article.txt.ann.yaml'), 'utf8'),
  'version: 1\nsource: a.txt\nannotations:\n',
  'version: 1\nsource: "article 2.seed.txt"\nannotations:\n  - {id: 7, kind: date, target: {exact: May}, value: 2024, x-extra: kept}\n',
];
const INVALID = [
  'version: 2\nsource: a.txt\nannotations: []\n',
  'version: 1\nsource: ../a.txt\nannotations: []\n',
  'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: rumour, target: {exact: a}}\n',
  'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: note, target: {exact: ""}}\n',
  'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: note, target: {exact: a, start: 3}}\n',
  'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: quote, target: {exact: a}, speech: "no"}\n',
  'version: 1\nsource: a.txt\nannotations:\n  - {id: x, kind: actor, target: {exact: a}, type: alien}\n',
];

describe('sidecar JSON Schema', () => {
  let validate: ((data: unknown) => boolean) | null = null;
  before(function () {
    try {
      const Ajv = require('ajv');
      validate = new (Ajv.default ?? Ajv)({ allErrors: true, strict: false }).compile(SCHEMA);
    } catch {
      this.skip();
    }
  });
  it('accepts what the validator accepts', () => {
    for (const y of VALID) {
      assert.ok(parseSidecar(y).ok, y);
      assert.ok(validate!(parse(y)), y);
    }
  });
  it('refuses what the validator refuses', () => {
    for (const y of INVALID) {
      assert.ok(!parseSidecar(y).ok, y);
      assert.ok(!validate!(parse(y)), y);
    }
  });
});

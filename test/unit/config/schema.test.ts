// The generated JSON Schema file must match configJsonSchema(), and a standard validator reading
// it must agree with parseConfigText on what is valid.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { RULES } from '../../../src/core';
import { checkHostPattern, checkPathGlob, checkPhrase, configJsonSchema, parseConfigText, STARTER_CONFIG, type JsonSchema } from '../../../src/core/config';

const SCHEMA_FILE = path.resolve(__dirname, '../../../schemas/alliance-cite.schema.json');
const FIXTURES = path.resolve(__dirname, '../../fixtures/config');

function standardValidator() {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addFormat('alliance-cite-host-pattern', (v: string) => checkHostPattern(v) === undefined);
  ajv.addFormat('alliance-cite-path-glob', (v: string) => checkPathGlob(v) === undefined);
  ajv.addFormat('alliance-cite-phrase', (v: string) => checkPhrase(v) === undefined);
  ajv.addFormat('alliance-cite-source-type', /^[a-z][a-z0-9-]*$/);
  ajv.addFormat('uri', /^https?:\/\/\S+$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
}

describe('config JSON Schema', () => {
  it('schemas/alliance-cite.schema.json is up to date (run npm run gen:schema)', () => {
    assert.deepEqual(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')), configJsonSchema());
  });

  it('describes every rule with its options schema', () => {
    const rules = configJsonSchema().properties!.rules.properties!;
    assert.deepEqual(Object.keys(rules), RULES.map((r) => r.id));
    for (const rule of RULES) {
      const objectForm = rules[rule.id].anyOf!.find((b: JsonSchema) => b.type === 'object')!;
      assert.deepEqual(objectForm.properties!.options, rule.optionsSchema);
    }
  });

  it('uses only keywords that parseConfigText understands (rule options included)', () => {
    const supported = new Set([
      '$schema', '$id', 'title', 'description', 'default', 'type', 'enum', 'properties', 'additionalProperties',
      'propertyNames', 'required', 'items', 'anyOf', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems',
      'maxItems', 'format', 'pattern',
    ]);
    const unsupported: string[] = [];
    const visit = (schema: JsonSchema, where: string): void => {
      for (const key of Object.keys(schema)) if (!supported.has(key)) unsupported.push(`${where}: ${key}`);
      for (const [name, child] of Object.entries(schema.properties ?? {})) visit(child, `${where}.${name}`);
      for (const child of [schema.items, schema.propertyNames, ...(schema.anyOf ?? [])]) if (child) visit(child, where);
      if (typeof schema.additionalProperties === 'object') visit(schema.additionalProperties, `${where}.*`);
    };
    visit(configJsonSchema(), '(root)');
    assert.deepEqual(unsupported, []);
  });

  it('compiles under a strict standard validator and accepts the starter and full configs', () => {
    const validate = standardValidator();
    assert.ok(validate(parse(STARTER_CONFIG)), JSON.stringify(validate.errors));
    const full = parse(readFileSync(path.join(FIXTURES, 'valid/full.yaml'), 'utf8'));
    assert.ok(validate(full), JSON.stringify(validate.errors));
  });

  it('is rejected by the standard validator wherever parseConfigText finds a schema problem', () => {
    const validate = standardValidator();
    const dir = path.join(FIXTURES, 'errors');
    let compared = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const { errors } = parseConfigText(text, name);
      // YAML syntax errors and unknown source types are outside what a schema can say.
      if (errors.some((e) => e.message.startsWith('invalid YAML') || e.message.includes('unknown source type'))) continue;
      assert.ok(errors.length > 0, name);
      assert.equal(validate(parse(text)), false, `${name} passes the standard validator`);
      compared++;
    }
    assert.ok(compared >= 15, `only ${compared} fixtures compared`);
  });
});

// Every file in test/fixtures/config/errors is a broken config whose expected problems are written
// at its top as `# expect: LINE:COL text` comments: each problem must appear at that position with
// a message containing that text, and no other problem may appear.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseConfigText } from '../../../src/core/config';

const ERRORS_DIR = path.resolve(__dirname, '../../fixtures/config/errors');
const EXPECT = /^#\s*expect:\s*(\d+):(\d+)\s+(.*)$/;

describe('config errors (fixtures)', () => {
  const files = readdirSync(ERRORS_DIR).filter((f) => f.endsWith('.yaml')).sort();

  it('has a fixture for each class of error', () => {
    assert.ok(files.length >= 20, `only ${files.length} fixtures`);
  });

  for (const name of files) {
    it(name, () => {
      const text = readFileSync(path.join(ERRORS_DIR, name), 'utf8');
      const expected = text.split('\n').flatMap((line) => {
        const m = EXPECT.exec(line);
        return m ? [{ line: Number(m[1]), column: Number(m[2]), text: m[3].trim() }] : [];
      });
      assert.ok(expected.length > 0, 'the fixture states what it expects');
      const { errors } = parseConfigText(text, name);
      const actual = errors.map((e) => `${e.line}:${e.column} ${e.message}`);
      for (const want of expected) {
        const hit = errors.find((e) => e.line === want.line && e.column === want.column && e.message.includes(want.text));
        assert.ok(hit, `expected ${want.line}:${want.column} "${want.text}"; got:\n  ${actual.join('\n  ')}`);
      }
      assert.equal(errors.length, expected.length, `unexpected extra problems:\n  ${actual.join('\n  ')}`);
      for (const e of errors) assert.equal(e.file, name);
    });
  }
});

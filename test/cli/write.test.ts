import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WriteRefusedError, writeFileAtomic } from '../../src/node/write';
import { makeTree, removeTree } from './helpers';

describe('atomic writes for --fix', () => {
  let root: string;
  let file: string;
  beforeEach(() => {
    root = makeTree({ 'draft.md': 'original\r\n' });
    file = path.join(root, 'draft.md');
  });
  afterEach(() => removeTree(root));

  it('replaces the content and leaves no temporary file', () => {
    assert.equal(writeFileAtomic(file, Buffer.from('original\r\n'), Buffer.from('fixed\r\n')), 'written');
    assert.equal(fs.readFileSync(file, 'utf8'), 'fixed\r\n');
    assert.deepEqual(fs.readdirSync(root).sort(), ['.git', 'draft.md']);
  });

  it('does not touch a file whose content would not change', () => {
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, past, past);
    assert.equal(writeFileAtomic(file, Buffer.from('original\r\n'), Buffer.from('original\r\n')), 'unchanged');
    assert.equal(fs.statSync(file).mtimeMs, past.getTime());
  });

  it('refuses when the file changed after it was read, keeping the newer content', () => {
    fs.writeFileSync(file, 'edited meanwhile\n');
    assert.throws(
      () => writeFileAtomic(file, Buffer.from('original\r\n'), Buffer.from('fixed\r\n')),
      (error: unknown) => error instanceof WriteRefusedError && error.message === 'not fixed: the file changed while it was being fixed',
    );
    assert.equal(fs.readFileSync(file, 'utf8'), 'edited meanwhile\n');
    assert.deepEqual(fs.readdirSync(root).sort(), ['.git', 'draft.md']);
  });

  it('refuses a file that was deleted after it was read', () => {
    fs.unlinkSync(file);
    assert.throws(() => writeFileAtomic(file, Buffer.from('original\r\n'), Buffer.from('fixed\r\n')), WriteRefusedError);
    assert.equal(fs.existsSync(file), false);
  });
});

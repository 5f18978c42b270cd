import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, ensureBuilt, makeTree, removeTree, REPO_ROOT, runCli } from './helpers';

const DRAFTS = path.join(REPO_ROOT, 'test/fixtures/drafts');

/** Fixture drafts that have a golden `NAME.fixed.md` beside them. */
function draftsWithGoldens(): string[] {
  return fs
    .readdirSync(DRAFTS)
    .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md') && fs.existsSync(path.join(DRAFTS, f.replace(/\.md$/, '.fixed.md'))))
    .sort();
}

describe('CLI --fix on the fixture drafts', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  const names = draftsWithGoldens();

  before(async () => {
    await ensureBuilt();
    root = makeTree(Object.fromEntries(names.map((name) => [name, fs.readFileSync(path.join(DRAFTS, name))])));
    runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
  });
  after(() => removeTree(root));

  it('has golden fixtures to compare with', () => {
    assert.ok(names.length > 0);
  });

  for (const name of names) {
    it(`writes ${name} byte for byte as its golden`, () => {
      const golden = fs.readFileSync(path.join(DRAFTS, name.replace(/\.md$/, '.fixed.md')));
      assert.deepEqual(fs.readFileSync(path.join(root, name)), golden);
    });
  }

  it('leaves nothing fixable behind', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'json'], { cwd: root });
    const fixable = (JSON.parse(result.stdout) as Array<{ file: string; rule: string; line: number; fixable: boolean }>).filter((f) => f.fixable);
    assert.deepEqual(fixable, []);
  });
});

import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ConfigResolver } from '../../src/cli/config';
import { countDraftsToParse } from '../../src/cli/draft';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, snapshot } from './helpers';

/** A tree whose drafts differ in size, so workers finish out of order. */
function mixedTree(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) {
    const filler = 'An unrelated sentence about the weather.\n\n'.repeat((i * 37) % 200);
    files[`part-${i % 3}/draft-${String(i).padStart(2, '0')}.md`] = `# Draft ${i}\n\n${filler}${CLAIM}\n`;
  }
  files['part-1/bad.md'] = 'x\n';
  files['part-2/.alliance-cite.yaml'] = 'rules:\n  missing-citation: warning\n';
  return files;
}

describe('CLI worker threads', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  it('prints the same output, in the same order, on one thread and on several', () => {
    root = makeTree(mixedTree());
    const serial = runCli(['--as-of', AS_OF, '--threads', '1', '--format', 'json', '--format', 'stylish=stylish.txt'], { cwd: root });
    const parallel = runCli(['--as-of', AS_OF, '--threads', '3', '--format', 'json', '--format', 'stylish=stylish.txt'], { cwd: root });
    assert.equal(serial.status, 1);
    assert.equal(parallel.status, serial.status);
    assert.equal(parallel.stdout, serial.stdout);
    assert.equal(parallel.stderr, serial.stderr);
    assert.equal((JSON.parse(serial.stdout) as unknown[]).length, 24);
  });

  it('fixes on worker threads exactly as on the main thread', () => {
    root = makeTree(mixedTree());
    const other = makeTree(mixedTree());
    try {
      runCli(['--as-of', AS_OF, '--threads', '1', '--fix'], { cwd: root });
      runCli(['--as-of', AS_OF, '--threads', '4', '--fix'], { cwd: other });
      const bytesOf = (tree: string) => new Map([...snapshot(tree)].map(([file, entry]) => [file, entry.bytes.toString('utf8')]));
      assert.deepEqual(bytesOf(other), bytesOf(root));
      assert.notDeepEqual(bytesOf(root), new Map(Object.entries(mixedTree())));
    } finally {
      removeTree(other);
    }
  });

  it('reports a problem found on a worker with exit 2', () => {
    const files: Record<string, string | Buffer> = { ...mixedTree(), 'part-0/broken.md': Buffer.from([0x41, 0xff, 0x0a]) };
    root = makeTree(files);
    const result = runCli(['--as-of', AS_OF, '--threads', '2'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: part-0/broken.md:1:2: not valid UTF-8; the file was not linted\n');
  });
});

describe('drafts that make a worker pay', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('are those that are parsed, counted up to the number asked for', () => {
    const files: Record<string, string | Buffer> = {
      'a.md': `${CLAIM}\n`,
      'b.md': '# Setup\n\nRun the installer.\n',
      'c.md': 'A stub [^s1].\n\n[^s1]: TODO-verify <https://example.com>\n',
      'd.md': 'Notes on the weather.\n',
      'e.md': Buffer.from([0x41, 0xff, 0x0a]),
      'f.md': 'The OSAID defines open source AI.\n',
    };
    root = makeTree(files);
    const drafts = Object.keys(files).map((name) => ({ absolutePath: join(root, name), displayPath: name }));
    const resolver = new ConfigResolver({ cwd: root, ruleOverrides: [] });
    assert.equal(countDraftsToParse(drafts, resolver, 100), 3);
    assert.equal(countDraftsToParse(drafts, resolver, 2), 2);
    assert.equal(countDraftsToParse([...drafts, { absolutePath: join(root, 'missing.md'), displayPath: 'missing.md' }], resolver, 100), 3);
  });
});

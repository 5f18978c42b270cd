import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli } from './helpers';

/** Lints with the json format and returns the files that had findings. */
function lintedFiles(root: string, args: string[] = []): { files: string[]; status: number | null; stderr: string } {
  const result = runCli(['--as-of', AS_OF, '--format', 'json', ...args], { cwd: root });
  const files = [...new Set((JSON.parse(result.stdout || '[]') as Array<{ file: string }>).map((r) => r.file))];
  return { files, status: result.status, stderr: result.stderr };
}

describe('CLI file discovery', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  it('lints **/*.{md,markdown} by default, skipping node_modules, dot folders and other files', () => {
    root = makeTree({
      'a.md': `${CLAIM}\n`,
      'docs/b.markdown': `${CLAIM}\n`,
      'docs/c.txt': `${CLAIM}\n`,
      'node_modules/pkg/README.md': `${CLAIM}\n`,
      '.github/PULL_REQUEST_TEMPLATE.md': `${CLAIM}\n`,
    });
    assert.deepEqual(lintedFiles(root).files, ['a.md', 'docs/b.markdown']);
    assert.deepEqual(lintedFiles(root, ['.github/*.md']).files, ['.github/PULL_REQUEST_TEMPLATE.md']);
  });

  it('honours .gitignore files at the root and in subfolders, including negations', () => {
    root = makeTree({
      '.gitignore': 'build/\n*.draft.md\n',
      'build/out.md': `${CLAIM}\n`,
      'x.draft.md': `${CLAIM}\n`,
      'keep.md': `${CLAIM}\n`,
      'docs/.gitignore': 'private.md\n!keep.draft.md\n',
      'docs/private.md': `${CLAIM}\n`,
      'docs/keep.draft.md': `${CLAIM}\n`,
    });
    assert.deepEqual(lintedFiles(root).files, ['docs/keep.draft.md', 'keep.md']);
  });

  it("honours the config's ignore globs, relative to the config's folder", () => {
    root = makeTree({
      '.alliance-cite.yaml': 'ignore:\n  - "archive/**"\n',
      'archive/old.md': `${CLAIM}\n`,
      'docs/.alliance-cite.yaml': 'ignore:\n  - "scratch.md"\n',
      'docs/scratch.md': `${CLAIM}\n`,
      'docs/deep/scratch.md': `${CLAIM}\n`,
      'docs/post.md': `${CLAIM}\n`,
      'scratch.md': `${CLAIM}\n`,
    });
    assert.deepEqual(lintedFiles(root).files, ['docs/post.md', 'scratch.md']);
  });

  it('expands globs and folders given on the command line', () => {
    root = makeTree({ 'posts/2026/a.md': `${CLAIM}\n`, 'posts/b.md': `${CLAIM}\n`, 'pages/c.md': `${CLAIM}\n` });
    assert.deepEqual(lintedFiles(root, ['posts/**/*.md']).files, ['posts/2026/a.md', 'posts/b.md']);
    assert.deepEqual(lintedFiles(root, ['pages']).files, ['pages/c.md']);
    assert.deepEqual(lintedFiles(root, ['./posts/*.md']).files, ['posts/b.md']);
    assert.deepEqual(lintedFiles(path.join(root, 'pages'), ['../posts/2026/*.md']).files, ['../posts/2026/a.md']);
    assert.deepEqual(lintedFiles(root, [path.join(root, 'p*/c.md')]).files, ['pages/c.md']);
  });

  it('walks into a folder named like a draft instead of reading it', () => {
    root = makeTree({ 'notes.md/inside.md': `${CLAIM}\n` });
    const result = lintedFiles(root);
    assert.deepEqual(result.files, ['notes.md/inside.md']);
    assert.equal(result.stderr, '');
  });

  it('skips a binary file with a note and lints the rest', () => {
    root = makeTree({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'draft.md': `${CLAIM}\n` });
    const result = lintedFiles(root);
    assert.deepEqual(result.files, ['draft.md']);
    assert.equal(result.stderr, 'alliance-cite: image.md: skipped: binary file (contains NUL bytes)\n');
    assert.equal(result.status, 1);
  });

  it('follows symbolic links inside the tree, but never out of it', () => {
    const outside = makeTree({ 'secret.md': `${CLAIM}\n`, 'folder/other.md': `${CLAIM}\n` });
    try {
      root = makeTree({ 'real/draft.md': `${CLAIM}\n` });
      fs.symlinkSync(path.join(outside, 'secret.md'), path.join(root, 'escape.md'));
      fs.symlinkSync(path.join(outside, 'folder'), path.join(root, 'escape-folder'));
      fs.symlinkSync(path.join(root, 'real'), path.join(root, 'alias'));
      fs.symlinkSync(root, path.join(root, 'real', 'loop'));
      // The folder reached twice (real/ and alias/) yields its draft once.
      assert.deepEqual(lintedFiles(root).files, ['alias/draft.md']);
    } finally {
      removeTree(outside);
    }
  });

  it('skips broken symbolic links while walking, and reports one named on the command line', () => {
    root = makeTree({ 'draft.md': `${CLAIM}\n` });
    fs.symlinkSync(path.join(root, 'gone.md'), path.join(root, 'dangling.md'));
    const walked = lintedFiles(root);
    assert.deepEqual(walked.files, ['draft.md']);
    assert.equal(walked.stderr, '');
    const named = runCli(['--as-of', AS_OF, 'dangling.md'], { cwd: root });
    assert.equal(named.status, 2);
    assert.equal(named.stderr, 'alliance-cite: dangling.md: broken symbolic link\n');
  });

  it('reports an unreadable file (a symbolic link loop) with exit 2 and goes on with the others', () => {
    root = makeTree({ 'draft.md': `${CLAIM}\n` });
    fs.symlinkSync(path.join(root, 'b.md'), path.join(root, 'a.md'));
    fs.symlinkSync(path.join(root, 'a.md'), path.join(root, 'b.md'));
    const result = runCli(['--as-of', AS_OF, '--format', 'json', 'a.md', 'draft.md'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: a.md: too many levels of symbolic links\n');
    assert.equal((JSON.parse(result.stdout) as unknown[]).length, 1);
  });
});

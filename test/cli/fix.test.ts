import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, snapshot, STUB_DEFINITION, STUB_MARKER } from './helpers';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The expected bytes after --fix: the marker after the claim, the definition appended at the end. */
function fixedDraft(eol: string, bom: boolean): Buffer {
  const text = `# Draft${eol}${eol}${CLAIM}${STUB_MARKER}${eol}${eol}${STUB_DEFINITION}${eol}`;
  return Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(text)]);
}

function originalDraft(eol: string, bom: boolean): Buffer {
  return Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(`# Draft${eol}${eol}${CLAIM}${eol}`)]);
}

describe('CLI --fix and --fix-dry-run', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  for (const [label, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const) {
    for (const bom of [false, true]) {
      it(`fixes a ${label} draft ${bom ? 'with' : 'without'} a byte order mark byte for byte`, () => {
        root = makeTree({ 'draft.md': originalDraft(eol, bom) });
        const result = runCli(['--as-of', AS_OF, '--fix', '--format', 'json'], { cwd: root });
        assert.equal(result.stderr, '');
        assert.deepEqual(fs.readFileSync(path.join(root, 'draft.md')), fixedDraft(eol, bom));
        // What remains is the unverified stub, a warning that keeps it visible: exit 0.
        const remaining = JSON.parse(result.stdout) as Array<{ rule: string; line: number }>;
        assert.deepEqual(
          remaining.map((f) => [f.rule, f.line]),
          [['citation-stub', 5]],
        );
        assert.equal(result.status, 0);
      });
    }
  }

  it('keeps the file mode and leaves the folder free of temporary files', () => {
    root = makeTree({ 'draft.md': originalDraft('\n', false) });
    const file = path.join(root, 'draft.md');
    fs.chmodSync(file, 0o640);
    runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(fs.readdirSync(root).sort(), ['.git', 'draft.md']);
  });

  it('leaves a draft with nothing to fix untouched', () => {
    root = makeTree({ 'clean.md': '# Notes\r\n\r\nNothing to check.' });
    const file = path.join(root, 'clean.md');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, past, past);
    const result = runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
    assert.equal(result.status, 0);
    assert.equal(fs.statSync(file).mtimeMs, past.getTime());
  });

  it('writes through a symbolic link inside the tree to its target', () => {
    root = makeTree({ 'real/draft.md': originalDraft('\n', false) });
    fs.symlinkSync(path.join(root, 'real/draft.md'), path.join(root, 'link.md'));
    runCli(['--as-of', AS_OF, '--fix', 'link.md'], { cwd: root });
    assert.ok(fs.lstatSync(path.join(root, 'link.md')).isSymbolicLink());
    assert.deepEqual(fs.readFileSync(path.join(root, 'real/draft.md')), fixedDraft('\n', false));
  });

  it('refuses to fix a read-only draft: clear message, exit 2, file unchanged', () => {
    root = makeTree({ 'draft.md': originalDraft('\n', false) });
    const file = path.join(root, 'draft.md');
    fs.chmodSync(file, 0o444);
    const before = snapshot(root);
    const result = runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: draft.md: not fixed: the file is read-only\n');
    assert.deepEqual(snapshot(root), before);
    // The finding is still reported, against the unchanged text.
    assert.match(result.stdout, /missing-citation/);
  });

  it('--fix-dry-run prints a unified diff and changes nothing', () => {
    root = makeTree({ 'docs/draft.md': originalDraft('\n', false), 'clean.md': 'Nothing to check.\n' });
    const before = snapshot(root);
    const result = runCli(['--as-of', AS_OF, '--fix-dry-run'], { cwd: root });
    assert.deepEqual(snapshot(root), before);
    assert.equal(
      result.stdout,
      [
        '--- a/docs/draft.md',
        '+++ b/docs/draft.md',
        '@@ -1,3 +1,5 @@',
        ' # Draft',
        ' ',
        `-${CLAIM}`,
        `+${CLAIM}${STUB_MARKER}`,
        '+',
        `+${STUB_DEFINITION}`,
        '',
      ].join('\n'),
    );
    assert.equal(result.status, 0, 'after the fixes only the stub warning would remain');
  });

  it('--fix-dry-run still reports when a format is named', () => {
    root = makeTree({ 'draft.md': originalDraft('\n', false) });
    const result = runCli(['--as-of', AS_OF, '--fix-dry-run', '--format', 'github'], { cwd: root });
    assert.match(result.stdout, /^--- a\/draft\.md\n/);
    assert.match(result.stdout, /^::warning file=draft\.md,line=5,.*title=citation-stub::/m);
  });

  it('refuses a file that is not valid UTF-8: names file:line:col, exit 2, nothing written', () => {
    const bytes = Buffer.concat([Buffer.from(`${CLAIM}\n\u00e9t\u00e9 `), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]);
    root = makeTree({ 'bad.md': bytes });
    const before = snapshot(root);
    const result = runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: bad.md:2:5: not valid UTF-8; the file was not linted\n');
    assert.deepEqual(snapshot(root), before);
  });
});

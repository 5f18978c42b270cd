import { strict as assert } from 'node:assert';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, STUB_DEFINITION, STUB_MARKER } from './helpers';

describe('CLI standard input', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(async () => {
    await ensureBuilt();
    root = makeTree({ 'README.md': 'Nothing here.\n' });
  });
  after(() => removeTree(root));

  it('reads one draft from "-" and names it <stdin>', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'json', '-'], { cwd: root, input: `${CLAIM}\n` });
    assert.equal(result.status, 1);
    const rows = JSON.parse(result.stdout) as Array<{ file: string; rule: string }>;
    assert.deepEqual(
      rows.map((r) => [r.file, r.rule]),
      [['<stdin>', 'missing-citation']],
    );
  });

  it('--stdin with --stdin-filename names the draft in the output', () => {
    const result = runCli(['--as-of', AS_OF, '--stdin', '--stdin-filename', 'docs/draft.md', '--format', 'github'], {
      cwd: root,
      input: `${CLAIM}\n`,
    });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /^::error file=docs\/draft\.md,line=1,col=1,/);
  });

  it('--fix on standard input prints the fixed draft, byte for byte', () => {
    const result = runCli(['--as-of', AS_OF, '--stdin', '--fix'], { cwd: root, input: `${CLAIM}\r\n` });
    assert.equal(result.stdout, `${CLAIM}${STUB_MARKER}\r\n\r\n${STUB_DEFINITION}\r\n`);
    assert.equal(result.status, 0);
  });

  it('refuses file paths together with standard input', () => {
    const result = runCli(['-', 'README.md'], { cwd: root, input: '' });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: standard input (- or --stdin) cannot be combined with file paths\n');
  });
});

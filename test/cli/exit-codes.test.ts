import { strict as assert } from 'node:assert';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, snapshot } from './helpers';

describe('CLI exit codes and options', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(async () => {
    await ensureBuilt();
    root = makeTree({
      'error.md': `${CLAIM}\n`,
      // A cited claim without a retrieval date: a warning only.
      'warning.md': 'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members)).\n',
      'clean.md': 'Nothing to check here.\n',
    });
  });
  after(() => removeTree(root));

  const lint = (...args: string[]) => runCli(['--as-of', AS_OF, ...args], { cwd: root });

  it('exits 0 when nothing is found', () => {
    assert.equal(lint('clean.md').status, 0);
  });

  it('exits 1 on an error finding', () => {
    assert.equal(lint('error.md').status, 1);
  });

  it('exits 0 on warnings alone, and 1 once they exceed --max-warnings', () => {
    const plain = lint('--format', 'json', 'warning.md');
    const rules = (JSON.parse(plain.stdout) as Array<{ severity: string }>).map((f) => f.severity);
    assert.deepEqual(rules, ['warning']);
    assert.equal(plain.status, 0);
    assert.equal(lint('--max-warnings', '1', 'warning.md').status, 0);
    const over = lint('--max-warnings', '0', 'warning.md');
    assert.equal(over.status, 1);
    assert.equal(over.stderr, 'alliance-cite: too many warnings: 1 (--max-warnings 0)\n');
  });

  it('--rule overrides a severity from the command line', () => {
    assert.equal(lint('--rule', 'missing-citation=off', 'error.md').status, 0);
    assert.equal(lint('--rule', 'missing-citation=warning', '--max-warnings', '0', 'error.md').status, 1);
    assert.equal(lint('--rule', 'missing-retrieval-date=error', 'warning.md').status, 1);
  });

  it('--quiet reports errors only', () => {
    const result = lint('--quiet', '--format', 'json', 'warning.md', 'error.md');
    const rows = JSON.parse(result.stdout) as Array<{ file: string; severity: string }>;
    assert.deepEqual(
      rows.map((r) => [r.file, r.severity]),
      [['error.md', 'error']],
    );
  });

  it('reports files in a stable path order, whatever order they are named in', () => {
    const a = lint('--format', 'json', 'warning.md', 'error.md').stdout;
    const b = lint('--format', 'json', 'error.md', 'warning.md').stdout;
    assert.equal(a, b);
    assert.deepEqual(
      (JSON.parse(a) as Array<{ file: string }>).map((r) => r.file),
      ['error.md', 'warning.md'],
    );
  });

  for (const [args, message] of [
    [['--bogus'], 'alliance-cite: unknown option --bogus (see --help)\n'],
    [['--as-of', '2026-02-30'], 'alliance-cite: --as-of needs a calendar date as YYYY-MM-DD, got "2026-02-30"\n'],
    [['--format', 'xml'], 'alliance-cite: unknown format "xml" (expected one of stylish, json, sarif, github)\n'],
    [['--rule', 'no-such-rule=error'], /^alliance-cite: --rule names an unknown rule "no-such-rule"/],
    [['--rule', 'missing-citation=fatal'], /^alliance-cite: --rule needs RULE=SEVERITY/],
    [['--max-warnings', 'many'], 'alliance-cite: --max-warnings needs a whole number, got "many"\n'],
    [['--fix', '--fix-dry-run'], 'alliance-cite: --fix and --fix-dry-run cannot be combined\n'],
    [['--format', 'json', '--format', 'sarif'], /^alliance-cite: only one --format may write to standard output/],
    [['missing.md'], 'alliance-cite: missing.md: no such file or folder\n'],
  ] as const) {
    it(`exits 2 on a usage error: ${args.join(' ')}`, () => {
      const before = snapshot(root);
      const result = runCli([...args], { cwd: root });
      assert.equal(result.status, 2);
      if (typeof message === 'string') assert.equal(result.stderr, message);
      else assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.deepEqual(snapshot(root), before);
    });
  }

  it('exits 2 when a report file cannot be written, still printing the other formats', () => {
    const result = lint('--format', 'json=clean.md/report.json', '--format', 'github', 'error.md');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'alliance-cite: clean.md/report.json: cannot write the json report: a part of the path is not a folder\n');
    assert.match(result.stdout, /^::error file=error\.md,/);
  });

  it('--version prints the package version; --help shows examples', () => {
    assert.match(runCli(['--version'], { cwd: root }).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = runCli(['--help'], { cwd: root });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Examples:/);
    assert.match(help.stdout, /--format NAME\[=FILE\]/);
  });
});

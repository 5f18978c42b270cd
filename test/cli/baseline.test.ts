// The baseline through the command: writing, reporting only new findings, the config key, stale
// entries, partial runs, and bad baselines.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, type CliResult } from './helpers';

const FOUNDING = 'The AI Alliance was founded by IBM and Meta in December 2023.';
const CITED_NO_DATE = 'IBM is a member of the AI Alliance ([members](https://thealliance.ai/members)).';
const BASELINE = 'known.json';

interface Row {
  file: string;
  line: number;
  rule: string;
  severity: string;
}

function rows(result: CliResult): Row[] {
  return JSON.parse(result.stdout || '[]') as Row[];
}

describe('CLI baseline', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  const lint = (...args: string[]): CliResult => runCli(['--as-of', AS_OF, '--format', 'json', ...args], { cwd: root });
  const write = (file: string, text: string): void => fs.writeFileSync(path.join(root, file), text);

  it('records every finding, then reports and fails only on new ones', () => {
    root = makeTree({ 'a.md': `# A\n\n${CLAIM}\n\n${CITED_NO_DATE}\n`, 'docs/b.md': `# B\n\n${FOUNDING}\n` });
    const before = lint();
    assert.equal(before.status, 1);
    assert.equal(rows(before).length, 3);

    const written = lint('--baseline-write', BASELINE);
    assert.equal(written.status, 0, written.stderr);
    assert.deepEqual(rows(written), []);
    assert.equal(written.stderr, `alliance-cite: wrote ${BASELINE}: 3 findings in 2 drafts\n`);
    const baseline = JSON.parse(fs.readFileSync(path.join(root, BASELINE), 'utf8')) as { files: Record<string, Array<{ rule: string }>> };
    assert.deepEqual(Object.keys(baseline.files), ['a.md', 'docs/b.md']);
    assert.deepEqual(baseline.files['a.md'].map((e) => e.rule), ['missing-citation', 'missing-retrieval-date']);

    const same = lint('--baseline', BASELINE);
    assert.equal(same.status, 0, same.stderr);
    assert.deepEqual(rows(same), []);
    assert.equal(same.stderr, `alliance-cite: baseline ${BASELINE}: 3 known findings not reported\n`);

    write('docs/b.md', `# B\n\n${FOUNDING}\n\nThe AI Alliance has 12 working groups and more than 140 members.\n`);
    const added = lint('--baseline', BASELINE);
    assert.equal(added.status, 1);
    assert.deepEqual(rows(added).map((r) => [r.file, r.line, r.rule]), [['docs/b.md', 5, 'missing-citation']]);
  });

  it('counts only new warnings against --max-warnings, and keeps old findings out of SARIF', () => {
    root = makeTree({ 'a.md': `# A\n\n${CITED_NO_DATE}\n` });
    lint('--baseline-write', BASELINE);
    assert.equal(lint('--baseline', BASELINE, '--max-warnings', '0').status, 0);
    write('a.md', `# A\n\n${CITED_NO_DATE}\n\nMeta is a member of the AI Alliance ([members](https://thealliance.ai/members)).\n`);
    assert.equal(lint('--baseline', BASELINE, '--max-warnings', '0').status, 1);
    const sarif = runCli(['--as-of', AS_OF, '--baseline', BASELINE, '--format', 'sarif'], { cwd: root });
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }> }> }> }).runs[0].results;
    assert.deepEqual(results.map((r) => r.locations[0].physicalLocation.region.startLine), [5]);
  });

  it('a changed claim is a new finding, and its old entry is named as stale', () => {
    root = makeTree({ 'a.md': `# A\n\n${CLAIM}\n` });
    lint('--baseline-write', BASELINE);
    write('a.md', `# A\n\nThe AI Alliance has more than 150 members.\n`);
    const result = lint('--baseline', BASELINE);
    assert.equal(result.status, 1);
    assert.deepEqual(rows(result).map((r) => [r.line, r.rule]), [[3, 'missing-citation']]);
    assert.equal(
      result.stderr,
      `alliance-cite: baseline ${BASELINE}: 0 known findings not reported\n` +
        `alliance-cite: baseline ${BASELINE}: 1 entry matches no finding any more (fixed, or the text changed); prune with --baseline-write ${BASELINE}:\n` +
        `  a.md: missing-citation: "${CLAIM}"\n`,
    );
  });

  it('reads the baseline the config names, relative to the config, from any folder; --no-baseline ignores it', () => {
    root = makeTree({ '.alliance-cite.yaml': `baseline: ci/${BASELINE}\n`, 'docs/a.md': `# A\n\n${CLAIM}\n` });
    assert.equal(lint('--baseline-write', `ci/${BASELINE}`).status, 0);
    const fromRoot = lint();
    assert.equal(fromRoot.status, 0, fromRoot.stderr);
    assert.match(fromRoot.stderr, /baseline ci\/known\.json: 1 known finding not reported/);
    const fromDocs = runCli(['--as-of', AS_OF, '--format', 'json', 'a.md'], { cwd: path.join(root, 'docs') });
    assert.equal(fromDocs.status, 0, fromDocs.stderr);
    assert.match(fromDocs.stderr, /baseline \/.*\/ci\/known\.json: 1 known finding not reported/);
    const all = lint('--no-baseline');
    assert.equal(all.status, 1);
    assert.equal(rows(all).length, 1);
    assert.equal(all.stderr, '');
    const printed = runCli(['--print-config', 'docs/a.md'], { cwd: root });
    assert.match(printed.stdout, /^# Baseline of known findings: ci\/known\.json$/m);
  });

  it('a partial run updates only its drafts; entries of deleted drafts are stale and pruned', () => {
    root = makeTree({ 'a.md': `# A\n\n${CLAIM}\n`, 'b.md': `# B\n\n${FOUNDING}\n`, 'c.md': `# C\n\n${CLAIM}\n` });
    lint('--baseline-write', BASELINE);
    write('a.md', '# A\n\nNothing to check.\n');
    fs.rmSync(path.join(root, 'c.md'));
    // b.md is not linted: its entry is neither used nor judged stale.
    const partial = lint('--baseline', BASELINE, 'a.md');
    assert.equal(partial.status, 0);
    assert.match(partial.stderr, /2 entries match no finding any more.*\n {2}a\.md: missing-citation: .*\n {2}c\.md: missing-citation: /);
    const rewritten = lint('--baseline-write', BASELINE, 'a.md');
    assert.equal(rewritten.stderr, `alliance-cite: wrote ${BASELINE}: 1 finding in 1 draft (1 entry kept for drafts this run did not lint)\n`);
    const baseline = JSON.parse(fs.readFileSync(path.join(root, BASELINE), 'utf8')) as { files: Record<string, unknown[]> };
    assert.deepEqual(Object.keys(baseline.files), ['b.md']);
    assert.equal(lint('--baseline', BASELINE).stderr, `alliance-cite: baseline ${BASELINE}: 1 known finding not reported\n`);
  });

  it('a missing or malformed baseline is an error naming file:line:col, and every finding is reported', () => {
    root = makeTree({ 'a.md': `# A\n\n${CLAIM}\n` });
    const missing = lint('--baseline', 'nowhere.json');
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'alliance-cite: nowhere.json:1:1: no such baseline; write it with alliance-cite --baseline-write nowhere.json\n');
    assert.equal(rows(missing).length, 1);
    write(BASELINE, '{\n  "version": 1,\n<<<<<<< HEAD\n');
    const broken = lint('--baseline', BASELINE);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^alliance-cite: known\.json:3:1: the baseline is not valid JSON/);
    assert.equal(rows(broken).length, 1);
    const overwrite = lint('--baseline-write', BASELINE);
    assert.equal(overwrite.status, 2);
    assert.match(overwrite.stderr, /known\.json:3:1: .*not overwritten/);
    assert.equal(fs.readFileSync(path.join(root, BASELINE), 'utf8'), '{\n  "version": 1,\n<<<<<<< HEAD\n');
  });

  it('refuses contradictory options', () => {
    root = makeTree({ 'a.md': `${CLAIM}\n` });
    for (const [args, message] of [
      [['--baseline', 'x.json', '--no-baseline'], /--no-baseline cannot be combined/],
      [['--baseline', 'x.json', '--baseline-write', 'y.json'], /--baseline and --baseline-write cannot be combined/],
      [['--baseline-write', 'y.json', '-'], /name the standard-input draft with --stdin-filename/],
      [['--baseline-write', 'y.json', '--fix-dry-run'], /cannot be combined with --fix-dry-run/],
    ] as const) {
      const result = lint(...args);
      assert.equal(result.status, 2);
      assert.match(result.stderr, message);
    }
  });

  it('applies to standard input named with --stdin-filename', () => {
    root = makeTree({ 'a.md': `# A\n\n${CLAIM}\n` });
    lint('--baseline-write', BASELINE);
    const named = runCli(['--as-of', AS_OF, '--baseline', BASELINE, '--stdin', '--stdin-filename', 'a.md'], { cwd: root, input: `Intro.\n\n${CLAIM}\n` });
    assert.equal(named.status, 0, named.stderr);
    const unnamed = runCli(['--as-of', AS_OF, '--baseline', BASELINE, '-'], { cwd: root, input: `${CLAIM}\n` });
    assert.equal(unnamed.status, 1, 'standard input without a name has no baseline entry');
  });
});

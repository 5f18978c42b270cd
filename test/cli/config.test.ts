import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, runCli, snapshot } from './helpers';

interface Row {
  file: string;
  rule: string;
  severity: string;
}

const rowsOf = (stdout: string): string[][] => (JSON.parse(stdout) as Row[]).map((r) => [r.file, r.rule, r.severity]);

describe('CLI config discovery', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  it('uses the nearest config of each draft, nested configs overriding outer ones', () => {
    root = makeTree({
      '.alliance-cite.yaml': 'rules:\n  missing-citation: warning\n',
      'top.md': `${CLAIM}\n`,
      'strict/.alliance-cite.yml': 'rules:\n  missing-citation: error\n',
      'strict/inner.md': `${CLAIM}\n`,
      'strict/deeper/deepest.md': `${CLAIM}\n`,
    });
    const result = runCli(['--as-of', AS_OF, '--format', 'json'], { cwd: root });
    assert.deepEqual(rowsOf(result.stdout), [
      ['strict/deeper/deepest.md', 'missing-citation', 'error'],
      ['strict/inner.md', 'missing-citation', 'error'],
      ['top.md', 'missing-citation', 'warning'],
    ]);
    assert.equal(result.status, 1);
  });

  it('--config replaces the discovered files, and --rule applies on top', () => {
    root = makeTree({
      '.alliance-cite.yaml': 'rules:\n  missing-citation: error\n',
      'ci/relaxed.yaml': 'rules:\n  missing-citation: warning\n',
      'draft.md': `${CLAIM}\n`,
    });
    const relaxed = runCli(['--as-of', AS_OF, '--config', 'ci/relaxed.yaml', '--format', 'json'], { cwd: root });
    assert.deepEqual(rowsOf(relaxed.stdout), [['draft.md', 'missing-citation', 'warning']]);
    assert.equal(relaxed.status, 0);
    const overridden = runCli(['--as-of', AS_OF, '--config', 'ci/relaxed.yaml', '--rule', 'missing-citation=error'], { cwd: root });
    assert.equal(overridden.status, 1);
  });

  it('an invalid config: message names file:line:col, exit 2, nothing written even with --fix', () => {
    root = makeTree({
      'docs/.alliance-cite.yaml': 'rules:\n  missing-citaton: off\n',
      'docs/draft.md': `${CLAIM}\n`,
    });
    const before = snapshot(root);
    const result = runCli(['--as-of', AS_OF, '--fix'], { cwd: root });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^alliance-cite: docs\/\.alliance-cite\.yaml:2:3: .*missing-citaton/);
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, 'the problem is reported once');
    assert.deepEqual(snapshot(root), before);
  });

  it('a --config file that does not exist is an error naming it, exit 2', () => {
    root = makeTree({ 'draft.md': `${CLAIM}\n` });
    const result = runCli(['--as-of', AS_OF, '--config', 'missing.yaml'], { cwd: root });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^alliance-cite: missing\.yaml:1:1: .*no such file/);
  });

  it('a config that is not valid YAML is reported with its position', () => {
    root = makeTree({ '.alliance-cite.yaml': 'rules:\n  missing-citation: [error\n', 'draft.md': `${CLAIM}\n` });
    const result = runCli(['--as-of', AS_OF], { cwd: root });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^alliance-cite: \.alliance-cite\.yaml:\d+:\d+: /);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });

  it('--print-config prints the effective config of a file as YAML', () => {
    root = makeTree({ '.alliance-cite.yaml': 'rules:\n  stale-retrieval-date: off\n', 'draft.md': `${CLAIM}\n` });
    const result = runCli(['--print-config', 'draft.md'], { cwd: root });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^# Effective config of draft\.md \(from \.alliance-cite\.yaml\)\n/);
    assert.match(result.stdout, /\n {2}stale-retrieval-date:\n {4}severity: off\n/);
    assert.match(result.stdout, /\n {2}missing-citation:\n {4}severity: error\n/);
  });

  it('init writes the commented starter config and refuses to overwrite one', () => {
    root = makeTree({});
    const first = runCli(['init'], { cwd: root });
    assert.equal(first.status, 0, first.stderr);
    const written = fs.readFileSync(path.join(root, '.alliance-cite.yaml'), 'utf8');
    assert.match(written, /^#/m);
    // The starter config is itself valid: linting with it works.
    fs.writeFileSync(path.join(root, 'draft.md'), `${CLAIM}\n`);
    assert.equal(runCli(['--as-of', AS_OF], { cwd: root }).status, 1);

    fs.writeFileSync(path.join(root, '.alliance-cite.yaml'), 'rules: {}\n');
    const second = runCli(['init'], { cwd: root });
    assert.equal(second.status, 2);
    assert.equal(second.stderr, 'alliance-cite: .alliance-cite.yaml already exists; not overwritten\n');
    assert.equal(fs.readFileSync(path.join(root, '.alliance-cite.yaml'), 'utf8'), 'rules: {}\n');
  });
});

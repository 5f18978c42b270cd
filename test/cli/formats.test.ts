import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { AS_OF, CLAIM, ensureBuilt, makeTree, removeTree, REPO_ROOT, runCli } from './helpers';

const SARIF_SCHEMA = path.join(REPO_ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

describe('CLI output formats', function () {
  // Each test starts the CLI as a process; a busy machine may need a while.
  this.timeout(120_000);
  let root: string;

  before(async () => {
    await ensureBuilt();
    root = makeTree({
      'docs/draft.md': `# Draft\n\n${CLAIM}\n`,
      'clean.md': '# Notes\n\nNothing to check here.\n',
    });
  });
  after(() => removeTree(root));

  it('json lists each finding with 1-based positions and exactly the documented fields', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'json'], { cwd: root });
    assert.equal(result.status, 1, result.stderr);
    const rows = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    assert.deepEqual(rows, [
      {
        file: 'docs/draft.md',
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: CLAIM.length + 1,
        rule: 'missing-citation',
        severity: 'error',
        category: 'membership',
        message: rows[0]?.message,
        fixable: true,
      },
    ]);
    assert.match(String(rows[0].message), /citation/i);
  });

  it('github writes one workflow command per finding', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'github'], { cwd: root });
    assert.equal(result.status, 1);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    assert.match(
      lines[0],
      new RegExp(`^::error file=docs/draft\\.md,line=3,col=1,endLine=3,endColumn=${CLAIM.length + 1},title=missing-citation::\\S.*$`),
    );
  });

  it('github paths are relative to GITHUB_WORKSPACE when run in a subfolder', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'github', 'draft.md'], {
      cwd: path.join(root, 'docs'),
      env: { GITHUB_WORKSPACE: root },
    });
    assert.match(result.stdout, /^::error file=docs\/draft\.md,line=3,/);
  });

  it('sarif paths are relative to the repository root when run in a subfolder', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'sarif', 'draft.md'], { cwd: path.join(root, 'docs') });
    const run = JSON.parse(result.stdout).runs[0];
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'docs/draft.md', uriBaseId: '%SRCROOT%' });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `file://${root}/`);
  });

  it('stylish groups findings under the file and ends with a summary, without colour when piped', () => {
    const result = runCli(['--as-of', AS_OF], { cwd: root });
    assert.equal(result.status, 1);
    const lines = result.stdout.split('\n');
    assert.equal(lines[0], 'docs/draft.md');
    assert.match(lines[1], /^ {2}3:1 {2}error {2}.+ {2}missing-citation$/);
    assert.ok(lines.includes('\u2716 1 problem (1 error, 0 warnings)'), result.stdout);
    assert.ok(lines.includes('  1 error and 0 warnings potentially fixable with the `--fix` option.'), result.stdout);
    assert.doesNotMatch(result.stdout, /\u001b\[/);
  });

  it('stylish uses colour only when asked to on a non-terminal', () => {
    const result = runCli(['--as-of', AS_OF, '--color'], { cwd: root });
    assert.match(result.stdout, /\u001b\[31merror/);
  });

  it('stylish prints nothing for a clean tree and exits 0', () => {
    const result = runCli(['--as-of', AS_OF, 'clean.md'], { cwd: root });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });

  it('sarif is valid against the SARIF 2.1.0 JSON Schema and carries what code scanning needs', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'sarif'], { cwd: root });
    assert.equal(result.status, 1);
    const log = JSON.parse(result.stdout);
    // The published schema has one pattern that is only valid without the regex `u` flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(JSON.parse(result.stdout)), JSON.stringify(validate.errors, null, 2));
    // The validator does reject a malformed log (a level SARIF does not define).
    const broken = JSON.parse(result.stdout);
    broken.runs[0].results[0].level = 'fatal';
    assert.equal(validate(broken), false);

    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    assert.deepEqual(ruleIds, [
      'missing-citation',
      'wrong-source-type',
      'missing-retrieval-date',
      'invalid-retrieval-date',
      'stale-retrieval-date',
      'unsupported-inference',
      'citation-stub',
      'unreachable-source',
    ]);
    // Off unless check-sources turns it on: disabled, at the level it is turned on with.
    assert.deepEqual(run.tool.driver.rules[7].defaultConfiguration, { enabled: false, level: 'warning' });
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text.length > 0);
      assert.match(rule.helpUri, new RegExp(`docs/rules/${rule.id}\\.md$`));
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    assert.equal(run.results.length, 1);
    const finding = run.results[0];
    assert.equal(finding.ruleId, 'missing-citation');
    assert.equal(run.tool.driver.rules[finding.ruleIndex].id, 'missing-citation');
    assert.equal(finding.level, 'error');
    assert.deepEqual(finding.locations[0].physicalLocation.artifactLocation, { uri: 'docs/draft.md', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(finding.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: CLAIM.length + 1 });
    assert.equal(finding.properties.category, 'membership');
    assert.match(Object.values(finding.partialFingerprints)[0] as string, /^[0-9a-f]{32}$/);
  });

  it('sarif fingerprints survive unrelated edits that move the claim', () => {
    const fingerprint = (draft: string): string => {
      const tree = makeTree({ 'draft.md': draft });
      try {
        const log = JSON.parse(runCli(['--as-of', AS_OF, '--format', 'sarif'], { cwd: tree }).stdout);
        return JSON.stringify(log.runs[0].results.map((r: { partialFingerprints: unknown }) => r.partialFingerprints));
      } finally {
        removeTree(tree);
      }
    };
    const before = fingerprint(`# Draft\n\n${CLAIM}\n`);
    const after = fingerprint(`# Draft\n\nA new opening paragraph.\n\nAnother one.\n\n${CLAIM}\n`);
    assert.equal(after, before);
    const rewrapped = fingerprint(`# Draft\n\n${CLAIM.replace('more than', 'more\nthan')}\n`);
    assert.equal(rewrapped, before, 'rewrapping the claim keeps its fingerprint');
    const twice = JSON.parse(fingerprint(`${CLAIM}\n\n${CLAIM}\n`));
    assert.equal(twice.length, 2);
    assert.notDeepEqual(twice[0], twice[1], 'two occurrences of one claim need distinct fingerprints');
  });

  it('writes several formats at once, each to its own destination', () => {
    const result = runCli(['--as-of', AS_OF, '--format', 'json=out/report.json', '--format', 'sarif=out/report.sarif', '--format', 'github'], {
      cwd: root,
    });
    try {
      assert.equal(result.status, 1);
      assert.match(result.stdout, /^::error /);
      assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'out/report.json'), 'utf8')).length, 1);
      assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'out/report.sarif'), 'utf8')).runs[0].results.length, 1);
    } finally {
      fs.rmSync(path.join(root, 'out'), { recursive: true, force: true });
    }
  });

  it('columns count UTF-16 code units, as VS Code does', () => {
    const tree = makeTree({ 'draft.md': `\u{1F600} ${CLAIM}\n` });
    try {
      const rows = JSON.parse(runCli(['--as-of', AS_OF, '--format', 'json'], { cwd: tree }).stdout);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].endColumn, 2 + 1 + CLAIM.length + 1);
    } finally {
      removeTree(tree);
    }
  });
});

// The GitHub Action (action.yml) run step by step against the packaged CLI: the command it builds
// from its inputs, the annotations or SARIF it produces, its outputs, and when it fails.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCompositeAction, type ActionRun } from './action-runner';
import { AS_OF, CLAIM, REPO_ROOT } from './helpers';
import { packAndInstall, run, type PackedInstall } from './packed';

const ACTION = path.join(REPO_ROOT, 'action.yml');
const CITED_NO_DATE = 'IBM is a member of the AI Alliance ([members](https://thealliance.ai/members)).';

/** Writes files under `root` (paths with `/`). */
function writeFiles(root: string, files: Record<string, string>): void {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}

/** Commits everything in `root` as a new repository, dated `day`. */
function commitAll(root: string, day: string): void {
  const env = { GIT_AUTHOR_DATE: `${day}T12:00:00Z`, GIT_COMMITTER_DATE: `${day}T12:00:00Z` };
  run('git', ['init', '-q'], { cwd: root });
  run('git', ['add', '.'], { cwd: root });
  run('git', ['-c', 'user.name=Writer', '-c', 'user.email=writer@example.org', 'commit', '-q', '-m', 'Drafts'], { cwd: root, env });
}

describe('the GitHub Action', function () {
  this.timeout(300_000);
  let packed: PackedInstall;
  let workspace: string;
  let runnerTemp: string;
  before(async () => {
    packed = await packAndInstall();
  });
  beforeEach(() => {
    // Inside the project that installed the package, as a repository that installs alliance-cite.
    workspace = fs.mkdtempSync(path.join(packed.project, 'checkout-'));
    runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-runner-'));
  });
  afterEach(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(runnerTemp, { recursive: true, force: true });
  });

  const act = (inputs: Record<string, string>, env?: NodeJS.ProcessEnv): ActionRun => runCompositeAction(ACTION, { inputs, workspace, runnerTemp, env });

  it('annotates the pull request by default, judges dates as of the commit, and fails on an error', () => {
    writeFiles(workspace, { 'docs/a.md': `# A\n\n${CLAIM}\n`, 'docs/b.md': `# B\n\n${CITED_NO_DATE}\n` });
    commitAll(workspace, '2026-11-20');
    const result = act({});
    assert.deepEqual(result.used, [{ uses: 'actions/setup-node@v4', with: { 'node-version': '20' } }]);
    assert.match(result.log, /\(installed by the repository\)\nalliance-cite --as-of 2026-11-20 --format github --format json=\S+\n/);
    assert.match(result.log, /^::error file=docs\/a\.md,line=3,col=1,endLine=3,endColumn=43,title=missing-citation::Membership claim has no citation/m);
    assert.match(result.log, /^::warning file=docs\/b\.md,line=3,col=1,.*title=missing-retrieval-date::/m);
    assert.deepEqual(result.outputs, { 'exit-code': '1', errors: '1', warnings: '1', 'sarif-file': '' });
    assert.match(result.log, /found problems \(exit code 1\)/);
    assert.equal(result.succeeded, false);
  });

  it('uploads SARIF when asked, reports against a baseline, and fails on a new warning at fail-level warning', () => {
    writeFiles(workspace, { 'site/docs/old.md': `# Old\n\n${CLAIM}\n\n${CITED_NO_DATE}\n` });
    const cli = path.join(packed.project, 'node_modules', 'alliance-cite', 'dist', 'cli.js');
    const site = path.join(workspace, 'site');
    assert.equal(spawnSync(process.execPath, [cli, '--as-of', AS_OF, '--baseline-write', 'known.json'], { cwd: site }).status, 0);
    writeFiles(workspace, { 'site/new draft.md': `# New\n\nMeta is a member of the AI Alliance ([members](https://thealliance.ai/members)).\n` });
    const result = act({
      sarif: 'true',
      baseline: 'known.json',
      'fail-level': 'warning',
      paths: 'docs/\nnew draft.md\n',
      'working-directory': 'site',
      'as-of': AS_OF,
      'node-version': '',
    });
    const sarifFile = path.join(site, 'alliance-cite.sarif');
    assert.deepEqual(result.used, [{ uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: sarifFile, category: 'alliance-cite' } }]);
    assert.match(result.log, /alliance-cite --as-of 2026-11-25 --baseline known\.json --max-warnings 0 --format sarif=alliance-cite\.sarif --format stylish --format json=\S+ -- docs\/ 'new draft\.md'\n/);
    assert.match(result.log, /baseline known\.json: 2 known findings not reported/);
    const sarif = JSON.parse(fs.readFileSync(sarifFile, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.deepEqual(
      sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]),
      [['missing-retrieval-date', 'site/new%20draft.md']],
    );
    assert.deepEqual(result.outputs, { 'exit-code': '1', errors: '0', warnings: '1', 'sarif-file': sarifFile });
    assert.equal(result.succeeded, false);
  });

  it('passes findings at fail-level never, but still fails on a config problem', () => {
    writeFiles(workspace, { 'a.md': `${CLAIM}\n` });
    const passed = act({ 'fail-level': 'never', 'as-of': 'today', 'node-version': '' });
    assert.match(passed.log, /alliance-cite --format github --format json=/);
    assert.match(passed.log, /^::error file=a\.md,/m);
    assert.deepEqual([passed.succeeded, passed.outputs['exit-code'], passed.outputs.errors], [true, '0', '1']);
    const broken = act({ 'fail-level': 'never', config: 'missing.yaml', 'node-version': '' });
    assert.match(broken.log, /missing\.yaml:1:1: cannot read config file/);
    assert.deepEqual([broken.succeeded, broken.outputs['exit-code']], [false, '2']);
  });

  it('stops on a bad input with an annotation, before running anything', () => {
    writeFiles(workspace, { 'a.md': `${CLAIM}\n` });
    for (const [inputs, message] of [
      [{ 'fail-level': 'sometimes' }, 'fail-level must be one of error, warning, never, got "sometimes"'],
      [{ 'as-of': '25/11/2026' }, 'as-of must be YYYY-MM-DD, "commit" or "today", got "25/11/2026"'],
      [{ sarif: 'yes' }, 'sarif must be true or false, got "yes"'],
    ] as const) {
      const result = act({ ...inputs, 'node-version': '' });
      assert.equal(result.log, `::error title=alliance-cite action::${message}\n`);
      assert.deepEqual([result.succeeded, result.outputs['exit-code']], [false, '']);
    }
  });

  it('installs the package named by `version` when the repository does not install alliance-cite', () => {
    const bare = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-bare-')));
    try {
      writeFiles(bare, { 'a.md': `${CLAIM}\n` });
      // No node_modules anywhere above, no git commit: the action installs the tarball offline.
      const result = runCompositeAction(ACTION, { inputs: { version: packed.tarball, 'node-version': '' }, workspace: bare, runnerTemp, env: { npm_config_offline: 'true' } });
      assert.match(result.log, /no git commit here, so retrieval dates are judged against today/);
      assert.ok(result.log.includes(`running ${packed.tarball} (installed by the action)`), result.log);
      assert.match(result.log, /^::error file=a\.md,line=1,col=1,/m);
      assert.equal(result.outputs['exit-code'], '1');
    } finally {
      fs.rmSync(bare, { recursive: true, force: true });
    }
  });
});

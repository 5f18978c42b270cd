// `alliance-cite check-sources`: fetches the cited URLs (here only from servers this test starts
// on 127.0.0.1 and localhost) and reports them through the unreachable-source rule.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, ensureBuilt, makeTree, removeTree, runCliAsync } from './helpers';
import { startSourceServer, type SourceServer } from './source-servers';

interface JsonFinding {
  file: string;
  line: number;
  rule: string;
  severity: string;
  message: string;
}

const PATHS = ['/ok', '/head-refused', '/missing', '/broken', '/reset', '/slow', '/huge', '/loop-a', '/chain/3', '/moved-home', '/away', '/endless/0'];

describe('CLI: check-sources', function () {
  this.timeout(180_000);
  let server: SourceServer;
  let away: SourceServer;
  let root: string;
  const args = ['check-sources', '--as-of', AS_OF, '--timeout', '500ms'];

  before(async () => {
    await ensureBuilt();
    away = await startSourceServer({ host: 'localhost' });
    server = await startSourceServer({ away: away.origin });
    // Claims numbered from 100 so that each line names its path.
    const claims = PATHS.map((p, i) => `The AI Alliance has more than ${100 + i} members ([members](${server.origin}${p}), retrieved 2026-11-01).`);
    root = makeTree({
      // The local servers stand for the Alliance's site and for a news site.
      '.alliance-cite.yaml': 'sources:\n  patterns:\n    - {type: alliance-site, host: "127.0.0.1"}\n    - {type: news, host: localhost}\n',
      'docs/sources.md': `# Membership\n\n${claims.join('\n\n')}\n`,
      'docs/more.md': [
        '# Members and licences',
        '',
        `The AI Alliance has more than 300 members ([members](${server.origin}/ok#list), retrieved 2026-11-01).`,
        '',
        'The AI Alliance publishes its licence policy in its repository ([licence](../LICENSE), retrieved 2026-11-01).',
        '',
        `Our notes mention ${server.origin}/missing-but-no-claim only in passing.`,
        '',
      ].join('\n'),
      'uncited.md': '# Members\n\nThe AI Alliance has more than 140 members.\n',
    });
  });
  after(async () => {
    await server.close();
    await away.close();
    removeTree(root);
  });

  it('reports each unreachable or re-typed source on the claim that cites it, with where to look', async () => {
    const { status, stdout, stderr } = await runCliAsync([...args, '--no-cache', '--format', 'json', 'docs/'], { cwd: root });
    assert.equal(status, 0, stderr);
    const findings = JSON.parse(stdout) as JsonFinding[];
    assert.ok(findings.every((f) => f.rule === 'unreachable-source' && f.severity === 'warning' && f.file === 'docs/sources.md'));
    const byPath = Object.fromEntries(findings.map((f) => [PATHS[(f.line - 3) / 2], f.message]));
    const url = (p: string) => `${server.origin}${p}`;
    const archive = (p: string) => `https://web.archive.org/web/*/${url(p)}`;
    assert.deepEqual(Object.keys(byPath).sort(), ['/away', '/broken', '/endless/0', '/loop-a', '/missing', '/reset', '/slow']);
    assert.equal(byPath['/missing'], `Cited source ${url('/missing')} is unreachable: HTTP 404 Not Found. Find where it moved, or cite an archived copy (try ${archive('/missing')}).`);
    assert.equal(byPath['/broken'], `Cited source ${url('/broken')} did not answer: HTTP 500 Internal Server Error. This may pass: check again later; if it persists, find where it moved, or cite an archived copy (try ${archive('/broken')}).`);
    assert.match(byPath['/reset'], /did not answer: connection reset\. This may pass/);
    assert.match(byPath['/slow'], /did not answer: timed out after 500 ms\. This may pass/);
    assert.match(byPath['/loop-a'], new RegExp(`is unreachable: redirect loop \\(${url('/loop-a')} → ${url('/loop-b')} → ${url('/loop-a')}\\)`.replace(/\./g, '\\.').replace(/\//g, '\\/')));
    assert.match(byPath['/endless/0'], /is unreachable: too many redirects \(more than 5\)/);
    assert.equal(
      byPath['/away'],
      `Cited source ${url('/away')} now redirects to ${away.origin}/story (news), no longer alliance-site. Membership claims do not accept news: find the page that replaced it, or cite an archived copy (try ${archive('/away')}).`,
    );
    assert.match(stderr, /^alliance-cite: checked 12 cited URLs on 1 host: 6 answered \(1 after a redirect to another host\), 6 unreachable; 1 not on the web \(relative or other links\) not checked$/m);
    // The huge body was not read to its end; /ok#list was not fetched apart from /ok (which is
    // fetched once for itself and once at the end of /moved-home).
    assert.ok(server.huge.written < 16 * 1024 * 1024);
    assert.equal(server.count('/ok'), 2);
    assert.equal(server.count('/missing-but-no-claim'), 0, 'only URLs that claims cite are fetched');
  });

  it('shows the findings in every format, SARIF included, and fails on them with --max-warnings 0', async () => {
    const { status, stdout, stderr } = await runCliAsync([...args, '--no-cache', '--max-warnings', '0', '--format', 'sarif=out/sources.sarif', '--format', 'stylish', 'docs/sources.md'], { cwd: root });
    assert.equal(status, 1, stderr);
    assert.match(stdout, /^ {2}7:1 +warning {2}Cited source http:\/\/127\.0\.0\.1:\d+\/missing is unreachable: HTTP 404 Not Found\. .* {2}unreachable-source$/m);
    assert.match(stderr, /too many warnings: 7 \(--max-warnings 0\)/);
    const sarif = JSON.parse(fs.readFileSync(path.join(root, 'out/sources.sarif'), 'utf8'));
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'unreachable-source');
    assert.deepEqual(rule.defaultConfiguration, { enabled: false, level: 'warning' });
    assert.equal(run.results.length, 7);
    assert.ok(run.results.every((r: { ruleId: string; level: string }) => r.ruleId === 'unreachable-source' && r.level === 'warning'));
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'docs/sources.md');
  });

  it('keeps settled answers in a cache file and fetches again only what may have passed', async () => {
    const cacheFile = path.join(root, '.alliance-cite-cache.json');
    fs.rmSync(cacheFile, { force: true });
    const first = await runCliAsync([...args, 'docs/sources.md'], { cwd: root });
    assert.equal(first.status, 0, first.stderr);
    const cached = Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).entries).map((u) => u.slice(server.origin.length));
    assert.deepEqual(cached.sort(), ['/away', '/chain/3', '/endless/0', '/head-refused', '/huge', '/loop-a', '/missing', '/moved-home', '/ok'].sort());

    const before = new Map(PATHS.map((p) => [p, server.count(p)]));
    const second = await runCliAsync([...args, 'docs/sources.md'], { cwd: root });
    assert.equal(second.stdout, first.stdout, 'the same findings from the cache');
    assert.match(second.stderr, /checked 12 cited URLs on 1 host, 9 of them from the cache: /);
    const fetched = PATHS.filter((p) => server.count(p) > before.get(p)!);
    assert.deepEqual(fetched, ['/broken', '/reset', '/slow'], 'timeouts, resets and 5xx are checked again');

    const untouched = fs.readFileSync(cacheFile, 'utf8');
    const third = await runCliAsync([...args, '--no-cache', 'docs/sources.md'], { cwd: root });
    assert.equal(third.stdout, first.stdout);
    assert.ok(server.count('/ok') > before.get('/ok')!, '--no-cache fetches every URL');
    assert.equal(fs.readFileSync(cacheFile, 'utf8'), untouched, '--no-cache leaves the cache file alone');

    const elsewhere = await runCliAsync([...args, '--cache-file', 'cache/sources.json', '--cache-max-age', '12h', 'docs/more.md'], { cwd: root });
    assert.equal(elsewhere.status, 0, elsewhere.stderr);
    assert.ok(fs.existsSync(path.join(root, 'cache/sources.json')));

    fs.writeFileSync(cacheFile, '{ not json');
    const broken = await runCliAsync([...args, 'docs/more.md'], { cwd: root });
    assert.equal(broken.status, 0);
    assert.match(broken.stderr, /^alliance-cite: \.alliance-cite-cache\.json: not a cache file \(.*\); checking every URL, and replacing it$/m);
    assert.equal(JSON.parse(fs.readFileSync(cacheFile, 'utf8')).version, 1);
  });

  it('fetches nothing during a plain lint or a report of the same drafts', async () => {
    const hits = server.hits.length + away.hits.length;
    const lint = await runCliAsync(['--as-of', AS_OF, '--rule', 'unreachable-source=error', 'docs/'], { cwd: root });
    assert.equal(lint.status, 1, lint.stdout + lint.stderr);
    assert.match(lint.stdout, /wrong-source-type/, 'the lint reports as usual');
    assert.doesNotMatch(lint.stdout, /unreachable-source/);
    const report = await runCliAsync(['report', '--as-of', AS_OF, 'docs/'], { cwd: root });
    assert.equal(report.status, 0, report.stderr);
    assert.equal(server.hits.length + away.hits.length, hits);
  });

  it('says so when no claim cites a URL', async () => {
    const { status, stdout, stderr } = await runCliAsync([...args, 'uncited.md'], { cwd: root });
    assert.equal(status, 0, stderr);
    assert.equal(stdout, '');
    assert.equal(stderr, 'alliance-cite: no cited URLs to check\n');
  });

  it('refuses options it does not take, with a clear message', async () => {
    const cases: [string[], RegExp][] = [
      [['check-sources', '--fix'], /check-sources does not take --fix: it changes no file/],
      [['check-sources', '--baseline-write', 'b.json'], /check-sources does not take --baseline-write/],
      [['check-sources', '--timeout', 'soon'], /--timeout needs a whole number with a unit \(ms, s, m\), e\.g\. 30s; got "soon"/],
      [['check-sources', '--timeout', '0'], /--timeout needs a duration of at least 1ms; got "0"/],
      [['check-sources', '--max-concurrency', '0'], /--max-concurrency needs a whole number of at least 1, got "0"/],
      [['check-sources', '--no-cache', '--cache-file', 'x.json'], /--no-cache cannot be combined with --cache-file or --cache-max-age/],
      [['--no-cache'], /--no-cache is an option of `alliance-cite check-sources`/],
      [['report', '--timeout', '5s'], /--timeout is an option of `alliance-cite check-sources`/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCliAsync(argv, { cwd: root });
      assert.equal(result.status, 2, argv.join(' '));
      assert.match(result.stderr, message);
    }
  });
});

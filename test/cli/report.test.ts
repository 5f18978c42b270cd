// `alliance-cite report`: the claims ledger of a tree, by status and category, as md, json, html.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, ensureBuilt, makeTree, removeTree, runCli } from './helpers';

// AS_OF is 2026-11-25; membership claims stay fresh 365 days.
const DRAFT = [
  '# Members',
  '',
  'The AI Alliance has more than 140 members.',
  '',
  'The AI Alliance has more than 150 members ([TechNews](https://technews.example.com/a), retrieved 2026-11-01).',
  '',
  'The AI Alliance has more than 160 members ([members](https://thealliance.ai/members)).',
  '',
  'The AI Alliance has more than 170 members ([members](https://thealliance.ai/members), retrieved 2025-01-10).',
  '',
  'The AI Alliance has more than 180 members ([members](https://thealliance.ai/members), retrieved 2025-12-10).',
  '',
  'The AI Alliance has more than 190 members ([members](https://thealliance.ai/members), retrieved 2026-11-01).',
  '',
  'The AI Alliance has more than 200 members.[^m]',
  '',
  'IBM and Meta launched the AI Alliance on December 5, 2023 ([Meta](https://ai.meta.com/blog/ai-alliance/)).',
  '',
  '[^m]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.',
  '',
].join('\n');

describe('CLI: report', function () {
  this.timeout(120_000);
  let root: string;

  before(async () => {
    await ensureBuilt();
    root = makeTree({
      'docs/members.md': DRAFT,
      'docs/notes.md': '# Notes\n\nNothing about any alliance here.\n',
      'docs/ignored/old.md': 'The AI Alliance has more than 10 members.\n',
      'docs/built.md': 'The AI Alliance has more than 20 members.\n',
      '.gitignore': 'docs/built.md\n',
      '.alliance-cite.yaml': 'ignore: ["docs/ignored/**"]\n',
      'strict/.alliance-cite.yaml': 'categories:\n  membership:\n    maxAgeDays: 30\n',
      'strict/page.md': 'The AI Alliance has more than 190 members ([members](https://thealliance.ai/members), retrieved 2026-11-01).\n',
    });
  });
  after(() => removeTree(root));

  it('prints the ledger as Markdown: totals per status and category, then claims by status and file', () => {
    const { status, stdout, stderr } = runCli(['report', '--as-of', AS_OF, 'docs/'], { cwd: root });
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^# Claims ledger\n\n8 claims in 2 drafts \(docs\/\), as of 2026-11-25\./);
    const counts = Object.fromEntries([...stdout.matchAll(/^\| ([A-Z][\w -]+) \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])]));
    assert.deepEqual(counts, { Uncited: 1, 'Wrong source type': 1, 'Invalid date': 0, Undated: 1, 'Unverified stub': 1, Stale: 1, Fine: 3 });
    assert.match(stdout, /^\| membership \| 7 \| 1 \| 1 \| · \| 1 \| 1 \| 1 \| 2 \|$/m);
    assert.match(stdout, /^\| founding \| 1 \| · \| · \| · \| · \| · \| · \| 1 \|$/m);
    assert.match(stdout, /## Stale \(1\)\n\nRetrieved longer ago than its category allows\.\n\n### docs\/members\.md\n\n- \*\*docs\/members\.md:9:1\*\* The AI Alliance has more than 170 members/);
    assert.match(stdout, /cites <https:\/\/thealliance\.ai\/members> \(alliance-site, approved\), retrieved 2025-01-10\n {2}- stale since 2026-01-11/);
    assert.match(stdout, /cites <https:\/\/technews\.example\.com\/a> \(unknown, not approved\), retrieved 2026-11-01/);
    assert.match(stdout, /cites <https:\/\/ai\.meta\.com\/blog\/ai-alliance\/> \(meta-launch, approved\), no retrieval date \(none needed\)/);
    assert.doesNotMatch(stdout, /10 members|20 members/, 'config ignore globs and .gitignore apply as in a lint');
    assert.doesNotMatch(stdout, /Stale within/, 'without --stale-within there is no such status');
  });

  it('--stale-within singles out fine claims whose date passes the maximum age in that period', () => {
    const month = runCli(['report', '--as-of', AS_OF, '--stale-within', '30d', 'docs/members.md'], { cwd: root });
    assert.equal(month.status, 0, month.stderr);
    // Retrieved 2025-12-10: fresh until 2026-12-10, stale on 2026-12-11, within 30 days of 2026-11-25.
    assert.match(month.stdout, /## Stale within 30 days \(1\)\n\nFine today, stale before the period ends\.\n\n### docs\/members\.md\n\n- \*\*docs\/members\.md:11:1\*\* The AI Alliance has more than 180 members[^\n]*\n(?: {2}-[^\n]*\n)* {2}- fresh until 2026-12-10/);
    assert.match(month.stdout, /^\| Fine \| 2 \|/m);
    const fortnight = runCli(['report', '--as-of', AS_OF, '--stale-within', '2w', 'docs/members.md'], { cwd: root });
    assert.match(fortnight.stdout, /^\| Stale within 14 days \| 0 \|/m);
    assert.match(fortnight.stdout, /^\| Fine \| 3 \|/m);
  });

  it('uses the maximum age of the config that governs each draft', () => {
    const { stdout } = runCli(['report', '--as-of', AS_OF, '--stale-within', '7d', 'strict/'], { cwd: root });
    // maxAgeDays 30: retrieved 2026-11-01 is fresh until 2026-12-01, stale on 2026-12-02.
    assert.match(stdout, /^\| Stale within 7 days \| 1 \|/m);
    assert.match(stdout, /fresh until 2026-12-01/);
  });

  it('writes JSON with the same facts and a stable shape', () => {
    const { status, stdout } = runCli(['report', '--as-of', AS_OF, '--stale-within', '30d', '--format', 'json', 'docs/'], { cwd: root });
    assert.equal(status, 0);
    const data = JSON.parse(stdout);
    assert.equal(data.format, 'alliance-cite/claims-ledger');
    assert.equal(data.formatVersion, 1);
    assert.equal(data.asOf, AS_OF);
    assert.equal(data.staleWithinDays, 30);
    assert.deepEqual(data.totals.byStatus, { uncited: 1, 'wrong-type': 1, 'invalid-date': 0, undated: 1, unverified: 1, stale: 1, 'stale-soon': 1, fine: 2 });
    assert.deepEqual(Object.keys(data.totals.byCategory), ['founding', 'membership']);
    assert.equal(data.totals.byCategory.membership.total, 7);
    assert.deepEqual(data.files.map((f: { path: string }) => f.path), ['docs/members.md', 'docs/notes.md']);
    const claims = data.files[0].claims;
    assert.deepEqual(
      claims.map((c: { line: number; status: string; freshUntil: string | null }) => [c.line, c.status, c.freshUntil]),
      [
        [3, 'uncited', null],
        [5, 'wrong-type', null],
        [7, 'undated', null],
        [9, 'stale', '2026-01-10'],
        [11, 'stale-soon', '2026-12-10'],
        [13, 'fine', '2027-11-01'],
        [15, 'unverified', '2027-11-25'],
        [17, 'fine', null],
      ],
    );
    assert.deepEqual(claims[1].citations, [{ kind: 'inline', url: 'https://technews.example.com/a', type: 'unknown', approved: false, dates: [{ raw: 'retrieved 2026-11-01', iso: '2026-11-01', problem: null }] }]);
    assert.deepEqual(claims[0].rules, ['missing-citation']);
    assert.equal(claims[0].policyLabel, 'who is a member of the Alliance');
  });

  it('writes several formats in one run, each to its file', () => {
    const { status, stdout, stderr } = runCli(['report', '--as-of', AS_OF, '--format', 'html=out/claims.html', '--format', 'json=out/claims.json', '--format', 'md', 'docs/'], { cwd: root });
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^# Claims ledger/);
    assert.match(fs.readFileSync(path.join(root, 'out/claims.html'), 'utf8'), /^<!DOCTYPE html>/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(root, 'out/claims.json'), 'utf8')).totals.claims, 8);
  });

  it('writes a self-contained page: no scripts, nothing fetched, draft text escaped, only web links', () => {
    const tree = makeTree({
      'page.md': [
        '# A <script>alert(1)</script> heading',
        '',
        'The AI Alliance has more than 140 members <img src=x onerror=alert(1)> ([members](javascript:alert(1)), retrieved 2026-11-01).',
        '',
        'The AI Alliance has more than 150 members ([members](https://thealliance.ai/members?a=1&b="2"), retrieved 2026-11-01).',
        '',
      ].join('\n'),
    });
    try {
      const { status, stdout } = runCli(['report', '--as-of', AS_OF, '--format', 'html', 'page.md'], { cwd: tree });
      assert.equal(status, 0);
      assert.doesNotMatch(stdout, /<script|<img|<link|<iframe|<[^>]*\ssrc=|@import|url\(/i);
      assert.match(stdout, /&lt;img src=x onerror=alert\(1\)&gt;/);
      const hrefs = [...stdout.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(hrefs.length > 0);
      assert.ok(hrefs.every((h) => h.startsWith('#') || h.startsWith('https://')), hrefs.join(' '));
      assert.ok(hrefs.includes('https://thealliance.ai/members?a=1&amp;b=&quot;2&quot;'));
      assert.match(stdout, /<span class="url">javascript:alert\(1\)<\/span>/);
      assert.match(stdout, /Content-Security-Policy" content="default-src 'none'/);
    } finally {
      removeTree(tree);
    }
  });

  it('reads standard input, and reports an unreadable draft by name while listing the others', () => {
    const piped = runCli(['report', '--as-of', AS_OF, '--stdin', '--stdin-filename', 'docs/piped.md'], { cwd: root, input: 'The AI Alliance has more than 140 members.\n' });
    assert.equal(piped.status, 0, piped.stderr);
    assert.match(piped.stdout, /1 claim in 1 draft \(docs\/piped\.md\)/);
    assert.match(piped.stdout, /\*\*docs\/piped\.md:1:1\*\* The AI Alliance has more than 140 members\./);

    const tree = makeTree({ 'good.md': 'The AI Alliance has more than 140 members.\n', 'bad.md': Buffer.from([0x41, 0x0a, 0x42, 0xff, 0x0a]), 'boom.md': 'The AI Alliance has 9 members. BOOM\n' });
    try {
      const result = runCli(['report', '--as-of', AS_OF], { cwd: tree, env: { ALLIANCE_CITE_TEST_CRASH_ON: 'BOOM' } });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /^alliance-cite: bad\.md:2:2: not valid UTF-8/m);
      assert.match(result.stderr, /^alliance-cite: boom\.md: internal error while linting this draft: simulated engine failure/m);
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.match(result.stdout, /1 claim in 1 draft/);
    } finally {
      removeTree(tree);
    }
  });

  it('refuses options it does not take, with a clear message', () => {
    const cases: [string[], RegExp][] = [
      [['report', '--fix'], /report does not take --fix: it changes no file/],
      [['report', '--format', 'sarif'], /unknown format "sarif" \(expected one of md, json, html\)/],
      [['report', '--stale-within', 'soon'], /--stale-within needs a whole number with a unit \(d, w\), e\.g\. 30d; got "soon"/],
      [['report', '--format', 'md', '--format', 'html'], /only one --format may write to standard output/],
      [['--stale-within', '30d'], /--stale-within is an option of `alliance-cite report`/],
    ];
    for (const [args, message] of cases) {
      const result = runCli(args, { cwd: root });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    }
  });
});

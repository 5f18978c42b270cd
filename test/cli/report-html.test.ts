// The HTML claims ledger as a reader sees it: rendered by Chromium from the file alone, with a
// screenshot under test-results/ to look at (report.png, report-narrow.png).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { AS_OF, ensureBuilt, makeTree, removeTree, REPO_ROOT, runCli } from './helpers';

const RESULTS = path.join(REPO_ROOT, 'test-results');

const SECOND_DRAFT = [
  '# Projects and members',
  '',
  'The AI Alliance has more than 170 members ([members](https://thealliance.ai/members), retrieved 2025-01-10).',
  '',
  'The AI Alliance has more than 180 members ([members](https://thealliance.ai/members), retrieved 2025-12-10).',
  '',
  'The AI Alliance has more than 190 members ([members](https://thealliance.ai/members), retrieved 2027-02-30).',
  '',
  'The AI Alliance lists GEO-Bench among its projects.[^p]',
  '',
  '[^p]: TODO-verify <https://thealliance.ai/projects>, retrieved 2026-11-25.',
  '',
].join('\n');

describe('CLI: report --format html in Chromium', function () {
  this.timeout(180_000);
  let root: string;
  let browser: Browser;
  let page: string;

  before(async () => {
    await ensureBuilt();
    root = makeTree({
      'docs/alliance-draft.md': fs.readFileSync(path.join(REPO_ROOT, 'examples/alliance-draft.md')),
      'docs/projects.md': SECOND_DRAFT,
    });
    const result = runCli(['report', '--as-of', AS_OF, '--stale-within', '30d', '--format', 'html=claims.html', 'docs/'], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    page = path.join(root, 'claims.html');
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; install Debian's chromium package`);
    browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    fs.mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    removeTree(root);
  });

  for (const { width, shot } of [
    { width: 1280, shot: 'report.png' },
    { width: 800, shot: 'report-narrow.png' },
  ]) {
    it(`renders the summary and the claims from the file alone, ${width} px wide`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      try {
        const tab = await context.newPage();
        const requested: string[] = [];
        tab.on('request', (request) => requested.push(request.url()));
        const url = pathToFileURL(page).href;
        await tab.goto(url, { waitUntil: 'load' });

        assert.deepEqual(requested, [url], 'the page loads nothing but itself');
        assert.equal(await tab.locator('h1').textContent(), 'Claims ledger');
        const summary = tab.locator('section.summary');
        assert.ok(await summary.isVisible());
        const cards = await tab.locator('.card').evaluateAll((els) => els.map((el) => `${el.querySelector('.title')?.textContent}=${el.querySelector('.count')?.textContent}`));
        assert.deepEqual(cards, ['Uncited=2', 'Wrong source type=1', 'Invalid date=1', 'Undated=1', 'Unverified stub=1', 'Stale=1', 'Stale within 30 days=1', 'Fine=3']);
        const box = await summary.boundingBox();
        assert.ok(box && box.y < 300, 'the summary is at the top of the page');
        assert.equal(await tab.locator('table.matrix tbody tr').count(), 5, 'one row per category with claims');

        const rows = await tab.locator('section.status table.claims tbody tr.first').evaluateAll((trs) =>
          trs.map((tr) => ({ section: tr.closest('section')?.id, claim: tr.querySelector('td.claim')?.textContent ?? '', cite: tr.querySelector('td.cite')?.textContent ?? '' })),
        );
        assert.equal(rows.length, 11, 'one row per claim');
        const stale = rows.find((r) => r.section === 'stale');
        assert.equal(stale?.claim, 'The AI Alliance has more than 170 members (members, retrieved 2025-01-10).');
        assert.equal(stale?.cite, 'thealliance.ai/members');
        const soon = tab.locator('#stale-soon td.date');
        assert.match((await soon.textContent()) ?? '', /2025-12-10\s*fresh until 2026-12-10/);
        assert.equal(await tab.locator('#stale-soon td.date .fresh').isVisible(), true);

        // Nothing sticks out sideways: long URLs and sentences wrap inside their cells.
        const overflow = await tab.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the window`);
        const link = await tab.locator('#fine a.url').first().evaluate((a) => ({ href: a.getAttribute('href'), text: a.textContent }));
        assert.ok(link.href?.startsWith('https://newsroom.ibm.com/2023-12-05-AI-Alliance'));
        assert.ok((link.text ?? '').length <= 61, `a long link is shortened: ${link.text}`);

        await tab.screenshot({ path: path.join(RESULTS, shot), fullPage: true });
        assert.ok(fs.statSync(path.join(RESULTS, shot)).size > 10_000);
      } finally {
        await context.close();
      }
    });
  }
});

// End to end, as a writer works: the packaged .vsix installed into code-server, the example draft
// opened in the browser, the finding read from the Problems panel, the citation quick-fix applied
// with the keyboard, the draft saved, and the file on disk checked byte-for-byte. A screenshot of
// the final state is kept in test-results/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { applyFixes, defaultConfig, lint, LineIndex, type Diagnostic } from '../../../src/core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, workbenchUrl, type CodeServer, type Run } from '../harness';

const AS_OF = '2026-11-25';
const STEP_MS = 30_000;
/** The quick-fix menu (its submenu panel shares the class). */
const ACTION_MENU = '.action-widget:not(.action-list-submenu-panel)';

/** The example draft the lead ships, or the suite's fixture while there is none. */
function exampleDraft(): string {
  const preferred = path.join(REPO, 'examples', 'alliance-draft.md');
  if (fs.existsSync(preferred)) return preferred;
  const examples = fs.existsSync(path.join(REPO, 'examples')) ? fs.readdirSync(path.join(REPO, 'examples')).filter((f) => f.endsWith('.md')) : [];
  if (examples.length > 0) return path.join(REPO, 'examples', examples.sort()[0]);
  return path.join(REPO, 'test', 'vscode', 'fixtures', 'workspace', 'membership.md');
}

function packagedVsix(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(REPO, `alliance-cite-${version}.vsix`);
  assert.ok(fs.existsSync(vsix), `${vsix} is missing; run npm run package first`);
  return vsix;
}

/** Presses keys until the focused row of a list is the one wanted (menus list other entries too). */
async function focusRow(page: Page, listSelector: string, wanted: string): Promise<void> {
  const rows = page.locator(`${listSelector} .monaco-list-row`);
  await rows.first().waitFor({ timeout: STEP_MS });
  const count = await rows.count();
  for (let i = 0; i <= count; i++) {
    const focused = page.locator(`${listSelector} .monaco-list-row.focused`);
    if ((await focused.count()) > 0 && (await focused.first().innerText()).includes(wanted)) return;
    await page.keyboard.press('ArrowDown');
  }
  const all = await rows.allInnerTexts();
  throw new Error(`"${wanted}" is not in the list: ${all.join(' | ')}`);
}

/** The .vsix holds the bundled extension and its documents only: no sources, tests or dependencies. */
function assertPackagedFiles(dir: string): void {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
  const wanted = ['package.json', 'dist/extension.js', 'images/icon.png', 'schemas/alliance-cite.schema.json', 'syntaxes/alliance-cite.injection.tmLanguage.json'];
  for (const file of wanted) assert.ok(files.includes(file), `the .vsix contains ${file}`);
  assert.ok(files.some((f) => /^LICENSE(\.txt)?$/i.test(f)), 'the .vsix contains the licence');
  assert.ok(files.some((f) => /^changelog\.md$/i.test(f)), 'the .vsix contains the changelog');
  if (fs.existsSync(path.join(REPO, 'README.md'))) assert.ok(files.some((f) => /^readme\.md$/i.test(f)), 'the .vsix contains the README');
  const unwanted = files.filter((f) => /^(node_modules|src|test|out|bench|scripts|examples)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
  assert.deepEqual(unwanted, [], 'the .vsix holds no sources, tests, source maps or dependencies');
}

describe('the extension in the browser workbench', () => {
  let run: Run;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let draftName: string;
  let draftFile: string;
  let original: string;

  before(async () => {
    const vsix = packagedVsix();
    const tools = ensureTools();
    run = prepareRun('ui', null);
    const example = exampleDraft();
    draftName = path.basename(example);
    draftFile = path.join(run.workspace, draftName);
    fs.copyFileSync(example, draftFile);
    original = fs.readFileSync(draftFile, 'utf8');
    fs.mkdirSync(path.join(run.workspace, '.vscode'));
    fs.writeFileSync(path.join(run.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'alliance-cite.asOf': AS_OF }, null, 2));
    const install = spawnSync(
      tools.node24,
      [tools.entry, '--user-data-dir', run.dirs['user-data'], '--extensions-dir', run.dirs.extensions, '--install-extension', vsix],
      { env: run.env, encoding: 'utf8' },
    );
    assert.equal(install.status, 0, `installing the .vsix failed: ${install.stdout}${install.stderr}`);
    const installed = fs.readdirSync(run.dirs.extensions).find((d) => d.startsWith('alliance-cite.alliance-cite-'));
    assert.ok(installed, 'the .vsix is installed');
    assertPackagedFiles(path.join(run.dirs.extensions, installed));
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    server = await startCodeServer(tools, run, { logFile: path.join(RESULTS_DIR, 'code-server-ui.log'), smokeTestDriver: false });
    context = await launchChromium(run);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    run?.remove();
  });

  it('shows the uncited claim in the Problems panel and inserts a citation stub with the keyboard', async () => {
    const findings = lint(original, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const target = findings.find((d): d is Diagnostic & { fix: NonNullable<Diagnostic['fix']> } => d.rule === 'missing-citation' && d.fix !== undefined);
    assert.ok(target, `${draftName} has an uncited claim with a citation stub fix`);
    const position = new LineIndex(original).positionAt(target.start);

    await page.goto(workbenchUrl(server!, run.workspace));
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    await page.locator('.explorer-folders-view').waitFor();

    // Open the draft with Quick Open.
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(draftName);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: draftName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: draftName }).waitFor();
    await page.locator('.monaco-editor .view-lines').first().waitFor();

    // The Problems panel lists the finding with its rule.
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'missing-citation' }).first().waitFor();
    const problemsText = await problems.innerText();
    assert.ok(problemsText.includes(target.message.slice(0, 40)), `the Problems panel shows "${target.message}"`);
    // The status bar counts the draft's findings.
    const status = page.locator('.statusbar-item', { hasText: 'alliance-cite' }).first();
    await status.waitFor();
    assert.match(await status.innerText(), /\d+\s+\d+\s+alliance-cite/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-problems.png') });

    // Go to the claim, open the quick-fix menu and choose the citation stub.
    await page.keyboard.press('Control+1');
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(`${position.line + 1}:${position.character + 1}`);
    await page.keyboard.press('Enter');
    // The go-to-line box must have closed, handing focus back to the editor, before Ctrl+.;
    // a keystroke that still lands on the closing box is pressed again (at most three times).
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('Control+.');
      try {
        await page.locator(ACTION_MENU).waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await focusRow(page, ACTION_MENU, target.fix.title);
    await page.keyboard.press('Enter');
    await page.locator(ACTION_MENU).waitFor({ state: 'hidden' });
    // Leave the snippet's placeholder, then save.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+S');

    const expected = applyFixes(original, [target.fix]).text;
    const deadline = Date.now() + STEP_MS;
    // Saving may truncate the file before writing it: wait (up to the deadline) for the file to
    // settle on the expected bytes, then compare it byte for byte.
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    let onDisk = fs.readFileSync(draftFile, 'utf8');
    while (onDisk !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      onDisk = fs.readFileSync(draftFile, 'utf8');
    }
    assert.equal(onDisk, expected);

    // The editor now shows what the core finds in the fixed draft, counted in the status bar.
    const after = lint(expected, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const errors = after.filter((d) => d.severity === 'error').length;
    const warnings = after.filter((d) => d.severity === 'warning').length;
    await page.locator('.statusbar-item', { hasText: new RegExp(`^\\D*${errors}\\D+${warnings}\\s+alliance-cite`) }).first().waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-quick-fix.png') });
  });
});

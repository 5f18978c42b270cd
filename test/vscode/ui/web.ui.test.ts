// The packaged .vsix as vscode.dev and github.dev run it: installed into code-server with the user
// setting that sends it to the web worker extension host, where only its `browser` entry can run.
// The writer opens the example draft, sees the findings, checks where the extension runs, applies
// the citation stub with the keyboard and saves; the file on disk is the core's fix. A screenshot
// of the final state is kept in test-results/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { applyFixes, defaultConfig, LineIndex, lint, type Diagnostic } from '../../../src/core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, workbenchUrl, type CodeServer, type Run } from '../harness';
import { ACTION_MENU, cursorPosition, focusRow, goTo, openFile, openQuickFixMenu, runCommand, STEP_MS } from './workbench';

const AS_OF = '2026-11-25';
const EXTENSION_ID = 'alliance-cite.alliance-cite';
const DRAFT = 'alliance-draft.md';

describe('the .vsix in the web worker extension host', () => {
  let run: Run;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let draftFile: string;
  let original: string;

  before(async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string; browser?: string };
    const vsix = path.join(REPO, `alliance-cite-${version}.vsix`);
    assert.ok(fs.existsSync(vsix), `${vsix} is missing; run npm run package first`);
    const tools = ensureTools();
    run = prepareRun('ui-web', null, { userSettings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] }, 'workbench.editor.useModal': 'off' } });
    draftFile = path.join(run.workspace, DRAFT);
    fs.copyFileSync(path.join(REPO, 'examples', DRAFT), draftFile);
    original = fs.readFileSync(draftFile, 'utf8');
    fs.mkdirSync(path.join(run.workspace, '.vscode'));
    fs.writeFileSync(path.join(run.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'alliance-cite.asOf': AS_OF }, null, 2));
    const install = spawnSync(tools.node24, [tools.entry, '--user-data-dir', run.dirs['user-data'], '--extensions-dir', run.dirs.extensions, '--install-extension', vsix], {
      env: run.env,
      encoding: 'utf8',
    });
    assert.equal(install.status, 0, `installing the .vsix failed: ${install.stdout}${install.stderr}`);
    const installed = fs.readdirSync(run.dirs.extensions).find((d) => d.startsWith(`${EXTENSION_ID}-`));
    assert.ok(installed, 'the .vsix is installed');
    const manifest = JSON.parse(fs.readFileSync(path.join(run.dirs.extensions, installed, 'package.json'), 'utf8')) as { browser?: string };
    assert.ok(manifest.browser && fs.existsSync(path.join(run.dirs.extensions, installed, manifest.browser)), 'the .vsix carries its browser entry');
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    server = await startCodeServer(tools, run, { logFile: path.join(RESULTS_DIR, 'code-server-ui-web.log'), smokeTestDriver: false });
    context = await launchChromium(run);
    page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_MS);
    // The running-extensions list draws only the rows in view, and worker extensions come last.
    await page.setViewportSize({ width: 1400, height: 1600 });
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    run?.remove();
  });

  it('runs in the web worker, shows the findings and inserts a citation stub with the keyboard', async () => {
    const findings = lint(original, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const target = findings.find((d): d is Diagnostic & { fix: NonNullable<Diagnostic['fix']> } => d.rule === 'missing-citation' && d.fix !== undefined);
    assert.ok(target, `${DRAFT} has an uncited claim with a citation stub fix`);
    const position = new LineIndex(original).positionAt(target.start);

    await page.goto(workbenchUrl(server!, run.workspace));
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    await page.locator('.explorer-folders-view').waitFor();
    await openFile(page, DRAFT);

    // The findings come from the server in its worker.
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-citation' }).first().waitFor();
    assert.ok((await page.locator('.markers-panel').innerText()).includes(target.message.slice(0, 40)), `the Problems panel shows "${target.message}"`);

    // "Developer: Show Running Extensions" says where the extension runs.
    await runCommand(page, 'Developer: Show Running Extensions');
    const row = page.locator('.monaco-list-row', { hasText: /alliance-cite/ }).filter({ hasText: /web worker/i });
    await row.first().waitFor();
    await page.locator('.tab', { hasText: DRAFT }).first().click();
    await page.locator('.tab.active', { hasText: DRAFT }).waitFor();

    // Go to the claim and apply the citation stub from the quick-fix menu: the cursor stays there.
    await goTo(page, position.line + 1, position.character + 1);
    await openQuickFixMenu(page);
    await focusRow(page, ACTION_MENU, target.fix.title);
    await page.keyboard.press('Enter');
    await page.locator(ACTION_MENU).waitFor({ state: 'hidden' });
    assert.deepEqual(await cursorPosition(page), { line: position.line + 1, column: position.character + 1 });
    await page.keyboard.press('Control+S');

    const expected = applyFixes(original, [target.fix]).text;
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    const deadline = Date.now() + STEP_MS;
    let onDisk = fs.readFileSync(draftFile, 'utf8');
    while (onDisk !== expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      onDisk = fs.readFileSync(draftFile, 'utf8');
    }
    assert.equal(onDisk, expected);
    const after = lint(expected, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const errors = after.filter((d) => d.severity === 'error').length;
    const warnings = after.filter((d) => d.severity === 'warning').length;
    await page.locator('.statusbar-item', { hasText: new RegExp(`^\\D*${errors}\\D+${warnings}\\s+alliance-cite`) }).first().waitFor();
    await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-web-quick-fix.png') });
  });
});

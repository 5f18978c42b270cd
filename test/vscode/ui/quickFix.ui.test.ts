// End to end, as a writer works: the packaged .vsix installed into code-server, the example draft
// opened in the browser, the finding read from the Problems panel, the quick-fix menu read (one
// suppression per rule), the citation stub applied with the keyboard (the cursor stays at the
// claim), the draft saved and the file on disk checked byte-for-byte; then the hover, Fix All and
// Lint All saying what they did, a broken config announced with a button to it, and the
// extension's details page with its README. Screenshots of each step are kept in test-results/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { applyFixes, defaultConfig, lint, LineIndex, RULES, type Diagnostic } from '../../../src/core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, workbenchUrl, type CodeServer, type Run } from '../harness';
import { ACTION_MENU, cursorPosition, focusRow, goTo, menuEntries, notification, openFile, openQuickFixMenu, reddish, runCommand, STEP_MS } from './workbench';

const AS_OF = '2026-11-25';
const DRAFT = 'alliance-draft.md';
/** Where the repository's files are published (package.json's repository), as README images link them. */
const PUBLISHED = 'https://github.com/alliance-cite/alliance-cite/raw/HEAD/';

function packagedVsix(): string {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  const vsix = path.join(REPO, `alliance-cite-${version}.vsix`);
  assert.ok(fs.existsSync(vsix), `${vsix} is missing; run npm run package first`);
  return vsix;
}

/** The .vsix holds the bundled extension, its documents and its writer's README only: no sources, tests or dependencies. */
function assertPackagedFiles(dir: string): void {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => f.split(path.sep).join('/')).sort();
  const wanted = ['package.json', 'dist/extension.js', 'images/icon.png', 'schemas/alliance-cite.schema.json', 'syntaxes/alliance-cite.injection.tmLanguage.json', 'docs/config.md'];
  for (const file of [...wanted, ...RULES.map((r) => `docs/rules/${r.id}.md`)]) assert.ok(files.includes(file), `the .vsix contains ${file}`);
  assert.ok(files.some((f) => /^LICENSE(\.txt)?$/i.test(f)), 'the .vsix contains the licence');
  assert.ok(files.some((f) => /^changelog\.md$/i.test(f)), 'the .vsix contains the changelog');
  const readme = fs.readFileSync(path.join(dir, files.find((f) => /^readme\.md$/i.test(f))!), 'utf8');
  assert.equal(readme, fs.readFileSync(path.join(REPO, 'editors', 'vscode', 'README.md'), 'utf8'), "the .vsix carries the writer's README");
  // Its images are linked where the repository publishes them, and the repository holds them.
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length > 0, 'the README shows a screenshot');
  for (const image of images) {
    assert.ok(image.startsWith(PUBLISHED), `${image} is published from the repository`);
    assert.ok(fs.existsSync(path.join(REPO, image.slice(PUBLISHED.length))), `the repository holds ${image}`);
  }
  assert.ok(!readme.includes('npm ci'), 'no developer commands in the README writers see');
  const unwanted = files.filter((f) => /^(node_modules|src|test|out|bench|scripts|examples)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
  assert.deepEqual(unwanted, [], 'the .vsix holds no sources, tests, source maps or dependencies');
}

describe('the extension in the browser workbench', () => {
  let run: Run;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let draftFile: string;
  let original: string;
  const shot = (name: string) => page.screenshot({ path: path.join(RESULTS_DIR, name) });

  before(async () => {
    const vsix = packagedVsix();
    const tools = ensureTools();
    run = prepareRun('ui', null);
    draftFile = path.join(run.workspace, DRAFT);
    fs.copyFileSync(path.join(REPO, 'examples', DRAFT), draftFile);
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
    await page.goto(workbenchUrl(server, run.workspace));
    await page.locator('.monaco-workbench .part.statusbar').waitFor();
    await page.locator('.explorer-folders-view').waitFor();
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    run?.remove();
  });

  it('offers one suppression per rule, and inserts a citation stub with the keyboard, the cursor staying at the claim', async () => {
    const findings = lint(original, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const target = findings.find((d): d is Diagnostic & { fix: NonNullable<Diagnostic['fix']> } => d.rule === 'missing-citation' && d.fix !== undefined);
    assert.ok(target, `${DRAFT} has an uncited claim with a citation stub fix`);
    const lines = new LineIndex(original);
    const position = lines.positionAt(target.start);

    await openFile(page, DRAFT);
    // The Problems panel lists the finding with its rule; the status bar counts the draft's findings.
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    await problems.locator('.monaco-list-row', { hasText: 'missing-citation' }).first().waitFor();
    assert.ok((await problems.innerText()).includes(target.message.slice(0, 40)), `the Problems panel shows "${target.message}"`);
    const status = page.locator('.statusbar-item', { hasText: 'alliance-cite' }).first();
    await status.waitFor();
    assert.match(await status.innerText(), /\d+\s+\d+\s+alliance-cite/);
    await shot('ui-problems.png');

    // The safety sentence has two findings: the menu offers one suppression for each rule, no other form.
    const safety = findings.filter((d) => d.rule === 'unsupported-inference')[0];
    const safetyAt = lines.positionAt(safety.start);
    await page.keyboard.press('Control+1');
    await goTo(page, safetyAt.line + 1, 10);
    await openQuickFixMenu(page);
    const safetyMenu = await menuEntries(page);
    await shot('ui-quick-fix-menu-two-rules.png');
    const rules = [...new Set(findings.filter((d) => lines.positionAt(d.start).line === safetyAt.line).map((d) => d.rule))].sort();
    assert.deepEqual(safetyMenu.filter((t) => t.startsWith('Suppress')).sort(), rules.map((r) => `Suppress ${r} for this line`), `the menu: ${safetyMenu.join(' | ')}`);
    assert.equal(new Set(safetyMenu).size, safetyMenu.length, `no entry twice: ${safetyMenu.join(' | ')}`);
    await page.keyboard.press('Escape');
    await page.locator(ACTION_MENU).waitFor({ state: 'hidden' });

    // A cited claim without a retrieval date: a date, "Mark as verified" and "Open the source", one suppression.
    const undated = findings.find((d) => d.rule === 'missing-retrieval-date')!;
    const undatedAt = lines.positionAt(undated.start);
    await goTo(page, undatedAt.line + 1, 5);
    await openQuickFixMenu(page);
    const undatedMenu = await menuEntries(page);
    for (const wanted of [undated.fix!.title, `Mark as verified (retrieved ${AS_OF})`, 'Open the source: thealliance.ai/members', 'Suppress missing-retrieval-date for this line']) {
      assert.ok(undatedMenu.includes(wanted), `"${wanted}" in the menu: ${undatedMenu.join(' | ')}`);
    }
    // The picture of the README: the squiggles and this menu (images/vscode-quick-fix.png is made from it).
    const group = await page.locator('.editor-group-container').first().boundingBox();
    if (group) await page.screenshot({ path: path.join(RESULTS_DIR, 'ui-readme-quick-fix.png'), clip: { x: group.x, y: group.y + 150, width: Math.min(group.width, 920), height: 300 } });
    await page.keyboard.press('Escape');
    await page.locator(ACTION_MENU).waitFor({ state: 'hidden' });

    // The uncited claim: the citation stub from the menu.
    await goTo(page, position.line + 1, position.character + 3);
    await openQuickFixMenu(page);
    const menu = await menuEntries(page);
    assert.equal(menu.filter((t) => t.startsWith('Suppress missing-citation')).length, 1, `one suppression: ${menu.join(' | ')}`);
    await focusRow(page, ACTION_MENU, target.fix.title);
    await shot('ui-quick-fix-menu.png');
    await page.keyboard.press('Enter');
    await page.locator(ACTION_MENU).waitFor({ state: 'hidden' });
    // The cursor did not jump to the definition at the end of the draft; the status bar says where it went.
    assert.deepEqual(await cursorPosition(page), { line: position.line + 1, column: position.character + 3 });
    const definitionLine = applyFixes(original, [target.fix]).text.split('\n').findIndex((l) => l.startsWith('[^membership-1]:')) + 1;
    await shot('ui-after-stub.png');
    await page.locator('.statusbar-item', { hasText: `Citation stub added on line ${definitionLine} (TODO-verify)` }).first().waitFor();
    await page.keyboard.press('Control+S');

    const expected = applyFixes(original, [target.fix]).text;
    // Saving may truncate the file before writing it: wait for the file to settle on the expected bytes.
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
    const deadline = Date.now() + STEP_MS;
    let onDisk = fs.readFileSync(draftFile, 'utf8');
    while (onDisk !== expected && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      onDisk = fs.readFileSync(draftFile, 'utf8');
    }
    assert.equal(onDisk, expected);
    const after = lint(expected, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const errors = after.filter((d) => d.severity === 'error').length;
    const warnings = after.filter((d) => d.severity === 'warning').length;
    await page.locator('.statusbar-item', { hasText: new RegExp(`^\\D*${errors}\\D+${warnings}\\s+alliance-cite`) }).first().waitFor();
    await shot('ui-quick-fix.png');
  });

  it('explains a claim in a short hover, and colours "retrieved" as a plain word', async () => {
    const text = fs.readFileSync(draftFile, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('Because Granite'));
    await page.keyboard.press('Escape');
    await goTo(page, line + 1, 1);
    // Hover with the keyboard (Ctrl+K Ctrl+I shows the hover at the cursor).
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Claim about' }).first();
    await hover.waitFor();
    await shot('ui-hover.png');
    const shown = await hover.innerText();
    assert.match(shown, /Claim about whether a system is safe/);
    assert.ok(!shown.includes('safety/system'), 'the category in words');
    const messages = lint(text, { config: defaultConfig(), asOf: AS_OF }).diagnostics.filter((d) => text.slice(0, d.start).split('\n').length === line + 1);
    for (const m of messages) assert.equal(shown.split(m.message.slice(0, 40)).length - 1, 1, `"${m.message}" is shown once (VS Code's own part of the hover)`);
    const scroll = await hover.evaluate((el) => {
      const box = el.querySelector('.monaco-scrollable-element') ?? el;
      const content = el.querySelector('.monaco-hover-content') ?? el;
      return { content: content.scrollHeight, box: box.clientHeight };
    });
    assert.ok(scroll.content <= scroll.box + 2, `the hover needs no scrolling (${scroll.content} > ${scroll.box})`);
    await page.keyboard.press('Escape');

    const retrieved = page.locator('.view-lines span', { hasText: /^retrieved$/ }).first();
    await retrieved.waitFor();
    // Evaluated in the page (the DOM's own getComputedStyle), written as text: this file is compiled without DOM types.
    const color = String(await page.evaluate('(() => { const el = [...document.querySelectorAll(".view-lines span")].find((s) => s.textContent === "retrieved"); return el ? getComputedStyle(el).color : ""; })()'));
    assert.ok(!reddish(color), `"retrieved" is not coloured like an error (${color})`);
  });

  it('says what Fix All and Lint All did', async () => {
    await runCommand(page, 'alliance-cite: Fix All Problems in This File');
    const fixed = await notification(page, /citation stub|retrieval date|Nothing in this draft/);
    await shot('ui-fix-all.png');
    assert.match(fixed, /alliance-cite: (Added \d+ (citation stubs?|retrieval dates?)( and \d+ retrieval dates?)? \(TODO-verify\) — review (it|them)\.|Nothing in this draft can be fixed automatically\.)/);
    await page.keyboard.press('Control+S');
    await runCommand(page, 'alliance-cite: Lint All Drafts in the Workspace');
    const linted = await notification(page, /Linted \d+ drafts?/);
    assert.match(linted, /alliance-cite: Linted 1 draft: \d+ findings? in 1 draft \(\d+ errors?, \d+ warnings?\)\./);
  });

  it('announces a broken config with a button that opens it at the problem', async () => {
    fs.writeFileSync(path.join(run.workspace, '.alliance-cite.yaml'), 'rules:\n  missing-citation: loud\n');
    const toast = page.locator('.notification-toast', { hasText: 'drafts are not checked until the config is fixed' }).first();
    await toast.waitFor();
    await shot('ui-config-problem.png');
    await toast.locator('.monaco-button', { hasText: 'Open config' }).click();
    await page.locator('.tab.active', { hasText: '.alliance-cite.yaml' }).waitFor();
    assert.deepEqual(await cursorPosition(page), { line: 2, column: 21 });
    // Fixed (here: removed), the draft is checked again.
    fs.rmSync(path.join(run.workspace, '.alliance-cite.yaml'));
    await page.keyboard.press('Control+W');
    await page.locator('.tab', { hasText: DRAFT }).first().click();
    await page.locator('.statusbar-item', { hasText: /^\D*\d+\D+\d+\s+alliance-cite/ }).first().waitFor();
  });

  it('lists the claims of the workspace in the Explorer, and goes to a claim', async () => {
    await page.keyboard.press('Control+Shift+E');
    // Room for the view: the folder's file tree folded away.
    const folder = page.locator('.pane-header', { hasText: 'workspace' }).first();
    if ((await folder.getAttribute('aria-expanded')) === 'true') await folder.click();
    const header = page.locator('.pane-header', { hasText: 'AI Alliance Claims' }).first();
    await header.waitFor();
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const view = page.locator('.pane', { has: header });
    await view.locator('.monaco-list-row', { hasText: 'Uncited' }).first().waitFor();
    const claim = view.locator('.monaco-list-row', { hasText: 'Because Granite comes from a founding member' }).first();
    await claim.waitFor();
    await shot('ui-claims-view.png');
    await claim.click();
    const line = fs.readFileSync(draftFile, 'utf8').split('\n').findIndex((l) => l.startsWith('Because Granite')) + 1;
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+ \\(\\d+ selected\\)`) }).first().waitFor();
  });

  it("shows the writer's README, with its screenshot, in the extension's details page", async () => {
    // Offline here: the published repository's files are served from this one.
    await context!.route(`${PUBLISHED}**`, (route) => route.fulfill({ path: path.join(REPO, route.request().url().slice(PUBLISHED.length)) }));
    await page.keyboard.press('Control+Shift+X');
    const search = page.locator('.extensions-viewlet .suggest-input-container, .extensions-viewlet .monaco-inputbox').first();
    await search.waitFor();
    await page.keyboard.type('@installed alliance-cite');
    const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'alliance-cite' }).first();
    await entry.waitFor();
    await entry.click();
    // The README renders in a webview: find the frame that holds it.
    const deadline = Date.now() + STEP_MS;
    let ready: { heading: boolean; image: number } | undefined;
    while (Date.now() < deadline) {
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate<{ heading: boolean; image: number } | undefined>(
            `(() => {
              const h = [...document.querySelectorAll('h2')].some((e) => e.textContent === 'How it works for you');
              const img = document.querySelector('img[src$="images/vscode-quick-fix.png"]');
              return h ? { heading: true, image: img && img.complete ? img.naturalWidth : -1 } : undefined;
            })()`,
          )
          .catch(() => undefined);
        if (found && found.image > 0) ready = found;
      }
      if (ready) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    await shot('ui-details.png');
    assert.ok(ready, "the details page shows the writer's README with its screenshot loaded");
  });
});

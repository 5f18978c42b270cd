// Keyboard and DOM steps of the UI tests, as a writer works the workbench: Quick Open, Go to
// Line, the quick-fix menu, the command palette, notifications and the status bar.
import type { Page } from 'playwright-core';

export const STEP_MS = 30_000;
/** The quick-fix menu (its submenu panel shares the class). */
export const ACTION_MENU = '.action-widget:not(.action-list-submenu-panel)';

/** Opens a file of the workspace with Quick Open. */
export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.monaco-editor .view-lines').first().waitFor();
}

/** Moves the cursor with Go to Line (1-based line and column). */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  // The box must have closed, handing focus back to the editor, before the next keystroke.
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Opens the quick-fix menu at the cursor (a keystroke that lands on a closing widget is pressed again, at most three times). */
export async function openQuickFixMenu(page: Page): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+.');
    try {
      await page.locator(ACTION_MENU).waitFor({ timeout: 10_000 });
      await page.locator(`${ACTION_MENU} .monaco-list-row`).first().waitFor();
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The entries of the open quick-fix menu, as shown. */
export async function menuEntries(page: Page): Promise<string[]> {
  return (await page.locator(`${ACTION_MENU} .monaco-list-row`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** Presses keys until the focused row of a list is the one wanted (menus list other entries too). */
export async function focusRow(page: Page, listSelector: string, wanted: string): Promise<void> {
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

/** Runs a command from the palette by its full title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Waits for a notification toast holding the text, and returns its whole text. */
export async function notification(page: Page, text: string | RegExp): Promise<string> {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ timeout: STEP_MS });
  return (await toast.innerText()).replace(/\s+/g, ' ').trim();
}

/** The cursor position the status bar shows ("Ln 10, Col 1"), as numbers. */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number }> {
  const item = page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();
  await item.waitFor();
  const match = /Ln (\d+), Col (\d+)/.exec(await item.innerText());
  if (!match) throw new Error('the status bar shows no cursor position');
  return { line: Number(match[1]), column: Number(match[2]) };
}

/** Whether a CSS colour reads as red (the colour of errors). */
export function reddish(css: string): boolean {
  const m = /rgba?\((\d+), (\d+), (\d+)/.exec(css);
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => Number(v) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25 || max !== r) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue > -25 && hue < 25;
}

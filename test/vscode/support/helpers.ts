// Helpers for the extension-host suite: drafts written into the test workspace, and waits on
// VS Code events (never fixed sleeps).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultConfig, lint, type LintResult } from '../../../src/core';
import type { AllianceCiteApi } from '../../../src/vscode/client';

export const EXTENSION_ID = 'alliance-cite.alliance-cite';
/** The repository (the extension under test is loaded from it). */
export const REPO = path.resolve(__dirname, '..', '..', '..', '..');
/** The suite's workspace settings pin this date (fixtures/workspace/.vscode/settings.json). */
export const AS_OF = '2026-11-25';
const WAIT_MS = 15_000;

export type ExtensionApi = AllianceCiteApi;

export async function activateExtension(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in the host`);
  return await extension.activate();
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs a workspace folder');
  return folder.uri.fsPath;
}

/** Writes a draft byte-for-byte into the workspace and returns its URI. */
export function writeDraft(name: string, text: string): vscode.Uri {
  const file = path.join(workspaceDir(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

export function readDraft(uri: vscode.Uri): string {
  return fs.readFileSync(uri.fsPath, 'utf8');
}

/** The core's result for a text under the default config, as the extension should publish it. */
export function coreLint(text: string): LintResult {
  return lint(text, { config: defaultConfig(), asOf: AS_OF });
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'alliance-cite');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : code === undefined ? undefined : String(code);
}

/** Resolves with the extension's diagnostics of a URI once they satisfy the predicate. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return await new Promise((resolve, reject) => {
    const check = (): boolean => {
      const current = ours(uri);
      if (!predicate(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = ours(uri).map((d) => `${ruleOf(d)}@${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`Timed out waiting for ${what} on ${path.basename(uri.fsPath)}; current: [${now.join(', ')}]`));
    }, WAIT_MS);
    const cleanup = (): void => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Polls until `find` returns a value (for state VS Code announces by no event, such as tabs). */
export async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves on the extension's next lint of the URI. */
export async function nextLint(api: ExtensionApi, uri: vscode.Uri): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out waiting for a lint of ${path.basename(uri.fsPath)}`));
    }, WAIT_MS);
    const subscription = api.onDidLint((linted) => {
      if (linted.toString() !== uri.toString()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Opens a draft in an editor and waits for its first diagnostics matching the count the core gives. */
export async function openDraft(name: string, text: string): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = writeDraft(name, text);
  const expected = coreLint(text).diagnostics.length + coreLint(text).notes.length;
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  const diagnostics = await waitForDiagnostics(uri, (d) => d.length === expected && expected > 0, `${expected} diagnostics`);
  return { editor, diagnostics };
}

/** Polls the code action providers until ours answer (right after activation only built-in ones may). */
export async function codeActionsAt(
  uri: vscode.Uri,
  range: vscode.Range,
  predicate: (actions: vscode.CodeAction[]) => boolean,
  kind?: string,
): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    // A request VS Code cancels (the document or the diagnostics changed meanwhile) is asked again.
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind).then(undefined, (error: unknown) => {
      if (error instanceof Error && error.name === 'Canceled') return [];
      throw error;
    })) ?? [];
    if (predicate(actions)) return actions;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for code actions; got: ${actions.map((a) => a.title).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Closes every editor and reverts unsaved changes, so tests start from disk. */
export async function closeAll(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Sets an extension setting in the workspace and waits until the host has it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('alliance-cite').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export function offsetRange(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

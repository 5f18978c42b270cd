// The extension's commands: lint the workspace, fix all in the file, open or create the config
// file, show the output.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { createIgnoreMatcher, DEFAULT_PATTERN, findDrafts } from '../node/files';
import { fixAllEdit, SELECT_PLACEHOLDER_COMMAND, selectPlaceholder } from './codeActions';
import { explicitConfigPath, resolveConfig, starterConfigText } from './configResolver';
import type { DraftLinter } from './diagnostics';
import { guard, guardAsync, type Logger } from './logger';
import { isDraft, readSettings } from './settings';

export const COMMANDS = {
  lintWorkspace: 'alliance-cite.lintWorkspace',
  fixAll: 'alliance-cite.fixAll',
  openConfig: 'alliance-cite.openConfig',
  showOutput: 'alliance-cite.showOutput',
} as const;

export const CONFIG_FILE_NAME = '.alliance-cite.yaml';

export function registerCommands(linter: DraftLinter, log: Logger, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, guardAsync(log, 'Linting the workspace failed', () => lintWorkspace(linter, log))),
    vscode.commands.registerCommand(COMMANDS.fixAll, guardAsync(log, 'Fixing all problems failed', () => fixAllInActiveEditor(linter))),
    vscode.commands.registerCommand(COMMANDS.openConfig, guardAsync(log, 'Opening the config file failed', () => openConfig(log))),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(SELECT_PLACEHOLDER_COMMAND, guard(log, 'Selecting the placeholder failed', selectPlaceholder)),
  ];
}

/**
 * Lints every draft of the workspace folders into the Problems panel (open ones from their editor
 * buffers). Drafts are found as the CLI finds them: .gitignore files and the config's `ignore`
 * globs are honoured.
 */
async function lintWorkspace(linter: DraftLinter, log: Logger): Promise<void> {
  const files = workspaceDrafts();
  let findings = 0;
  let linted = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'alliance-cite: linting the workspace', cancellable: true },
    async (progress, token) => {
      for (const uri of files) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          findings += linter.resultFor(open, 'publish')?.result.diagnostics.length ?? 0;
        } else {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          findings += linter.lintClosedFile(uri, text) ?? 0;
        }
        linted++;
        // Yield between files so the progress notification and cancellation stay responsive.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  );
  log.info(`Linted ${linted} of ${files.length} drafts in the workspace: ${findings} findings.`);
}

function workspaceDrafts(): vscode.Uri[] {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    const settings = readSettings(folder.uri);
    const extensions = settings.fileExtensions.map((e) => `**/*${e}`);
    const result = findDrafts({
      cwd: folder.uri.fsPath,
      patterns: [DEFAULT_PATTERN, ...extensions],
      isIgnoredByConfig: (file) => {
        const resolved = resolveConfig(vscode.Uri.file(file), settings);
        return resolved.ok && createIgnoreMatcher(resolved.value.config.ignore, resolved.value.baseDir)(file);
      },
    });
    for (const file of result.files) found.set(file, vscode.Uri.file(file));
  }
  return [...found.values()];
}

async function fixAllInActiveEditor(linter: DraftLinter): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isDraft(editor.document, readSettings(editor.document.uri))) {
    void vscode.window.showInformationMessage('alliance-cite: open a Markdown draft to fix its problems.');
    return;
  }
  const latest = linter.resultFor(editor.document, 'publish');
  const edit = latest && fixAllEdit(editor.document, latest);
  if (!edit) {
    void vscode.window.showInformationMessage('alliance-cite: nothing in this draft can be fixed automatically.');
    return;
  }
  await vscode.workspace.applyEdit(edit);
}

/**
 * Opens the config file that governs the active draft (or the workspace folder), creating it with
 * the commented starter config when there is none.
 */
async function openConfig(log: Logger): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  // Config files are found from a draft's folder; without an open draft, from the workspace folder.
  const draft = active?.scheme === 'file' ? active : folder ? vscode.Uri.joinPath(folder.uri, 'draft.md') : undefined;
  let target: vscode.Uri | undefined;
  if (draft) {
    const settings = readSettings(draft);
    const explicit = explicitConfigPath(draft, settings);
    const resolved = resolveConfig(draft, settings);
    const existing = explicit ?? (resolved.ok ? resolved.value.files.at(-1) : resolved.problem.file);
    if (existing) target = vscode.Uri.file(existing);
  }
  if (!target && folder) target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  if (!target) {
    void vscode.window.showInformationMessage(`alliance-cite: open a folder to create its ${CONFIG_FILE_NAME}.`);
    return;
  }
  if (!fs.existsSync(target.fsPath)) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(starterConfigText()));
    log.info(`Created ${target.fsPath} with the starter config.`);
  }
  await vscode.window.showTextDocument(target);
}

// The extension's commands: lint the workspace, fix all in the file, open or create the config
// file, open the config reference, list the claims again, show the output. The work is the
// server's; these add progress, messages and editors, and say what they did.
import * as vscode from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type BaseLanguageClient, type WorkDoneProgressReport } from 'vscode-languageclient';
import { CONFIG_FILE_REQUEST, SERVER_COMMANDS, type ConfigFileParams, type ConfigFileResult, type FixAllResult, type LintWorkspaceResult } from '../server/protocol';
import { OPEN_CLAIM, openClaim, REFRESH_CLAIMS, type ClaimsView } from './claimsView';
import type { InstalledDocs } from './docs';
import { OPEN_CONFIG_PROBLEM, openConfigProblem } from './statusBar';

export const COMMANDS = {
  lintWorkspace: 'alliance-cite.lintWorkspace',
  fixAll: 'alliance-cite.fixAll',
  openConfig: 'alliance-cite.openConfig',
  showConfigReference: 'alliance-cite.showConfigReference',
  refreshClaims: REFRESH_CLAIMS,
  openClaim: OPEN_CLAIM,
  openConfigProblem: OPEN_CONFIG_PROBLEM,
  showOutput: 'alliance-cite.showOutput',
} as const;

export const CONFIG_FILE_NAME = '.alliance-cite.yaml';

export function registerCommands(client: BaseLanguageClient, output: vscode.LogOutputChannel, parts: { docs: InstalledDocs; claims: ClaimsView }): vscode.Disposable[] {
  /** Runs a command so that a failure is logged (with what went wrong) instead of thrown at the writer. */
  const guarded =
    (what: string, run: () => Promise<void>) =>
    async (): Promise<void> => {
      try {
        await run();
      } catch (error) {
        output.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  return [
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, guarded('Linting the workspace', () => lintWorkspace(client, output))),
    vscode.commands.registerCommand(COMMANDS.fixAll, guarded('Fixing all problems', () => fixAllInActiveEditor(client))),
    vscode.commands.registerCommand(COMMANDS.openConfig, guarded('Opening the config file', () => openConfig(client, output))),
    vscode.commands.registerCommand(COMMANDS.showConfigReference, guarded('Opening the config reference', () => parts.docs.showPreview(parts.docs.configReference()))),
    vscode.commands.registerCommand(COMMANDS.refreshClaims, guarded('Listing the claims', () => parts.claims.refresh())),
    vscode.commands.registerCommand(COMMANDS.openClaim, (uri: string, range: Parameters<typeof openClaim>[1]) => guarded('Going to the claim', () => openClaim(uri, range))()),
    vscode.commands.registerCommand(COMMANDS.openConfigProblem, (file: string, line: number, column: number) =>
      guarded('Opening the config file', () => openConfigProblem(file, line, column))(),
    ),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  ];
}

/** Lints every draft of the workspace folders into the Problems panel, with a cancellable progress notification. */
async function lintWorkspace(client: BaseLanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'alliance-cite: linting the workspace', cancellable: true },
    async (progress, token) => {
      const workDoneToken = `alliance-cite-lint-${Date.now()}-${Math.random().toString(36).slice(2)}`;
      let done = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind !== 'report') return;
        const report = value as WorkDoneProgressReport;
        const increment = report.percentage !== undefined ? Math.max(0, report.percentage - done) : undefined;
        if (report.percentage !== undefined) done = report.percentage;
        progress.report({ message: report.message, increment });
      });
      try {
        const result: LintWorkspaceResult = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.lintWorkspace, arguments: [], workDoneToken }, token);
        if (result?.summary) void vscode.window.showInformationMessage(`alliance-cite: ${result.summary}`);
      } finally {
        listener.dispose();
      }
    },
  );
}

async function fixAllInActiveEditor(client: BaseLanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('alliance-cite: open a Markdown draft to fix its problems.');
    return;
  }
  const uri = client.code2ProtocolConverter.asUri(editor.document.uri);
  const result: FixAllResult = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMANDS.fixAll, arguments: [uri] });
  if (result?.status === 'not-a-draft') void vscode.window.showInformationMessage('alliance-cite: open a Markdown draft to fix its problems.');
  else if (result?.summary) void vscode.window.showInformationMessage(`alliance-cite: ${result.summary}`);
}

/**
 * Opens the config file that governs the active draft (or the workspace folder), creating it with
 * the commented starter config when there is none.
 */
async function openConfig(client: BaseLanguageClient, output: vscode.LogOutputChannel): Promise<void> {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  // Config files are found from a draft's folder; without an open draft, from the workspace folder.
  const draft = active && (active.scheme === 'file' || vscode.workspace.getWorkspaceFolder(active)) ? active : folder ? vscode.Uri.joinPath(folder.uri, 'draft.md') : undefined;
  let target: vscode.Uri | undefined;
  const found: ConfigFileResult = await client.sendRequest(CONFIG_FILE_REQUEST, { uri: client.code2ProtocolConverter.asUri(draft ?? vscode.Uri.parse('untitled:draft.md')) } satisfies ConfigFileParams);
  if (draft && found.uri) target = vscode.Uri.parse(found.uri);
  if (!target && folder) target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME);
  if (!target) {
    void vscode.window.showInformationMessage(`alliance-cite: open a folder to create its ${CONFIG_FILE_NAME}.`);
    return;
  }
  if (!(await exists(target))) {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(found.starter));
    output.info(`Created ${target.toString(true)} with the starter config.`);
  }
  await vscode.window.showTextDocument(target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

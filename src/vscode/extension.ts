// Activation: wires the core-backed linter to VS Code events, providers, commands and the status bar.
import * as vscode from 'vscode';
import { CitationActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { ConfigWatcher } from './configWatcher';
import { DraftLinter } from './diagnostics';
import { ClaimHoverProvider } from './hover';
import { createLogger, guard, type Logger } from './logger';
import { SECTION, settingsProblems } from './settings';
import { CountsStatusBar } from './statusBar';

/** What the extension exposes to other extensions and to its own tests. */
export interface AllianceCiteApi {
  /** Fires after a document's findings were published or cleared. */
  readonly onDidLint: vscode.Event<vscode.Uri>;
  /** Whether a lint of the document is scheduled but has not run yet. */
  isLintPending(uri: vscode.Uri): boolean;
}

const DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

export function activate(context: vscode.ExtensionContext): AllianceCiteApi {
  const output = vscode.window.createOutputChannel('alliance-cite', { log: true });
  const log = createLogger(output);
  const watcher = new ConfigWatcher(guard(log, 'Reloading the config failed', () => linter.reloadConfig()));
  const linter = new DraftLinter(log, (files) => watcher.watchFiles(files));
  const statusBar = new CountsStatusBar(linter);
  const updateStatus = guard(log, 'Updating the status bar failed', () => statusBar.update());

  context.subscriptions.push(
    output,
    linter,
    watcher,
    statusBar,
    ...registerCommands(linter, log, output),
    vscode.languages.registerCodeActionsProvider(DOCUMENTS, new CitationActionProvider(linter, log), CitationActionProvider.metadata),
    vscode.languages.registerHoverProvider(DOCUMENTS, new ClaimHoverProvider(linter, log)),
    vscode.workspace.onDidOpenTextDocument(guard(log, 'Linting an opened draft failed', (d: vscode.TextDocument) => linter.trigger(d, 'open'))),
    vscode.workspace.onDidChangeTextDocument(
      guard(log, 'Linting a changed draft failed', (e: vscode.TextDocumentChangeEvent) => {
        if (e.contentChanges.length > 0) linter.trigger(e.document, 'type');
      }),
    ),
    vscode.workspace.onDidSaveTextDocument(guard(log, 'Linting a saved draft failed', (d: vscode.TextDocument) => linter.trigger(d, 'save'))),
    vscode.workspace.onDidCloseTextDocument(guard(log, 'Forgetting a closed draft failed', (d: vscode.TextDocument) => linter.forget(d.uri))),
    vscode.workspace.onDidChangeConfiguration(
      guard(log, 'Applying changed settings failed', (e: vscode.ConfigurationChangeEvent) => {
        if (!e.affectsConfiguration(SECTION)) return;
        reportSettingsProblems(log);
        linter.reloadConfig();
      }),
    ),
    vscode.workspace.onDidGrantWorkspaceTrust(
      guard(log, 'Reloading the config after trust failed', () => {
        log.info('The workspace is now trusted: its config files apply in full.');
        linter.reloadConfig();
      }),
    ),
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    linter.onDidLint(updateStatus),
  );

  reportSettingsProblems(log);
  if (!vscode.workspace.isTrusted) {
    const message =
      'alliance-cite: this workspace is not trusted, so lexicon entries and source patterns from its .alliance-cite.yaml files are ignored; the shipped ones apply. Trust the workspace to use them.';
    log.warn(message);
    void vscode.window.showInformationMessage(message);
  }
  for (const document of vscode.workspace.textDocuments) linter.trigger(document, 'open');
  updateStatus();
  log.info('alliance-cite is active.');
  return { onDidLint: linter.onDidLint, isLintPending: (uri) => linter.isLintPending(uri) };
}

export function deactivate(): void {
  // Everything is disposed through the context's subscriptions.
}

function reportSettingsProblems(log: Logger): void {
  for (const problem of settingsProblems()) log.warn(problem);
}

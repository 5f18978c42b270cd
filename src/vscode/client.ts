// The VS Code side of the extension, shared by the desktop and the web build: a thin language
// client. Linting, code actions, hovers and the claims list happen in the language server
// (src/server/); the client adds what only the editor has: the status bar, notifications,
// commands, the claims view, the installed rule pages, and workspace trust.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { STATUS_NOTIFICATION, TRUST_NOTIFICATION, type DocumentStatus, type InitializationOptions, type TrustParams } from '../server/protocol';
import { registerStubAdded } from './actions';
import { ClaimsView } from './claimsView';
import { registerCommands } from './commands';
import { InstalledDocs } from './docs';
import { registerFileAccess } from './files';
import { DocumentStatuses } from './statuses';
import { CountsStatusBar } from './statusBar';

/** What the extension exposes to other extensions and to its own tests. */
export interface AllianceCiteApi {
  /** Fires after a document's findings were published or cleared. */
  readonly onDidLint: vscode.Event<vscode.Uri>;
  /** Whether a lint of the document is under way or waiting for typing to pause. */
  isLintPending(uri: vscode.Uri): boolean;
  /** Fires after every diagnostics report for a document version, changed or not (for measurements). */
  readonly onDidReport: vscode.Event<LintReport>;
  /** What the status bar item shows now. */
  statusBar(): ReturnType<CountsStatusBar['snapshot']>;
  /** The claims view's data: its tree as VS Code reads it, and a way to list the claims again. */
  readonly claims: { provider: Pick<ClaimsView, 'getChildren' | 'getTreeItem'>; refresh(): Promise<void> };
}

export interface LintReport {
  uri: vscode.Uri;
  version: number | undefined;
  changed: boolean;
}

export const CLIENT_ID = 'alliance-cite';

/** Makes the language client of one platform (the server in a process, or in a web worker). */
export type ClientFactory = (options: LanguageClientOptions) => Promise<BaseLanguageClient>;

export async function activateClient(context: vscode.ExtensionContext, createClient: ClientFactory): Promise<AllianceCiteApi> {
  const output = vscode.window.createOutputChannel('alliance-cite', { log: true });
  const linted = new vscode.EventEmitter<vscode.Uri>();
  const reported = new vscode.EventEmitter<LintReport>();
  const docs = new InstalledDocs(context.extensionUri);
  const inFlight = new Map<string, number>();
  const track = (uri: string, delta: number): void => {
    const count = (inFlight.get(uri) ?? 0) + delta;
    if (count > 0) inFlight.set(uri, count);
    else inFlight.delete(uri);
  };
  // Fired once the client has stored the findings (it does so right after the middleware returns).
  const fireLinted = (uri: vscode.Uri): void => void setTimeout(() => linted.fire(uri), 0);

  const clientOptions: LanguageClientOptions = {
    // Documents of the workspace's file systems (local, remote, virtual) and Markdown anywhere go
    // to the server, which decides what is a draft from the settings (`languages`,
    // `fileExtensions`), so a settings change needs no restart. Output panels stay out.
    documentSelector: [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { language: 'markdown' }],
    outputChannel: output,
    revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never: failures are logged, not thrown at the writer */,
    diagnosticPullOptions: { onChange: true, onSave: true },
    markdown: { isTrusted: false, supportHtml: false },
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, pullsOnSave: true, statusNotifications: true, stubNotices: true }),
    middleware: {
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const uri = document instanceof vscode.Uri ? document : document.uri;
        const version = document instanceof vscode.Uri ? undefined : document.version;
        track(uri.toString(), 1);
        try {
          const report = await next(document, previousResultId, token);
          if (report?.kind === 'full') {
            for (const d of report.items) docs.localizeDiagnostic(d);
            fireLinted(uri);
          }
          if (report) setTimeout(() => reported.fire({ uri, version, changed: report.kind === 'full' }), 0);
          return report;
        } finally {
          track(uri.toString(), -1);
        }
      },
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) docs.localizeDiagnostic(d);
        next(uri, diagnostics);
        fireLinted(uri);
      },
    },
  };

  const client = await createClient(clientOptions);
  const statuses = new DocumentStatuses(client, output);
  const statusBar = new CountsStatusBar((uri) => statuses.get(uri));
  statuses.attach(statusBar);
  const claims = new ClaimsView(client, output);
  context.subscriptions.push(
    output,
    linted,
    reported,
    statusBar,
    statuses,
    docs,
    { dispose: () => void client.stop() },
    ...registerCommands(client, output, { docs, claims }),
    registerStubAdded(),
    claims.register(linted.event),
    vscode.languages.onDidChangeDiagnostics(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('The workspace is now trusted: its config files apply in full.');
      void client.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams);
    }),
  );
  registerFileAccess(client);
  client.onNotification(STATUS_NOTIFICATION, (status: DocumentStatus) => statuses.accept(status));
  // The claims view and its commands are shown once the extension runs (a Markdown file was opened).
  void vscode.commands.executeCommand('setContext', 'alliance-cite.active', true);

  if (!vscode.workspace.isTrusted) {
    // The server says so in the output as well.
    void vscode.window.showInformationMessage(
      'alliance-cite: this workspace is not trusted, so lexicon entries and source patterns from its .alliance-cite.yaml files are ignored; the shipped ones apply. Trust the workspace to use them.',
    );
  }
  try {
    await client.start();
    output.info('alliance-cite is active.');
  } catch (error) {
    output.error(`The alliance-cite language server could not be started: ${error instanceof Error ? error.message : String(error)}`);
  }
  statusBar.update();
  return {
    onDidLint: linted.event,
    onDidReport: reported.event,
    isLintPending: (uri) => inFlight.has(uri.toString()) && statuses.get(uri)?.onSave === undefined,
    statusBar: () => statusBar.snapshot(),
    claims: { provider: claims, refresh: () => claims.refresh() },
  };
}

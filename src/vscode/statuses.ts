// What the server says about each document (status notifications), and what the client does with
// it beyond the status bar: a config problem is announced once with a button that opens the config
// at the problem, and a draft with more findings than the editor is sent gets the lines in view
// reported to the server, which sends the findings there first. The server is also told when a
// document's last tab closes: VS Code then drops its findings while keeping it open.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { HIDDEN_NOTIFICATION, VISIBLE_RANGES_NOTIFICATION, type DocumentStatus, type HiddenParams, type VisibleRangesParams } from '../server/protocol';
import { openConfigProblem, type CountsStatusBar } from './statusBar';

/** Pause after scrolling before the lines in view are reported. */
const SCROLL_SETTLE_MS = 150;

export class DocumentStatuses implements vscode.Disposable {
  private readonly statuses = new Map<string, DocumentStatus>();
  /** Config problems already announced, so each is announced once until it is fixed. */
  private readonly announced = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private scrollTimer: ReturnType<typeof setTimeout> | undefined;
  private statusBar: CountsStatusBar | undefined;

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.get(e.textEditor.document.uri)?.truncated) return;
        clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.sendVisibleRanges(e.textEditor), SCROLL_SETTLE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.statuses.delete(document.uri.toString());
        this.statusBar?.update();
      }),
      vscode.window.tabGroups.onDidChangeTabs((e) => {
        for (const tab of e.closed) if (tab.input instanceof vscode.TabInputText) this.hiddenIfNoTab(tab.input.uri);
      }),
    );
  }

  /** Tells the server about a document no tab shows any more (VS Code has dropped its pulled findings). */
  private hiddenIfNoTab(uri: vscode.Uri): void {
    const key = uri.toString();
    const shown = vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
    if (shown || !this.statuses.get(key)?.draft) return;
    void this.client.sendNotification(HIDDEN_NOTIFICATION, { uri: this.client.code2ProtocolConverter.asUri(uri) } satisfies HiddenParams);
  }

  attach(statusBar: CountsStatusBar): void {
    this.statusBar = statusBar;
  }

  get(uri: vscode.Uri): DocumentStatus | undefined {
    return this.statuses.get(uri.toString());
  }

  /** Takes a status notification from the server. */
  accept(status: DocumentStatus): void {
    const uri = vscode.Uri.parse(status.uri);
    const before = this.statuses.get(uri.toString());
    this.statuses.set(uri.toString(), status);
    this.statusBar?.update();
    if (status.configError) this.announceConfigProblem(status.configError);
    else if (before?.configError && ![...this.statuses.values()].some((s) => s.configError?.message === before.configError?.message)) this.announced.delete(before.configError.message);
    if (status.truncated && !before?.truncated) {
      for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === uri.toString()) this.sendVisibleRanges(editor);
    }
  }

  /** Says once, where the writer looks, that drafts are not checked, with a button to the problem. */
  private announceConfigProblem(error: NonNullable<DocumentStatus['configError']>): void {
    if (this.announced.has(error.message)) return;
    this.announced.add(error.message);
    const open = 'Open config';
    const buttons = error.file ? [open] : [];
    const where = error.file && error.problem ? `${vscode.workspace.asRelativePath(vscode.Uri.parse(error.file))}:${error.line ?? 1}:${error.column ?? 1}: ${error.problem}` : error.message;
    void vscode.window.showWarningMessage(`alliance-cite: drafts are not checked until the config is fixed \u2014 ${where}`, ...buttons).then(async (choice) => {
      if (choice === open && error.file) {
        try {
          await openConfigProblem(error.file, error.line ?? 1, error.column ?? 1);
        } catch (failure) {
          this.output.error(`Opening the config file failed: ${failure instanceof Error ? failure.message : String(failure)}`);
        }
      }
    });
  }

  private sendVisibleRanges(editor: vscode.TextEditor): void {
    const params: VisibleRangesParams = {
      uri: this.client.code2ProtocolConverter.asUri(editor.document.uri),
      ranges: editor.visibleRanges.map((r) => ({ start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } })),
    };
    void this.client.sendNotification(VISIBLE_RANGES_NOTIFICATION, params);
  }

  dispose(): void {
    clearTimeout(this.scrollTimer);
    for (const s of this.subscriptions) s.dispose();
  }
}

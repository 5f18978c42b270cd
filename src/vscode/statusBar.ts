// Status bar item: finding counts for the active draft; a click opens the Problems panel, or,
// when the draft's config has a problem, the config file at the problem. A draft with more
// findings than the editor is sent shows the full counts and how many are shown.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../server/protocol';

export const OPEN_CONFIG_PROBLEM = 'alliance-cite.openConfigProblem';

export class CountsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alliance-cite.counts', vscode.StatusBarAlignment.Right, 100);

  /** `status` is what the server last said about a document (undefined: not linted yet). */
  constructor(private readonly status: (uri: vscode.Uri) => DocumentStatus | undefined) {
    this.item.name = 'alliance-cite';
    this.item.command = 'workbench.actions.view.problems';
  }

  /** What the item shows now (for the extension's tests and other extensions). */
  snapshot(): { visible: boolean; text: string; tooltip: string; command?: vscode.Command } {
    const command = typeof this.item.command === 'string' ? { command: this.item.command, title: '' } : this.item.command;
    return { visible: this.shown, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '', command };
  }

  private shown = false;

  /** Shows the counts of the active editor's draft, or hides the item for other editors. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.status(document.uri);
    if (!document || !status?.draft) {
      this.hide();
      return;
    }
    const error = status.configError;
    if (error) {
      this.item.text = '$(warning) alliance-cite: config error';
      this.item.tooltip = `${error.message}\nThe draft is not checked until the config is fixed. Click to open the config file at the problem.`;
      this.item.command = error.file
        ? { command: OPEN_CONFIG_PROBLEM, title: 'Open the config file at the problem', arguments: [error.file, error.line ?? 1, error.column ?? 1] }
        : 'workbench.actions.view.problems';
      this.show();
      return;
    }
    this.item.command = 'workbench.actions.view.problems';
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of vscode.languages.getDiagnostics(document.uri)) {
      if (d.source !== 'alliance-cite') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else if (d.severity === vscode.DiagnosticSeverity.Information) counts.infos++;
    }
    const truncated = status.truncated;
    if (truncated) {
      counts.errors = truncated.errors;
      counts.warnings = truncated.warnings;
    }
    const total = truncated ? truncated.total : counts.errors + counts.warnings + counts.infos;
    const onSave = status.onSave;
    const suffix = onSave === 'size' || onSave === 'slow' ? ' (on save)' : '';
    const shown = truncated ? ` \u00b7 ${truncated.shown} shown` : '';
    this.item.text = total === 0 ? `$(check) alliance-cite${suffix}` : `$(error) ${counts.errors} $(warning) ${counts.warnings} alliance-cite${shown}${suffix}`;
    const lines = [total === 0 ? 'alliance-cite: no findings in this draft' : `alliance-cite: ${counts.errors} errors, ${counts.warnings} warnings, ${total - counts.errors - counts.warnings} notes`];
    if (truncated) {
      lines.push(`The editor shows ${truncated.shown} of ${truncated.total} findings (alliance-cite.maxProblems): those in view first, then errors. Run alliance-cite on the file for all of them.`);
    }
    if (onSave === 'size') lines.push('This draft is large, so it is linted on save only (alliance-cite.onTypeMaxChars).');
    if (onSave === 'slow') lines.push('Linting this draft was slow, so it is linted on save only (alliance-cite.onTypeMaxMillis).');
    if (onSave === 'setting') lines.push('Linted on save (alliance-cite.run).');
    lines.push('Click to open the Problems panel.');
    this.item.tooltip = lines.join('\n');
    this.show();
  }

  private show(): void {
    this.shown = true;
    this.item.show();
  }

  private hide(): void {
    this.shown = false;
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Opens a config file with the cursor on a problem (1-based line and column, as the server reports them). */
export async function openConfigProblem(file: string, line: number, column: number): Promise<void> {
  const position = new vscode.Position(Math.max(0, line - 1), Math.max(0, column - 1));
  await vscode.window.showTextDocument(vscode.Uri.parse(file), { selection: new vscode.Range(position, position) });
}

// Status bar item: finding counts for the active draft; a click opens the Problems panel.
import * as vscode from 'vscode';
import type { DocumentStatus } from '../server/protocol';

export class CountsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('alliance-cite.counts', vscode.StatusBarAlignment.Right, 100);

  /** `status` is what the server last said about a document (undefined: not linted yet). */
  constructor(private readonly status: (uri: vscode.Uri) => DocumentStatus | undefined) {
    this.item.name = 'alliance-cite';
    this.item.command = 'workbench.actions.view.problems';
  }

  /** Shows the counts of the active editor's draft, or hides the item for other editors. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.status(document.uri);
    if (!document || !status?.draft) {
      this.item.hide();
      return;
    }
    if (status.configError) {
      this.item.text = '$(warning) alliance-cite: config error';
      this.item.tooltip = `${status.configError.message}\nThe draft is not linted until the config is fixed.`;
      this.item.show();
      return;
    }
    const counts = { errors: 0, warnings: 0, infos: 0 };
    for (const d of vscode.languages.getDiagnostics(document.uri)) {
      if (d.source !== 'alliance-cite') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
      else counts.infos++;
    }
    const total = counts.errors + counts.warnings + counts.infos;
    const onSave = status.onSave;
    const suffix = onSave === 'size' || onSave === 'slow' ? ' (on save)' : '';
    this.item.text = total === 0 ? `$(check) alliance-cite${suffix}` : `$(error) ${counts.errors} $(warning) ${counts.warnings} alliance-cite${suffix}`;
    const lines = [total === 0 ? 'alliance-cite: no findings in this draft' : `alliance-cite: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} notes`];
    if (onSave === 'size') lines.push('This draft is large, so it is linted on save only (alliance-cite.onTypeMaxChars).');
    if (onSave === 'slow') lines.push('Linting this draft was slow, so it is linted on save only (alliance-cite.onTypeMaxMillis).');
    if (onSave === 'setting') lines.push('Linted on save (alliance-cite.run).');
    lines.push('Click to open the Problems panel.');
    this.item.tooltip = lines.join('\n');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

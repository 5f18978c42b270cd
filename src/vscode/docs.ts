// The documentation shipped in the .vsix, opened inside VS Code: rule links in the Problems panel
// point at the installed `docs/rules/<id>.md` (the page of the version the writer runs, offline)
// instead of the web, and a page of ours opened as text is shown as a Markdown preview.
import * as vscode from 'vscode';

/** The rule id of a link to a rule page (on the web or installed). */
const RULE_PAGE = /\/docs\/rules\/([a-z][a-z-]*)\.md$/;

export class InstalledDocs implements vscode.Disposable {
  private readonly root: vscode.Uri;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(extensionUri: vscode.Uri) {
    this.root = vscode.Uri.joinPath(extensionUri, 'docs');
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor((editor) => void this.previewIfOurs(editor)));
  }

  /** The installed page of a rule. */
  rulePage(rule: string): vscode.Uri {
    return vscode.Uri.joinPath(this.root, 'rules', `${rule}.md`);
  }

  /** The installed config reference. */
  configReference(): vscode.Uri {
    return vscode.Uri.joinPath(this.root, 'config.md');
  }

  /** Points a diagnostic's rule link at the installed page. */
  localizeDiagnostic(diagnostic: vscode.Diagnostic): void {
    const code = diagnostic.code;
    if (typeof code !== 'object' || code === null || !('target' in code)) return;
    const rule = RULE_PAGE.exec(code.target.path)?.[1];
    if (rule) diagnostic.code = { value: code.value, target: this.rulePage(rule) };
  }

  /** Opens one of our pages as a rendered preview, in place of its source. */
  async showPreview(uri: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }

  /** A page of ours opened as text (from a rule link) is replaced by its preview. */
  private async previewIfOurs(editor: vscode.TextEditor | undefined): Promise<void> {
    const uri = editor?.document.uri;
    if (!uri || !this.isOurs(uri)) return;
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    await this.showPreview(uri);
    if (tab?.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) await vscode.window.tabGroups.close(tab);
  }

  private isOurs(uri: vscode.Uri): boolean {
    const root = this.root.toString();
    return uri.toString().startsWith(`${root}/`) && uri.path.endsWith('.md');
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

// Re-lints open drafts when a config file changes: any `.alliance-cite.yaml` / `.yml` in the
// workspace, and config files outside it that drafts were linted with (e.g. `configPath`).
import * as path from 'node:path';
import * as vscode from 'vscode';

export const CONFIG_GLOB = '**/.alliance-cite.{yaml,yml}';

export class ConfigWatcher implements vscode.Disposable {
  private readonly workspaceWatcher: vscode.FileSystemWatcher;
  private readonly outside = new Map<string, vscode.FileSystemWatcher>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly onChange: (uri: vscode.Uri) => void) {
    this.workspaceWatcher = this.watch(CONFIG_GLOB);
  }

  /** Watches config files a draft was linted with that the workspace glob does not cover. */
  watchFiles(files: readonly string[]): void {
    for (const file of files) {
      if (this.outside.has(file) || insideWorkspace(file)) continue;
      this.outside.set(file, this.watch(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file))));
    }
  }

  dispose(): void {
    this.workspaceWatcher.dispose();
    for (const watcher of this.outside.values()) watcher.dispose();
    this.outside.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  private watch(pattern: vscode.GlobPattern): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    this.subscriptions.push(watcher.onDidChange(this.onChange), watcher.onDidCreate(this.onChange), watcher.onDidDelete(this.onChange));
    return watcher;
  }
}

function insideWorkspace(file: string): boolean {
  return (vscode.workspace.workspaceFolders ?? []).some((folder) => {
    if (folder.uri.scheme !== 'file') return false;
    const relative = path.relative(folder.uri.fsPath, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}

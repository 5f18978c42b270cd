// What the server tells the client about config files: the problems of a config that could not
// be used, shown on the file itself, and which files to watch (the workspace's, and those outside
// it that drafts use, such as `configPath`).
import { DidChangeWatchedFilesNotification, type ClientCapabilities, type Connection, type Diagnostic, type FileSystemWatcher } from 'vscode-languageserver';
import type { ConfigProblem } from './configSource';
import { folderOf } from './uriConfig';

export const CONFIG_GLOB = '**/.alliance-cite.{yaml,yml}';

export class ConfigFiles {
  private readonly problemUris = new Set<string>();
  private readonly watchedOutside = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly capabilities: () => ClientCapabilities,
  ) {}

  /** Asks the client to report changes of config files in the workspace, where it can. */
  watchWorkspace(): void {
    if (this.capabilities().workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }] });
    }
  }

  /** Watches config files outside the workspace folders, where the workspace glob does not reach. */
  watchOutside(files: readonly string[], folders: readonly string[]): void {
    const watching = this.capabilities().workspace?.didChangeWatchedFiles;
    if (!watching?.dynamicRegistration || watching.relativePatternSupport !== true) return;
    const fresh = files.filter((f) => !this.watchedOutside.has(f) && folderOf(f, folders) === undefined);
    if (fresh.length === 0) return;
    for (const file of fresh) this.watchedOutside.add(file);
    const watchers: FileSystemWatcher[] = fresh.map((file) => {
      const slash = file.lastIndexOf('/');
      return { globPattern: { baseUri: file.slice(0, slash), pattern: file.slice(slash + 1) } };
    });
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** Watches single files wherever they are (a baseline file named by a config). */
  watchFiles(files: readonly string[]): void {
    const watching = this.capabilities().workspace?.didChangeWatchedFiles;
    if (!watching?.dynamicRegistration) return;
    const fresh = files.filter((f) => !this.watchedOutside.has(f));
    if (fresh.length === 0) return;
    for (const file of fresh) this.watchedOutside.add(file);
    const watchers: FileSystemWatcher[] = fresh.map((file) => {
      const slash = file.lastIndexOf('/');
      // Without relative patterns, a glob on the file's name (any folder) is the closest a client takes.
      return { globPattern: watching.relativePatternSupport === true ? { baseUri: file.slice(0, slash), pattern: file.slice(slash + 1) } : `**/${file.slice(slash + 1)}` };
    });
    void this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** Shows every located problem of a config that could not be used on the config file itself. */
  publishProblem(problem: ConfigProblem): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const located of problem.located) {
      const line = Math.max(0, located.line - 1);
      const character = Math.max(0, located.column - 1);
      const diagnostic: Diagnostic = { range: { start: { line, character }, end: { line, character: character + 1 } }, message: located.message, severity: 1, source: 'alliance-cite' };
      byUri.set(located.uri, [...(byUri.get(located.uri) ?? []), diagnostic]);
    }
    for (const [uri, diagnostics] of byUri) {
      this.problemUris.add(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** Clears the problems shown on config files (they are read again). */
  clearProblems(): void {
    for (const uri of this.problemUris) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.problemUris.clear();
  }
}

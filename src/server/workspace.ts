// The workspace command: lints every draft of the workspace folders, as the CLI finds them, and
// pushes the findings of closed drafts (open ones report through their own diagnostics).
import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver';
import { lint } from '../core';
import type { ConfigProblem, Platform } from './configSource';
import { noteToDiagnostic, Positions, toDiagnostic } from './convert';
import type { DraftLinter, Log } from './linter';
import type { LintWorkspaceResult } from './protocol';
import type { Settings } from './settings';

export interface WorkspaceLintHost {
  platform: Platform;
  linter: DraftLinter;
  folders(): readonly string[];
  settings(uri: string): Promise<Settings>;
  trusted(): boolean;
  isOpen(uri: string): boolean;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  configProblem(problem: ConfigProblem): void;
  log: Log;
}

export async function lintWorkspace(host: WorkspaceLintHost, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<LintWorkspaceResult> {
  const found = new Set<string>();
  for (const folder of host.folders()) {
    const settings = await host.settings(folder);
    for (const uri of await host.platform.findDrafts(folder, settings, host.trusted(), host.folders())) found.add(uri);
  }
  const files = [...found];
  let findings = 0;
  let linted = 0;
  progress.begin('alliance-cite: linting the workspace', 0, undefined, true);
  try {
    for (const uri of files) {
      if (token.isCancellationRequested) break;
      progress.report(Math.round((100 * linted) / Math.max(1, files.length)), shortName(uri));
      try {
        findings += host.isOpen(uri) ? ((await host.linter.current(uri, token, true))?.result.diagnostics.length ?? 0) : await lintClosed(host, uri);
        linted++;
      } catch (error) {
        if (token.isCancellationRequested) break;
        host.log.error(`Linting ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      // Yield between files so cancellation and other requests are answered while a large workspace is linted.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    progress.done();
  }
  host.log.info(`Linted ${linted} of ${files.length} drafts in the workspace: ${findings} findings.`);
  return { linted, total: files.length, findings, cancelled: token.isCancellationRequested };
}

/** Lints a closed draft and publishes its findings; returns their number. */
async function lintClosed(host: WorkspaceLintHost, uri: string): Promise<number> {
  const settings = await host.settings(uri);
  const outcome = await host.platform.resolveConfig({ uri, settings, trusted: host.trusted(), folders: host.folders() });
  if (!outcome.ok) {
    host.log.warn(`${outcome.problem.message} (${uri} was not linted)`);
    host.configProblem(outcome.problem);
    return 0;
  }
  const text = await host.platform.readText(uri);
  const result = lint(text, { config: outcome.value.config, asOf: settings.asOf });
  const positions = new Positions(text);
  host.publish(uri, [...result.diagnostics.map((d) => toDiagnostic(positions, uri, d)), ...result.notes.map((n) => noteToDiagnostic(positions, n))]);
  return result.diagnostics.length;
}

function shortName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

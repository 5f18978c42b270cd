// The workspace command: lints every draft of the workspace folders, as the CLI finds them, and
// pushes the findings of closed drafts (open ones report through their own diagnostics). Once it
// has run, a draft that is closed gets its findings back (linted from disk), and a config change
// lints the closed drafts again, so the Problems panel never keeps stale or vanished results.
import { DiagnosticSeverity, type CancellationToken, type Diagnostic, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { lint } from '../core';
import type { ConfigProblem, Platform } from './configSource';
import { configProblemDiagnostic, Positions } from './convert';
import type { DraftLinter, LintedDocument, Log } from './linter';
import { editorDiagnostics, selectForEditor } from './select';
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

/** What one closed draft's lint found. */
interface ClosedOutcome {
  errors: number;
  warnings: number;
  findings: number;
  configProblem: boolean;
}

/** The drafts the workspace lint has reported on (closed ones get their findings back when closed). */
export class WorkspaceResults {
  /** Whether the workspace lint has run since the server started. */
  ran = false;
  readonly drafts = new Set<string>();

  /** Bumped by every refresh, so an older one stops when a newer change starts another. */
  private generation = 0;

  /** Lints closed drafts the workspace lint reported on again (a config or settings change), one at a time. */
  async refresh(host: WorkspaceLintHost): Promise<void> {
    const generation = ++this.generation;
    for (const uri of [...this.drafts]) {
      if (generation !== this.generation) return;
      if (host.isOpen(uri)) continue;
      try {
        await lintClosed(host, uri);
      } catch (error) {
        host.log.error(`Linting ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}

export async function lintWorkspace(host: WorkspaceLintHost, results: WorkspaceResults, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<LintWorkspaceResult> {
  const found = new Set<string>();
  for (const folder of host.folders()) {
    const settings = await host.settings(folder);
    for (const uri of await host.platform.findDrafts(folder, settings, host.trusted(), host.folders())) found.add(uri);
  }
  const files = [...found];
  const totals = { findings: 0, withFindings: 0, errors: 0, warnings: 0, configErrors: 0 };
  let linted = 0;
  progress.begin('alliance-cite: linting the workspace', 0, undefined, true);
  try {
    for (const uri of files) {
      if (token.isCancellationRequested) break;
      progress.report(Math.round((100 * linted) / Math.max(1, files.length)), shortName(uri));
      try {
        const outcome = host.isOpen(uri) ? await lintOpen(host, uri, token) : await lintClosed(host, uri);
        results.drafts.add(uri);
        totals.findings += outcome.findings;
        totals.errors += outcome.errors;
        totals.warnings += outcome.warnings;
        if (outcome.findings > 0) totals.withFindings++;
        if (outcome.configProblem) totals.configErrors++;
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
  results.ran = true;
  const cancelled = token.isCancellationRequested;
  const summary = workspaceSummary(linted, files.length, totals, cancelled);
  host.log.info(summary);
  return { linted, total: files.length, ...totals, cancelled, summary };
}

/** "Linted 12 drafts: 34 findings in 5 drafts (12 errors, 22 warnings)." */
export function workspaceSummary(linted: number, total: number, t: { findings: number; withFindings: number; errors: number; warnings: number; configErrors: number }, cancelled: boolean): string {
  const head = cancelled ? `Stopped after ${linted} of ${count(total, 'draft')}` : `Linted ${count(linted, 'draft')}`;
  const body = t.findings === 0 ? 'no findings' : `${count(t.findings, 'finding')} in ${count(t.withFindings, 'draft')} (${count(t.errors, 'error')}, ${count(t.warnings, 'warning')})`;
  const config = t.configErrors > 0 ? `; ${count(t.configErrors, 'draft')} not checked because of a config problem` : '';
  return `${head}: ${body}${config}.`;
}

async function lintOpen(host: WorkspaceLintHost, uri: string, token: CancellationToken): Promise<ClosedOutcome> {
  const linted = await host.linter.current(uri, token, true);
  if (!linted) return { findings: 0, errors: 0, warnings: 0, configProblem: false };
  return outcomeOf(editorDiagnostics(linted), false);
}

/** Lints a closed draft from its file and publishes its findings (or, with a broken config, the warning that says so). */
export async function lintClosed(host: WorkspaceLintHost, uri: string): Promise<ClosedOutcome> {
  const settings = await host.settings(uri);
  const outcome = await host.platform.resolveConfig({ uri, settings, trusted: host.trusted(), folders: host.folders() });
  const text = await host.platform.readText(uri);
  if (!outcome.ok) {
    host.log.warn(`${outcome.problem.message} (${uri} was not linted)`);
    host.configProblem(outcome.problem);
    const warning = configProblemDiagnostic(text, outcome.problem);
    host.publish(uri, [warning]);
    return { findings: 0, errors: 0, warnings: 0, configProblem: true };
  }
  if (outcome.value.ignores(uri)) {
    host.publish(uri, []);
    return outcomeOf([], false);
  }
  const result = lint(text, { config: outcome.value.config, asOf: settings.asOf });
  const known = resolveKnown(host.platform, outcome.value.baseline, settings, uri, text, result.diagnostics);
  const linted: LintedDocument = { uri, version: 0, positions: new Positions(text), result, config: outcome.value.config, asOf: settings.asOf, known, baselineMode: settings.baseline };
  const diagnostics = editorDiagnostics(linted);
  host.publish(uri, selectForEditor(diagnostics, settings.maxProblems, undefined));
  return outcomeOf(diagnostics, false);
}

function resolveKnown(platform: Platform, baseline: string | undefined, settings: Settings, uri: string, text: string, findings: readonly { rule: string; start: number; end: number }[]): boolean[] {
  if (!baseline || settings.baseline === 'show' || !platform.baselineKnown || findings.length === 0) return [];
  const known = platform.baselineKnown(baseline, uri, text, findings);
  return Array.isArray(known) ? known : [];
}

function outcomeOf(diagnostics: readonly Diagnostic[], configProblem: boolean): ClosedOutcome {
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const warnings = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
  return { errors, warnings, findings: diagnostics.filter((d) => d.severity !== DiagnosticSeverity.Hint).length, configProblem };
}

function count(n: number, singular: string): string {
  return `${n} ${n === 1 ? singular : `${singular}s`}`;
}

function shortName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

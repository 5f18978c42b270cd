// Lints open drafts with the core and publishes the findings. Typing is debounced; each lint gets
// a generation number and a result is dropped when a newer generation was started meanwhile.
import * as vscode from 'vscode';
import { createLintSession, lint, type Config, type LintResult, type LintSession } from '../core';
import { createIgnoreMatcher } from '../node/files';
import { clearResolvedConfigs, resolveConfig, type ConfigProblem, type ResolvedConfig } from './configResolver';
import { noteToDiagnostic, positionedText, toDiagnostic } from './convert';
import type { Logger } from './logger';
import { isDraft, readSettings, type Settings } from './settings';

export type LintTrigger = 'open' | 'type' | 'save' | 'config' | 'command';

/** The latest lint of one document version, kept for quick-fixes and hovers. */
export interface DocumentResult {
  version: number;
  result: LintResult;
  config: Config;
  asOf: string | undefined;
}

/** Why a draft is linted on save only although on-type linting is on. */
export type OnSaveReason = 'size' | 'slow';

interface DocumentState {
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  session?: LintSession;
  sessionKey?: string;
  latest?: DocumentResult;
  /** A result computed for quick-fixes without publishing (on-save mode). */
  quiet?: DocumentResult;
  onSaveOnly?: OnSaveReason;
  configProblem?: ConfigProblem;
}

export class DraftLinter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('alliance-cite');
  /** Problems in config files, shown on the config file itself. */
  private readonly configCollection = vscode.languages.createDiagnosticCollection('alliance-cite-config');
  private readonly states = new Map<string, DocumentState>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were published or cleared. */
  readonly onDidLint = this.changed.event;
  /** Bumped whenever config files or settings change, so sessions are rebuilt. */
  private configEpoch = 0;
  private readonly reportedNotes = new Set<string>();

  constructor(
    private readonly log: Logger,
    /** Told which config files each lint used, so they can be watched. */
    private readonly onConfigFiles: (files: readonly string[]) => void = () => undefined,
  ) {}

  /** Schedules a lint of a document for the given trigger, honouring the run mode and debounce. */
  trigger(document: vscode.TextDocument, trigger: LintTrigger): void {
    const settings = readSettings(document.uri);
    if (!settings.enable || !isDraft(document, settings)) {
      if (this.states.has(key(document.uri)) || this.collection.has(document.uri)) this.forget(document.uri);
      return;
    }
    const state = this.state(document.uri);
    if (trigger === 'type' && (settings.run === 'onSave' || state.onSaveOnly)) return;
    if (state.timer) clearTimeout(state.timer);
    const generation = ++state.generation;
    const delay = trigger === 'type' ? settings.debounceMs : 0;
    state.timer = setTimeout(() => {
      state.timer = undefined;
      this.lintIfCurrent(document, generation, settings, trigger);
    }, delay);
  }

  /**
   * Returns findings for the document's current text, linting now if the last result is outdated.
   * `quiet` (quick-fixes, hovers) does not publish where drafts are linted on save only, so moving
   * the cursor does not update the Problems panel, and a large draft is not linted at all.
   */
  resultFor(document: vscode.TextDocument, mode: 'quiet' | 'publish' = 'quiet'): DocumentResult | undefined {
    const settings = readSettings(document.uri);
    if (!settings.enable || !isDraft(document, settings)) return undefined;
    const state = this.state(document.uri);
    if (state.latest?.version === document.version) return state.latest;
    if (mode === 'quiet' && state.onSaveOnly) return undefined;
    if (mode === 'quiet' && settings.run === 'onSave') {
      if (state.quiet?.version !== document.version) state.quiet = this.quietLint(document, settings);
      return state.quiet;
    }
    const generation = ++state.generation;
    this.lintIfCurrent(document, generation, settings, 'command');
    return state.latest?.version === document.version ? state.latest : undefined;
  }

  /** Whether a lint of the document is scheduled (e.g. waiting for typing to pause). */
  isLintPending(uri: vscode.Uri): boolean {
    return this.states.get(key(uri))?.timer !== undefined;
  }

  /** Why the document is linted on save only, if it is. */
  onSaveOnly(uri: vscode.Uri): OnSaveReason | undefined {
    return this.states.get(key(uri))?.onSaveOnly;
  }

  configProblem(uri: vscode.Uri): ConfigProblem | undefined {
    return this.states.get(key(uri))?.configProblem;
  }

  /** Re-reads config files and settings, then re-lints every open draft. */
  reloadConfig(): void {
    this.configEpoch++;
    clearResolvedConfigs();
    this.configCollection.clear();
    this.reportedNotes.clear();
    for (const state of this.states.values()) state.onSaveOnly = undefined;
    for (const document of vscode.workspace.textDocuments) this.trigger(document, 'config');
  }

  /**
   * Lints a draft that is not open in an editor (workspace lint) and publishes its findings.
   * Returns the number of findings, or undefined when its config could not be used.
   */
  lintClosedFile(uri: vscode.Uri, text: string): number | undefined {
    const settings = readSettings(uri);
    const resolved = resolveConfig(uri, settings);
    if (!resolved.ok) {
      this.log.warn(`${resolved.problem.message} (${uri.fsPath} was not linted)`);
      this.showConfigProblem(resolved.problem);
      return undefined;
    }
    const result = lint(text, { config: resolved.value.config, asOf: settings.asOf });
    const target = positionedText(uri, text);
    this.collection.set(uri, [...result.diagnostics.map((d) => toDiagnostic(target, d)), ...result.notes.map((n) => noteToDiagnostic(target, n))]);
    this.changed.fire(uri);
    return result.diagnostics.length;
  }

  /** Drops a closed or no longer linted document's state and diagnostics. */
  forget(uri: vscode.Uri): void {
    const state = this.states.get(key(uri));
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(key(uri));
    this.collection.delete(uri);
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const state of this.states.values()) if (state.timer) clearTimeout(state.timer);
    this.states.clear();
    this.collection.dispose();
    this.configCollection.dispose();
    this.changed.dispose();
  }

  /** Lints without publishing or touching the editing session. */
  private quietLint(document: vscode.TextDocument, settings: Settings): DocumentResult | undefined {
    const resolved = resolveConfig(document.uri, settings);
    if (!resolved.ok || this.ignoredByConfig(document.uri, resolved.value)) return undefined;
    const result = lint(document.getText(), { config: resolved.value.config, asOf: settings.asOf });
    return { version: document.version, result, config: resolved.value.config, asOf: settings.asOf };
  }

  private ignoredByConfig(uri: vscode.Uri, resolved: ResolvedConfig): boolean {
    return uri.scheme === 'file' && createIgnoreMatcher(resolved.config.ignore, resolved.baseDir)(uri.fsPath);
  }

  private lintIfCurrent(document: vscode.TextDocument, generation: number, settings: Settings, trigger: LintTrigger): void {
    const state = this.states.get(key(document.uri));
    // A newer generation (another keystroke, a config change) supersedes this one.
    if (!state || state.generation !== generation || document.isClosed) return;
    try {
      this.lint(document, state, settings, trigger);
    } catch (error) {
      this.log.error(`Linting ${document.uri.fsPath} failed`, error);
    }
  }

  private lint(document: vscode.TextDocument, state: DocumentState, settings: Settings, trigger: LintTrigger): void {
    const resolved = resolveConfig(document.uri, settings);
    if (!resolved.ok) {
      if (state.configProblem?.message !== resolved.problem.message) {
        this.log.warn(`${resolved.problem.message} (${document.uri.fsPath} is not linted until the config is fixed)`);
      }
      this.showConfigProblem(resolved.problem);
      state.configProblem = resolved.problem;
      state.latest = undefined;
      this.collection.set(document.uri, []);
      this.changed.fire(document.uri);
      return;
    }
    state.configProblem = undefined;
    this.onConfigFiles(resolved.value.files);
    this.reportNotes(resolved.value.notes);
    if (this.ignoredByConfig(document.uri, resolved.value)) {
      // The config's `ignore` globs exclude this draft, as they do for the CLI.
      state.latest = undefined;
      this.collection.set(document.uri, []);
      this.changed.fire(document.uri);
      return;
    }
    const text = document.getText();
    if (text.length > settings.onTypeMaxChars && state.onSaveOnly !== 'size') {
      state.onSaveOnly = 'size';
      this.log.info(`${document.uri.fsPath} has ${text.length} characters; it is linted on save only.`);
    } else if (text.length <= settings.onTypeMaxChars && state.onSaveOnly === 'size') {
      state.onSaveOnly = undefined;
    }
    const sessionKey = `${this.configEpoch}|${settings.asOf ?? ''}|${resolved.value.files.join('|')}|${JSON.stringify(settings.rules)}|${settings.maxRetrievalAgeDays ?? ''}`;
    if (!state.session || state.sessionKey !== sessionKey) {
      state.session = createLintSession({ config: resolved.value.config, asOf: settings.asOf });
      state.sessionKey = sessionKey;
    }
    const started = Date.now();
    const result = state.session.update(text);
    const elapsed = Date.now() - started;
    if (trigger === 'type' && elapsed > settings.onTypeMaxMillis && !state.onSaveOnly) {
      state.onSaveOnly = 'slow';
      this.log.info(`Linting ${document.uri.fsPath} took ${elapsed} ms; it is linted on save only until the config changes.`);
    }
    state.latest = { version: document.version, result, config: resolved.value.config, asOf: settings.asOf };
    const diagnostics = [...result.diagnostics.map((d) => toDiagnostic(document, d)), ...result.notes.map((n) => noteToDiagnostic(document, n))];
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document.uri);
  }

  /** Shows every located problem of a config that could not be used on the config file itself. */
  private showConfigProblem(problem: ConfigProblem): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const located of problem.located) {
      const line = Math.max(0, located.line - 1);
      const column = Math.max(0, located.column - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + 1), located.message, vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'alliance-cite';
      byFile.set(located.file, [...(byFile.get(located.file) ?? []), diagnostic]);
    }
    for (const [file, diagnostics] of byFile) this.configCollection.set(vscode.Uri.file(file), diagnostics);
  }

  /** Logs each config note (e.g. what an untrusted workspace may not set) once per config load. */
  private reportNotes(notes: readonly string[]): void {
    for (const note of notes) {
      if (this.reportedNotes.has(note)) continue;
      this.reportedNotes.add(note);
      this.log.info(note);
    }
  }

  private state(uri: vscode.Uri): DocumentState {
    let state = this.states.get(key(uri));
    if (!state) {
      state = { generation: 0 };
      this.states.set(key(uri), state);
    }
    return state;
  }
}

function key(uri: vscode.Uri): string {
  return uri.toString();
}

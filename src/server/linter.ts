// Lints open drafts with the core and decides when: on open, after typing pauses (debounced), on
// save, and when config or settings change. Every change bumps a document's generation; a lint
// started for an older generation waits again or is dropped, so a stale result is never reported.
import { DiagnosticSeverity, LSPErrorCodes, ResponseError, type CancellationToken, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createLintSession, type Config, type LintResult, type LintSession } from '../core';
import type { ConfigProblem, Platform, ResolvedConfig } from './configSource';
import { configProblemDiagnostic, Positions } from './convert';
import type { DocumentStatus, OnSaveReason } from './protocol';
import { diagnosticKey, editorDiagnostics, selectForEditor } from './select';
import { isDraft, type Settings } from './settings';

/** The latest lint of one document version, kept for code actions and hovers. */
export interface LintedDocument {
  uri: string;
  version: number;
  positions: Positions;
  result: LintResult;
  config: Config;
  asOf: string | undefined;
  /** Per core diagnostic: whether the baseline records it (empty without a baseline). */
  known: boolean[];
  /** How baselined findings are shown. */
  baselineMode: Settings['baseline'];
}

export type Report = { kind: 'full'; resultId: string; items: Diagnostic[] } | { kind: 'unchanged'; resultId: string };

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the linter needs from the server around it. */
export interface LinterHost {
  document(uri: string): TextDocument | undefined;
  settings(uri: string): Promise<Settings>;
  platform: Platform;
  trusted(): boolean;
  folders(): readonly string[];
  log: Log;
  /** Tells the client what the server made of a document (status bar). */
  status(status: DocumentStatus): void;
  /** Shows the problems of a config that could not be used on the config files themselves. */
  configProblem(problem: ConfigProblem): void;
}

interface DocumentState {
  /** Bumped by every change, open, and config or settings change. */
  generation: number;
  /** When the last change arrived (typing is debounced from here). */
  changedAt: number;
  /** A change arrived since the last report. */
  typed: boolean;
  /** Saved since the last report (drafts linted on save only are linted again). */
  saved: boolean;
  /** Config files, settings or trust changed since the last report. */
  stale: boolean;
  session?: LintSession;
  sessionKey?: string;
  reported?: { resultId: string; version: number; items: Diagnostic[] };
  /** Every finding of the last report, before `maxProblems` chose what the editor is sent. */
  allItems?: Diagnostic[];
  /** The lines the writer sees (findings there are sent first when there are too many). */
  visible?: Range[];
  /** The visible lines changed since the last report of a draft with too many findings. */
  reselect?: boolean;
  /** Too many findings was logged for this draft (once until it has few enough again). */
  loggedTruncation?: boolean;
  latest?: LintedDocument;
  onSaveOnly?: 'size' | 'slow';
  lastStatus?: string;
  /** The config problem last logged for this document, so it is logged once. */
  loggedProblem?: string;
}

type Prepared =
  | { kind: 'ready'; document: TextDocument; settings: Settings; resolved: ResolvedConfig }
  | { kind: 'skip'; document?: TextDocument; settings?: Settings; draft: boolean; configError?: ConfigProblem };

export class DraftLinter {
  private readonly states = new Map<string, DocumentState>();
  private readonly reportedNotes = new Set<string>();
  /** Baseline problems already logged, so each is logged once per config load. */
  private readonly loggedBaselineProblems = new Set<string>();
  private resultCounter = 0;

  constructor(private readonly host: LinterHost) {}

  opened(uri: string): void {
    const state = this.state(uri);
    state.generation++;
    state.typed = false;
  }

  changed(uri: string): void {
    const state = this.state(uri);
    state.generation++;
    state.changedAt = Date.now();
    state.typed = true;
  }

  saved(uri: string): void {
    this.state(uri).saved = true;
  }

  closed(uri: string): void {
    this.states.delete(uri);
  }

  /** Marks every document for a new lint with the current config and settings. */
  configChanged(): void {
    this.reportedNotes.clear();
    this.loggedBaselineProblems.clear();
    for (const state of this.states.values()) {
      state.generation++;
      state.stale = true;
      state.onSaveOnly = undefined;
    }
  }

  uris(): string[] {
    return [...this.states.keys()];
  }

  /** Whether the document would be linted now by a report (not just answered from the last one). */
  lastResultId(uri: string): string | undefined {
    return this.states.get(uri)?.reported?.resultId;
  }

  /**
   * Reports the findings of a document, as a pull request wants them: the previous result when
   * nothing that matters changed (or the draft is linted on save only and was not saved), else a
   * new lint once typing has paused for the debounce time.
   */
  async report(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<Report> {
    const state = this.state(uri);
    let prepared: Prepared;
    for (;;) {
      const generation = state.generation;
      const document = this.host.document(uri);
      if (!document) return this.finish(state, 0, [], previousResultId);
      const settings = await this.host.settings(uri);
      throwIfCancelled(token);
      if (!settings.enable || !isDraft(document, settings)) {
        this.sendStatus(state, { uri, draft: false });
        return this.finish(state, document.version, [], previousResultId);
      }
      const onSave = this.onSaveReason(state, settings);
      const reported = state.reported;
      if (reported && !state.stale && (reported.version === document.version || (onSave && !state.saved))) {
        if (state.reselect && state.allItems) return this.present(state, uri, reported.version, state.allItems, settings, previousResultId, onSave);
        return reported.resultId === previousResultId ? { kind: 'unchanged', resultId: reported.resultId } : { kind: 'full', ...reported };
      }
      if (!onSave && state.typed) {
        const wait = state.changedAt + settings.debounceMs - Date.now();
        if (wait > 0) await delay(wait, token);
        // Another change arrived while waiting: wait for the pause after it instead.
        if (state.generation !== generation) continue;
      }
      prepared = await this.prepare(uri, token);
      throwIfCancelled(token);
      if (state.generation === generation) break;
    }
    if (prepared.kind === 'skip') {
      const version = prepared.document?.version ?? 0;
      const problem = prepared.configError;
      const first = problem?.located[0];
      this.sendStatus(state, { uri, draft: prepared.draft, configError: problem && { message: problem.message, file: first?.uri ?? problem.uri, line: first?.line, column: first?.column, problem: first?.message } });
      state.latest = undefined;
      state.allItems = undefined;
      // A draft its broken config keeps from being linted says so itself, where the writer looks.
      const items = problem && prepared.document ? [configProblemDiagnostic(prepared.document.getText(), problem)] : [];
      return this.finish(state, version, items, previousResultId);
    }
    const linted = this.lint(state, prepared.document, prepared.settings, prepared.resolved, state.typed);
    return this.present(state, uri, linted.version, editorDiagnostics(linted), prepared.settings, previousResultId, this.onSaveReason(state, prepared.settings));
  }

  /** Notes the lines the writer sees; true when a draft with too many findings should be reported again for them. */
  setVisibleRanges(uri: string, ranges: Range[]): boolean {
    const state = this.states.get(uri);
    if (!state) return false;
    state.visible = ranges;
    const all = state.allItems;
    const shown = state.reported?.items;
    if (!all || !shown || all.length === shown.length) return false;
    const sent = new Set(shown.map(diagnosticKey));
    const missing = all.some((d) => !sent.has(diagnosticKey(d)) && ranges.some((r) => d.range.start.line <= r.end.line && d.range.end.line >= r.start.line));
    if (missing) state.reselect = true;
    return missing;
  }

  /** Sends at most `maxProblems` findings (in view and errors first), and says when there are more. */
  private present(state: DocumentState, uri: string, version: number, all: Diagnostic[], settings: Settings, previousResultId: string | undefined, onSave: OnSaveReason | undefined): Report {
    state.allItems = all;
    state.reselect = false;
    const shown = selectForEditor(all, settings.maxProblems, state.visible);
    let truncated: DocumentStatus['truncated'];
    if (shown.length < all.length) {
      const errors = all.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      const warnings = all.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
      truncated = { total: all.length, shown: shown.length, errors, warnings };
      if (!state.loggedTruncation) {
        state.loggedTruncation = true;
        this.host.log.info(
          `${uri} has ${all.length} findings; the editor is sent ${shown.length} of them (alliance-cite.maxProblems), those in view and errors first. \`alliance-cite FILE\` lists them all.`,
        );
      }
    } else {
      state.loggedTruncation = false;
    }
    this.sendStatus(state, { uri, draft: true, onSave, truncated });
    return this.finish(state, version, shown, previousResultId);
  }

  /**
   * Returns the findings of the document's current text for code actions and hovers, linting now
   * if needed. A draft linted on save only because it is large or slow is not linted for them
   * (`force` does: fix-all on save).
   */
  async current(uri: string, token: CancellationToken, force = false): Promise<LintedDocument | undefined> {
    const state = this.state(uri);
    const document = this.host.document(uri);
    if (!document) return undefined;
    if (state.latest?.version === document.version && !state.stale) return state.latest;
    if (!force && state.onSaveOnly) return undefined;
    const prepared = await this.prepare(uri, token);
    throwIfCancelled(token);
    if (prepared.kind === 'skip') return undefined;
    return this.lint(state, prepared.document, prepared.settings, prepared.resolved, false);
  }

  /** Finds the config and settings of a document, or why it is not linted. */
  private async prepare(uri: string, token: CancellationToken): Promise<Prepared> {
    const document = this.host.document(uri);
    if (!document) return { kind: 'skip', draft: false };
    const settings = await this.host.settings(uri);
    if (!settings.enable || !isDraft(document, settings)) return { kind: 'skip', document, settings, draft: false };
    const outcome = await this.host.platform.resolveConfig({ uri, settings, trusted: this.host.trusted(), folders: this.host.folders() });
    throwIfCancelled(token);
    if (!outcome.ok) {
      const state = this.state(uri);
      if (state.loggedProblem !== outcome.problem.message) {
        state.loggedProblem = outcome.problem.message;
        this.host.log.warn(`${outcome.problem.message} (${uri} is not linted until the config is fixed)`);
      }
      this.host.configProblem(outcome.problem);
      return { kind: 'skip', document, settings, draft: true, configError: outcome.problem };
    }
    this.state(uri).loggedProblem = undefined;
    this.reportNotes(outcome.value.notes);
    // The config's `ignore` globs exclude this draft, as they do for the CLI.
    if (outcome.value.ignores(uri)) return { kind: 'skip', document, settings, draft: true };
    return { kind: 'ready', document, settings, resolved: outcome.value };
  }

  private lint(state: DocumentState, document: TextDocument, settings: Settings, resolved: ResolvedConfig, typing: boolean): LintedDocument {
    const text = document.getText();
    if (text.length > settings.onTypeMaxChars && state.onSaveOnly !== 'size') {
      state.onSaveOnly = 'size';
      this.host.log.info(`${document.uri} has ${text.length} characters; it is linted on save only.`);
    } else if (text.length <= settings.onTypeMaxChars && state.onSaveOnly === 'size') {
      state.onSaveOnly = undefined;
    }
    const sessionKey = [resolved.fingerprint, settings.asOf ?? '', JSON.stringify(settings.rules), settings.maxRetrievalAgeDays ?? '', this.host.trusted()].join('|');
    if (!state.session || state.sessionKey !== sessionKey) {
      state.session = createLintSession({ config: resolved.config, asOf: settings.asOf });
      state.sessionKey = sessionKey;
    }
    const started = Date.now();
    const result = state.session.update(text);
    const elapsed = Date.now() - started;
    if (typing && settings.run === 'onType' && !state.onSaveOnly && elapsed > settings.onTypeMaxMillis) {
      state.onSaveOnly = 'slow';
      this.host.log.info(`Linting ${document.uri} took ${elapsed} ms; it is linted on save only until the settings or config change.`);
    }
    const known = this.baselineKnown(resolved, settings, document.uri, text, result);
    state.latest = { uri: document.uri, version: document.version, positions: new Positions(text), result, config: resolved.config, asOf: settings.asOf, known, baselineMode: settings.baseline };
    return state.latest;
  }

  /** Which findings the config's baseline records (none when it names none, or `baseline` is `show`). */
  private baselineKnown(resolved: ResolvedConfig, settings: Settings, uri: string, text: string, result: LintResult): boolean[] {
    const platform = this.host.platform;
    if (!resolved.baseline || settings.baseline === 'show' || !platform.baselineKnown || result.diagnostics.length === 0) return [];
    const known = platform.baselineKnown(resolved.baseline, uri, text, result.diagnostics);
    if (Array.isArray(known)) return known;
    if (!this.loggedBaselineProblems.has(known.problem)) {
      this.loggedBaselineProblems.add(known.problem);
      this.host.log.warn(`${known.problem} (every finding is shown until the baseline can be read)`);
    }
    return [];
  }

  private finish(state: DocumentState, version: number, items: Diagnostic[], previousResultId: string | undefined): Report {
    const reported = state.reported;
    state.typed = false;
    state.saved = false;
    state.stale = false;
    if (reported && reported.version === version && sameItems(reported.items, items)) {
      return reported.resultId === previousResultId ? { kind: 'unchanged', resultId: reported.resultId } : { kind: 'full', ...reported };
    }
    state.reported = { resultId: String(++this.resultCounter), version, items };
    return { kind: 'full', ...state.reported };
  }

  private onSaveReason(state: DocumentState, settings: Settings): OnSaveReason | undefined {
    return settings.run === 'onSave' ? 'setting' : state.onSaveOnly;
  }

  private sendStatus(state: DocumentState, status: DocumentStatus): void {
    const key = JSON.stringify(status);
    if (state.lastStatus === key) return;
    state.lastStatus = key;
    this.host.status(status);
  }

  /** Logs each config note (e.g. what an untrusted workspace may not set) once per config load. */
  private reportNotes(notes: readonly string[]): void {
    for (const note of notes) {
      if (this.reportedNotes.has(note)) continue;
      this.reportedNotes.add(note);
      this.host.log.info(note);
    }
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) {
      state = { generation: 0, changedAt: 0, typed: false, saved: false, stale: false };
      this.states.set(uri, state);
    }
    return state;
  }
}

/**
 * Whether two reports hold the same diagnostics, field by field (cheaper than serialising them):
 * an edit that moves no finding then costs the client nothing ("unchanged").
 */
function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.message !== y.message || x.code !== y.code || x.severity !== y.severity || !sameRange(x.range, y.range)) return false;
    const xr = x.relatedInformation ?? [];
    const yr = y.relatedInformation ?? [];
    if (xr.length !== yr.length) return false;
    for (let j = 0; j < xr.length; j++) {
      if (xr[j].message !== yr[j].message || !sameRange(xr[j].location.range, yr[j].location.range)) return false;
    }
  }
  return true;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

export function throwIfCancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw cancelled();
}

/** Waits `ms`, or rejects as cancelled as soon as the token is. */
function delay(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve, reject) => {
    if (token.isCancellationRequested) {
      reject(cancelled());
      return;
    }
    const subscription = token.onCancellationRequested(() => {
      clearTimeout(timer);
      subscription.dispose();
      reject(cancelled());
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      resolve();
    }, ms);
  });
}

// Lints (and with --fix, fixes) one draft. Pure of process state, so it runs the same on the main
// thread and in a worker; messages for stderr are returned, not printed, to keep their order.
import { fixAll, lint, LineIndex, mayHaveFindings, type Config, type LintOptions, type SourceStatus } from '../core';
import { describeError, NotRegularFileError, readRegularFile } from '../node/files';
import { WriteRefusedError, writeFileAtomic } from '../node/write';
import { ConfigResolver, isConfigProblem } from './config';
import { decodeDraft, encodeDraft } from './decode';
import { unifiedDiff } from './patch';
import { toFindings, type FileReport } from './report';

/** A draft to lint: where it lives, how it is printed, and (for stdin) its bytes. */
export interface Draft {
  absolutePath: string;
  displayPath: string;
  stdinBytes?: Uint8Array;
}

/** What every draft of one run shares; plain data, so it can be sent to a worker. */
export interface DraftSettings {
  cwd: string;
  configPath?: string;
  ruleOverrides: ConstructorParameters<typeof ConfigResolver>[0]['ruleOverrides'];
  asOf?: string;
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  /**
   * Test hook (ALLIANCE_CITE_TEST_CRASH_ON): a draft containing this text fails as if the engine
   * had thrown on it, so tests can check how such a failure is reported. Unset in normal use.
   */
  crashOn?: string;
  /** What `check-sources` found at the cited URLs (for the unreachable-source rule). */
  sourceStatus?: ReadonlyMap<string, SourceStatus>;
  /** Report this rule alone (see ConfigResolverOptions). */
  onlyRule?: ConstructorParameters<typeof ConfigResolver>[0]['onlyRule'];
}

export interface DraftMessage {
  /** A failure makes the exit code 2; a note does not. */
  fail: boolean;
  text: string;
}

export interface DraftOutcome {
  messages: DraftMessage[];
  report?: FileReport;
  /** Unified diff for --fix-dry-run. */
  patch?: string;
  /** The fixed bytes of a standard-input draft. */
  fixedBytes?: Uint8Array;
}

/** Where to report a failure of the engine itself. */
export const ISSUES_URL = 'https://github.com/alliance-cite/alliance-cite/issues';

/**
 * Lints one draft. An unexpected exception (a bug in the engine) fails this draft only: it is
 * reported with the draft's name, and the other drafts of the run are still linted. On standard
 * input with --fix, a draft that cannot be fixed comes out unchanged, so a filter never loses text.
 */
export function lintDraft(draft: Draft, settings: DraftSettings, resolver: ConfigResolver): DraftOutcome {
  const messages: DraftMessage[] = [];
  let outcome: DraftOutcome;
  try {
    outcome = lintDraftUnguarded(draft, settings, resolver, messages);
  } catch (error) {
    messages.push(internalErrorMessage(draft, error));
    outcome = { messages };
  }
  if (draft.stdinBytes && settings.fix && outcome.fixedBytes === undefined) {
    outcome.fixedBytes = draft.stdinBytes;
    messages.push({ fail: false, text: `${draft.displayPath}: not fixed; standard input was copied to standard output unchanged` });
  }
  return outcome;
}

/** Reports an unexpected exception for one draft: named, with where to report it; a stack only when debugging. */
export function internalErrorMessage(draft: Draft, error: unknown): DraftMessage {
  const detail = error instanceof Error ? error.message : String(error);
  const stack = process.env.ALLIANCE_CITE_DEBUG && error instanceof Error ? `\n${error.stack ?? ''}` : '';
  return {
    fail: true,
    text: `${draft.displayPath}: internal error while linting this draft: ${detail}. The other drafts were linted. This is a bug in alliance-cite; please report it at ${ISSUES_URL}, with the draft if you can share it${stack}`,
  };
}

/** A draft read, decoded and paired with its config. */
export interface LoadedDraft {
  text: string;
  bytes: Buffer;
  bom: boolean;
  config: Config;
}

/** A draft's bytes: standard input as read, or the regular file at its path. */
function readDraftBytes(draft: Draft): Buffer {
  return draft.stdinBytes ? Buffer.from(draft.stdinBytes) : readRegularFile(draft.absolutePath);
}

/**
 * Reads a draft and finds its config, adding what went wrong to `messages`; undefined when there
 * is nothing to lint (a config problem, an unreadable, binary or invalid UTF-8 file).
 */
export function loadDraft(draft: Draft, settings: DraftSettings, resolver: ConfigResolver, messages: DraftMessage[]): LoadedDraft | undefined {
  const fail = (text: string): undefined => {
    messages.push({ fail: true, text });
    return undefined;
  };
  const resolved = resolver.resolve(draft.absolutePath);
  if (isConfigProblem(resolved)) return fail(resolved.message);
  for (const note of resolved.notes) messages.push({ fail: false, text: `note: ${note}` });
  let bytes: Buffer;
  try {
    bytes = readDraftBytes(draft);
  } catch (error) {
    if (error instanceof NotRegularFileError) return fail(`${draft.displayPath}: ${error.message}`);
    return fail(`${draft.displayPath}: cannot read: ${describeError(error)}`);
  }
  const decoded = decodeDraft(bytes);
  if (decoded.kind === 'binary') {
    messages.push({ fail: false, text: `${draft.displayPath}: skipped: binary file (contains NUL bytes)` });
    return undefined;
  }
  if (decoded.kind === 'invalid-utf8') {
    return fail(`${draft.displayPath}:${decoded.line}:${decoded.column}: not valid UTF-8; the file was not linted`);
  }
  if (settings.crashOn && decoded.text.includes(settings.crashOn)) throw new Error(`simulated engine failure (ALLIANCE_CITE_TEST_CRASH_ON)`);
  return { text: decoded.text, bytes, bom: decoded.bom, config: resolved.config };
}

function lintDraftUnguarded(draft: Draft, settings: DraftSettings, resolver: ConfigResolver, messages: DraftMessage[]): DraftOutcome {
  const loaded = loadDraft(draft, settings, resolver, messages);
  if (!loaded) return { messages };
  const { bytes } = loaded;
  const lintOptions: LintOptions = { config: loaded.config, asOf: settings.asOf, sourceStatus: settings.sourceStatus };
  const outcome: DraftOutcome = { messages };
  let text = loaded.text;
  if (settings.fix || settings.fixDryRun) {
    const fixed = fixAll(text, lintOptions).text;
    const fixedBytes = fixed === text ? bytes : encodeDraft(fixed, loaded.bom);
    let applied = true;
    if (settings.fixDryRun) {
      outcome.patch = unifiedDiff(draft.displayPath, text, fixed);
    } else if (draft.stdinBytes) {
      outcome.fixedBytes = fixedBytes;
    } else if (fixed !== text) {
      try {
        writeFileAtomic(draft.absolutePath, bytes, fixedBytes);
      } catch (error) {
        if (!(error instanceof WriteRefusedError)) throw error;
        messages.push({ fail: true, text: `${draft.displayPath}: ${error.message}` });
        applied = false; // report against the text that is still on disk
      }
    }
    if (applied) text = fixed;
  }
  const result = lint(text, lintOptions);
  if (result.notes.length > 0) {
    const index = new LineIndex(text);
    for (const note of result.notes) {
      const at = index.positionAt(note.start);
      messages.push({ fail: false, text: `${draft.displayPath}:${at.line + 1}:${at.character + 1}: note: ${note.message}` });
    }
  }
  let findings = toFindings(text, result.diagnostics);
  if (settings.quiet) findings = findings.filter((f) => f.severity === 'error');
  outcome.report = { path: draft.displayPath, findings };
  return outcome;
}

/**
 * How many of the drafts are parsed and judged, counted up to `enough`: the others (no mention
 * of the Alliance, its projects or a stub) are skipped in a moment, and only the parsed ones
 * make a worker thread pay for its start. Drafts that cannot be read are not counted.
 */
export function countDraftsToParse(drafts: readonly Draft[], resolver: ConfigResolver, enough: number): number {
  let count = 0;
  for (const draft of drafts) {
    if (count >= enough) break;
    const resolved = resolver.resolve(draft.absolutePath);
    if (isConfigProblem(resolved)) continue;
    try {
      if (mayHaveFindings(readDraftBytes(draft).toString('utf8'), resolved.config)) count++;
    } catch {
      // Reported when the draft is linted.
    }
  }
  return count;
}

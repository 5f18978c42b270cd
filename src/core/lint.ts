import type { LintOptions, LintResult } from './types';

/** Lints one Markdown draft. (The analysis pipeline is being built; this returns no findings yet.) */
export function lint(_text: string, _options: LintOptions = {}): LintResult {
  return { diagnostics: [], notes: [] };
}

export interface LintSession {
  /** Lints the new text, reusing what it can from the previous call. */
  update(text: string): LintResult;
}

/** Creates a session for an editor buffer that is re-linted after every change. */
export function createLintSession(options: LintOptions = {}): LintSession {
  return { update: (text) => lint(text, options) };
}

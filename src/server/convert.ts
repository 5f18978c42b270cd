// Maps the core's offset-based results to protocol objects. Offsets are UTF-16 offsets into the
// exact text the core saw, which is what LSP positions count by default.
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { applyFixes, LineIndex, ruleById, type Diagnostic as CoreDiagnostic, type Fix, type RelatedLocation, type Severity } from '../core';
import type { ConfigProblem } from './configSource';
import type { StubTarget } from './protocol';

export const SOURCE = 'alliance-cite';
/** The code of the warning on a draft whose config cannot be used (not a rule id). */
export const CONFIG_PROBLEM_CODE = 'config-problem';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Offsets to ranges for one exact text. */
export class Positions {
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  range(start: number, end: number): Range {
    return { start: this.lines.positionAt(start), end: this.lines.positionAt(end) };
  }

  offsetAt(position: { line: number; character: number }): number {
    return this.lines.offsetAt(position);
  }
}

/** Converts one finding; `code` is the rule id and `codeDescription` links its documentation page. */
export function toDiagnostic(positions: Positions, uri: string, finding: CoreDiagnostic): Diagnostic {
  const diagnostic: Diagnostic = {
    range: positions.range(finding.start, finding.end),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.rule,
    message: finding.message,
  };
  const docs = ruleById(finding.rule)?.docsUrl;
  if (docs) diagnostic.codeDescription = { href: docs };
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri, range: positions.range(r.start, r.end) }, message: r.message }));
  }
  return diagnostic;
}

/** Converts a note about the draft itself (e.g. unreadable front matter) to an informational diagnostic. */
export function noteToDiagnostic(positions: Positions, note: RelatedLocation): Diagnostic {
  return { range: positions.range(note.start, note.end), severity: DiagnosticSeverity.Information, source: SOURCE, message: note.message };
}

/** The edits of a fix, in document order. */
export function fixEdits(positions: Positions, fix: Fix): TextEdit[] {
  return sortedEdits(fix).map((e) => ({ range: positions.range(e.start, e.end), newText: e.text }));
}

/** Where a stub fix puts its `TODO-verify` marker, once applied. */
export function stubTarget(positions: Positions, uri: string, fix: Fix): StubTarget | undefined {
  const placeholder = fix.placeholder;
  if (!placeholder || placeholder.end < placeholder.start || (fix.kind !== 'citation-stub' && fix.kind !== 'date-stub')) return undefined;
  const after = new Positions(applyFixes(positions.text, [fix]).text);
  return { uri, range: after.range(placeholder.start, placeholder.end), kind: fix.kind };
}

/**
 * The warning a draft carries while its config cannot be used: on its first line, naming the
 * problem, with the config file's position as related information (one click away).
 */
export function configProblemDiagnostic(text: string, problem: ConfigProblem): Diagnostic {
  const firstLine = /^[^\r\n]*/.exec(text)?.[0] ?? '';
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } },
    severity: DiagnosticSeverity.Warning,
    source: SOURCE,
    code: CONFIG_PROBLEM_CODE,
    message: '',
  };
  const first = problem.located[0];
  const where = first ? `${first.uri.slice(first.uri.lastIndexOf('/') + 1)}:${first.line}:${first.column}: ${first.message}` : problem.message;
  diagnostic.message = `This draft is not checked until its config is fixed: ${where}`;
  if (first) {
    const at = { line: Math.max(0, first.line - 1), character: Math.max(0, first.column - 1) };
    diagnostic.relatedInformation = [{ location: { uri: first.uri, range: { start: at, end: at } }, message: first.message }];
  }
  return diagnostic;
}

function sortedEdits(fix: Fix) {
  return [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Returns the smallest single edit turning `before` into `after` (keeps the cursor and folding stable). */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

// Maps the core's offset-based results to protocol objects. Offsets are UTF-16 offsets into the
// exact text the core saw, which is what LSP positions count by default.
import { DiagnosticSeverity, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import { applyFixes, LineIndex, ruleById, type Diagnostic as CoreDiagnostic, type Fix, type RelatedLocation, type Severity } from '../core';
import type { PlaceholderTarget } from './protocol';

export const SOURCE = 'alliance-cite';

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

/**
 * Where a fix's placeholder lies once the fix is applied, and, when the edit holding it would be
 * inserted byte-for-byte as a snippet, where it lies inside that edit.
 */
export function placeholderTarget(positions: Positions, uri: string, fix: Fix): PlaceholderTarget | undefined {
  const placeholder = fix.placeholder;
  if (!placeholder || placeholder.end < placeholder.start) return undefined;
  const after = new Positions(applyFixes(positions.text, [fix]).text);
  const target: PlaceholderTarget = { uri, range: after.range(placeholder.start, placeholder.end) };
  const edits = sortedEdits(fix);
  let delta = 0;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    const from = e.start + delta;
    if (placeholder.start >= from && placeholder.end <= from + e.text.length) {
      if (insertsVerbatim(positions, e.start, e.text)) target.snippet = { edit: i, start: placeholder.start - from, end: placeholder.end - from };
      break;
    }
    delta += e.text.length - (e.end - e.start);
  }
  return target;
}

/**
 * Editors indent each line of an inserted snippet like the insertion line and normalise leading
 * whitespace, so a multi-line snippet is exact only on an unindented line with unindented lines.
 */
function insertsVerbatim(positions: Positions, offset: number, text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return true;
  const line = positions.lines.positionAt(offset).line;
  const insertionLine = positions.text.slice(positions.lines.lineStart(line), positions.lines.lineEnd(line));
  return !/^\s/.test(insertionLine) && lines.slice(1).every((l) => !/^\s/.test(l));
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

/** The draft's dominant line break, used for a line the server inserts itself. */
export function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return lf > 0 && text.charCodeAt(lf - 1) === 13 ? '\r\n' : '\n';
}

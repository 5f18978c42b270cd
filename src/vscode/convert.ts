// Maps the core's offset-based results to VS Code objects. Offsets are UTF-16 offsets into the
// exact document text the core saw, which is what TextDocument.positionAt expects.
import * as vscode from 'vscode';
import { LineIndex, ruleById, type Diagnostic as CoreDiagnostic, type Fix, type RelatedLocation, type Severity } from '../core';

export const SOURCE = 'alliance-cite';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** What conversions need of a document: its URI and offset-to-position mapping of the linted text. */
export interface PositionedText {
  readonly uri: vscode.Uri;
  positionAt(offset: number): vscode.Position;
}

/** Adapts a text read from disk (not open in an editor) for the conversions. */
export function positionedText(uri: vscode.Uri, text: string): PositionedText {
  const index = new LineIndex(text);
  return {
    uri,
    positionAt: (offset) => {
      const p = index.positionAt(offset);
      return new vscode.Position(p.line, p.character);
    },
  };
}

export function toRange(document: PositionedText, start: number, end: number): vscode.Range {
  return new vscode.Range(document.positionAt(start), document.positionAt(end));
}

/** Converts one finding; `code` links the rule id to its documentation page. */
export function toDiagnostic(document: PositionedText, finding: CoreDiagnostic): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, finding.start, finding.end), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  const docs = ruleById(finding.rule)?.docsUrl;
  diagnostic.code = docs ? { value: finding.rule, target: vscode.Uri.parse(docs) } : finding.rule;
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map(
      (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, toRange(document, r.start, r.end)), r.message),
    );
  }
  return diagnostic;
}

/** Converts a note about the draft itself (e.g. unreadable front matter) to an informational diagnostic. */
export function noteToDiagnostic(document: PositionedText, note: RelatedLocation): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, note.start, note.end), note.message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = SOURCE;
  return diagnostic;
}

/** The rule id of a diagnostic this extension published, if it is one. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (code && typeof code === 'object') return String(code.value);
  return undefined;
}

/**
 * Builds the workspace edit of a fix. With `snippet`, the edit that holds the fix's placeholder
 * becomes a snippet, so the cursor lands on the placeholder after the fix; the snippet is used
 * only where VS Code would insert it byte-for-byte (no re-indentation of inserted lines).
 */
export function fixToEdit(document: vscode.TextDocument, fix: Fix, snippet: boolean): { edit: vscode.WorkspaceEdit; usesSnippet: boolean } {
  const edit = new vscode.WorkspaceEdit();
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const target = snippet ? placeholderTarget(document, fix) : undefined;
  const converted = edits.map((e, i) => {
    const range = toRange(document, e.start, e.end);
    if (!target || target.index !== i) return vscode.TextEdit.replace(range, e.text);
    const text = new vscode.SnippetString();
    text.appendText(e.text.slice(0, target.from));
    text.appendPlaceholder(e.text.slice(target.from, target.to));
    text.appendText(e.text.slice(target.to));
    return vscode.SnippetTextEdit.replace(range, text);
  });
  edit.set(document.uri, converted);
  return { edit, usesSnippet: target !== undefined };
}

/** Where the fix's placeholder lies in the text after the fix (offsets), if the fix has one. */
export function placeholderAfterFix(fix: Fix): { start: number; end: number } | undefined {
  return fix.placeholder && fix.placeholder.end >= fix.placeholder.start ? fix.placeholder : undefined;
}

/** Finds the edit whose inserted text contains the placeholder, and the placeholder within it. */
function placeholderTarget(document: vscode.TextDocument, fix: Fix): { index: number; from: number; to: number } | undefined {
  const placeholder = placeholderAfterFix(fix);
  if (!placeholder) return undefined;
  const edits = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let delta = 0;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i];
    const from = e.start + delta;
    const to = from + e.text.length;
    if (placeholder.start >= from && placeholder.end <= to) {
      if (!insertsVerbatim(document, e.start, e.text)) return undefined;
      return { index: i, from: placeholder.start - from, to: placeholder.end - from };
    }
    delta += e.text.length - (e.end - e.start);
  }
  return undefined;
}

/**
 * Snippets indent each inserted line like the insertion line and normalise leading whitespace,
 * so a multi-line snippet is exact only on an unindented line with unindented inserted lines.
 */
function insertsVerbatim(document: vscode.TextDocument, offset: number, text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length === 1) return true;
  const insertionLine = document.lineAt(document.positionAt(offset).line).text;
  return !/^\s/.test(insertionLine) && lines.slice(1).every((l) => !/^\s/.test(l));
}

/** Returns the smallest single edit turning `before` into `after` (keeps the cursor and folding stable). */
export function minimalEdit(before: string, after: string): { start: number; end: number; text: string } {
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

// Quick-fixes for findings (a citation stub per approved source, retrieval dates, suppress
// comments) and fix-all, also as `source.fixAll.allianceCite` for fix-on-save.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll, type Diagnostic as CoreDiagnostic, type Fix } from '../core';
import { fixEdits, lineBreakOf, minimalEdit, placeholderTarget, SOURCE, toDiagnostic, type Positions } from './convert';
import type { LintedDocument } from './linter';
import { FIX_ALL_KIND, SERVER_COMMANDS } from './protocol';

export const FIX_ALL_TITLE = 'Fix all alliance-cite problems in this file';

/** Whether two code action kinds overlap (one equals or contains the other, as `a.b` contains `a.b.c`). */
export function kindsIntersect(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The code actions for a request on a linted document. */
export function codeActions(linted: LintedDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((kind) => kindsIntersect(CodeActionKind.QuickFix, kind))) {
    for (const finding of findingsAt(linted, params.range, params.context.diagnostics)) actions.push(...quickFixes(linted, finding));
    if (actions.some((a) => a.isPreferred)) {
      const all = fixAllAction(linted, CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
  }
  if (only?.some((kind) => kindsIntersect(FIX_ALL_KIND, kind))) {
    const all = fixAllAction(linted, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}

/** The single edit that applies every safe fix of the document (re-linting until nothing is left), and how many. */
export function fixAllEdit(linted: Pick<LintedDocument, 'positions' | 'config' | 'asOf'>): { edit: TextEdit; fixed: number } | undefined {
  const before = linted.positions.text;
  const { text, fixed } = fixAll(before, { config: linted.config, asOf: linted.asOf });
  if (fixed === 0 || text === before) return undefined;
  const change = minimalEdit(before, text);
  return { edit: { range: linted.positions.range(change.start, change.end), newText: change.text }, fixed };
}

/** Findings named by the request's diagnostics, or whose range touches the requested range. */
function findingsAt(linted: LintedDocument, range: Range, diagnostics: readonly Diagnostic[]): CoreDiagnostic[] {
  const requested = diagnostics.filter((d) => d.source === SOURCE && d.code !== undefined);
  return linted.result.diagnostics.filter((finding) => {
    const findingRange = linted.positions.range(finding.start, finding.end);
    if (requested.some((d) => String(d.code) === finding.rule && sameRange(d.range, findingRange))) return true;
    return touches(findingRange, range);
  });
}

function quickFixes(linted: LintedDocument, finding: CoreDiagnostic): CodeAction[] {
  const diagnostic = toDiagnostic(linted.positions, linted.uri, finding);
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  const fixes = [...(finding.fix ? [finding.fix] : []), ...finding.suggestions];
  for (const fix of fixes) {
    const identity = JSON.stringify(fix.edits);
    if (seen.has(identity)) continue;
    seen.add(identity);
    actions.push(fixAction(linted, fix, diagnostic, fix === finding.fix));
  }
  // The core offers the suppress comment itself, and none for a stub (mark it verified instead).
  if (finding.rule !== 'citation-stub' && !fixes.some((f) => f.kind === 'suppress')) {
    actions.push({
      title: `Suppress ${finding.rule} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editOf(linted.uri, [suppressEdit(linted.positions, finding)]),
    });
  }
  return actions;
}

/** The comment line that silences one rule on the finding's first line. */
function suppressEdit(positions: Positions, finding: CoreDiagnostic): TextEdit {
  const line = positions.lines.positionAt(finding.start).line;
  const lineText = positions.text.slice(positions.lines.lineStart(line), positions.lines.lineEnd(line));
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const at = { line, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}<!-- alliance-cite-disable-next-line ${finding.rule} -->${lineBreakOf(positions.text)}` };
}

function fixAction(linted: LintedDocument, fix: Fix, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: editOf(linted.uri, fixEdits(linted.positions, fix)),
  };
  const target = placeholderTarget(linted.positions, linted.uri, fix);
  // The writer should land on `TODO-verify`: the client selects it (or makes the edit a snippet).
  if (target) action.command = { title: 'Select the placeholder', command: SERVER_COMMANDS.selectPlaceholder, arguments: [target] };
  return action;
}

function fixAllAction(linted: LintedDocument, kind: string): CodeAction | undefined {
  if (!linted.result.diagnostics.some((d) => d.fix)) return undefined;
  const all = fixAllEdit(linted);
  if (!all) return undefined;
  return { title: FIX_ALL_TITLE, kind, edit: editOf(linted.uri, [all.edit]) };
}

function editOf(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Whether two ranges overlap or touch (an empty range at a finding's edge counts, as in VS Code). */
function touches(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

// Quick-fixes for findings (citation stubs, retrieval dates, suppress comments) and fix-all,
// also as `source.fixAll.allianceCite` for editor.codeActionsOnSave.
import * as vscode from 'vscode';
import { fixAll, LineIndex, type Diagnostic as CoreDiagnostic, type Fix } from '../core';
import { detectEol } from '../core/text';
import { fixToEdit, minimalEdit, ruleOf, toDiagnostic, toRange } from './convert';
import type { DocumentResult, DraftLinter } from './diagnostics';
import type { Logger } from './logger';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('allianceCite');
export const SELECT_PLACEHOLDER_COMMAND = 'alliance-cite.selectPlaceholder';

export class CitationActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly linter: DraftLinter,
    private readonly log: Logger,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    try {
      const only = context.only;
      // Fix-all on save runs at the save itself, so it may lint even drafts linted on save only.
      const latest = this.linter.resultFor(document, only && FIX_ALL_KIND.intersects(only) ? 'publish' : 'quiet');
      if (!latest) return [];
      const actions: vscode.CodeAction[] = [];
      if (!only || vscode.CodeActionKind.QuickFix.intersects(only)) {
        for (const finding of findingsAt(document, latest, range, context)) actions.push(...quickFixes(document, finding));
        if (actions.some((a) => a.isPreferred)) {
          const all = fixAllAction(document, latest, vscode.CodeActionKind.QuickFix);
          if (all) actions.push(all);
        }
      }
      if (only && FIX_ALL_KIND.intersects(only)) {
        const all = fixAllAction(document, latest, FIX_ALL_KIND);
        if (all) actions.push(all);
      }
      return actions;
    } catch (error) {
      this.log.error(`Computing quick-fixes for ${document.uri.fsPath} failed`, error);
      return [];
    }
  }
}

/** Returns the edit that applies every safe fix of the document (re-linting until nothing is left). */
export function fixAllEdit(document: vscode.TextDocument, latest: DocumentResult): vscode.WorkspaceEdit | undefined {
  const before = document.getText();
  const { text, fixed } = fixAll(before, { config: latest.config, asOf: latest.asOf });
  if (fixed === 0 || text === before) return undefined;
  const change = minimalEdit(before, text);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, toRange(document, change.start, change.end), change.text);
  return edit;
}

/** Builds the comment line that silences one rule on the finding's first line. */
export function suppressEdit(document: vscode.TextDocument, finding: CoreDiagnostic): vscode.WorkspaceEdit {
  const text = document.getText();
  const index = new LineIndex(text);
  const line = index.positionAt(finding.start).line;
  const lineText = document.lineAt(line).text;
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), `${indent}<!-- alliance-cite-disable-next-line ${finding.rule} -->${detectEol(text)}`);
  return edit;
}

function findingsAt(
  document: vscode.TextDocument,
  latest: DocumentResult,
  range: vscode.Range,
  context: vscode.CodeActionContext,
): CoreDiagnostic[] {
  const requested = context.diagnostics.filter((d) => ruleOf(d) !== undefined);
  return latest.result.diagnostics.filter((finding) => {
    const findingRange = toRange(document, finding.start, finding.end);
    if (requested.some((d) => ruleOf(d) === finding.rule && d.range.isEqual(findingRange))) return true;
    return findingRange.intersection(range) !== undefined;
  });
}

function quickFixes(document: vscode.TextDocument, finding: CoreDiagnostic): vscode.CodeAction[] {
  const diagnostic = toDiagnostic(document, finding);
  const actions: vscode.CodeAction[] = [];
  const seen = new Set<string>();
  const fixes = [...(finding.fix ? [finding.fix] : []), ...finding.suggestions];
  for (const fix of fixes) {
    const identity = JSON.stringify(fix.edits);
    if (seen.has(identity)) continue;
    seen.add(identity);
    actions.push(fixAction(document, fix, diagnostic, fix === finding.fix));
  }
  // The core offers the suppress comment itself, and none for a stub (mark it verified instead).
  if (finding.rule !== 'citation-stub' && !fixes.some((f) => f.kind === 'suppress')) {
    const suppress = new vscode.CodeAction(`Suppress ${finding.rule} for this line`, vscode.CodeActionKind.QuickFix);
    suppress.edit = suppressEdit(document, finding);
    suppress.diagnostics = [diagnostic];
    actions.push(suppress);
  }
  return actions;
}

function fixAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  const { edit, usesSnippet } = fixToEdit(document, fix, true);
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  if (!usesSnippet && fix.placeholder) {
    // Without a snippet, select the placeholder once the edit is applied.
    action.command = {
      title: 'Select the placeholder',
      command: SELECT_PLACEHOLDER_COMMAND,
      arguments: [document.uri.toString(), fix.placeholder.start, fix.placeholder.end],
    };
  }
  return action;
}

function fixAllAction(document: vscode.TextDocument, latest: DocumentResult, kind: vscode.CodeActionKind): vscode.CodeAction | undefined {
  if (!latest.result.diagnostics.some((d) => d.fix)) return undefined;
  const edit = fixAllEdit(document, latest);
  if (!edit) return undefined;
  const action = new vscode.CodeAction('Fix all alliance-cite problems in this file', kind);
  action.edit = edit;
  return action;
}

/** Selects a fix's placeholder in the editor showing the document (the fallback for snippet edits). */
export function selectPlaceholder(uri: string, start: number, end: number): void {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  if (!editor) return;
  const range = toRange(editor.document, start, end);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

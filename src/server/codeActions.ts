// Quick-fixes for findings (a citation stub per approved source, retrieval dates, mark as
// verified, open the source, one suppress comment per rule) and fix-all, also as
// `source.fixAll.allianceCite` for fix-on-save.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { fixAll, type Diagnostic as CoreDiagnostic, type Fix, type FixKind } from '../core';
import { CONFIG_PROBLEM_CODE, fixEdits, minimalEdit, SOURCE, stubTarget, toDiagnostic } from './convert';
import type { LintedDocument } from './linter';
import { CLIENT_COMMANDS, FIX_ALL_KIND, SERVER_COMMANDS } from './protocol';
import { citedUrls, shortUrl } from './sources';

export const FIX_ALL_TITLE = 'Fix all alliance-cite problems in this file';
/** Most "Open the source" actions offered at once (a claim rarely cites more). */
const MAX_SOURCES = 3;

/** Whether two code action kinds overlap (one equals or contains the other, as `a.b` contains `a.b.c`). */
export function kindsIntersect(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** The code actions for a request on a linted document. */
export function codeActions(linted: LintedDocument, params: CodeActionParams, stubNotices = false): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  if (!only || only.some((kind) => kindsIntersect(CodeActionKind.QuickFix, kind))) {
    actions.push(...quickFixes(linted, findingsAt(linted, params.range, params.context.diagnostics), stubNotices));
    actions.push(...configProblemActions(params.context.diagnostics));
    if (actions.some((a) => a.isPreferred) && linted.result.diagnostics.some((d) => d.fix)) {
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

/** What fix-all did, in a sentence for the writer. */
export function fixAllSummary(byKind: Partial<Record<FixKind, number>>, fixed: number): string {
  const stubs = byKind['citation-stub'] ?? 0;
  const dates = byKind['date-stub'] ?? 0;
  const parts = [stubs > 0 ? count(stubs, 'citation stub') : '', dates > 0 ? count(dates, 'retrieval date') : ''].filter(Boolean);
  const other = fixed - stubs - dates;
  if (other > 0) parts.push(count(other, 'other fix', 'other fixes'));
  if (parts.length === 0) return 'Nothing in this draft can be fixed automatically.';
  const review = stubs + dates === 1 ? ' (TODO-verify) \u2014 review it.' : stubs + dates > 1 ? ' (TODO-verify) \u2014 review them.' : '.';
  return `Added ${parts.join(' and ')}${review}`;
}

/** The single edit that applies every safe fix of the document (re-linting until nothing is left), and what it did. */
export function fixAllEdit(linted: Pick<LintedDocument, 'positions' | 'config' | 'asOf'>): { edit: TextEdit; fixed: number; summary: string } | undefined {
  const before = linted.positions.text;
  const { text, fixed, byKind } = fixAll(before, { config: linted.config, asOf: linted.asOf });
  if (fixed === 0 || text === before) return undefined;
  const change = minimalEdit(before, text);
  return { edit: { range: linted.positions.range(change.start, change.end), newText: change.text }, fixed, summary: fixAllSummary(byKind, fixed) };
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

/**
 * The actions for the findings in range, each once: fixes first (the safe fix of a finding
 * preferred, and "Mark as verified" on a stub, whose only answer it is), then "Open the source",
 * then one suppress comment per rule. Nothing suppresses citation-stub: that would publish the
 * marker.
 */
function quickFixes(linted: LintedDocument, findings: readonly CoreDiagnostic[], stubNotices: boolean): CodeAction[] {
  const fixes: CodeAction[] = [];
  const sources: CodeAction[] = [];
  const suppressions: CodeAction[] = [];
  const seen = new Set<string>();
  const openedUrls = new Set<string>();
  for (const finding of findings) {
    const diagnostic = toDiagnostic(linted.positions, linted.uri, finding);
    for (const fix of [...(finding.fix ? [finding.fix] : []), ...finding.suggestions]) {
      if (fix.kind === 'suppress' && finding.rule === 'citation-stub') continue;
      const identity = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      const preferred = fix === finding.fix || (finding.rule === 'citation-stub' && fix.kind === 'mark-verified');
      (fix.kind === 'suppress' ? suppressions : fixes).push(fixAction(linted, fix, diagnostic, preferred, stubNotices));
    }
    for (const url of citedUrls(linted.positions.text, finding)) {
      if (openedUrls.has(url) || openedUrls.size >= MAX_SOURCES) continue;
      openedUrls.add(url);
      sources.push({
        title: `Open the source: ${shortUrl(url)}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: 'Open the source', command: SERVER_COMMANDS.openSource, arguments: [url] },
      });
    }
  }
  return [...fixes, ...sources, ...suppressions];
}

/** On the warning of a draft whose config cannot be used: open the config file at the problem. */
function configProblemActions(diagnostics: readonly Diagnostic[]): CodeAction[] {
  const problem = diagnostics.find((d) => d.source === SOURCE && d.code === CONFIG_PROBLEM_CODE && d.relatedInformation?.length);
  const location = problem?.relatedInformation?.[0]?.location;
  if (!problem || !location) return [];
  return [
    {
      title: 'Open the config file at the problem',
      kind: CodeActionKind.QuickFix,
      diagnostics: [problem],
      isPreferred: true,
      command: { title: 'Open the config file', command: SERVER_COMMANDS.openLocation, arguments: [location] },
    },
  ];
}

function fixAction(linted: LintedDocument, fix: Fix, diagnostic: Diagnostic, preferred: boolean, stubNotices: boolean): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: editOf(linted.uri, fixEdits(linted.positions, fix)),
  };
  // The cursor stays at the claim (no selection moves it to the definition); a client that can say
  // where the stub went without a modal message is told.
  const target = stubNotices ? stubTarget(linted.positions, linted.uri, fix) : undefined;
  if (target) action.command = { title: 'Say where the stub was added', command: CLIENT_COMMANDS.stubAdded, arguments: [target] };
  return action;
}

function fixAllAction(linted: LintedDocument, kind: string): CodeAction | undefined {
  if (!linted.result.diagnostics.some((d) => d.fix)) return undefined;
  const all = fixAllEdit(linted);
  if (!all) return undefined;
  const action: CodeAction = { title: FIX_ALL_TITLE, kind, edit: editOf(linted.uri, [all.edit]) };
  // Chosen from the menu, fix-all says what it did; on save it stays quiet.
  if (kind === CodeActionKind.QuickFix) action.command = { title: 'Say what was fixed', command: SERVER_COMMANDS.announce, arguments: [all.summary] };
  return action;
}

function editOf(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
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

// What an editor is sent for a linted draft: its findings as diagnostics, baselined ones as hints
// (or left out), and, when a draft has more findings than the editor shows (VS Code keeps 1,000
// per file and drops the rest silently), the findings in view first, then by severity, each group
// in document order; the chosen ones go out in document order.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import { noteToDiagnostic, toDiagnostic } from './convert';
import type { LintedDocument } from './linter';

/** A linted draft's findings as the editor shows them: baselined ones as hints (or left out), then notes. */
export function editorDiagnostics(linted: LintedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  linted.result.diagnostics.forEach((finding, i) => {
    const known = linted.known[i] === true;
    if (known && linted.baselineMode === 'hide') return;
    const diagnostic = toDiagnostic(linted.positions, linted.uri, finding);
    if (known) {
      diagnostic.severity = DiagnosticSeverity.Hint;
      diagnostic.message = `${diagnostic.message} (recorded in the baseline)`;
    }
    out.push(diagnostic);
  });
  for (const note of linted.result.notes) out.push(noteToDiagnostic(linted.positions, note));
  return out;
}

/** Identifies a diagnostic by what the writer sees (position, rule, message), across reports. */
export function diagnosticKey(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}:${d.range.end.line}:${d.range.end.character}:${String(d.code)}:${d.message}`;
}

/** At most `max` of `items` (which are in document order), those in `visible` and errors first. */
export function selectForEditor(items: readonly Diagnostic[], max: number, visible: readonly Range[] | undefined): Diagnostic[] {
  if (items.length <= max) return [...items];
  const inView = (d: Diagnostic): boolean => (visible ?? []).some((r) => d.range.start.line <= r.end.line && d.range.end.line >= r.start.line);
  const rank = (d: Diagnostic): number => (inView(d) ? 0 : d.severity ?? 1);
  const order = items.map((d, index) => ({ index, rank: rank(d) })).sort((a, b) => a.rank - b.rank || a.index - b.index);
  const chosen = order.slice(0, max).map((o) => o.index).sort((a, b) => a - b);
  return chosen.map((i) => items[i]);
}

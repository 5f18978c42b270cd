// The CLI's view of lint results: 1-based positions, fingerprints and counts, computed once so
// that every formatter prints the same facts.
import { LineIndex, ruleById, type Category, type Diagnostic, type Explanation, type RuleId, type Severity } from '../core';
import { claimExcerpt } from '../node/baseline';
import { compareSubjects, fingerprintFindings } from '../node/fingerprint';

export interface Finding {
  /** 1-based line and column; columns count UTF-16 code units, as VS Code does. */
  line: number;
  column: number;
  /** 1-based, exclusive: the column just after the finding's last character. */
  endLine: number;
  endColumn: number;
  rule: RuleId;
  severity: Severity;
  category?: Category;
  message: string;
  fixable: boolean;
  /** Stable across unrelated edits: rule, normalized claim text and occurrence index. */
  fingerprint: string;
  /** Why it was reported (printed with --explain). */
  explain?: Explanation;
  /** The finding's text, whitespace collapsed and shortened, as a baseline records it. */
  claim: string;
}

export interface FileReport {
  /** Path as printed: relative to the working folder with `/` separators, or the stdin name. */
  path: string;
  findings: Finding[];
}

export interface Totals {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
}

/** Converts the core's diagnostics of one text into findings, in document order. */
export function toFindings(text: string, diagnostics: readonly Diagnostic[]): Finding[] {
  const index = new LineIndex(text);
  const ordered = [...diagnostics].sort(compareSubjects);
  const fingerprints = fingerprintFindings(text, ordered);
  return ordered.map((d, i) => {
    const start = index.positionAt(d.start);
    const end = index.positionAt(d.end);
    return {
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      rule: d.rule,
      severity: d.severity,
      category: d.category,
      message: d.message,
      fixable: d.fix !== undefined && (ruleById(d.rule)?.fixable ?? true),
      fingerprint: fingerprints[i],
      explain: d.explain,
      claim: claimExcerpt(text.slice(d.start, d.end)),
    };
  });
}

export function countFindings(reports: readonly FileReport[]): Totals {
  const totals: Totals = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0 };
  for (const report of reports) {
    for (const f of report.findings) {
      if (f.severity === 'error') {
        totals.errors++;
        if (f.fixable) totals.fixableErrors++;
      } else if (f.severity === 'warning') {
        totals.warnings++;
        if (f.fixable) totals.fixableWarnings++;
      } else {
        totals.infos++;
      }
    }
  }
  return totals;
}

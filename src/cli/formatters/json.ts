// Machine-readable output: one array of findings with 1-based lines and columns.
import type { FileReport } from '../report';

export function formatJson(reports: readonly FileReport[], explain = false): string {
  const rows = reports.flatMap((report) =>
    report.findings.map((f) => ({
      file: report.path,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      rule: f.rule,
      severity: f.severity,
      category: f.category ?? null,
      message: f.message,
      fixable: f.fixable,
      ...(explain ? { explain: f.explain ?? null } : {}),
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}

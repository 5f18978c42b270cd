// Human-readable output grouped by file: `line:col  severity  message  rule`, then a summary.
import { explanationLines } from '../../core';
import { countFindings, type FileReport } from '../report';

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
};

export function formatStylish(reports: readonly FileReport[], color: boolean, explain = false): string {
  const paint = (codes: string, text: string): string => (color ? `${codes}${text}${ANSI.reset}` : text);
  const severityColor = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue } as const;
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const rows = report.findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, f.rule, f] as const);
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
    out.push(paint(ANSI.underline, report.path));
    for (const [position, severity, message, rule, finding] of rows) {
      out.push(
        `  ${paint(ANSI.dim, position.padEnd(widths[0]))}  ${paint(severityColor[severity], severity.padEnd(widths[1]))}  ${message}  ${paint(ANSI.dim, rule)}`,
      );
      if (explain) for (const line of explanationLines(finding.explain)) out.push(paint(ANSI.dim, `${' '.repeat(widths[0] + 4)}${line}`));
    }
    out.push('');
  }
  const totals = countFindings(reports);
  const problems = totals.errors + totals.warnings + totals.infos;
  if (problems === 0) return '';
  const parts = [plural(totals.errors, 'error'), plural(totals.warnings, 'warning')];
  if (totals.infos > 0) parts.push(plural(totals.infos, 'info'));
  const mark = totals.errors > 0 ? paint(ANSI.red + ANSI.bold, '\u2716') : paint(ANSI.yellow + ANSI.bold, '\u2716');
  out.push(`${mark} ${plural(problems, 'problem')} (${parts.join(', ')})`);
  const fixable = totals.fixableErrors + totals.fixableWarnings;
  if (fixable > 0) {
    out.push(`  ${plural(totals.fixableErrors, 'error')} and ${plural(totals.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`);
  }
  return out.join('\n') + '\n';
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// GitHub Actions workflow commands, which the runner turns into pull-request annotations.
import * as path from 'node:path';
import type { FileReport } from '../report';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * Annotations need paths relative to the checkout (GITHUB_WORKSPACE); report paths are relative
 * to the working folder, which differs when the command runs in a subfolder.
 */
export function formatGithub(reports: readonly FileReport[], cwd: string, workspace = process.env.GITHUB_WORKSPACE): string {
  const lines: string[] = [];
  for (const report of reports) {
    const file = workspacePath(report.path, cwd, workspace);
    for (const f of report.findings) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(f.rule)}`,
      ].join(',');
      lines.push(`::${COMMAND[f.severity]} ${properties}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function workspacePath(reportPath: string, cwd: string, workspace: string | undefined): string {
  if (!workspace || reportPath === '<stdin>') return reportPath;
  const relative = path.relative(workspace, path.resolve(cwd, reportPath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return reportPath;
  return relative.split(path.sep).join('/');
}

/** Escapes a command's message as the Actions runner expects. */
function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property, where `:` and `,` also separate fields. */
function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

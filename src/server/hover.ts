// Hover on a flagged claim: its category, the source types that would satisfy it, and what is missing.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { ruleById, type Config, type Diagnostic as CoreDiagnostic } from '../core';
import type { LintedDocument } from './linter';

/** The hover at a position, or undefined outside flagged claims. */
export function hoverAt(linted: LintedDocument, position: Position): Hover | undefined {
  const offset = linted.positions.offsetAt(position);
  const here = linted.result.diagnostics.filter((d) => d.start <= offset && offset <= d.end);
  if (here.length === 0) return undefined;
  // The range all findings here share.
  const start = Math.max(...here.map((d) => d.start));
  const end = Math.min(...here.map((d) => d.end));
  const range = start <= end ? linted.positions.range(start, end) : linted.positions.range(here[0].start, here[0].end);
  return { contents: { kind: MarkupKind.Markdown, value: describeClaim(here, linted.config) }, range };
}

/** Describes the findings on one claim for a writer, in Markdown. */
export function describeClaim(findings: readonly CoreDiagnostic[], config: Config): string {
  const parts: string[] = ['**alliance-cite**'];
  const withPolicy = findings.find((f) => f.policy ?? f.category);
  const policy = withPolicy?.policy ?? withPolicy?.category;
  if (withPolicy?.category) {
    parts.push(' \u2014 ', escapeMarkdown(`${withPolicy.category} claim`));
    if (policy && policy !== withPolicy.category) parts.push(escapeMarkdown(` (${policy})`));
  }
  parts.push('\n\n');
  if (policy) {
    const approved = config.categories[policy]?.approved ?? config.categories[withPolicy?.category ?? '']?.approved ?? [];
    if (approved.length > 0) {
      parts.push('Approved sources:\n\n');
      for (const type of approved) parts.push(`- ${escapeMarkdown(config.sources.types[type]?.label ?? type)} (\`${type}\`)\n`);
      parts.push('\n');
    }
  }
  parts.push('What is missing or wrong:\n\n');
  for (const finding of findings) {
    const docs = ruleById(finding.rule)?.docsUrl;
    parts.push(`- ${escapeMarkdown(finding.message)}${docs ? ` ([${finding.rule}](${docs}))` : ` (${finding.rule})`}\n`);
  }
  return parts.join('');
}

/** Escapes Markdown syntax in plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

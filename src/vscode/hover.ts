// Hover on a flagged claim: its category, the source types that would satisfy it, and what is missing.
import * as vscode from 'vscode';
import { ruleById, type Config, type Diagnostic as CoreDiagnostic } from '../core';
import { toRange } from './convert';
import type { DraftLinter } from './diagnostics';
import type { Logger } from './logger';

export class ClaimHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly linter: DraftLinter,
    private readonly log: Logger,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    try {
      const latest = this.linter.resultFor(document);
      if (!latest) return undefined;
      const here = latest.result.diagnostics.filter((d) => toRange(document, d.start, d.end).contains(position));
      if (here.length === 0) return undefined;
      const range = here.map((d) => toRange(document, d.start, d.end)).reduce((a, b) => a.intersection(b) ?? a);
      return new vscode.Hover(describeClaim(here, latest.config), range);
    } catch (error) {
      this.log.error(`Hover for ${document.uri.fsPath} failed`, error);
      return undefined;
    }
  }
}

/** Describes the findings on one claim for a writer. */
export function describeClaim(findings: readonly CoreDiagnostic[], config: Config): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const withPolicy = findings.find((f) => f.policy ?? f.category);
  const policy = withPolicy?.policy ?? withPolicy?.category;
  md.appendMarkdown('**alliance-cite**');
  if (withPolicy?.category) {
    md.appendMarkdown(' \u2014 ');
    md.appendMarkdown(escapeMarkdown(`${withPolicy.category} claim`));
    if (policy && policy !== withPolicy.category) md.appendMarkdown(escapeMarkdown(` (${policy})`));
  }
  md.appendMarkdown('\n\n');
  if (policy) {
    const approved = config.categories[policy]?.approved ?? config.categories[withPolicy?.category ?? '']?.approved ?? [];
    if (approved.length > 0) {
      md.appendMarkdown('Approved sources:\n\n');
      for (const type of approved) {
        md.appendMarkdown('- ');
        md.appendMarkdown(escapeMarkdown(config.sources.types[type]?.label ?? type));
        md.appendMarkdown(` (\`${type}\`)\n`);
      }
      md.appendMarkdown('\n');
    }
  }
  md.appendMarkdown('What is missing or wrong:\n\n');
  for (const finding of findings) {
    md.appendMarkdown('- ');
    md.appendMarkdown(escapeMarkdown(finding.message));
    const docs = ruleById(finding.rule)?.docsUrl;
    md.appendMarkdown(docs ? ` ([${finding.rule}](${docs}))\n` : ` (${finding.rule})\n`);
  }
  return md;
}

/** Escapes Markdown syntax in plain text (MarkdownString.appendText would also turn spaces into &nbsp;). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

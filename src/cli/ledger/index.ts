// `alliance-cite report`: the claims ledger of a docs tree, with totals, as Markdown, JSON or HTML.
import type { Draft, DraftMessage } from '../draft';
import { internalErrorMessage, loadDraft } from '../draft';
import { type CommandContext, writeOutput } from '../run';
import { formatHtml } from './html';
import { formatMarkdown } from './markdown';
import { fileLedger, withTotals, type ReportData, type ReportFile } from './model';

/** Builds the ledger of every draft and writes each format asked for; exit code 0, or 2 on a problem. */
export function runReport(drafts: readonly Draft[], { settings, resolver, options, io, problems }: CommandContext): number {
  const asOf = settings.asOf ?? new Date().toISOString().slice(0, 10);
  const files: ReportFile[] = [];
  for (const draft of drafts) {
    const messages: DraftMessage[] = [];
    try {
      const loaded = loadDraft(draft, settings, resolver, messages);
      if (loaded) files.push(fileLedger(draft.displayPath, loaded.text, loaded.config, asOf, options.staleWithinDays));
    } catch (error) {
      messages.push(internalErrorMessage(draft, error));
    }
    for (const m of messages) (m.fail ? problems.fail(m.text) : problems.note(m.text));
  }
  const scope = options.stdin ? (options.stdinFilename ?? 'standard input') : options.patterns.length > 0 ? options.patterns.join(' ') : '.';
  const data = withTotals(files, { version: io.version, asOf, staleWithinDays: options.staleWithinDays, scope });
  for (const request of options.reportFormats) writeOutput(request, render(request.name, data), io, problems);
  return problems.failed ? 2 : 0;
}

function render(format: 'md' | 'json' | 'html', data: ReportData): string {
  switch (format) {
    case 'md':
      return formatMarkdown(data);
    case 'json':
      // Absent facts are written as null, so every claim has the same keys.
      return JSON.stringify({ format: 'alliance-cite/claims-ledger', formatVersion: 1, ...data }, (_key, value: unknown) => (value === undefined ? null : value), 2) + '\n';
    case 'html':
      return formatHtml(data);
  }
}

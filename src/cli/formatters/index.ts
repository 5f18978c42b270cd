// Renders a report in one of the output formats.
import type { FormatName } from '../args';
import type { FileReport } from '../report';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export interface FormatContext {
  cwd: string;
  version: string;
  /** Colour is used only by stylish, and only when writing to a terminal. */
  color: boolean;
  /** Say why each finding was reported (stylish and json). */
  explain: boolean;
}

export function formatReport(name: FormatName, reports: readonly FileReport[], context: FormatContext): string {
  switch (name) {
    case 'stylish':
      return formatStylish(reports, context.color, context.explain);
    case 'json':
      return formatJson(reports, context.explain);
    case 'sarif':
      return formatSarif(reports, context);
    case 'github':
      return formatGithub(reports, context.cwd);
  }
}

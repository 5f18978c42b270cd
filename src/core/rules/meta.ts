import type { RuleId, Severity } from '../types';

export const DOCS_BASE = 'https://github.com/alliance-cite/alliance-cite/blob/main/docs/rules/';

/** A rule's metadata: what config validation, docs, SARIF and the editor know about it. */
export interface RuleMeta {
  id: RuleId;
  description: string;
  defaultSeverity: Severity;
  /** Whether the rule offers a safe fix (applied by fix-all). */
  fixable: boolean;
  docsUrl: string;
  /** JSON Schema of the rule's `options` object. */
  optionsSchema: Record<string, unknown>;
}

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

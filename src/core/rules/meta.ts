// What every rule module exports: its metadata and its checks over the analysis.
import type { ClaimFinding } from '../evidence/analysis';
import type { RuleId, RuleSeverity } from '../types';
import type { Finding, RuleContext } from './context';

export const DOCS_BASE = 'https://github.com/alliance-cite/alliance-cite/blob/main/docs/rules/';

/** A rule's metadata: what config validation, docs, SARIF and the editor know about it. */
export interface RuleMeta {
  id: RuleId;
  description: string;
  /** `off` for a rule that needs facts a plain lint does not have (it is turned on by the command that supplies them). */
  defaultSeverity: RuleSeverity;
  /** Whether the rule offers a safe fix (applied by fix-all). */
  fixable: boolean;
  docsUrl: string;
  /** JSON Schema of the rule's `options` object. */
  optionsSchema: Record<string, unknown>;
}

/**
 * A rule: its metadata and one of two checks. Claim rules look at one claim at a time (its
 * citations, their types and dates); document rules look at the whole draft.
 */
export interface Rule {
  meta: RuleMeta;
  checkClaim?(ctx: RuleContext, claim: ClaimFinding): Finding[];
  checkDocument?(ctx: RuleContext): Finding[];
}

export const NO_OPTIONS: Record<string, unknown> = { type: 'object', additionalProperties: false, properties: {} };

export function docsUrl(id: RuleId): string {
  return `${DOCS_BASE}${id}.md`;
}

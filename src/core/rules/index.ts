// The rule registry. A rule is one module named by its id: its metadata, its check over the
// analysis and the fixes it offers (built with the helpers in ../fixes). Order is the spec's.
import { isRuleId } from '../types';
import { citationStub } from './citation-stub';
import { invalidRetrievalDate } from './invalid-retrieval-date';
import type { Rule, RuleMeta } from './meta';
import { missingCitation } from './missing-citation';
import { missingRetrievalDate } from './missing-retrieval-date';
import { staleRetrievalDate } from './stale-retrieval-date';
import { unreachableSource } from './unreachable-source';
import { unsupportedInference } from './unsupported-inference';
import { wrongSourceType } from './wrong-source-type';

export type { Rule, RuleMeta } from './meta';
export type { Finding, RuleContext } from './context';
export { isRuleId };

/** Every rule, in the order the spec lists them. */
export const RULE_MODULES: readonly Rule[] = [missingCitation, wrongSourceType, missingRetrievalDate, invalidRetrievalDate, staleRetrievalDate, unsupportedInference, citationStub, unreachableSource];

/** Metadata of every rule, in the order the spec lists them. */
export const RULES: readonly RuleMeta[] = RULE_MODULES.map((r) => r.meta);

export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

/** Rules that judge one claim at a time, and rules that look at the whole draft. */
export const CLAIM_RULES = RULE_MODULES.filter((r) => r.checkClaim);
export const DOCUMENT_RULES = RULE_MODULES.filter((r) => r.checkDocument);

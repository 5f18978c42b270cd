import type { RuleId } from '../types';
import { docsUrl, type RuleMeta } from './meta';

export type { RuleMeta } from './meta';

const noOptions = { type: 'object', additionalProperties: false, properties: {} };

/** Metadata of every rule, in the order the spec lists them. */
export const RULES: readonly RuleMeta[] = [
  {
    id: 'missing-citation',
    description: 'A claim about the AI Alliance has no citation in scope.',
    defaultSeverity: 'error',
    fixable: true,
    docsUrl: docsUrl('missing-citation'),
    optionsSchema: noOptions,
  },
  {
    id: 'wrong-source-type',
    description: 'A claim is cited, but no cited source is of a type approved for its category.',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('wrong-source-type'),
    optionsSchema: noOptions,
  },
  {
    id: 'missing-retrieval-date',
    description: "A current-state claim's citations carry no retrieval date.",
    defaultSeverity: 'warning',
    fixable: true,
    docsUrl: docsUrl('missing-retrieval-date'),
    optionsSchema: noOptions,
  },
  {
    id: 'invalid-retrieval-date',
    description: 'A retrieval date cannot be parsed, is not a retrieval date, or lies in the future.',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('invalid-retrieval-date'),
    optionsSchema: noOptions,
  },
  {
    id: 'stale-retrieval-date',
    description: 'A retrieval date is older than the maximum age configured for the claim category.',
    defaultSeverity: 'warning',
    fixable: false,
    docsUrl: docsUrl('stale-retrieval-date'),
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxAgeDays: { type: 'integer', minimum: 1, description: 'Overrides every category\u2019s maximum age.' } },
    },
  },
  {
    id: 'unsupported-inference',
    description: 'The text relies on an inference the sources forbid (affiliation as evidence of safety or openness, universal endorsement, universal maturity).',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('unsupported-inference'),
    optionsSchema: noOptions,
  },
  {
    id: 'citation-stub',
    description: 'A citation stub inserted by a fix still carries its unverified marker.',
    defaultSeverity: 'warning',
    fixable: false,
    docsUrl: docsUrl('citation-stub'),
    optionsSchema: noOptions,
  },
];

export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

export function isRuleId(id: string): id is RuleId {
  return RULES.some((r) => r.id === id);
}

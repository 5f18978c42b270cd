// stale-retrieval-date: the newest retrieval date of a current-state claim is older than its
// category's maximum age (or the rule's `maxAgeDays` option).
import { verifyClaim } from '../fixes/verify';
import { daysBetween } from '../language/dates';
import { claimEvidence, claimFinding, maxAge, POLICY_NAMES, suppression } from './context';
import { docsUrl, type Rule } from './meta';

export const staleRetrievalDate: Rule = {
  meta: {
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
  checkClaim(ctx, claim) {
    if (claim.resolution.citations.length === 0) return [];
    const { valid, dateRequired, policy, dated } = claimEvidence(ctx, claim);
    if (!dateRequired || valid.length === 0) return [];
    const newest = valid.reduce((a, b) => (a.iso! > b.iso! ? a : b));
    const age = daysBetween(newest.iso!, ctx.asOf);
    const limit = maxAge(ctx, policy);
    if (age <= limit) return [];
    const f = claimFinding(ctx, claim, 'stale-retrieval-date', `Retrieval date ${newest.iso} is ${age} days old; ${POLICY_NAMES[claim.judgement.policy]?.toLowerCase() ?? claim.judgement.category} claims need a source retrieved within ${limit} days. Re-check the source and update the date.`, [{ start: newest.start, end: newest.end, message: 'Retrieval date' }]);
    // Re-checked today: the newest date brought up to the lint date (an editor-only choice).
    const verified = verifyClaim(ctx.stubs, claim, dated);
    if (verified) f.suggestions.push(verified);
    f.suggestions.push(...suppression(ctx, claim, 'stale-retrieval-date'));
    return [f];
  },
};

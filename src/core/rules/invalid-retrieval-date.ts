// invalid-retrieval-date: a retrieval date that is relative, unparseable, not a date, or in the future.
import { claimEvidence, claimFinding, suppression } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const invalidRetrievalDate: Rule = {
  meta: {
    id: 'invalid-retrieval-date',
    description: 'A retrieval date cannot be parsed, is not a retrieval date, or lies in the future.',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('invalid-retrieval-date'),
    optionsSchema: NO_OPTIONS,
  },
  checkClaim(ctx, claim) {
    if (claim.resolution.citations.length === 0) return [];
    // One finding per claim: the first bad date is the one to fix.
    return claimEvidence(ctx, claim).invalid.slice(0, 1).map((d) => {
      const why = d.iso && d.iso > ctx.asOf ? `lies in the future (after ${ctx.asOf})` : d.problem === 'relative' ? 'is relative' : d.problem === 'not-a-date' ? 'is not a date' : d.problem === 'no-year' ? 'has no year and the draft has no date to fix it' : 'cannot be parsed';
      const f = claimFinding(ctx, claim, 'invalid-retrieval-date', `Retrieval date "${d.raw}" ${why}; write the day the source was retrieved, e.g. "retrieved ${ctx.asOf}".`, [{ start: d.start, end: d.end, message: 'Retrieval date' }]);
      f.suggestions.push(...suppression(ctx, claim, 'invalid-retrieval-date'));
      return f;
    });
  },
};

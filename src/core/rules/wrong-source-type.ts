// wrong-source-type: a claim is cited, but no citation is of a type its category accepts.
// Suggestions: a citation stub of each approved source (the writer chooses; never fix-all).
import { hostOf, sourceRegistry } from '../evidence/sources';
import { citationStub } from '../fixes/stubs';
import { claimEvidence, claimFinding, claimName, needs, stubSources, suppression } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const wrongSourceType: Rule = {
  meta: {
    id: 'wrong-source-type',
    description: 'A claim is cited, but no cited source is of a type approved for its category.',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('wrong-source-type'),
    optionsSchema: NO_OPTIONS,
  },
  checkClaim(ctx, claim) {
    const { citations } = claim.resolution;
    if (citations.length === 0) return [];
    const evidence = claimEvidence(ctx, claim);
    if (evidence.approved.length > 0) return [];
    const cited = citations.map((c) => `${c.url ? hostOf(c.url) : c.locator.kind === 'footnote' ? 'a footnote without a URL' : 'a source'} (${c.type})`);
    const f = claimFinding(ctx, claim, 'wrong-source-type', `${claimName(claim)} cites ${[...new Set(cited)].join(', ')}; ${needs(ctx, claim, true)}.`, evidence.related);
    const sources = claim.unit.kind !== 'front-matter' ? stubSources(ctx, claim) : [];
    if (sources.length > 0) {
      const registry = sourceRegistry(ctx.config);
      f.suggestions = sources.map((s) => citationStub(ctx.stubs, claim, s, `Add a citation stub: ${registry.label(s.type)}`, false));
    }
    f.suggestions.push(...suppression(ctx, claim, 'wrong-source-type'));
    return [f];
  },
};

// unreachable-source: a cited URL did not answer when `alliance-cite check-sources` fetched it, or
// its redirects now end at a different kind of source. The core never fetches: the facts arrive in
// `LintOptions.sourceStatus`, so a plain lint (and the editor) has nothing to report here.
import { sourceRegistry } from '../evidence/sources';
import { claimFinding, claimName, policyOf, type Finding } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

/** The Web Archive's list of snapshots of a URL: an address to try, never fetched by the tool. */
export function archiveSearchUrl(url: string): string {
  return `https://web.archive.org/web/*/${url}`;
}

export const unreachableSource: Rule = {
  meta: {
    id: 'unreachable-source',
    description: 'A cited URL did not answer when its sources were checked, or it now redirects to a different kind of source.',
    defaultSeverity: 'off',
    fixable: false,
    docsUrl: docsUrl('unreachable-source'),
    optionsSchema: NO_OPTIONS,
  },
  checkClaim(ctx, claim) {
    const facts = ctx.sourceStatus;
    if (!facts || facts.size === 0) return [];
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const c of claim.resolution.citations) {
      const status = c.url === undefined ? undefined : facts.get(c.url);
      if (!c.url || !status || seen.has(c.url)) continue;
      seen.add(c.url);
      const related = [{ start: c.locator.start, end: c.locator.end, message: `Cites ${c.url}` }];
      if (!status.ok) {
        const elsewhere = `find where it moved, or cite an archived copy (try ${archiveSearchUrl(c.url)})`;
        const message = status.transient
          ? `Cited source ${c.url} did not answer: ${status.problem ?? 'no answer'}. This may pass: check again later; if it persists, ${elsewhere}.`
          : `Cited source ${c.url} is unreachable: ${status.problem ?? 'no answer'}. ${elsewhere[0].toUpperCase()}${elsewhere.slice(1)}.`;
        out.push(claimFinding(ctx, claim, 'unreachable-source', message, related));
        continue;
      }
      if (status.finalUrl === undefined || status.finalUrl === c.url) continue;
      // A page that moved within its own kind of source (thealliance.ai to aialliance.org) still counts.
      const registry = sourceRegistry(ctx.config);
      const before = registry.typeOf(c.url);
      const after = registry.typeOf(status.finalUrl);
      if (before === after) continue;
      const { policy, category } = claim.judgement;
      const approved = policyOf(ctx.config, policy, category).approved.includes(after);
      const verdict = approved
        ? 'It is still approved for this claim: cite it where it is now.'
        : `${claimName(claim)}s do not accept ${after}: find the page that replaced it, or cite an archived copy (try ${archiveSearchUrl(c.url)}).`;
      out.push(claimFinding(ctx, claim, 'unreachable-source', `Cited source ${c.url} now redirects to ${status.finalUrl} (${after}), no longer ${before}. ${verdict}`, related));
    }
    return out;
  },
};

// missing-retrieval-date: a current-state claim's approved citations carry no retrieval date.
// Fix: a retrieval-date stub where the citation keeps its date, or in the row's Retrieved column.
import type { Citation } from '../evidence/citations';
import { hostOf } from '../evidence/sources';
import { retrievalDateStub } from '../fixes/dates';
import { verifyClaim } from '../fixes/verify';
import { UNVERIFIED } from '../language/dates';
import { claimEvidence, claimFinding, claimName, maxAge, POLICY_NAMES, suppression } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const missingRetrievalDate: Rule = {
  meta: {
    id: 'missing-retrieval-date',
    description: "A current-state claim's citations carry no retrieval date.",
    defaultSeverity: 'warning',
    fixable: true,
    docsUrl: docsUrl('missing-retrieval-date'),
    optionsSchema: NO_OPTIONS,
  },
  checkClaim(ctx, claim) {
    if (claim.resolution.citations.length === 0) return [];
    const evidence = claimEvidence(ctx, claim);
    if (!evidence.dateRequired || evidence.valid.length > 0 || evidence.invalid.length > 0) return [];
    const citations = evidence.dated;
    // A citation that already carries an unverified stub gets no second one: it awaits the writer.
    // Nor does one whose date is written as words that are no date: only the writer can replace them.
    const unstubbed = evidence.notDates.length > 0 ? [] : citations.filter((c) => !carriesStub(ctx.analysis.model.text, c));
    const hosts = [...new Set(citations.map((c) => (c.url ? hostOf(c.url) : c.type)))].join(', ');
    const kind = (POLICY_NAMES[claim.judgement.policy] ?? claim.judgement.category).toLowerCase();
    const why = evidence.notDates.length > 0 ? ` ("${evidence.notDates[0].raw}" is ${evidence.notDates[0].problem === 'relative' ? 'relative' : 'not a date'})` : '';
    const f = claimFinding(ctx, claim, 'missing-retrieval-date', `${claimName(claim)} cites ${hosts} with no retrieval date${why}; a current-state ${kind} claim needs the date the source was checked, within ${maxAge(ctx, evidence.policy)} days (e.g. "retrieved ${ctx.asOf}").`, [...evidence.notDates.map((d) => ({ start: d.start, end: d.end, message: 'Not a retrieval date' })), ...evidence.related]);
    const fix = unstubbed.length > 0 ? retrievalDateStub(ctx.stubs, claim, unstubbed.find((c) => c.dateSlot)) : undefined;
    if (fix) {
      f.fix = fix;
      f.suggestions.push(fix);
    }
    // Once the writer has checked the source: the date without a marker (an editor-only choice).
    const verified = verifyClaim(ctx.stubs, claim, citations);
    if (verified) f.suggestions.push(verified);
    f.suggestions.push(...suppression(ctx, claim, 'missing-retrieval-date'));
    return [f];
  },
};

/**
 * Whether a citation's definition, or its link and the rest of that line (where a date stub goes,
 * after the link or before the full stop), holds a TODO-verify marker.
 */
function carriesStub(text: string, c: Citation): boolean {
  const start = c.related ? c.related.start : c.locator.start;
  const end = c.related ? c.related.end : Math.max(c.locator.end, c.dateSlot?.at ?? 0);
  return text.slice(start, lineEndFrom(text, end)).includes(UNVERIFIED);
}

/** The end of the line holding `from`: the first CR or LF at or after it, or the end of the text. */
function lineEndFrom(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf === -1) return cr === -1 ? text.length : cr;
  return cr === -1 ? lf : Math.min(lf, cr);
}

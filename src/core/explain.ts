// Explanations in words, for the CLI's `--explain` and the editor's hover.
import type { CitationExplanation, Explanation } from './types';

const TIME_WORDS = {
  current: 'about the present state (needs a retrieval date)',
  historical: 'a dated past event (no retrieval date needed)',
  timeless: 'what something is or does (no retrieval date needed)',
} as const;

/** Describes why a finding was reported, one short line per fact. */
export function explanationLines(explain: Explanation | undefined): string[] {
  if (!explain) return [];
  const out: string[] = [];
  const c = explain.claim;
  if (c) {
    const how = [c.trigger ? `"${c.trigger}"` : undefined, c.subject ? `about "${c.subject}"` : undefined, c.hedged ? 'hedged' : undefined, c.negated ? 'negated' : undefined].filter(Boolean).join(', ');
    out.push(`claim: ${c.policyLabel} (${c.policy}), ${TIME_WORDS[c.time]}${how ? `; ${how}` : ''}`);
    out.push(`accepts: ${c.approved.length > 0 ? c.approved.join(', ') : 'no source type (none is configured)'}`);
    out.push(explain.citations.length > 0 ? `cites: ${explain.citations.map(citationWords).join('; ')}` : 'cites: nothing in scope');
  }
  const i = explain.inference;
  if (i) {
    const parts = [i.affiliation ? `"${i.affiliation}"` : undefined, i.quality ? `as evidence of "${i.quality}"` : undefined, i.link ? `(linked by "${i.link}")` : undefined].filter(Boolean).join(' ');
    out.push(`inference: ${i.kind}${parts ? `: ${parts}` : ''}`);
  }
  return out;
}

function citationWords(c: CitationExplanation): string {
  const where = c.url ?? `a ${c.kind} without a URL`;
  const dates = c.dates.length === 0 ? 'no retrieval date' : c.dates.map((d) => (d.problem ? `"${d.raw}" (${d.problem})` : `retrieved ${d.iso}`)).join(', ');
  return `${where} (${c.type}, ${c.approved ? 'approved' : 'not approved'}), ${dates}`;
}

// missing-citation: a claim has no citation in scope. Fix: a citation stub of an approved source.
import { sourceRegistry } from '../evidence/sources';
import { citationStub } from '../fixes/stubs';
import { claimFinding, claimName, needs, stubSources, suppression } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const missingCitation: Rule = {
  meta: {
    id: 'missing-citation',
    description: 'A claim about the AI Alliance has no citation in scope.',
    defaultSeverity: 'error',
    fixable: true,
    docsUrl: docsUrl('missing-citation'),
    optionsSchema: NO_OPTIONS,
  },
  checkClaim(ctx, claim) {
    const { citations, dangling } = claim.resolution;
    if (citations.length > 0) return [];
    const danglingNote = dangling.length ? ` (${dangling.map((d) => ctx.analysis.model.text.slice(d.start, d.end)).join(', ')} ${dangling.length === 1 ? 'has' : 'have'} no definition)` : '';
    const f = claimFinding(ctx, claim, 'missing-citation', `${claimName(claim)} has no citation${danglingNote}; ${needs(ctx, claim, true)}.`, dangling.map((d) => ({ start: d.start, end: d.end, message: 'Marker without a definition' })));
    // Front matter is YAML: a marker or a comment there would change the data, so it gets no edit.
    const editable = claim.unit.kind !== 'front-matter';
    const sources = editable ? stubSources(ctx, claim) : [];
    if (sources.length > 0) {
      // With a marker that resolves to nothing, the writer meant a source: offer stubs, but leave
      // the choice to them (fix-all would add a second citation beside the broken one).
      const safe = dangling.length === 0;
      const stubs = sources.map((s, i) => citationStub(ctx.stubs, claim, s, `Insert a citation stub: ${sourceRegistry(ctx.config).label(s.type)}`, safe && i === 0));
      if (safe) f.fix = stubs[0];
      f.suggestions = stubs;
    }
    f.suggestions.push(...suppression(ctx, claim, 'missing-citation'));
    return [f];
  },
};

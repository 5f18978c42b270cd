// unsupported-inference: the text relies on an inference the sources forbid (an Alliance
// affiliation as evidence of safety or openness, every member endorses every project, every
// project is mature). Found by the language stage; independent of the claim's citations.
import { suppressFix } from '../fixes/suppress';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const unsupportedInference: Rule = {
  meta: {
    id: 'unsupported-inference',
    description: 'The text relies on an inference the sources forbid (affiliation as evidence of safety or openness, universal endorsement, universal maturity).',
    defaultSeverity: 'error',
    fixable: false,
    docsUrl: docsUrl('unsupported-inference'),
    optionsSchema: NO_OPTIONS,
  },
  checkDocument(ctx) {
    return ctx.analysis.inferences.map((i) => {
      const suppress = ctx.fixes === false ? undefined : suppressFix(ctx.stubs, i.sentence.start, 'unsupported-inference', i.unit.kind);
      return {
        rule: 'unsupported-inference' as const,
        category: i.match.category,
        start: i.sentence.start,
        end: i.sentence.end,
        message: i.match.message,
        related: [],
        suggestions: suppress ? [suppress] : [],
        explain: { citations: [], inference: { kind: i.match.kind, affiliation: readable(i.match.affiliation), quality: i.match.quality, link: i.match.link } },
      };
    });
  },
};

/** Project names are matched as one placeholder word; explanations name them generically. */
function readable(words: string | undefined): string | undefined {
  return words?.replace(/AllianceProject/g, 'an Alliance project');
}

// citation-stub: a stub inserted by a fix still carries its TODO-verify marker.
import { UNVERIFIED } from '../language/dates';
import type { Finding } from './context';
import { docsUrl, NO_OPTIONS, type Rule } from './meta';

export const citationStub: Rule = {
  meta: {
    id: 'citation-stub',
    description: 'A citation stub inserted by a fix still carries its unverified marker.',
    defaultSeverity: 'warning',
    fixable: false,
    docsUrl: docsUrl('citation-stub'),
    optionsSchema: NO_OPTIONS,
  },
  /** Every TODO-verify outside code. */
  checkDocument(ctx) {
    const { text, code } = ctx.analysis.model;
    const out: Finding[] = [];
    for (let i = text.indexOf(UNVERIFIED); i !== -1; i = text.indexOf(UNVERIFIED, i + UNVERIFIED.length)) {
      if (code.some(([s, e]) => i >= s && i < e) || insideInlineCode(text, i)) continue;
      const pos = ctx.stubs.lines.positionAt(i);
      const lineStart = ctx.stubs.lines.lineStart(pos.line);
      const lineEnd = ctx.stubs.lines.lineEnd(pos.line);
      out.push({ rule: 'citation-stub', start: lineStart, end: lineEnd, message: `Unverified citation stub: open the source, check that it supports the claim and the date, then remove "${UNVERIFIED}".`, related: [{ start: i, end: i + UNVERIFIED.length, message: 'Unverified marker' }], suggestions: [] });
    }
    return out;
  },
};

/** Whether an offset lies between backticks on its line (inline code). */
function insideInlineCode(text: string, at: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  const ticks = text.slice(lineStart, at).split('`').length - 1;
  return ticks % 2 === 1;
}

// citation-stub: a stub inserted by a fix still carries its TODO-verify marker. Suggestion: mark
// it as verified (no suppression: that would publish the marker).
import { isStubMarker, verifyLine } from '../fixes/verify';
import { UNVERIFIED } from '../language/dates';
import type { Fix } from '../types';
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
    const { model } = ctx.analysis;
    const { text } = model;
    const out: Finding[] = [];
    // Findings on one line share one fix, which verifies every stub of the line.
    const byLine = new Map<number, Fix | undefined>();
    for (let i = text.indexOf(UNVERIFIED); i !== -1; i = text.indexOf(UNVERIFIED, i + UNVERIFIED.length)) {
      if (!isStubMarker(model, i)) continue;
      const { line } = ctx.stubs.lines.positionAt(i);
      if (!byLine.has(line)) byLine.set(line, ctx.fixes === false ? undefined : verifyLine(ctx.stubs, line));
      const verify = byLine.get(line);
      const lineStart = ctx.stubs.lines.lineStart(line);
      const lineEnd = ctx.stubs.lines.lineEnd(line);
      out.push({ rule: 'citation-stub', start: lineStart, end: lineEnd, message: `Unverified citation stub: open the source, check that it supports the claim and the date, then remove "${UNVERIFIED}".`, related: [{ start: i, end: i + UNVERIFIED.length, message: 'Unverified marker' }], suggestions: verify ? [verify] : [] });
    }
    return out;
  },
};

// Suppression comments offered as editor suggestions for any finding.
import type { Fix } from '../types';
import type { StubContext } from './stubs';

/** Suppresses a rule for the claim's line with a comment that does not change the block structure. */
export function suppressFix(ctx: StubContext, start: number, rule: string, unitStart: number, topLevel: boolean): Fix {
  const text = ctx.analysis.model.text;
  const line = ctx.lines.positionAt(start).line;
  const lineStart = ctx.lines.lineStart(line);
  const startsBlock = topLevel && ctx.lines.positionAt(unitStart).line === line && lineStart === unitStart;
  if (startsBlock) {
    return { title: `Suppress ${rule} for this line`, edits: [{ start: lineStart, end: lineStart, text: `<!-- alliance-cite-disable-next-line ${rule} -->${ctx.eol}` }] };
  }
  let end = ctx.lines.lineEnd(line);
  // Inside a table row the comment goes into the last cell, before the closing pipe.
  const lineText = text.slice(lineStart, end);
  if (/^\s*\|.*\|\s*$/.test(lineText)) end = lineStart + lineText.lastIndexOf('|');
  return { title: `Suppress ${rule} for this line`, edits: [{ start: end, end, text: ` <!-- alliance-cite-disable-line ${rule} -->` }] };
}

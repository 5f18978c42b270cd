// Suppression comments offered as editor suggestions: one form, a trailing
// `<!-- alliance-cite-disable-line RULE -->` on the finding's first line. An inline comment at the
// end of a line changes no block structure anywhere a claim can sit: mid-paragraph, list items,
// table rows, footnotes, blockquotes, headings. A comment line above (`disable-next-line`) would
// split a paragraph, end a list or a table, or break out of a footnote.
import type { UnitKind } from '../markdown/model';
import type { Fix } from '../types';
import type { StubContext } from './stubs';

/** Suppresses `rule` on the line of `start`, or offers nothing where no comment can go safely. */
export function suppressFix(ctx: StubContext, start: number, rule: string, unitKind: UnitKind): Fix | undefined {
  const { model } = ctx.analysis;
  const text = model.text;
  // Front matter is YAML: an HTML comment there would change the data.
  if (unitKind === 'front-matter' || (model.frontMatter && start < model.frontMatter.end)) return undefined;
  const line = ctx.lines.positionAt(start).line;
  const lineStart = ctx.lines.lineStart(line);
  const at = oncePerLine(ctx, line, unitKind, () => {
    const point = commentPoint(text, lineStart, ctx.lines.lineEnd(line), unitKind);
    // Inside code the comment would be code, not a directive.
    return point === undefined || model.code.some(([s, e]) => point > s && point < e) ? undefined : point;
  });
  if (at === undefined) return undefined;
  return { title: `Suppress ${rule} for this line`, kind: 'suppress', edits: [{ start: at, end: at, text: ` <!-- alliance-cite-disable-line ${rule} -->` }] };
}

// Where the comment goes, worked out once per line: a line of thousands of claims has as many
// findings, and each look at the line costs its length.
const commentPoints = new WeakMap<StubContext, Map<string, number | undefined>>();

function oncePerLine(ctx: StubContext, line: number, unitKind: UnitKind, compute: () => number | undefined): number | undefined {
  let points = commentPoints.get(ctx);
  if (!points) commentPoints.set(ctx, (points = new Map()));
  const key = `${line}:${unitKind}`;
  if (!points.has(key)) points.set(key, compute());
  return points.get(key);
}

/** Where a trailing comment goes on a line so that the line still ends the way it did. */
function commentPoint(text: string, lineStart: number, lineEnd: number, unitKind: UnitKind): number | undefined {
  let end = lineEnd;
  // Trailing spaces or a backslash make a hard line break: they must stay last.
  while (end > lineStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end > lineStart && text[end - 1] === '\\' && text[end - 2] !== '\\') end--;
  const lineText = text.slice(lineStart, end);
  // A table row's closing pipe stays last: the comment goes into the last cell.
  if (unitKind === 'table-row' && /[^\\]\|$/.test(lineText) && lineText.indexOf('|') < lineText.length - 1) {
    end--;
    while (end > lineStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  }
  // An ATX heading's closing hashes stay last, or they would become part of the heading's text.
  if (unitKind === 'heading') {
    const closing = /^ {0,3}#{1,6}[ \t].*?([ \t]+#+)$/.exec(lineText);
    if (closing) end -= closing[1].length;
  }
  // An unclosed code span on this line continues onto the next: the comment would be code.
  if ((text.slice(lineStart, end).match(/`+/g) ?? []).length % 2 === 1) return undefined;
  return end;
}

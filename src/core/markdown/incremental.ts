// Incremental re-parse for editors: after an edit, only the top-level blocks around the change are
// parsed again; blocks before it are kept and blocks after it are shifted. Whenever the change could
// alter how text outside that window parses, it falls back to a full parse.
import type { Root, RootContent } from 'mdast';
import { editBetween, type Edit } from '../text';
import { parseMarkdown, parseBody, shiftNode, shiftNodeLazily, type ParsedMarkdown } from './parse';

export interface ParseSnapshot {
  text: string;
  parsed: ParsedMarkdown;
}

/** The most blocks a window may grow to before a full parse is cheaper and simpler. */
const MAX_WINDOW_BLOCKS = 40;

/**
 * Parses `text`, reusing the blocks of `previous` that the edit cannot have changed. A caller
 * that has already compared the two texts passes what it found as `edit`.
 */
export function reparse(previous: ParseSnapshot | undefined, text: string, edit?: Edit): ParsedMarkdown {
  if (!previous) return parseMarkdown(text);
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (base !== previous.parsed.base) return parseMarkdown(text);
  const { at, oldEnd } = edit ?? editBetween(previous.text, text);
  // Both texts start with the same BOM or none, so the change lies after it.
  return reparseBody(previous.text.slice(base), text.slice(base), previous.parsed.root, base, at - base, oldEnd - base) ?? parseMarkdown(text);
}

/** The re-parse of the bodies (BOM left out); [p, changeEnd) of the old body is what changed. */
function reparseBody(oldBody: string, body: string, root: Root, base: number, p: number, changeEnd: number): ParsedMarkdown | undefined {
  const children = root.children;
  if (children.length === 0) return undefined;
  // An unclosed front matter fence changes how the parser reads blocks far below it.
  if (/^---[ \t]*(?:\r?\n|\r)/.test(body) && children[0].type !== 'yaml') return undefined;
  // Mixed line endings: a CR before an LF makes block boundaries depend on more than the window.
  if (body.includes('\r') && body.includes('\n') && /[^\r]\n|\r(?!\n)/.test(body)) return undefined;
  const delta = body.length - oldBody.length;

  let i0 = children.findIndex((c) => end(c) >= p);
  if (i0 === -1) i0 = children.length - 1;
  let i1 = i0;
  while (i1 + 1 < children.length && start(children[i1 + 1]) <= changeEnd) i1++;
  // A change inside one block leaves the blank lines around it: its neighbours cannot read
  // differently (what could reach them — an unclosed fence, a list meeting a list — is checked
  // below). A change at or between blocks' edges takes the neighbours along.
  const inside = i0 === i1 && p > start(children[i0]) && changeEnd < end(children[i0]);
  if (!inside) {
    i0 = Math.max(0, i0 - 1);
    i1 = Math.min(children.length - 1, i1 + 1);
  }
  // Grow the window until blank lines at column 0 separate it from its neighbours.
  while (i0 > 0 && !cleanBoundary(oldBody, children[i0 - 1], children[i0])) i0--;
  while (i1 < children.length - 1 && !cleanBoundary(oldBody, children[i1], children[i1 + 1])) i1++;
  if (i1 - i0 + 1 > MAX_WINDOW_BLOCKS) return undefined;
  // The first block has no boundary before it to check (front matter, a leading BOM or heading
  // can change how everything after reads): an edit there is parsed in full.
  if (i0 === 0) return undefined;
  const window = children.slice(i0, i1 + 1);
  if (window.some((c) => c.type === 'definition' || c.type === 'footnoteDefinition')) return undefined;

  const A = start(children[i0]);
  const oldB = i1 + 1 < children.length ? start(children[i1 + 1]) : oldBody.length;
  if (A > p || oldB < changeEnd) return undefined;
  const slice = body.slice(A, oldB + delta);
  if (/^ {0,3}\[[^\]\n]+\]:/m.test(slice)) return undefined;
  // The edit may have touched the window's edges: it must still start unindented and, unless it
  // runs to the end, still end with a blank line, or its neighbours could join it.
  if (i0 > 0 && /^[ \t]/.test(slice)) return undefined;
  // The parser drops a BOM at the start of its input, and reads a `---` there as front matter;
  // inside a draft both are something else.
  if (slice.charCodeAt(0) === 0xfeff || /^[ \t]*---/.test(slice)) return undefined;
  const tail = i1 === children.length - 1;
  if (!tail && !/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(slice)) return undefined;

  // References in the window resolve against definitions elsewhere: parse them along, then drop them.
  // Only the labels matter for that, and only those the window mentions: a one-line stand-in
  // per label keeps the re-parse as small as the window itself.
  const sliceLower = slice.toLowerCase();
  const stubs: string[] = [];
  children.forEach((c, i) => {
    if ((i >= i0 && i <= i1) || (c.type !== 'definition' && c.type !== 'footnoteDefinition')) return;
    const label = c.label ?? c.identifier;
    if (!sliceLower.includes(label.toLowerCase()) && !sliceLower.includes(c.identifier)) return;
    stubs.push(c.type === 'footnoteDefinition' ? `[^${label}]: x` : `[${label}]: x`);
  });
  const defsText = stubs.join('\n\n');
  const parsed = parseBody(defsText ? `${slice}\n\n${defsText}\n` : slice);
  const fresh: RootContent[] = [];
  for (const node of parsed.children) {
    if (start(node) >= slice.length) break;
    if (end(node) > slice.length) return undefined;
    fresh.push(node);
  }
  const last = fresh[fresh.length - 1];
  // A fence or HTML block left open runs on into the blocks after the window.
  if (!tail && last && (last.type === 'html' || (last.type === 'code' && !closedCode(slice.slice(start(last), end(last))))) && end(last) >= slice.trimEnd().length) return undefined;
  // Two adjacent lists with the same marker are one list: let a full parse decide.
  if (i0 > 0 && children[i0 - 1].type === 'list' && fresh[0]?.type === 'list') return undefined;
  if (!tail && last?.type === 'list' && children[i1 + 1].type === 'list') return undefined;
  for (const node of fresh) shiftNode(node, A);
  const after = children.slice(i1 + 1);
  if (delta !== 0) for (const node of after) shiftNodeLazily(node, delta);
  return { root: { ...root, children: [...children.slice(0, i0), ...fresh, ...after] }, base };
}

/** Whether a code block's source is indented code or a fenced block with its closing fence. */
function closedCode(source: string): boolean {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(source);
  if (!open) return true;
  const lines = source.split(/\r\n|\r|\n/);
  const close = lines.length > 1 ? /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[lines.length - 1]) : null;
  return close !== null && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}

/** Two blocks are independent if a blank line separates them and the second starts unindented. */
function cleanBoundary(text: string, before: RootContent, after: RootContent): boolean {
  const gap = text.slice(end(before), start(after));
  if (!/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/.test(gap)) return false;
  const s = start(after);
  const lineStart = s === 0 || text[s - 1] === '\n' || text[s - 1] === '\r';
  // Adjacent lists are checked after the re-parse (they merge when their markers match).
  return lineStart && !/[ \t]/.test(text[s] ?? '') && !(before.type === 'list' && after.type === 'list');
}

function start(n: { position?: { start: { offset?: number } } }): number {
  return n.position?.start.offset ?? 0;
}

function end(n: { position?: { end: { offset?: number } } }): number {
  return n.position?.end.offset ?? 0;
}

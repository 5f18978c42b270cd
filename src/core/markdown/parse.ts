import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';
import { closesFence, FENCE } from './fences';
import { cutLongParagraphs } from './long-paragraphs';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

export interface ParsedMarkdown {
  root: Root;
  /** Added to every mdast offset to get an offset into the original text (1 when it starts with a BOM). */
  base: number;
}

/** Parses Markdown with GFM and YAML front matter. Offsets are mapped back onto the exact input. */
export function parseMarkdown(text: string): ParsedMarkdown {
  // micromark drops a leading BOM without counting it; parse without it and shift offsets back.
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { root: parseBody(base ? text.slice(1) : text), base };
}

const plainProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Parses text that has no BOM. */
export function parseBody(body: string): Root {
  // The parser drops a BOM at the start of its input: a second one (the first is the caller's)
  // would shift every offset, so it is read as a space.
  const unmarked = body.charCodeAt(0) === 0xfeff ? ' ' + body.slice(1) : body;
  const input = capNesting(cutLongParagraphs(defuseWideRows(defuseDelimiterRuns(unmarked))));
  try {
    return processor.parse(input) as Root;
  } catch (error) {
    // GFM's autolink transform recurses once per nesting level; thousands of nested quotes or
    // lists overflow the stack. CommonMark alone parses them, so the prose is still checked.
    if (error instanceof RangeError) return plainProcessor.parse(input) as Root;
    throw error;
  }
}

/** Container markers (`>`, list bullets) one line may open before the rest is read as text. */
const MAX_NESTING = 64;
/** Leading spaces beyond which a line's indentation no longer nests it deeper. */
const MAX_INDENT = 256;

/**
 * Turns container markers beyond MAX_NESTING on a line into inert look-alike characters of the
 * same length (`›` for `>`, `‐` for bullets), so 10,000 nested quotes or lists parse in linear
 * time as text inside the 64th level; offsets are unchanged.
 */
export function capNesting(body: string): string {
  let out: string[] | undefined;
  let last = 0;
  let lineStart = 0;
  while (lineStart < body.length) {
    let p = lineStart;
    let depth = 0;
    // Indentation deeper than MAX_INDENT (lists nested by indentation) becomes inert spacing too.
    let indentEnd = lineStart;
    while (body[indentEnd] === ' ' || body[indentEnd] === '\t') indentEnd++;
    if (indentEnd - lineStart > MAX_INDENT) {
      out ??= [];
      out.push(body.slice(last, lineStart), '\u2002'.repeat(indentEnd - lineStart));
      last = indentEnd;
      p = indentEnd;
    }
    for (;;) {
      while (body[p] === ' ' || body[p] === '\t') p++;
      const c = body[p];
      let markerEnd = -1;
      if (c === '>') markerEnd = p + 1;
      else if ((c === '-' || c === '*' || c === '+') && (body[p + 1] === ' ' || body[p + 1] === '\t')) markerEnd = p + 1;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let q = p;
        while (q < body.length && q - p < 9 && body[q] >= '0' && body[q] <= '9') q++;
        if ((body[q] === '.' || body[q] === ')') && (body[q + 1] === ' ' || body[q + 1] === '\t')) markerEnd = q + 1;
      }
      if (markerEnd === -1) break;
      depth++;
      if (depth > MAX_NESTING && p >= last) {
        out ??= [];
        out.push(body.slice(last, p), body.slice(p, markerEnd).replace(/>/g, '\u203a').replace(/[-*+]/g, '\u2010').replace(/[\d.)]/g, '\u2024'));
        last = markerEnd;
      }
      p = markerEnd;
    }
    const eol = body.indexOf('\n', p);
    if (eol === -1) break;
    lineStart = eol + 1;
  }
  if (!out) return body;
  out.push(body.slice(last));
  return out.join('');
}

/** Emphasis or bracket characters on one line beyond which parsing turns quadratic. */
const DELIMITER_LIMIT = 400;

/**
 * Blanks the emphasis and bracket characters of lines that hold hundreds of them (pasted data,
 * generated junk), keeping every offset: the parser is quadratic on such runs, and they are
 * never prose or citations a writer meant. Counted per line, so a long block of footnote
 * definitions or a table keeps its markup.
 */
export function defuseDelimiterRuns(body: string): string {
  let count = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 42 || c === 95 || c === 91 || c === 93) count++;
  }
  if (count <= DELIMITER_LIMIT) return body;
  return body.replace(/[^\n]+/g, (line) => {
    if (line.length <= DELIMITER_LIMIT) return line;
    let n = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 42 || c === 95 || c === 91 || c === 93) n++;
    }
    return n > DELIMITER_LIMIT ? line.replace(/[*_[\]]/g, ' ') : line;
  });
}

/** Table cells one line may hold before its pipes are read as text. */
const MAX_ROW_CELLS = 200;

/**
 * Blanks the pipes of lines that hold hundreds of them, keeping every offset: the table parser's
 * cost grows with the square of a table's cells, and a row that wide is data, not a table a
 * writer reads. Such a line parses as prose, so its claims are still checked.
 */
export function defuseWideRows(body: string): string {
  let count = 0;
  for (let i = body.indexOf('|'); i !== -1 && count <= MAX_ROW_CELLS; i = body.indexOf('|', i + 1)) count++;
  if (count <= MAX_ROW_CELLS) return body;
  return body.replace(/[^\n]+/g, (line) => {
    if (line.length <= MAX_ROW_CELLS) return line;
    let n = 0;
    for (let i = line.indexOf('|'); i !== -1 && n <= MAX_ROW_CELLS; i = line.indexOf('|', i + 1)) n++;
    return n > MAX_ROW_CELLS ? line.replace(/\|/g, ' ') : line;
  });
}

/** Start and end offsets of an mdast node in the original text. */
export function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base: number): [number, number] {
  const s = node.position?.start.offset ?? 0;
  const e = node.position?.end.offset ?? s;
  return [s + base, e + base];
}

/** Drafts above this size are not re-parsed incrementally by an editor session. */
export const CHUNK_THRESHOLD = 1_000_000;
/**
 * Characters a chunk holds (up to one and a half times this, at a block boundary): a parse needs
 * transient memory many times its input, so drafts are parsed in chunks of this size.
 */
const CHUNK_TARGET = 16_000;
const DEFINITION_LABEL = /^ {0,3}\[(\^?)((?:[^\]\\\n]|\\.){1,999})\]:/gm;
const BRACKETED = /\[\^?((?:[^[\]\\\n]|\\.){1,999})\]/y;
const FOOTNOTE_START = /^\[\^(?:[^\]\\\n]|\\.){1,999}\]:/;
/** HTML blocks that may hold blank lines, with what ends each (CommonMark kinds 1 to 5). */
const HTML_BLOCK = /^ {0,3}(?:<(script|pre|style|textarea)(?:\s|>|$)|(<!--)|(<\?)|(<![A-Za-z])|(<!\[CDATA\[))/i;

/**
 * Parses a draft chunk by chunk, yielding its top-level blocks with offsets as `parseMarkdown`
 * gives them (into the text without a leading BOM; add `base` for the text itself).
 * Chunks end at a blank line outside fenced code and multi-line HTML, before an unindented line
 * that does not start a list item, so no block spans two chunks. References in a chunk resolve
 * against definitions anywhere: the chunk is parsed with a one-line stand-in for each label it
 * mentions that another chunk defines (only labels matter; the stand-ins are dropped).
 */
export function* parseInChunks(text: string): Generator<RootContent> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let labels: Map<string, string> | undefined;
  let start = 0;
  while (start < body.length) {
    const end = chunkEnd(body, start);
    const chunk = body.slice(start, end);
    if (start === 0 && end === body.length) {
      yield* parseBody(chunk).children;
      return;
    }
    labels ??= definedLabels(body);
    const stubs = standIns(chunk, labels);
    const root = parseBody(stubs ? `${chunk}\n\n${stubs}\n` : chunk);
    for (const node of root.children) {
      const s = node.position?.start.offset ?? 0;
      if (s >= chunk.length) break;
      shiftNode(node, start);
      yield node;
    }
    start = end;
  }
}

/** Labels a line defines (`[label]:` or `[^label]:`), normalised, with a one-line stand-in definition. */
function definedLabels(body: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const m of body.matchAll(DEFINITION_LABEL)) {
    const key = `${m[1]}${normaliseLabel(m[2])}`;
    if (!labels.has(key)) labels.set(key, `[${m[1]}${m[2]}]: x`);
  }
  return labels;
}

/** Stand-in definitions for the defined labels a chunk mentions in brackets. */
function standIns(chunk: string, labels: Map<string, string>): string {
  if (labels.size === 0) return '';
  const found = new Set<string>();
  for (let i = chunk.indexOf('['); i !== -1; i = chunk.indexOf('[', i + 1)) {
    BRACKETED.lastIndex = i;
    const m = BRACKETED.exec(chunk);
    if (!m) continue;
    const label = normaliseLabel(m[1]);
    for (const key of [label, `^${label}`]) {
      const stub = labels.get(key);
      if (stub) found.add(stub);
    }
  }
  return [...found].join('\n\n');
}

/** A link label as CommonMark matches it: case-folded, inner white space collapsed. */
function normaliseLabel(label: string): string {
  return label.replace(/[ \t\r\n]+/g, ' ').trim().toLowerCase().toUpperCase();
}

/** Where the chunk that starts at `from` ends: a safe block boundary after about CHUNK_TARGET characters. */
function chunkEnd(body: string, from: number): number {
  if (body.length - from <= CHUNK_TARGET * 1.5) return body.length;
  let fence: string | undefined;
  let html: RegExp | undefined;
  let pos = from;
  let previousBlank = false;
  let previousFootnote = false;
  // Front matter may hold blank lines: no chunk ends inside it.
  if (from === 0 && /^---[ \t]*\r?\n/.test(body)) {
    const open = body.indexOf('\n') + 1;
    const close = /^---[ \t]*\r?$/m.exec(body.slice(open));
    if (close) pos = body.indexOf('\n', open + close.index) + 1 || body.length;
  }
  while (pos < body.length) {
    let eol = body.indexOf('\n', pos);
    if (eol === -1) eol = body.length;
    const line = body.slice(pos, eol).replace(/\r$/, '');
    const f = FENCE.exec(line);
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
    } else if (html) {
      if (html.test(line)) html = undefined;
    } else if (f) {
      fence = f[1];
    } else if ((html = htmlBlockEnd(line))) {
      // A block that ends on the line it starts is no longer open.
      if (html.test(line.slice(line.indexOf('<') + 2))) html = undefined;
    } else if (pos - from >= CHUNK_TARGET && mayStartChunk(line, previousBlank, previousFootnote)) {
      return pos;
    }
    previousBlank = line.trim() === '';
    previousFootnote = !fence && !html && FOOTNOTE_START.test(line);
    pos = eol + 1;
  }
  return body.length;
}

/**
 * Whether a chunk may start with `line`: an unindented line after a blank one that starts no list
 * item, quote, table row or HTML; or a footnote definition right after another, which it ends (so
 * a long run of them is cut too).
 */
function mayStartChunk(line: string, afterBlank: boolean, afterFootnote: boolean): boolean {
  if (FOOTNOTE_START.test(line)) return afterBlank || afterFootnote;
  return afterBlank && /^[^\s>*+\-\d|<\uFEFF]/.test(line) && !line.startsWith('[^');
}

/** For a line that opens an HTML block which blank lines do not end, what ends it. */
function htmlBlockEnd(line: string): RegExp | undefined {
  const m = HTML_BLOCK.exec(line);
  if (!m) return undefined;
  if (m[1]) return new RegExp(`</${m[1]}>`, 'i');
  if (m[2]) return /-->/;
  if (m[3]) return /\?>/;
  if (m[4]) return />/;
  return /\]\]>/;
}

// Moves owed to the descendants of top-level blocks that a re-parse moved by their top only.
const owedMoves = new WeakMap<RootContent, number>();

/**
 * Moves a top-level block by `by`, its own position at once and its descendants' when they are
 * next read (`settleNode`): an editor session reuses what the block yielded, and never reads
 * inside it again unless it must walk it afresh.
 */
export function shiftNodeLazily(node: RootContent, by: number): void {
  if (by === 0) return;
  if (node.position) {
    if (node.position.start.offset !== undefined) node.position.start.offset += by;
    if (node.position.end.offset !== undefined) node.position.end.offset += by;
  }
  if ('children' in node) owedMoves.set(node, (owedMoves.get(node) ?? 0) + by);
}

/** Applies the moves owed to a top-level block's descendants; call before walking inside it. */
export function settleNode(node: RootContent): void {
  const by = owedMoves.get(node);
  if (by === undefined) return;
  owedMoves.delete(node);
  if ('children' in node) for (const child of node.children as RootContent[]) shiftNode(child, by);
}

/** Moves a node and its descendants by `by` code units (offsets only; line/column are not used). */
export function shiftNode(node: RootContent, by: number): void {
  if (by === 0) return;
  const stack: { position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }[] = [node as never];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.position) {
      if (n.position.start.offset !== undefined) n.position.start.offset += by;
      if (n.position.end.offset !== undefined) n.position.end.offset += by;
    }
    if (Array.isArray(n.children)) for (const c of n.children) stack.push(c as never);
  }
}

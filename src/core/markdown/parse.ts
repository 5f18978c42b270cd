import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root, RootContent } from 'mdast';

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
  const input = capNesting(defuseWideRows(defuseDelimiterRuns(unmarked)));
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

/** Drafts above this size are parsed in chunks (bounded memory and no quadratic corners). */
export const CHUNK_THRESHOLD = 1_000_000;
const CHUNK_TARGET = 200_000;
const DEFINITION_LINE = /^ {0,3}\[(?:[^\]\\\n]|\\.){1,999}\]:.*$/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Parses a large draft chunk by chunk, yielding its top-level blocks with offsets into the whole
 * text. Chunks end at a blank line outside fenced code, before an unindented line that does not
 * start a list item, so no block spans two chunks; every chunk is parsed with the draft's
 * definition lines appended, so references resolve as in a whole parse.
 */
export function* parseInChunks(text: string): Generator<RootContent> {
  const base = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = base ? text.slice(1) : text;
  const definitions = (body.match(DEFINITION_LINE) ?? []).join('\n');
  let start = 0;
  while (start < body.length) {
    const end = chunkEnd(body, start);
    const chunk = body.slice(start, end);
    const root = parseBody(definitions ? `${chunk}\n\n${definitions}\n` : chunk);
    for (const node of root.children) {
      const s = node.position?.start.offset ?? 0;
      if (s >= chunk.length) break;
      shiftNode(node, start + base);
      yield node;
    }
    start = end;
  }
}

/** Where the chunk that starts at `from` ends: a safe block boundary after about CHUNK_TARGET characters. */
function chunkEnd(body: string, from: number): number {
  if (body.length - from <= CHUNK_TARGET * 1.5) return body.length;
  let fence: string | undefined;
  let pos = from;
  let previousBlank = false;
  while (pos < body.length) {
    let eol = body.indexOf('\n', pos);
    if (eol === -1) eol = body.length;
    const line = body.slice(pos, eol).replace(/\r$/, '');
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
    } else if (f) {
      fence = f[1];
    } else if (pos - from >= CHUNK_TARGET && previousBlank && /^[^\s>*+\-\d|<\uFEFF]/.test(line) && !/^\[\^/.test(line)) {
      return pos;
    }
    previousBlank = line.trim() === '';
    pos = eol + 1;
  }
  return body.length;
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

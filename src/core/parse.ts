import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';

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

/** Parses text that has no BOM. */
export function parseBody(body: string): Root {
  return processor.parse(body) as Root;
}

/** Start and end offsets of an mdast node in the original text. */
export function span(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, base: number): [number, number] {
  const s = node.position?.start.offset ?? 0;
  const e = node.position?.end.offset ?? s;
  return [s + base, e + base];
}

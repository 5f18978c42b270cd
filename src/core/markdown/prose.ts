import type { Nodes, Parent, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { readFrontMatter } from './frontmatter';
import { MaskBuilder } from './mask';
import { normaliseLabel, type Definition, type DocumentModel, type Locator, type Segment, type Unit } from './model';
import { settleNode, span } from './parse';
import { readDirectives, readHtmlBlock } from './html';

/** Headings that open a list of sources rather than prose. */
const SOURCE_WORD = '(?:references?|sources?|bibliography|citations?|notes|footnotes|endnotes|works\\s+cited|further\\s+reading|see\\s+also|links|resources|reading\\s+list)';
const SOURCE_SECTION = new RegExp(`^\\W*${SOURCE_WORD}(?:\\s*(?:and|&|,)\\s*${SOURCE_WORD})*\\W*$`, 'i');

interface Context {
  blockquote: boolean;
  footnote?: string;
}

/** Builds the document model: prose units, locators and the tables citations resolve against. */
export function buildModel(text: string, root: Root | Iterable<RootContent>, base: number): DocumentModel {
  const model: DocumentModel = {
    text,
    units: [],
    definitions: new Map(),
    footnotes: new Map(),
    numbered: new Map(),
    directives: [],
    notes: [],
    styles: { footnote: 0, reference: 0, key: 0, numbered: 0, inline: 0 },
    labels: new Set(),
    code: [],
  };
  let section = '';
  let sourceSectionDepth = 0; // depth of the heading that opened a source list; 0: none
  const stack: { node: Nodes; ctx: Context }[] = [];
  // Top-level blocks are pulled one at a time, so a chunked parse of a huge draft never holds
  // the whole tree in memory.
  const blocks = ('type' in root ? root.children : root)[Symbol.iterator]();

  const addUnit = (u: Omit<Unit, 'inSourceList' | 'section'>): Unit => {
    const unit: Unit = { ...u, inSourceList: sourceSectionDepth > 0, section };
    model.units.push(unit);
    return unit;
  };

  // An editor session re-parses only the blocks around an edit and keeps the other block objects,
  // so what a block yields is cached by identity and reused, shifted, when the block comes again.
  let current: { node: RootContent; start: number; units: number; code: number; definitions: Definition[]; footnotes: [string, number, number][] } | undefined;
  const finishBlock = (): void => {
    if (!current || current.node.type === 'yaml') return;
    blockCache.set(current.node, {
      start: current.start,
      units: model.units.slice(current.units),
      code: model.code.slice(current.code),
      definitions: current.definitions,
      footnotes: current.footnotes,
    });
  };
  const reuseBlock = (cached: CachedBlock, start: number): void => {
    const delta = start - cached.start;
    if (delta !== 0) shiftBlock(cached, delta);
    for (const u of cached.units) {
      if (u.kind === 'heading' && u.headingDepth !== undefined) enterHeading(u.segments[0]?.masked.trim() ?? '', u.headingDepth);
      u.inSourceList = sourceSectionDepth > 0;
      u.section = section;
      model.units.push(u);
      if (u.kind === 'paragraph' && u.inSourceList) collectBracketEntries(model, u);
      if (u.kind === 'list-item' && (u.inSourceList || u.listNumber !== undefined)) noteNumberedEntry(model, u);
    }
    for (const d of cached.definitions) if (!model.definitions.has(d.id)) model.definitions.set(d.id, d);
    for (const [id, s, e] of cached.footnotes) {
      model.labels.add(id);
      model.footnotes.set(id, { id, start: s, end: e, contentEnd: e, urls: [], text: '', textStart: s });
    }
    model.code.push(...cached.code);
  };
  const enterHeading = (text: string, depth: number): void => {
    section = text;
    if (SOURCE_SECTION.test(section)) sourceSectionDepth = depth;
    else if (sourceSectionDepth > 0 && depth <= sourceSectionDepth) sourceSectionDepth = 0;
  };

  for (;;) {
    if (stack.length === 0) {
      finishBlock();
      current = undefined;
      const next = blocks.next();
      if (next.done) break;
      const start = span(next.value, base)[0];
      const cached = blockCache.get(next.value);
      if (cached) {
        reuseBlock(cached, start);
        continue;
      }
      settleNode(next.value);
      current = { node: next.value, start, units: model.units.length, code: model.code.length, definitions: [], footnotes: [] };
      stack.push({ node: next.value, ctx: { blockquote: false } });
    }
    const { node, ctx } = stack.pop()!;
    const [start, end] = span(node, base);
    switch (node.type) {
      case 'yaml': {
        const yamlStart = text.indexOf(node.value, start);
        const fm = readFrontMatter(text, yamlStart < 0 ? start : yamlStart, node.value, start, end);
        model.frontMatter = fm.frontMatter;
        model.notes.push(...fm.notes);
        for (const f of fm.proseFields) {
          const locators: Locator[] = f.url ? [{ kind: 'bare-url', start: f.url.start, end: f.url.end, url: f.url.value }] : [];
          addUnit({ kind: 'front-matter', start: f.segment.start, end: f.segment.end, segments: [f.segment], locators, field: f.key });
        }
        break;
      }
      case 'heading': {
        const { segment, locators } = phrasing(text, node, base, start, end);
        enterHeading(segment.masked.trim(), node.depth);
        addUnit({ kind: 'heading', start, end, segments: [segment], locators, footnote: ctx.footnote, headingDepth: node.depth });
        break;
      }
      case 'paragraph': {
        const { segment, locators } = phrasing(text, node, base, start, end);
        if (!ctx.footnote && pipeRows(text, segment, locators, (row) => addUnit(row))) break;
        const unit = addUnit({ kind: ctx.footnote ? 'footnote' : 'paragraph', start, end, segments: [segment], locators, footnote: ctx.footnote });
        if (unit.inSourceList) collectBracketEntries(model, unit);
        break;
      }
      case 'list': {
        const first = node.start ?? 1;
        for (let i = node.children.length - 1; i >= 0; i--) {
          const item = node.children[i];
          (item as { listNumber?: number }).listNumber = node.ordered ? first + i : undefined;
          stack.push({ node: item, ctx });
        }
        break;
      }
      case 'listItem': {
        const segments: Segment[] = [];
        const locators: Locator[] = [];
        const rest: Nodes[] = [];
        for (const child of node.children) {
          if (child.type === 'paragraph' || child.type === 'heading') {
            const [s, e] = span(child, base);
            const p = phrasing(text, child, base, s, e);
            segments.push(p.segment);
            locators.push(...p.locators);
          } else rest.push(child);
        }
        const listNumber = (node as { listNumber?: number }).listNumber;
        if (segments.length > 0) {
          const unit = addUnit({ kind: ctx.footnote ? 'footnote' : 'list-item', start, end: segments[segments.length - 1].end, segments, locators, footnote: ctx.footnote, listNumber });
          if (unit.inSourceList || listNumber !== undefined) noteNumberedEntry(model, unit);
        }
        for (let i = rest.length - 1; i >= 0; i--) stack.push({ node: rest[i], ctx });
        break;
      }
      case 'blockquote':
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], ctx: { ...ctx, blockquote: true } });
        break;
      case 'table':
        tableUnits(text, node, base, addUnit);
        break;
      case 'html':
        readHtmlBlock(text, node.value, start, (u) => addUnit(u));
        break;
      case 'definition': {
        const id = normaliseLabel(node.identifier);
        const definition = { id, url: node.url, title: node.title ?? undefined, start, end };
        current?.definitions.push(definition);
        if (!model.definitions.has(id)) model.definitions.set(id, definition);
        break;
      }
      case 'footnoteDefinition': {
        const id = normaliseLabel(node.identifier);
        model.labels.add(id);
        current?.footnotes.push([id, start, end]);
        for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i], ctx: { ...ctx, footnote: id } });
        // The definition's text and links are gathered once its paragraphs have been walked.
        model.footnotes.set(id, { id, start, end, contentEnd: end, urls: [], text: '', textStart: start });
        break;
      }
      case 'code':
        model.code.push([start, end]);
        break;
      default:
        break; // thematic breaks: nothing to read
    }
  }
  finishFootnotes(model);
  readDirectives(text, model);
  const hidden = templateCommentRanges(text);
  if (hidden.length > 0) model.units = model.units.filter((u) => !hidden.some(([s, e]) => u.start >= s && u.end <= e));
  for (const u of model.units) {
    for (const l of u.locators) {
      if (l.kind === 'footnote') model.styles.footnote++;
      else if (l.kind === 'reference') model.styles.reference++;
      else if (l.kind === 'key') model.styles.key++;
      else if (l.kind === 'numbered') model.styles.numbered++;
      else model.styles.inline++;
    }
  }
  for (const id of model.definitions.keys()) model.labels.add(id);
  return model;
}

const TEMPLATE_COMMENT = /\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}/g;

/** Jekyll/Liquid `{% comment %}…{% endcomment %}` blocks: never published, so never read as claims. */
function templateCommentRanges(text: string): [number, number][] {
  if (!text.includes('{%')) return [];
  const ranges: [number, number][] = [];
  for (const m of text.matchAll(TEMPLATE_COMMENT)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

interface CachedBlock {
  start: number;
  units: Unit[];
  code: [number, number][];
  definitions: Definition[];
  footnotes: [string, number, number][];
}

const blockCache = new WeakMap<object, CachedBlock>();

/** Moves a cached block's units, definitions and code ranges by `delta`. */
function shiftBlock(block: CachedBlock, delta: number): void {
  block.start += delta;
  for (const u of block.units) {
    u.start += delta;
    u.end += delta;
    for (const seg of u.segments) {
      seg.start += delta;
      seg.end += delta;
    }
    for (const l of u.locators) {
      l.start += delta;
      l.end += delta;
    }
  }
  for (const d of block.definitions) {
    d.start += delta;
    d.end += delta;
  }
  for (const f of block.footnotes) {
    f[1] += delta;
    f[2] += delta;
  }
  for (const c of block.code) {
    c[0] += delta;
    c[1] += delta;
  }
}

/** Fills each footnote definition's text and URLs from the units walked inside it. */
function finishFootnotes(model: DocumentModel): void {
  const byId = new Map<string, Unit[]>();
  for (const u of model.units) {
    if (!u.footnote) continue;
    const list = byId.get(u.footnote) ?? [];
    list.push(u);
    byId.set(u.footnote, list);
  }
  for (const [id, def] of model.footnotes) {
    const units = byId.get(id) ?? [];
    def.urls = units.flatMap((u) => u.locators.filter((l) => l.url).map((l) => l.url!));
    def.text = units.map((u) => u.segments.map((s) => s.masked).join(' ')).join(' ');
    def.textStart = units[0]?.start ?? def.start;
    def.contentEnd = units.length ? units[units.length - 1].end : def.end;
  }
}

/** Masks a phrasing container (paragraph, heading, cell) and collects its locators. */
export function phrasing(text: string, container: Parent, base: number, start: number, end: number): { segment: Segment; locators: Locator[] } {
  const mask = new MaskBuilder(text, start, end);
  const locators: Locator[] = [];
  const stack: Nodes[] = [];
  for (let i = container.children.length - 1; i >= 0; i--) stack.push(container.children[i] as Nodes);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const [s, e] = span(node, base);
    switch (node.type) {
      case 'text':
        mask.keepAligned(s, e, node.value);
        break;
      case 'link': {
        const kind = text.charCodeAt(s) === 60 /* < */ ? 'autolink' : text.charCodeAt(s) === 91 /* [ */ ? 'inline' : 'bare-url';
        locators.push({ kind, start: s, end: e, url: node.url, title: node.title ?? undefined });
        if (kind === 'inline') pushChildren(stack, node.children);
        break;
      }
      case 'linkReference':
        locators.push({ kind: 'reference', start: s, end: e, id: normaliseLabel(node.identifier) });
        pushChildren(stack, node.children);
        break;
      case 'footnoteReference':
        locators.push({ kind: 'footnote', start: s, end: e, id: normaliseLabel(node.identifier) });
        break;
      case 'html': {
        const href = /^<a\s[^>]*?href\s*=\s*["']?([^"'\s>]+)/i.exec(node.value);
        if (href) locators.push({ kind: 'html', start: s, end: e, url: href[1] });
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
        pushChildren(stack, node.children);
        break;
      default:
        break; // inline code, images, breaks: not prose
    }
  }
  const segment: Segment = { start, end, masked: mask.build() };
  // Kramdown attribute lists (`{:target="_blank"}`, `{: .note}`) are markup, not words.
  if (segment.masked.includes('{:')) segment.masked = segment.masked.replace(/\{:[^{}\n]{0,200}\}/g, (m) => ' '.repeat(m.length));
  const literal = literalMarkers(segment);
  if (literal.length > 0) {
    // Markers are citations, not words: blank them so "members.[^1] Next" splits into two sentences.
    for (const l of literal) mask.blank(l.start, l.end);
    segment.masked = mask.build();
  }
  locators.push(...literal);
  locators.sort((a, b) => a.start - b.start);
  return { segment, locators };
}

function pushChildren(stack: Nodes[], children: PhrasingContent[]): void {
  for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
}

const FOOTNOTE_LITERAL = /\[\^([^\]\s]{1,100})\]/g;
const REFERENCE_LITERAL = /\]\[([^\]\n]{1,100})\]/g;
const NUMBERED_LITERAL = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]/g;
const KEY_BRACKET = /\[([^\[\]]{0,300}?@[^\[\]]{1,300})\]/g;
const KEY = /(?:^|[\s;,(\[-])@([A-Za-z0-9_][\w:.#$%&+?<>~\/-]*[A-Za-z0-9_])/g;

/** Markers left as literal text by the parser: dangling footnotes and references, `[n]`, `[@key]`. */
function literalMarkers(seg: Segment): Locator[] {
  const out: Locator[] = [];
  const m = seg.masked;
  if (m.indexOf('[') === -1) return out;
  for (const x of m.matchAll(FOOTNOTE_LITERAL)) out.push({ kind: 'footnote', start: seg.start + x.index, end: seg.start + x.index + x[0].length, id: normaliseLabel(x[1]) });
  for (const x of m.matchAll(REFERENCE_LITERAL)) out.push({ kind: 'reference', start: seg.start + x.index + 1, end: seg.start + x.index + x[0].length, id: normaliseLabel(x[1]) });
  for (const x of m.matchAll(NUMBERED_LITERAL)) {
    for (const n of expandNumbers(x[1])) out.push({ kind: 'numbered', start: seg.start + x.index, end: seg.start + x.index + x[0].length, id: n });
  }
  for (const x of m.matchAll(KEY_BRACKET)) {
    for (const k of x[1].matchAll(KEY)) out.push({ kind: 'key', start: seg.start + x.index, end: seg.start + x.index + x[0].length, id: k[1].toLowerCase() });
  }
  return out;
}

/** "1, 3-5" → ["1", "3", "4", "5"] (ranges capped to stay small). */
function expandNumbers(s: string): string[] {
  const out: string[] = [];
  for (const part of s.split(',')) {
    const r = /^\s*(\d+)\s*(?:[–-]\s*(\d+))?\s*$/.exec(part);
    if (!r) continue;
    const a = Number(r[1]);
    const b = r[2] ? Math.min(Number(r[2]), a + 20) : a;
    for (let n = a; n <= b; n++) out.push(String(n));
  }
  return out;
}

/** Records an ordered list item (or a source-list item) as a numbered reference entry. */
function noteNumberedEntry(model: DocumentModel, unit: Unit): void {
  const n = unit.listNumber;
  if (n === undefined) return;
  const key = String(n);
  const urls = unit.locators.filter((l) => l.url).map((l) => l.url!);
  const existing = model.numbered.get(key);
  // Prefer an entry in a source list, then one with a URL, then the first seen.
  if (existing && (existing.urls.length > 0 || !unit.inSourceList)) return;
  model.numbered.set(key, { n: key, start: unit.start, end: unit.end, urls, text: unit.segments.map((s) => s.masked).join(' '), textStart: unit.start });
}

/** Lines such as `[1] IBM Newsroom, … https://…` in a source section. */
function collectBracketEntries(model: DocumentModel, unit: Unit): void {
  const seg = unit.segments[0];
  const re = /(?:^|\s{2,}|\s)\[(\d{1,3})\]\s/g;
  // The raw text: the masked one has the "[n]" markers blanked as citations.
  const raw = model.text.slice(seg.start, seg.end);
  const hits = [...raw.matchAll(re)].filter((h) => h.index === 0 || /^\s*$/.test(seg.masked.slice(0, h.index)) || model.text[seg.start + h.index] === '\n' || /\n\s*$/.test(model.text.slice(seg.start, seg.start + h.index + 1)));
  for (let i = 0; i < hits.length; i++) {
    const s = seg.start + hits[i].index;
    const e = i + 1 < hits.length ? seg.start + hits[i + 1].index : seg.end;
    const urls = unit.locators.filter((l) => l.url && l.start >= s && l.start < e).map((l) => l.url!);
    model.numbered.set(hits[i][1], { n: hits[i][1], start: s, end: e, urls, text: seg.masked.slice(s - seg.start, e - seg.start), textStart: s });
  }
}

/** One unit per body row of a Markdown table; segments are cells, headers name them. */
function tableUnits(text: string, table: Table, base: number, addUnit: (u: Omit<Unit, 'inSourceList' | 'section'>) => Unit): void {
  const [headerRow, ...body] = table.children;
  const headers = headerRow ? headerRow.children.map((c) => {
    const [s, e] = span(c, base);
    return phrasing(text, c, base, s, e).segment.masked.trim();
  }) : [];
  // A key/value table has no header row: its first row ("| **Authors** | The work group |") is data.
  const keyValue = headers.length === 2 && headerRow !== undefined && /^\*\*[^*]+\*\*:?$|^__[^_]+__:?$/.test(text.slice(...span(headerRow.children[0], base)).trim());
  for (const row of keyValue ? table.children : body) {
    const [start, end] = span(row, base);
    const segments: Segment[] = [];
    const locators: Locator[] = [];
    for (const cell of row.children) {
      const [s, e] = span(cell, base);
      const p = phrasing(text, cell, base, s, e);
      segments.push(p.segment);
      locators.push(...p.locators);
    }
    addUnit({ kind: 'table-row', start, end, segments, locators, headers: keyValue ? [] : headers });
  }
}

/**
 * Lines written as table rows without the delimiter row GFM needs ("| **Authors** | The work
 * group |") are read as rows of a key/value table. Returns false when the paragraph is prose.
 */
function pipeRows(text: string, segment: Segment, locators: Locator[], addRow: (u: Omit<Unit, 'inSourceList' | 'section'>) => void): boolean {
  const raw = text.slice(segment.start, segment.end);
  const lines = raw.split(/\r?\n|\r/);
  if (lines.length === 0 || !lines.every((l) => /^\s*\|.*\|\s*$/.test(l))) return false;
  let offset = segment.start;
  for (const line of lines) {
    const cells: Segment[] = [];
    let from = offset + line.indexOf('|') + 1;
    for (let bar = text.indexOf('|', from); bar !== -1 && bar < offset + line.length; bar = text.indexOf('|', from)) {
      cells.push({ start: from, end: bar, masked: segment.masked.slice(from - segment.start, bar - segment.start) });
      from = bar + 1;
    }
    const rowStart = offset;
    const rowEnd = offset + line.length;
    addRow({ kind: 'table-row', start: rowStart, end: rowEnd, segments: cells, locators: locators.filter((l) => l.start >= rowStart && l.start < rowEnd), headers: [] });
    offset = rowEnd + (text.startsWith('\r\n', rowEnd) ? 2 : 1);
  }
  return true;
}


import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import type { FrontMatter, FrontMatterSource, Segment } from './model';
import { maskRaw } from './mask';

/** Front-matter fields whose text is prose that may hold claims. */
const PROSE_FIELDS = new Set(['title', 'subtitle', 'description', 'summary', 'abstract', 'excerpt', 'lead', 'tagline', 'caption', 'teaser']);
const SOURCE_KEYS = ['sources', 'references'] as const;
const RETRIEVED_KEYS = ['retrieved', 'accessed', 'retrieval-date', 'retrieved-on', 'accessed-on', 'checked'];
// The URL of the object a news stub or feed item describes: it cites the object's text fields.
const URL_KEYS = new Set(['url', 'link', 'originalurl', 'original_url', 'weburl', 'web_url', 'canonical', 'canonicalurl', 'canonical_url', 'href', 'permalink', 'source', 'sourceurl', 'source_url']);

/** A prose field of the front matter, with the URL field of the same object that cites it. */
export interface ProseField {
  segment: Segment;
  /** The YAML key: `title` and `subtitle` are titles, the rest (excerpt, abstract…) prose. */
  key: string;
  url?: { value: string; start: number; end: number };
}

export interface FrontMatterResult {
  frontMatter: FrontMatter;
  proseFields: ProseField[];
  notes: { start: number; end: number; message: string }[];
}

/**
 * Reads YAML front matter: the document date, the sources cited by `[@id]`, and prose fields.
 * `start` is the offset of the YAML text (after the opening `---` line) in the document.
 */
export function readFrontMatter(text: string, yamlStart: number, yamlText: string, blockStart: number, blockEnd: number): FrontMatterResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const frontMatter: FrontMatter = { start: blockStart, end: blockEnd, sources: new Map() };
  const notes: FrontMatterResult['notes'] = [];
  const proseFields: ProseField[] = [];
  for (const err of doc.errors) {
    const at = yamlStart + (err.pos?.[0] ?? 0);
    notes.push({ start: at, end: Math.min(yamlStart + (err.pos?.[1] ?? err.pos?.[0] ?? 0), blockEnd), message: `Invalid YAML front matter: ${firstLine(err.message)}` });
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { frontMatter, proseFields, notes };

  for (const pair of doc.contents.items as Pair<YamlNode, YamlNode>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
    const value = pair.value;
    if (key === 'date' && isScalar(value)) frontMatter.date = String(value.value);
    if (key === 'title' && isScalar(value) && typeof value.value === 'string') frontMatter.title = value.value;
    if (!(SOURCE_KEYS as readonly string[]).includes(key) && isSeq(value)) {
      // Related items of a feed or news stub: each object's text is cited by its own URL field.
      for (const item of value.items.slice(0, 200)) if (isMap(item)) readProseFields(text, yamlStart, item.items as Pair<YamlNode, YamlNode>[], proseFields);
    }
    if ((SOURCE_KEYS as readonly string[]).includes(key) && value) {
      frontMatter.sourcesKey = key as FrontMatter['sourcesKey'];
      readSources(value, yamlStart, yamlText, frontMatter);
    }
  }
  readProseFields(text, yamlStart, doc.contents.items as Pair<YamlNode, YamlNode>[], proseFields);
  proseFields.sort((a, b) => a.segment.start - b.segment.start);
  return { frontMatter, proseFields, notes };
}

/** Collects an object's prose fields, each cited by the object's URL field if it has one. */
function readProseFields(text: string, yamlStart: number, pairs: Pair<YamlNode, YamlNode>[], out: ProseField[]): void {
  let url: ProseField['url'];
  const fields: ProseField[] = [];
  for (const pair of pairs) {
    const key = isScalar(pair.key) ? String(pair.key.value).toLowerCase() : '';
    const value = pair.value;
    if (!isScalar(value) || typeof value.value !== 'string' || !value.range) continue;
    const [s, e] = [yamlStart + value.range[0], yamlStart + value.range[1]];
    if (PROSE_FIELDS.has(key)) fields.push({ segment: { start: s, end: e, masked: maskRaw(text, s, e) }, key });
    else if (URL_KEYS.has(key) && !url && /^(?:https?:)?\/\//i.test(value.value.trim())) url = { value: value.value.trim(), start: s, end: e };
  }
  for (const f of fields) out.push(url ? { ...f, url } : f);
}

function readSources(value: YamlNode, yamlStart: number, yamlText: string, fm: FrontMatter): void {
  const entries: [string | undefined, YamlNode][] = [];
  // The node whose line gives the indentation of a new entry: the first item, or the first key.
  let firstAnchor: YamlNode | undefined;
  if (isSeq(value)) {
    fm.sourcesStyle = 'list';
    for (const item of value.items as YamlNode[]) entries.push([undefined, item]);
    firstAnchor = entries[0]?.[1];
  } else if (isMap(value)) {
    fm.sourcesStyle = 'map';
    for (const pair of value.items as Pair<YamlNode, YamlNode>[]) {
      if (isScalar(pair.key)) entries.push([String(pair.key.value), pair.value as YamlNode]);
    }
    firstAnchor = (value.items[0] as Pair<YamlNode, YamlNode> | undefined)?.key ?? undefined;
  } else return;
  if (value.range && !value.flow) {
    // New entries go after the last one, on a line of their own with the same indentation.
    fm.sourcesInsertAt = yamlStart + value.range[1];
    const at = firstAnchor?.range?.[0];
    const lineStart = at !== undefined ? yamlText.lastIndexOf('\n', at - 1) + 1 : 0;
    const indentMatch = at !== undefined ? /^[ \t]*/.exec(yamlText.slice(lineStart, at)) : null;
    fm.sourcesIndent = indentMatch?.[0] ?? '  ';
  }
  for (const [mapKey, node] of entries) {
    if (!node || !isMap(node) || !node.range) continue;
    const field = (name: string): YamlNode | undefined => {
      for (const pair of node.items as Pair<YamlNode, YamlNode>[]) {
        if (isScalar(pair.key) && String(pair.key.value).toLowerCase() === name) return pair.value ?? undefined;
      }
      return undefined;
    };
    const idNode = field('id') ?? field('key') ?? field('label');
    const id = mapKey ?? (idNode && isScalar(idNode) ? String(idNode.value) : undefined);
    if (!id) continue;
    const urlNode = field('url') ?? field('link') ?? field('href');
    const typeNode = field('type');
    const source: FrontMatterSource = {
      id,
      url: urlNode && isScalar(urlNode) ? String(urlNode.value) : undefined,
      type: typeNode && isScalar(typeNode) ? String(typeNode.value) : undefined,
      start: yamlStart + node.range[0],
      end: yamlStart + node.range[1],
    };
    for (const k of RETRIEVED_KEYS) {
      const r = field(k);
      if (r && r.range) {
        source.retrieved = { raw: retrievedText(r), start: yamlStart + r.range[0], end: yamlStart + r.range[1] };
        break;
      }
    }
    fm.sources.set(id.toLowerCase(), source);
  }
}

/** A retrieval date as text: a scalar, or CSL-JSON `date-parts: [[y, m, d]]`. */
function retrievedText(node: YamlNode): string {
  if (isScalar(node)) return node.value instanceof Date ? node.value.toISOString().slice(0, 10) : String(node.value ?? '');
  const js = node.toJSON() as { 'date-parts'?: number[][] } | null;
  const parts = js?.['date-parts']?.[0];
  if (parts && parts.length === 3) return `${parts[0]}-${String(parts[1]).padStart(2, '0')}-${String(parts[2]).padStart(2, '0')}`;
  return JSON.stringify(js);
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

// The document model the analysis builds from mdast: prose units with masked text, the links and
// markers inside them, and the document-wide tables citations resolve against.

export type UnitKind = 'paragraph' | 'heading' | 'list-item' | 'table-row' | 'footnote' | 'front-matter';

/** A stretch of prose: `masked` has the same length as [start, end) of the source. */
export interface Segment {
  start: number;
  end: number;
  masked: string;
}

export type LinkKind = 'inline' | 'autolink' | 'bare-url' | 'html' | 'reference' | 'footnote' | 'numbered' | 'key';

/** A locator found in prose: a link, or a marker that must resolve to a definition. */
export interface Locator {
  kind: LinkKind;
  start: number;
  end: number;
  /** URL for links; undefined for markers until resolved. */
  url?: string;
  /** Identifier for reference links, footnotes, numbered markers and keys (normalised). */
  id?: string;
  /** Link title (inline links) — may hold a retrieval date. */
  title?: string;
}

/** Front-matter fields that are titles or teasers: one sentence each, judged as headings are. */
export const TITLE_FIELDS = new Set(['title', 'subtitle', 'headline', 'name', 'description', 'teaser', 'tagline', 'caption']);

export interface Unit {
  kind: UnitKind;
  start: number;
  end: number;
  segments: Segment[];
  locators: Locator[];
  /** Label of the footnote definition this unit belongs to. */
  footnote?: string;
  /** Inside a references/sources section: entries there are sources, not claims. */
  inSourceList: boolean;
  /** For ordered list items: the item's number (numbered reference lists). */
  listNumber?: number;
  /** For table rows: the header text of each segment (cell). */
  headers?: string[];
  /** For headings: the level (1–6). */
  headingDepth?: number;
  /** For front-matter units: the YAML key of the field (title, excerpt, abstract…). */
  field?: string;
  /** Text of the nearest heading above, for context. */
  section: string;
}

/** A link reference definition `[id]: url "title"`. */
export interface Definition {
  id: string;
  url: string;
  title?: string;
  start: number;
  end: number;
}

/** A footnote definition: its range, the links inside it, and its masked text. */
export interface FootnoteDef {
  id: string;
  start: number;
  end: number;
  /** Range of the definition's content (after `[^id]:`). */
  contentEnd: number;
  urls: string[];
  text: string;
  textStart: number;
}

/** One entry of a numbered reference list (`1. …` under References, or `[1] …`). */
export interface NumberedEntry {
  n: string;
  start: number;
  end: number;
  urls: string[];
  text: string;
  textStart: number;
}

/** A source declared in front matter (`sources:` / `references:`), cited with `[@id]`. */
export interface FrontMatterSource {
  id: string;
  url?: string;
  type?: string;
  /** Retrieval date as written, and its offsets in the document. */
  retrieved?: { raw: string; start: number; end: number };
  start: number;
  end: number;
}

export interface FrontMatter {
  start: number;
  end: number;
  /** The document's own date (`date:`), if any, as written. */
  date?: string;
  /** The document's title (`title:`), if any. */
  title?: string;
  sources: Map<string, FrontMatterSource>;
  /** End offset of the `sources:`/`references:` block, where a fix can add an entry. */
  sourcesKey?: 'sources' | 'references';
  sourcesInsertAt?: number;
  sourcesIndent?: string;
  /** Whether entries are a list (`- id: …`) or a map (`id: {…}`). */
  sourcesStyle?: 'list' | 'map';
}

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty: every rule. */
  rules: string[];
  start: number;
  end: number;
}

export interface DocumentModel {
  text: string;
  units: Unit[];
  definitions: Map<string, Definition>;
  footnotes: Map<string, FootnoteDef>;
  numbered: Map<string, NumberedEntry>;
  frontMatter?: FrontMatter;
  directives: Directive[];
  /** Problems with the draft itself (invalid front matter…). */
  notes: { start: number; end: number; message: string }[];
  /** Whether the draft already uses each citation style (decides the stub style). */
  styles: { footnote: number; reference: number; key: number; numbered: number; inline: number };
  /** Ranges of code blocks (never prose). */
  code: [number, number][];
  /** Footnote labels in use, so stubs get unique ones. */
  labels: Set<string>;
}

/** Normalises a reference or footnote label as CommonMark matches them. */
export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

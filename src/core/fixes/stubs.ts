// Citation stubs in the draft's own citation style, marked TODO-verify until the writer confirms
// them. Claims citing one URL share one stub definition: every fix for that URL carries the same
// definition edit, which `applyFixes` makes once.
import type { Analysis, ClaimFinding } from '../evidence/analysis';
import { UNVERIFIED } from '../language/dates';
import { detectEol, LineIndex } from '../text';
import type { Fix, TextEdit } from '../types';

export type StubStyle = 'footnote' | 'reference' | 'key';

/** A stub definition: its label, and where it already sits if the draft holds it. */
interface StubLabel {
  label: string;
  /** Offset of the TODO-verify marker of a stub definition already in the draft. */
  existingMarker?: number;
}

export interface StubContext {
  analysis: Analysis;
  asOf: string;
  eol: string;
  lines: LineIndex;
  style: StubStyle;
  /** Labels the draft uses: footnotes, link definitions, front-matter sources. */
  labels: Set<string>;
  /** Labels handed out to safe fixes of this lint run, which fix-all applies together. */
  reserved: Set<string>;
  /** The stub label of each URL: a stub definition in the draft, or one handed to a safe fix. */
  byUrl: Map<string, StubLabel>;
  /** Stub definitions in the draft, with the offset of their first marker in the text. */
  stubDefinitions: { start: number; firstMarker: number }[];
  /** Computed on first use: what goes before a footnote or link definition appended to the draft. */
  footnotePrefix?: string;
  referencePrefix?: string;
}

export function stubContext(analysis: Analysis, asOf: string, lines: LineIndex): StubContext {
  const { model } = analysis;
  const labels = new Set(model.labels);
  for (const id of model.frontMatter?.sources.keys() ?? []) labels.add(id);
  const style = stubStyle(analysis);
  const ctx: StubContext = { analysis, asOf, eol: detectEol(model.text), lines, style, labels, reserved: new Set(), byUrl: new Map(), stubDefinitions: [] };
  readStubDefinitions(ctx);
  return ctx;
}

/** The style new stubs take: front-matter keys, reference links or footnotes, as the draft cites. */
function stubStyle({ model }: Analysis): StubStyle {
  if (model.styles.key > 0 && model.frontMatter?.sourcesInsertAt !== undefined && model.styles.key >= model.styles.footnote) return 'key';
  if (model.styles.reference > 0 && model.styles.reference > model.styles.footnote) return 'reference';
  return 'footnote';
}

/**
 * Finds the stub definitions (carrying TODO-verify) of the draft's stub style: a new claim citing
 * the same URL cites that definition instead of adding a copy, and a new definition goes before
 * those whose first marker comes later in the text, so definitions stay in the order they are cited.
 */
function readStubDefinitions(ctx: StubContext): void {
  const { model } = ctx.analysis;
  const text = model.text;
  const locatorKind = ctx.style;
  const firstMarker = new Map<string, number>();
  for (const u of model.units) {
    for (const l of u.locators) {
      if (l.kind !== locatorKind || !l.id) continue;
      const id = l.id.toLowerCase();
      if (!firstMarker.has(id) || l.start < firstMarker.get(id)!) firstMarker.set(id, l.start);
    }
  }
  const found = (id: string, url: string | undefined, start: number, end: number, lineStart: number | undefined): void => {
    const marker = text.indexOf(UNVERIFIED, start);
    if (!url || marker === -1 || marker >= end) return;
    if (!ctx.byUrl.has(url)) ctx.byUrl.set(url, { label: id, existingMarker: marker });
    const first = firstMarker.get(id.toLowerCase());
    if (first !== undefined && lineStart !== undefined) ctx.stubDefinitions.push({ start: lineStart, firstMarker: first });
  };
  // Only a definition that starts its line can have another inserted before it.
  const atLineStart = (offset: number): number | undefined => (ctx.lines.positionAt(offset).character === 0 ? offset : undefined);
  if (ctx.style === 'footnote') {
    for (const fn of model.footnotes.values()) found(fn.id, fn.urls.length === 1 ? fn.urls[0] : undefined, fn.start, fn.contentEnd, atLineStart(fn.start));
  } else if (ctx.style === 'reference') {
    for (const def of model.definitions.values()) found(def.id, def.url, def.start, def.end, atLineStart(def.start));
  } else {
    for (const src of model.frontMatter?.sources.values() ?? []) {
      if (src.retrieved) found(src.id, src.url, src.retrieved.start, src.retrieved.end, yamlEntryLine(ctx, src.start, src.id));
    }
  }
  ctx.stubDefinitions.sort((a, b) => a.start - b.start);
}

/** The start of the line a front-matter entry begins on (its `- id:` item or its `id:` key). */
function yamlEntryLine(ctx: StubContext, start: number, id: string): number | undefined {
  const fm = ctx.analysis.model.frontMatter;
  const line = ctx.lines.positionAt(start).line;
  if (fm?.sourcesStyle !== 'map') return ctx.lines.lineStart(line);
  const above = ctx.lines.lineStart(line - 1);
  const keyLine = ctx.analysis.model.text.slice(above, ctx.lines.lineEnd(line - 1)).trim();
  return keyLine === `${id}:` ? above : undefined;
}

/**
 * The label a stub of `url` cites: the URL's stub definition if the draft or an earlier fix of
 * this run has one, else `<policy>-N` with the lowest N free. A safe fix (applied by fix-all with
 * all the others) reserves its label; a suggestion is applied alone, so it only avoids the
 * draft's labels and never makes a later fix skip a number.
 */
function stubLabel(ctx: StubContext, policy: string, url: string, safe: boolean): StubLabel {
  const known = ctx.byUrl.get(url);
  if (known) return known;
  const base = policy.replace(/\//g, '-');
  let label = '';
  for (let n = 1; ; n++) {
    label = `${base}-${n}`;
    if (!ctx.labels.has(label) && !(safe && ctx.reserved.has(label))) break;
  }
  const chosen = { label };
  if (safe) {
    ctx.reserved.add(label);
    ctx.byUrl.set(url, chosen);
  }
  return chosen;
}

/**
 * Inserts a citation of `url` for the claim, in the style the draft already uses. `safe` says
 * whether this is the finding's fix (applied by fix-all) rather than a suggestion.
 */
export function citationStub(ctx: StubContext, claim: ClaimFinding, source: { url: string; type: string }, title: string, safe: boolean): Fix {
  const { model } = ctx.analysis;
  const text = model.text;
  const { url, type } = source;
  const { label, existingMarker } = stubLabel(ctx, claim.judgement.policy, url, safe);
  const end = markerPoint(text, claim);
  let marker: TextEdit;
  let definition: TextEdit | undefined;
  if (ctx.style === 'key') {
    const before = beforePunctuation(text, end, claim.sentence.start, claim.sentence);
    marker = { start: before, end: before, text: ` [@${label}]` };
    if (existingMarker === undefined) definition = yamlEntry(ctx, end, label, url, type);
  } else if (ctx.style === 'reference') {
    const before = beforePunctuation(text, end, claim.sentence.start, claim.sentence);
    marker = { start: before, end: before, text: ` ([source][${label}])` };
    if (existingMarker === undefined) definition = newDefinition(ctx, end, `[${label}]: <${url}> "${UNVERIFIED}, retrieved ${ctx.asOf}"`);
  } else {
    marker = { start: end, end, text: `[^${label}]` };
    if (existingMarker === undefined) definition = newDefinition(ctx, end, `[^${label}]: ${UNVERIFIED} <${url}>, retrieved ${ctx.asOf}.`);
  }
  if (!definition) return { title, kind: 'citation-stub', edits: [marker], placeholder: shifted([marker], existingMarker!) };
  const edits = [marker, definition];
  const at = definition.start + definition.text.indexOf(UNVERIFIED);
  return { title, kind: 'citation-stub', edits, placeholder: shifted([marker], at, definition.start) };
}

/** The placeholder at `at` after applying `edits`: `at` in the original text, or inside an edit inserted at `insertedAt`. */
function shifted(edits: TextEdit[], at: number, insertedAt = at): { start: number; end: number } {
  let shift = 0;
  for (const e of edits) if (e.start < insertedAt || (e.start === insertedAt && insertedAt !== at)) shift += e.text.length - (e.end - e.start);
  return { start: at + shift, end: at + shift + UNVERIFIED.length };
}

/** After the sentence and any markup or markers that close it (`**`, `)`, `[^1]`). */
function markerPoint(text: string, claim: ClaimFinding): number {
  const { sentence } = claim;
  const masked = sentence.segment.masked;
  let p = sentence.end;
  const limit = Math.min(sentence.scopeEnd, sentence.segment.end);
  // Step over what closes the sentence's markup (emphasis, a link's destination, existing
  // markers), never into code or a following construct.
  while (p < limit && masked.charCodeAt(p - sentence.segment.start) === 32) {
    const c = text[p];
    if ('*_~)>"\'’”'.includes(c) || (c === ']' && text[p + 1] !== '(' && text[p + 1] !== '[')) {
      p++;
    } else if ((c === ']' && (text[p + 1] === '(' || text[p + 1] === '[')) || (c === '[' && text[p + 1] === '^')) {
      const close = text.indexOf(c === ']' ? (text[p + 1] === '(' ? ')' : ']') : ']', p + 2);
      if (close === -1 || close >= limit) break;
      p = close + 1;
    } else break;
  }
  // Never split a surrogate pair.
  if (p > 0 && p < text.length && /[\uDC00-\uDFFF]/.test(text[p]) && /[\uD800-\uDBFF]/.test(text[p - 1])) p++;
  return p;
}

/** Before the sentence's closing punctuation, for in-text markers such as ` [@key]`. */
function beforePunctuation(text: string, end: number, floor: number, sentence?: { start: number; text: string }): number {
  let p = end;
  while (p > floor && /[\s*_`)\][]/.test(text[p - 1])) p--;
  if (p > floor && /[.!?;:。！？；：…]/.test(text[p - 1])) return p - 1;
  // A short tail after the sentence's own full stop ("2023. [Ünï][]") was merged into it as a
  // citation fragment: the marker goes before that full stop, where it stays in the sentence.
  if (sentence) {
    const m = /[.!?。！？](?=[^.!?。！？]*$)/.exec(sentence.text);
    if (m && m.index > 0) {
      const tail = sentence.text.slice(m.index + 1);
      if ((tail.match(/\p{L}+/gu) ?? []).length < 6) return sentence.start + m.index;
    }
  }
  return end;
}

/**
 * A new definition line: before the first stub definition of the draft that is cited later in
 * the text than `markerAt`, else at the end of the draft.
 */
function newDefinition(ctx: StubContext, markerAt: number, line: string): TextEdit {
  const text = ctx.analysis.model.text;
  const later = ctx.stubDefinitions.find((d) => d.firstMarker > markerAt);
  // Directly before it: a definition line may follow another or start after a blank line.
  if (later) return { start: later.start, end: later.start, text: `${line}${ctx.eol}` };
  const { model } = ctx.analysis;
  const footnote = line.startsWith('[^');
  const prefix = footnote ? (ctx.footnotePrefix ??= endPrefix(text, ctx.eol, [...model.footnotes.values()])) : (ctx.referencePrefix ??= endPrefix(text, ctx.eol, [...model.definitions.values()]));
  return { start: text.length, end: text.length, text: `${prefix}${line}${ctx.eol}` };
}

/**
 * What must precede a definition appended to the draft: a line break if the draft lacks a final
 * one, and a blank line unless the draft already ends with a definition of the same kind (a link
 * definition right after a footnote's text would be read as part of that footnote).
 */
function endPrefix(text: string, eol: string, sameKind: { end: number }[]): string {
  let e = text.length;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  if (e === 0) return text.length > 0 && !/[\r\n]$/.test(text) ? eol : '';
  // Only a definition the parser really read as one (not text continuing a footnote) may be
  // followed directly by another.
  const lastLineStart = Math.max(text.lastIndexOf('\n', e - 1), text.lastIndexOf('\r', e - 1)) + 1;
  const endsWithDefinition = /^ {0,3}\[/.test(text.slice(lastLineStart, e)) && sameKind.some((d) => d.end >= e);
  const endsWithEol = /[\r\n]$/.test(text);
  return (endsWithEol ? '' : eol) + (endsWithDefinition ? '' : eol);
}

/** A front-matter source entry, in the list or map style of the draft's `sources:`. */
function yamlEntry(ctx: StubContext, markerAt: number, label: string, url: string, type: string): TextEdit {
  const { eol, asOf } = ctx;
  const fm = ctx.analysis.model.frontMatter!;
  const indent = fm.sourcesIndent ?? '  ';
  const text = ctx.analysis.model.text;
  const lines =
    fm.sourcesStyle === 'map'
      ? [`${indent}${label}:`, `${indent}  url: ${url}`, `${indent}  type: ${type}`, `${indent}  retrieved: ${asOf} ${UNVERIFIED}`]
      : [`${indent}- id: ${label}`, `${indent}  url: ${url}`, `${indent}  type: ${type}`, `${indent}  retrieved: ${asOf} ${UNVERIFIED}`];
  const body = lines.join(eol);
  const later = ctx.stubDefinitions.find((d) => d.firstMarker > markerAt);
  if (later) return { start: later.start, end: later.start, text: body + eol };
  const at = fm.sourcesInsertAt!;
  return text[at - 1] === '\n' ? { start: at, end: at, text: body + eol } : { start: at, end: at, text: eol + body };
}

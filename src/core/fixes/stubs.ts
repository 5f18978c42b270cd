// Builders of fixes: citation stubs in the draft's own citation style and retrieval-date stubs.
// Every stub carries the TODO-verify marker until the writer confirms it.
import type { Analysis, ClaimFinding } from '../evidence/analysis';
import type { Citation } from '../evidence/citations';
import { UNVERIFIED } from '../language/dates';
import { detectEol, LineIndex } from '../text';
import type { Fix, FixKind, TextEdit } from '../types';

export interface StubContext {
  analysis: Analysis;
  asOf: string;
  eol: string;
  /** Labels already used in the draft or by earlier stubs of this lint run. */
  labels: Set<string>;
  lines: LineIndex;
  /** Next number to try for each label prefix. */
  nextLabel: Record<string, number>;
  /** Computed on first use: what goes before a footnote or link definition appended to the draft. */
  footnotePrefix?: string;
  referencePrefix?: string;
}

export function stubContext(analysis: Analysis, asOf: string, lines: LineIndex): StubContext {
  const labels = new Set(analysis.model.labels);
  for (const id of analysis.model.frontMatter?.sources.keys() ?? []) labels.add(id);
  return { analysis, asOf, eol: detectEol(analysis.model.text), labels, lines, nextLabel: {} };
}

/** Picks a label such as `membership-1` that the draft does not use yet. */
export function uniqueLabel(ctx: StubContext, policy: string): string {
  const base = policy.replace(/\//g, '-');
  // Count on from the last label handed out for this policy, so many stubs stay linear.
  for (let n = (ctx.nextLabel[base] ?? 1); ; n++) {
    const label = `${base}-${n}`;
    if (!ctx.labels.has(label)) {
      ctx.labels.add(label);
      ctx.nextLabel[base] = n + 1;
      return label;
    }
  }
}

/** Inserts a citation of `url` for the claim, in the style the draft already uses. */
export function citationStub(ctx: StubContext, claim: ClaimFinding, url: string, type: string, label: string, title: string): Fix {
  const { model } = ctx.analysis;
  const text = model.text;
  const fm = model.frontMatter;
  const end = markerPoint(text, claim);
  if (model.styles.key > 0 && fm?.sourcesInsertAt !== undefined && model.styles.key >= model.styles.footnote) {
    const before = beforePunctuation(text, end, claim.sentence.start, claim.sentence);
    const entry = yamlEntry(ctx, fm.sourcesInsertAt, fm.sourcesIndent ?? '  ', fm.sourcesStyle ?? 'list', label, url, type);
    const edits: TextEdit[] = [entry, { start: before, end: before, text: ` [@${label}]` }];
    return withPlaceholder(title, 'citation-stub', edits, 0, entry.text.indexOf(UNVERIFIED));
  }
  if (model.styles.reference > 0 && model.styles.reference > model.styles.footnote) {
    const before = beforePunctuation(text, end, claim.sentence.start, claim.sentence);
    const def = appendAtEnd(ctx, `[${label}]: <${url}> "${UNVERIFIED}, retrieved ${ctx.asOf}"`);
    const edits: TextEdit[] = [{ start: before, end: before, text: ` ([source][${label}])` }, def];
    return withPlaceholder(title, 'citation-stub', edits, 1, def.text.indexOf(UNVERIFIED));
  }
  const def = appendAtEnd(ctx, `[^${label}]: ${UNVERIFIED} <${url}>, retrieved ${ctx.asOf}.`);
  const edits: TextEdit[] = [{ start: end, end, text: `[^${label}]` }, def];
  return withPlaceholder(title, 'citation-stub', edits, 1, def.text.indexOf(UNVERIFIED));
}

/** Adds a retrieval date (marked unverified) to an existing citation. */
export function retrievalDateStub(ctx: StubContext, c: Citation): Fix | undefined {
  const slot = c.dateSlot;
  if (!slot) return undefined;
  const text = ctx.analysis.model.text;
  const date = `retrieved ${ctx.asOf} (${UNVERIFIED})`;
  let edit: TextEdit;
  switch (slot.style) {
    case 'suffix':
    case 'title':
      edit = { start: slot.at, end: slot.at, text: `, ${date}` };
      break;
    case 'new-title':
      edit = { start: slot.at, end: slot.at, text: ` "Retrieved ${ctx.asOf} (${UNVERIFIED})"` };
      break;
    case 'after-link':
      edit = { start: slot.at, end: slot.at, text: ` (${date})` };
      break;
    case 'yaml': {
      const related = c.related;
      if (!related) return undefined;
      if (text[related.start] === '{') {
        const close = text.lastIndexOf('}', related.end);
        edit = { start: close, end: close, text: `, retrieved: ${ctx.asOf} ${UNVERIFIED}` };
      } else {
        const pos = ctx.lines.positionAt(related.start);
        const indent = ' '.repeat(pos.character);
        const at = related.end;
        const line = `${indent}retrieved: ${ctx.asOf} ${UNVERIFIED}`;
        edit = text[at - 1] === '\n' ? { start: at, end: at, text: line + ctx.eol } : { start: at, end: at, text: ctx.eol + line };
      }
      break;
    }
  }
  return withPlaceholder('Add a retrieval date (unverified)', 'date-stub', [edit], 0, edit.text.indexOf(UNVERIFIED));
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

/** Appends a definition line at the end of the draft, after a blank line unless definitions end it. */
function appendAtEnd(ctx: StubContext, line: string): TextEdit {
  const text = ctx.analysis.model.text;
  const footnote = line.startsWith('[^');
  const { model } = ctx.analysis;
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

function yamlEntry(ctx: StubContext, at: number, indent: string, style: 'list' | 'map', label: string, url: string, type: string): TextEdit {
  const { eol, asOf } = ctx;
  const text = ctx.analysis.model.text;
  const lines =
    style === 'list'
      ? [`${indent}- id: ${label}`, `${indent}  url: ${url}`, `${indent}  type: ${type}`, `${indent}  retrieved: ${asOf} ${UNVERIFIED}`]
      : [`${indent}${label}:`, `${indent}  url: ${url}`, `${indent}  type: ${type}`, `${indent}  retrieved: ${asOf} ${UNVERIFIED}`];
  const body = lines.join(eol);
  return text[at - 1] === '\n' ? { start: at, end: at, text: body + eol } : { start: at, end: at, text: eol + body };
}

/** A fix whose placeholder is at `index` in the text of edit `k`, in post-fix offsets. */
function withPlaceholder(title: string, kind: FixKind, edits: TextEdit[], k: number, index: number): Fix {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const e of sorted) {
    if (e === edits[k]) break;
    shift += e.text.length - (e.end - e.start);
  }
  const start = edits[k].start + shift + Math.max(0, index);
  return { title, kind, edits, placeholder: index >= 0 ? { start, end: start + UNVERIFIED.length } : undefined };
}

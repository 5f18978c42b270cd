// Mark as verified: the writer has opened the source and checked it. Removes the TODO-verify
// marker of a stub and writes the retrieval date (the day of checking) where the draft keeps it;
// for an approved citation without a date, or with an old one, writes that date. Touches nothing
// outside the citation, so only the citation-stub and retrieval-date findings it answers go away.
import { analyse, type ClaimFinding } from '../evidence/analysis';
import type { Citation } from '../evidence/citations';
import { findRetrievalDates, UNVERIFIED } from '../language/dates';
import { CHUNK_THRESHOLD, parseInChunks, parseMarkdown } from '../markdown/parse';
import { buildModel } from '../markdown/prose';
import type { DocumentModel, FrontMatterSource, Unit } from '../markdown/model';
import { LineIndex } from '../text';
import type { Config, Fix, TextEdit } from '../types';
import { dateEdit, dateToken, formatLike, retrievedCellOf, slotEdit, type DateSlot } from './dates';
import { stubContext, type StubContext } from './stubs';

export interface MarkVerifiedOptions {
  /** The day the source was checked (YYYY-MM-DD), written as the retrieval date. */
  asOf: string;
  /** The draft's config: it decides which claims there are and which citations are approved. */
  config: Config;
}

/**
 * Marks the source at `offset` as verified on `asOf`. `offset` may lie on a line holding
 * TODO-verify stubs (each is verified), or in a claim: its approved citations' stubs are
 * verified, or, without a stub, their retrieval date is written (or brought up to `asOf`).
 * Returns undefined when there is nothing there to verify.
 */
export function markVerified(text: string, offset: number, options: MarkVerifiedOptions): Fix | undefined {
  const model = modelOf(text);
  const analysis = analyse(model, options.config);
  const ctx = stubContext(analysis, options.asOf, new LineIndex(text));
  const line = ctx.lines.positionAt(offset).line;
  const onLine = verifyLine(ctx, line);
  if (onLine) return onLine;
  const claim = analysis.claims.find((c) => within(c, offset));
  if (!claim) return undefined;
  const policy = options.config.categories[claim.judgement.policy] ?? options.config.categories[claim.judgement.category];
  const approved = claim.resolution.citations.filter((c) => policy?.approved.includes(c.type));
  return verifyClaim(ctx, claim, approved);
}

/** The document model, parsed as the linter parses it (in chunks when the draft is long). */
function modelOf(text: string): DocumentModel {
  if (text.length > CHUNK_THRESHOLD) return buildModel(text, parseInChunks(text), 0);
  const { root, base } = parseMarkdown(text);
  return buildModel(text, root, base);
}

/** Whether an offset lies in a claim: its sentence, or anywhere in its list item or table row. */
function within(claim: ClaimFinding, offset: number): boolean {
  const whole = claim.unit.kind === 'list-item' || claim.unit.kind === 'table-row';
  return whole ? claim.unit.start <= offset && offset < claim.unit.end : claim.sentence.start <= offset && offset < claim.sentence.scopeEnd;
}

/** Verifies every TODO-verify stub on a line, or undefined when the line holds none. */
export function verifyLine(ctx: StubContext, line: number): Fix | undefined {
  const { model } = ctx.analysis;
  const start = ctx.lines.lineStart(line);
  const end = ctx.lines.lineEnd(line);
  const markers = stubMarkers(model, start, end);
  if (markers.length === 0) return undefined;
  const edits = merge(markers.map((m) => verifyMarker(ctx, m)));
  const what = markers.length === 1 ? 'Mark as verified' : `Mark ${markers.length} stubs on this line as verified`;
  return { title: `${what} (retrieved ${ctx.asOf})`, kind: 'mark-verified', edits };
}

/**
 * Verifies a claim's approved citations: removes the markers of their stubs; without a stub,
 * writes the retrieval date (in place of words that are no date, if any), or brings the newest
 * one up to the day of checking.
 */
export function verifyClaim(ctx: StubContext, claim: ClaimFinding, approved: Citation[]): Fix | undefined {
  if (approved.length === 0) return undefined;
  const { model } = ctx.analysis;
  const whole = claim.unit.kind === 'list-item' || claim.unit.kind === 'table-row';
  const zones = [whole ? [claim.unit.start, claim.unit.end] : [claim.sentence.start, claim.sentence.scopeEnd], ...approved.flatMap((c) => (c.related ? [[c.related.start, c.related.end]] : []))];
  const markers = [...new Set(zones.flatMap(([s, e]) => stubMarkers(model, s, e)))];
  const title = `Mark as verified (retrieved ${ctx.asOf})`;
  if (markers.length > 0) return { title, kind: 'mark-verified', edits: merge(markers.map((m) => verifyMarker(ctx, m))) };
  const dates = approved.flatMap((c) => c.dates);
  const valid = dates.filter((d) => d.iso && !d.problem && d.iso <= ctx.asOf);
  if (valid.length === 0) {
    // Words in a date's place ("retrieved yesterday", "n/a") give way to the day of checking.
    const words = dates.find((d) => d.problem === 'relative' || d.problem === 'not-a-date');
    const token = words && mentionDate(model.text, words);
    if (token) return { title, kind: 'mark-verified', edits: [redate(model.text, token, ctx.asOf)] };
    const edit = dateEdit(ctx, claim.unit, approved.find((c) => c.dateSlot), ctx.asOf, false);
    return edit ? { title, kind: 'mark-verified', edits: [edit] } : undefined;
  }
  const newest = valid.reduce((a, b) => (a.iso! >= b.iso! ? a : b));
  if (newest.iso === ctx.asOf) return undefined;
  const token = mentionDate(model.text, newest);
  return token ? { title, kind: 'mark-verified', edits: [redate(model.text, token, ctx.asOf)] } : undefined;
}

/**
 * The date of a retrieval-date mention. A mention in a link's title spans the whole link, whose
 * URL may hold date-like text: the date is the one after the retrieval verb. Field values and
 * table cells have no verb and start with the date.
 */
function mentionDate(text: string, d: { start: number; end: number }): { start: number; end: number } | undefined {
  const inner = findRetrievalDates(text.slice(d.start, d.end), d.start);
  const phrase = inner.length > 0 ? inner[inner.length - 1] : d;
  return dateToken(text, phrase.start, phrase.end);
}

/** TODO-verify markers in [start, end) that are stubs: not in code or inline code. */
export function stubMarkers(model: DocumentModel, start: number, end: number): number[] {
  const out: number[] = [];
  const { text } = model;
  for (let i = text.indexOf(UNVERIFIED, start); i !== -1 && i < end; i = text.indexOf(UNVERIFIED, i + UNVERIFIED.length)) {
    if (isStubMarker(model, i)) out.push(i);
  }
  return out;
}

/** Whether the TODO-verify at `at` is a stub rather than code. */
export function isStubMarker(model: DocumentModel, at: number): boolean {
  const { text } = model;
  if (inCode(model.code, at)) return false;
  // Inline code: an odd number of backticks before it on its line.
  let lineStart = at;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && text.charCodeAt(lineStart - 1) !== 13) lineStart--;
  return (text.slice(lineStart, at).split('`').length - 1) % 2 === 0;
}

const sortedCode = new WeakMap<[number, number][], boolean>();

/** Whether an offset lies in a code range: by binary search when the ranges are in order, as a parse leaves them. */
function inCode(code: [number, number][], at: number): boolean {
  let sorted = sortedCode.get(code);
  if (sorted === undefined) {
    sorted = code.every(([s, e], i) => s <= e && (i === 0 || code[i - 1][1] <= s));
    sortedCode.set(code, sorted);
  }
  if (!sorted) return code.some(([s, e]) => at >= s && at < e);
  let lo = 0;
  let hi = code.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (code[mid][1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < code.length && code[lo][0] <= at;
}

/** The edits verifying one marker: remove it, and write the retrieval date of its citation. */
function verifyMarker(ctx: StubContext, m: number): TextEdit[] {
  const text = ctx.analysis.model.text;
  const where = containerOf(ctx, m);
  // In a Retrieved cell the date stands alone: replace it, or put it where a lone marker was.
  const cell = where.row ? retrievedCellOf(where.row) : undefined;
  if (cell && cell.start <= m && m < cell.end) {
    const token = dateToken(text, cell.start, cell.end);
    return token ? [removal(text, m), redate(text, token, ctx.asOf)] : [{ start: m, end: m + UNVERIFIED.length, text: ctx.asOf }];
  }
  const edits = [removal(text, m)];
  const token = where.source ? where.source.retrieved && dateToken(text, where.source.retrieved.start, where.source.retrieved.end) : nearestDate(text, where, m);
  if (token) return [...edits, redate(text, token, ctx.asOf)];
  // No date yet: write one where this kind of citation keeps it.
  const added = where.slot ? slotEdit(ctx, where.slot, where, ctx.asOf, false) : where.row ? dateEdit(ctx, where.row, undefined, ctx.asOf, false) : undefined;
  return added ? [...edits, added] : edits;
}

/** What holds a marker: a definition or front-matter source (with its date slot), a table cell, or the line. */
interface Container {
  start: number;
  end: number;
  slot?: DateSlot;
  source?: FrontMatterSource;
  row?: Unit;
}

function containerOf(ctx: StubContext, m: number): Container {
  const { model } = ctx.analysis;
  const text = model.text;
  const inside = (r: { start: number; end: number }) => r.start <= m && m < r.end;
  for (const src of model.frontMatter?.sources.values() ?? []) if (inside(src)) return { start: src.start, end: src.end, source: src, slot: { at: src.end, style: 'yaml' } };
  for (const fn of model.footnotes.values()) if (fn.start <= m && m < fn.contentEnd) return { start: fn.start, end: fn.contentEnd, slot: { at: suffixPoint(text, fn.contentEnd), style: 'suffix' } };
  for (const def of model.definitions.values()) {
    if (!inside(def)) continue;
    const defText = text.slice(def.start, def.end);
    const close = def.title ? Math.max(defText.lastIndexOf('"'), defText.lastIndexOf("'"), defText.lastIndexOf(')')) : -1;
    return { start: def.start, end: def.end, slot: close > 0 ? { at: def.start + close, style: 'title' } : { at: def.end, style: 'new-title' } };
  }
  for (const entry of model.numbered.values()) if (inside(entry)) return { start: entry.start, end: entry.end, slot: { at: suffixPoint(text, entry.end), style: 'suffix' } };
  const row = model.units.find((u) => u.kind === 'table-row' && inside(u));
  const cell = row?.segments.find(inside);
  if (row && cell) return { start: cell.start, end: cell.end, row };
  const line = ctx.lines.positionAt(m).line;
  return { start: ctx.lines.lineStart(line), end: ctx.lines.lineEnd(line) };
}

/** Where a suffix goes at the end of an entry: before its final full stop, if it has one. */
function suffixPoint(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return text[e - 1] === '.' ? e - 1 : e;
}

/** The date of the retrieval-date phrase nearest the marker in its container. */
function nearestDate(text: string, where: Container, m: number): { start: number; end: number } | undefined {
  const mentions = findRetrievalDates(text.slice(where.start, where.end), where.start);
  if (mentions.length === 0) return undefined;
  const distance = (d: { start: number; end: number }) => (m < d.start ? d.start - m : m >= d.end ? m - d.end + 1 : 0);
  const nearest = mentions.reduce((a, b) => (distance(a) <= distance(b) ? a : b));
  return dateToken(text, nearest.start, nearest.end);
}

/**
 * Removes a marker with what binds it to its stub: ` (TODO-verify)`, `TODO-verify, ` (a title
 * then starts with "Retrieved"), `TODO-verify ` before a URL, or ` TODO-verify` after a date.
 */
function removal(text: string, m: number): TextEdit {
  const after = m + UNVERIFIED.length;
  if (text[m - 1] === '(' && text[after] === ')') {
    let s = m - 1;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
    return { start: s, end: after + 1, text: '' };
  }
  if (text[after] === ',' || text[after] === ' ' || text[after] === '\t') {
    let e = text[after] === ',' ? after + 1 : after;
    while (text[e] === ' ' || text[e] === '\t') e++;
    // A title that began with the marker begins with the capitalised date phrase.
    if (/["'(]/.test(text[m - 1] ?? '') && /^retrieved\b/.test(text.slice(e, e + 10))) return { start: m, end: e + 1, text: 'R' };
    return { start: m, end: e, text: '' };
  }
  let s = m;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return { start: s, end: after, text: '' };
}

/** Replaces a written date by `asOf`, in the same form. */
function redate(text: string, token: { start: number; end: number }, asOf: string): TextEdit {
  return { start: token.start, end: token.end, text: formatLike(text.slice(token.start, token.end), asOf) };
}

/** The edits of several markers as one set: each once, in order, none overlapping another. */
function merge(lists: TextEdit[][]): TextEdit[] {
  const seen = new Set<string>();
  const out: TextEdit[] = [];
  for (const e of lists.flat().sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const last = out[out.length - 1];
    if (last && e.start < last.end) continue;
    out.push(e);
  }
  return out;
}

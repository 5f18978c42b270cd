// Writing retrieval dates in the draft's own style: after a footnote's or reference entry's text,
// in a reference definition's title, as a front-matter `retrieved:` field, in a table's Retrieved
// column, or after an inline link. Used by date stubs (marked TODO-verify) and by mark-as-verified.
import type { ClaimFinding } from '../evidence/analysis';
import { RETRIEVED_HEADER, type Citation } from '../evidence/citations';
import { parseDateAt, UNVERIFIED } from '../language/dates';
import type { Unit } from '../markdown/model';
import type { Fix, TextEdit } from '../types';
import type { StubContext } from './stubs';

/** Adds a retrieval date marked unverified to the claim's row or to `target`, its undated citation. */
export function retrievalDateStub(ctx: StubContext, claim: ClaimFinding, target: Citation | undefined): Fix | undefined {
  const edit = dateEdit(ctx, claim.unit, target, ctx.asOf, true);
  if (!edit) return undefined;
  const at = edit.start + edit.text.indexOf(UNVERIFIED);
  return { title: 'Add a retrieval date (unverified)', kind: 'date-stub', edits: [edit], placeholder: { start: at, end: at + UNVERIFIED.length } };
}

/** Where and how a citation keeps its retrieval date (see `Citation.dateSlot`). */
export type DateSlot = NonNullable<Citation['dateSlot']>;

/**
 * The edit that writes `date` for a claim: into an empty cell of its table's Retrieved column if it
 * has one (the date there covers every citation of the row), else at the citation's date slot.
 */
export function dateEdit(ctx: StubContext, unit: Unit, c: Citation | undefined, date: string, unverified: boolean): TextEdit | undefined {
  const cell = emptyRetrievedCell(ctx.analysis.model.text, unit);
  if (cell) return { start: cell.at, end: cell.at, text: `${cell.before}${date}${unverified ? ` (${UNVERIFIED})` : ''}${cell.after}` };
  return c?.dateSlot ? slotEdit(ctx, c.dateSlot, c.related, date, unverified) : undefined;
}

/** Writes `date` at a date slot, in the form that slot takes; `related` is the entry of a `yaml` slot. */
export function slotEdit(ctx: StubContext, slot: DateSlot, related: { start: number; end: number } | undefined, date: string, unverified: boolean): TextEdit | undefined {
  const text = ctx.analysis.model.text;
  const mark = unverified ? ` (${UNVERIFIED})` : '';
  switch (slot.style) {
    case 'suffix':
    case 'title':
      return { start: slot.at, end: slot.at, text: `, retrieved ${date}${mark}` };
    case 'new-title':
      return { start: slot.at, end: slot.at, text: ` "Retrieved ${date}${mark}"` };
    case 'after-link':
      return { start: slot.at, end: slot.at, text: ` (retrieved ${date}${mark})` };
    case 'yaml': {
      if (!related) return undefined;
      const value = `${date}${unverified ? ` ${UNVERIFIED}` : ''}`;
      if (text[related.start] === '{') {
        const close = text.lastIndexOf('}', related.end);
        return { start: close, end: close, text: `, retrieved: ${value}` };
      }
      const indent = ' '.repeat(ctx.lines.positionAt(related.start).character);
      const at = related.end;
      const line = `${indent}retrieved: ${value}`;
      return text[at - 1] === '\n' ? { start: at, end: at, text: line + ctx.eol } : { start: at, end: at, text: ctx.eol + line };
    }
  }
}

/** Where a date goes in a table row's Retrieved cell when that cell is empty (comments aside). */
export function emptyRetrievedCell(text: string, unit: Unit): { at: number; before: string; after: string } | undefined {
  const cell = retrievedCellOf(unit);
  if (!cell) return undefined;
  const content = text.slice(cell.start, cell.end).replace(/<!--[\s\S]*?-->/g, '');
  if (content.replace(/^\s*\|/, '').replace(/\|\s*$/, '').trim() !== '') return undefined;
  if (text[cell.start] !== '|') {
    // An HTML cell (its text between the tags) or a first cell without a leading pipe.
    const after = cell.start < cell.end && !/\s/.test(text[cell.start]) ? ' ' : '';
    return { at: cell.start, before: '', after };
  }
  const at = text[cell.start + 1] === ' ' ? cell.start + 2 : cell.start + 1;
  return { at, before: text[at - 1] === '|' ? ' ' : '', after: text[at] === ' ' ? '' : ' ' };
}

/** The cell of a table row under a Retrieved header, if the row has one. */
export function retrievedCellOf(unit: Unit): { start: number; end: number } | undefined {
  if (unit.kind !== 'table-row' || !unit.headers) return undefined;
  const i = unit.headers.findIndex((h) => RETRIEVED_HEADER.test(h));
  return i === -1 ? undefined : unit.segments[i];
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Writes the ISO date `iso` in the form of `like` ("June 5, 2026", "5 June 2026", "2026/06/05"), ISO otherwise. */
export function formatLike(like: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = MONTH_NAMES[Number(m) - 1];
  if (/^\d{4}\/\d{1,2}\/\d{1,2}$/.test(like)) return `${y}/${m}/${d}`;
  if (MONTH.test(like)) return `${month} ${Number(d)}, ${y}`;
  const dayFirst = /^\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(\p{L}+)/u.exec(like);
  if (dayFirst && MONTH.test(dayFirst[1])) return `${Number(d)} ${month} ${y}`;
  return iso;
}

/** The date written inside [start, end) (after any "retrieved" verb), as a range. */
export function dateToken(text: string, start: number, end: number): { start: number; end: number } | undefined {
  for (let p = start; p < end; p++) {
    if (/\s/.test(text[p]) || (p > start && /[\p{L}\p{N}]/u.test(text[p - 1]))) continue;
    const parsed = parseDateAt(text.slice(p, end));
    if (parsed) return { start: p, end: p + parsed.length };
  }
  return undefined;
}

import { archiveSnapshotDate, findRetrievalDates, type DateMention } from '../language/dates';
import type { DocumentModel, Locator, Unit } from '../markdown/model';
import type { Sentence } from '../language/sentences';
import { sourceRegistry, typeFromWording } from './sources';
import type { Config, RelatedLocation } from '../types';

/** A citation attached to a claim, resolved to its source. */
export interface Citation {
  locator: Locator;
  /** The URL cited, if there is one. */
  url?: string;
  type: string;
  /** Retrieval dates found in the citation's scope. */
  dates: DateMention[];
  /** Where the source is defined (footnote, reference definition, front-matter entry). */
  related?: RelatedLocation;
  /** Further URLs of the same footnote or reference entry. */
  otherUrls?: string[];
  /** Where a retrieval-date stub would go, and how it is written there. */
  dateSlot?: { at: number; style: 'suffix' | 'title' | 'new-title' | 'yaml' | 'after-link' };
}

export interface Resolution {
  citations: Citation[];
  /** Markers that resolve to nothing (reported, never counted as citations). */
  dangling: Locator[];
}

/** A table header naming a retrieval-date column ("Retrieved", "Accessed", "Date checked"…). */
export const RETRIEVED_HEADER = /^\W*(?:date\s+)?(?:retrieved|accessed|checked|verified|as\s+of|last\s+(?:checked|accessed|retrieved|verified|visited))\b|retrieval\s+date|date\s+(?:retrieved|accessed|checked|verified)/i;

// A whole item, row or front-matter field is the scope of every claim in it: its resolution is
// computed once and shared, so an item of thousands of cited claims is not resolved once per
// claim. Keyed by the model, config, year and where the unit starts, since an editor session
// moves the units of unchanged blocks.
const unitResolutions = new WeakMap<Unit, { model: DocumentModel; config: Config; year?: number; start: number; resolution: Resolution }>();

/** Whether every claim of a unit has the whole unit as its scope. */
function wholeUnitScope(unit: Unit): boolean {
  // A front-matter field is cited by the URL field of its own object (a news stub's `originalUrl`).
  return unit.kind === 'list-item' || unit.kind === 'table-row' || unit.kind === 'front-matter';
}

/** Resolves the locators in a claim's scope to citations, with their source types and dates. */
export function resolveCitations(model: DocumentModel, unit: Unit, sentence: Sentence, config: Config, documentYear?: number): Resolution {
  if (!wholeUnitScope(unit)) return resolveScope(model, unit, sentence, config, documentYear);
  const cached = unitResolutions.get(unit);
  if (cached && cached.model === model && cached.config === config && cached.year === documentYear && cached.start === unit.start) return cached.resolution;
  const resolution = resolveScope(model, unit, sentence, config, documentYear);
  unitResolutions.set(unit, { model, config, year: documentYear, start: unit.start, resolution });
  return resolution;
}

function resolveScope(model: DocumentModel, unit: Unit, sentence: Sentence, config: Config, documentYear?: number): Resolution {
  const registry = sourceRegistry(config);
  const wholeUnit = wholeUnitScope(unit);
  const inScope = wholeUnit ? unit.locators : locatorsFrom(unit.locators, sentence.start, sentence.scopeEnd);
  // Dates written in the claim's own scope (the sentence, or the whole item/row) count for its citations.
  const scopeText = wholeUnit ? unit.segments.map((s) => ({ text: s.masked, base: s.start })) : [{ text: sentence.segment.masked.slice(sentence.start - sentence.segment.start, sentence.scopeEnd - sentence.segment.start), base: sentence.start }];
  const scopeDates = scopeText.flatMap((s) => findRetrievalDates(s.text, s.base, documentYear));
  const rowDates = unit.kind === 'table-row' ? retrievedColumnDates(unit, documentYear) : [];
  const citations: Citation[] = [];
  const dangling: Locator[] = [];
  const hasNumberedList = model.numbered.size > 0;
  const seen = new Set<string>();
  for (const l of inScope) {
    const key = `${l.kind}:${l.id ?? l.url}:${l.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const c = resolveOne(model, l, registry.typeOf, documentYear);
    if (c === 'dangling') {
      if (l.kind !== 'numbered' || hasNumberedList) dangling.push(l);
      continue;
    }
    if (!c) continue;
    c.dates.push(...scopeDates, ...rowDates);
    // A Web Archive snapshot is dated by its capture (§7: accepted, weakly).
    const captured = c.url ? archiveSnapshotDate(c.url) : undefined;
    if (captured) c.dates.push({ start: l.start, end: l.end, raw: `archived ${captured}`, iso: captured });
    // A link after the sentence's closing punctuation: a date written after it would read as the
    // start of the next sentence, so it goes inside this one, before the punctuation.
    if (c.dateSlot?.style === 'after-link' && l.end > sentence.end && unit.kind !== 'list-item' && unit.kind !== 'table-row') {
      const last = model.text[sentence.end - 1];
      c.dateSlot = { at: /[.!?。！？]/.test(last) ? sentence.end - 1 : sentence.end, style: 'after-link' };
    }
    citations.push(c);
    // A footnote or reference entry that lists several URLs cites each of them.
    for (const url of c.otherUrls ?? []) citations.push({ ...c, url, type: registry.typeOf(url), otherUrls: undefined });
  }
  return { citations, dangling };
}

const sortedLists = new WeakMap<Locator[], boolean>();

/** The locators overlapping [from, to): found by binary search in a list sorted by start, so a paragraph of many claims stays fast. */
function locatorsFrom(locators: Locator[], from: number, to: number): Locator[] {
  let sorted = sortedLists.get(locators);
  if (sorted === undefined) {
    sorted = locators.every((l, i) => i === 0 || locators[i - 1].start <= l.start);
    sortedLists.set(locators, sorted);
  }
  // A link that opens the sentence starts before its first letter (at the bracket), so a locator
  // is in scope when it overlaps [from, to).
  if (!sorted) return locators.filter((l) => l.end > from && l.start < to);
  let lo = 0;
  let hi = locators.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (locators[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  let first = lo;
  while (first > 0 && locators[first - 1].end > from) first--;
  let end = lo;
  while (end < locators.length && locators[end].start < to) end++;
  return locators.slice(first, end);
}

function resolveOne(model: DocumentModel, l: Locator, typeOf: (url: string) => string, year?: number): Citation | 'dangling' | undefined {
  const text = model.text;
  switch (l.kind) {
    case 'inline':
    case 'autolink':
    case 'bare-url':
    case 'html': {
      if (!l.url || /^(?:#|mailto:|tel:)/i.test(l.url)) return undefined;
      const dates = l.title ? findRetrievalDates(l.title, l.start, year).map((d) => ({ ...d, start: l.start, end: l.end })) : [];
      // An HTML link's locator is its opening tag: a date there would land inside the anchor.
      return { locator: l, url: l.url, type: typeOf(l.url), dates, dateSlot: l.kind === 'html' ? undefined : { at: l.end, style: 'after-link' } };
    }
    case 'reference': {
      const def = model.definitions.get(l.id ?? '');
      if (!def) return 'dangling';
      const defText = text.slice(def.start, def.end);
      const dates = def.title ? findRetrievalDates(defText, def.start, year) : [];
      const titleClose = def.title ? Math.max(defText.lastIndexOf('"'), defText.lastIndexOf("'"), defText.lastIndexOf(')')) : -1;
      return {
        locator: l,
        url: def.url,
        type: typeOf(def.url),
        dates,
        related: { start: def.start, end: def.end, message: `Reference definition [${def.id}]` },
        dateSlot: titleClose > 0 ? { at: def.start + titleClose, style: 'title' } : { at: def.end, style: 'new-title' },
      };
    }
    case 'footnote': {
      const fn = model.footnotes.get(l.id ?? '');
      if (!fn) return 'dangling';
      const url = fn.urls[0];
      const type = url ? typeOf(url) : typeFromWording(fn.text) ?? 'unknown';
      return {
        locator: l,
        url,
        type,
        otherUrls: fn.urls.slice(1),
        dates: findRetrievalDates(fn.text, fn.textStart, year),
        related: { start: fn.start, end: fn.contentEnd, message: `Footnote [^${fn.id}]` },
        dateSlot: { at: suffixPoint(text, fn.contentEnd), style: 'suffix' },
      };
    }
    case 'numbered': {
      const entry = model.numbered.get(l.id ?? '');
      if (!entry) return 'dangling';
      const url = entry.urls[0];
      return {
        locator: l,
        url,
        otherUrls: entry.urls.slice(1),
        type: url ? typeOf(url) : typeFromWording(entry.text) ?? 'unknown',
        dates: findRetrievalDates(entry.text, entry.textStart, year),
        related: { start: entry.start, end: entry.end, message: `Reference [${entry.n}]` },
        dateSlot: { at: suffixPoint(text, entry.end), style: 'suffix' },
      };
    }
    case 'key': {
      const src = model.frontMatter?.sources.get(l.id ?? '');
      if (!src) return 'dangling';
      const type = src.type && src.type.trim() ? src.type.trim() : src.url ? typeOf(src.url) : 'unknown';
      const dates: DateMention[] = [];
      if (src.retrieved) {
        const found = findRetrievalDates(`retrieved ${src.retrieved.raw}`, src.retrieved.start - 'retrieved '.length, year);
        if (found.length > 0) dates.push(...found.map((d) => ({ ...d, start: src.retrieved!.start, end: src.retrieved!.end })));
        else dates.push({ start: src.retrieved.start, end: src.retrieved.end, raw: src.retrieved.raw, problem: 'unparseable' });
      }
      return {
        locator: l,
        url: src.url,
        type,
        dates,
        related: { start: src.start, end: src.end, message: `Front-matter source ${src.id}` },
        dateSlot: { at: src.end, style: 'yaml' },
      };
    }
    default:
      return undefined;
  }
}

/** Dates in a table row's "Retrieved" column. */
function retrievedColumnDates(unit: Unit, year?: number): DateMention[] {
  const out: DateMention[] = [];
  unit.headers?.forEach((h, i) => {
    const cell = unit.segments[i];
    if (!cell || !RETRIEVED_HEADER.test(h)) return;
    const value = cell.masked.trim();
    if (!value) return;
    const lead = cell.masked.indexOf(value);
    const found = findRetrievalDates(`retrieved ${value}`, cell.start + lead - 'retrieved '.length, year);
    if (found.length > 0) out.push(...found.map((d) => ({ ...d, start: cell.start + lead, end: cell.start + lead + value.length, raw: value })));
    // Words in the date's place ("as of the talk", "see above") are no date at all.
    else out.push({ start: cell.start + lead, end: cell.start + lead + value.length, raw: value, problem: /\d/.test(value) ? 'unparseable' : 'not-a-date' });
  });
  return out;
}

/** Where a suffix goes at the end of a definition: before its final period, if it has one. */
function suffixPoint(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/.test(text[e - 1])) e--;
  return text[e - 1] === '.' ? e - 1 : e;
}

import { TITLE_FIELDS, type Segment, type Unit } from '../markdown/model';

export interface Sentence {
  /** Range of the sentence's text (trimmed). */
  start: number;
  end: number;
  /** Masked text of the sentence. */
  text: string;
  /** Locators up to this offset (the next sentence's start) belong to this sentence. */
  scopeEnd: number;
  segment: Segment;
}

// Abbreviations after which a period never ends a sentence.
const TITLE_ABBREVIATION = /(?:^|[\s(])(?:Dr|Mr|Mrs|Ms|Prof|Sen|Rep|Gov|Gen|St|No|Nos|vs|cf|approx|Fig|Figs|Vol|pp|ca|Jr|Sr|e\.g|i\.e|viz|Mt|ed|eds|al)\.$/i;
// "International Business Machines Corp. (NYSE: IBM) and Meta…": a company suffix before a
// parenthesis or comma does not end the sentence.
const COMPANY_SUFFIX = /\b(?:Corp|Inc|Ltd|Co|LLC|Plc|GmbH|AG|S\.A|N\.V)\.$/;
// Abbreviations that end a sentence only when a capitalised word follows (handled by the segmenter).
const SINGLE_INITIAL = /(?:^|\s)[A-Z]\.$/;

let segmenter: Intl.Segmenter | undefined;

/** Splits a unit into sentences; a table row is one sentence, as is a heading. */
export function sentencesOf(unit: Unit): Sentence[] {
  if (unit.kind === 'table-row') return rowSentence(unit);
  const out: Sentence[] = [];
  for (const seg of unit.segments) {
    if (unit.kind === 'heading' || (unit.kind === 'front-matter' && TITLE_FIELDS.has(unit.field ?? 'title'))) {
      const s = trimmed(seg, 0, seg.masked.length);
      if (s) out.push({ ...s, scopeEnd: seg.end, segment: seg });
      continue;
    }
    out.push(...splitSegment(seg));
  }
  return out;
}

/**
 * A table row is a record ("Date | June 24, 2026", "A2 | More than 200 members | [source] | date"):
 * one sentence, its cells labelled by their headers. Where cells hold prose (a description, a
 * statement and the reason it was rejected) each such cell's sentences are claims of their own;
 * the first of them takes in the short label cells before it, which name what it is about.
 */
function rowSentence(unit: Unit): Sentence[] {
  const first = unit.segments[0];
  const last = unit.segments[unit.segments.length - 1];
  if (!first) return [];
  // A cell that holds only "?" or a dash says "unknown" or "none"; it must not read as a question.
  const blank = (seg: Segment) => /^[\s?—–-]*$/.test(seg.masked);
  const label = (seg: Segment, i: number) => (blank(seg) ? '' : unit.headers?.[i] ? `${unit.headers[i]}: ${seg.masked.trim()}` : seg.masked.trim());
  // A cell holds prose when it makes a statement: five words or more, and a verb or a full stop
  // (a long project name in its own cell is a label).
  const prose = unit.segments.map((seg) => (seg.masked.match(/\p{L}+/gu) ?? []).length >= 5 && (/[.!?]["”')]?\s*$/.test(seg.masked.trim()) || /\b(?:is|are|was|were|has|have|had|will|can|does|did)\b/i.test(seg.masked)));
  const filled = unit.segments.filter((seg) => seg.masked.trim().length > 0);
  const from = filled[0] ?? first;
  const rowStart = from.start + (from.masked.length - from.masked.trimStart().length);
  const split = prose.map((isProse, i) => (isProse ? splitSegment(unit.segments[i]) : []));
  // A record whose one prose cell holds one sentence stays one sentence, as a row of short cells does.
  if (prose.filter(Boolean).length < 2 && split.every((sentences) => sentences.length < 2)) {
    const text = unit.segments.map((seg) => (blank(seg) ? '' : seg.masked.trim())).filter(Boolean).join(' | ');
    if (!/\p{L}/u.test(text)) return [];
    const to = filled[filled.length - 1] ?? last;
    const end = to.start + to.masked.trimEnd().length;
    const labelled = unit.headers?.length ? unit.segments.map(label).filter(Boolean).join(' | ') : text;
    return [{ start: rowStart, end: Math.max(rowStart, end), text: labelled, scopeEnd: unit.end, segment: first }];
  }
  const out: Sentence[] = [];
  const firstProse = prose.indexOf(true);
  unit.segments.forEach((seg, i) => {
    if (!prose[i]) return;
    const sentences = split[i].map((sentence) => ({ ...sentence, scopeEnd: unit.end }));
    if (i === firstProse && sentences.length > 0) {
      const lead = unit.segments.slice(0, i).map(label).filter((t) => t && !/^[^:]*:\s*$/.test(t));
      const header = unit.headers?.[i] ? `${unit.headers[i]}: ` : '';
      if (lead.length > 0) sentences[0] = { ...sentences[0], start: rowStart, text: `${lead.join(' | ')} | ${header}${sentences[0].text}` };
    }
    out.push(...sentences);
  });
  return out;
}

// Sentence spans of recently seen masked texts: an editor re-lints mostly unchanged paragraphs.
const spanCache = new Map<string, [number, number, number][]>();
const SPAN_CACHE_LIMIT = 20000;

/** Splits one segment into sentences with exact offsets. */
export function splitSegment(seg: Segment): Sentence[] {
  let spans = spanCache.get(seg.masked);
  if (!spans) {
    spans = sentenceSpans(seg.masked);
    if (spanCache.size >= SPAN_CACHE_LIMIT) spanCache.clear();
    spanCache.set(seg.masked, spans);
  }
  return spans.map(([a, b, scope]) => ({ start: seg.start + a, end: seg.start + b, text: seg.masked.slice(a, b), scopeEnd: seg.start + scope, segment: seg }));
}

/** Sentence spans [start, end, scopeEnd] relative to the masked text. */
function sentenceSpans(m: string): [number, number, number][] {
  if (!/\p{L}/u.test(m)) return [];
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const pieces: [number, number][] = [];
  for (const piece of segmenter.segment(m)) pieces.push([piece.index, piece.index + piece.segment.length]);
  const hardBreaks = new Set<number>();
  for (let i = m.indexOf('\u2029'); i !== -1; i = m.indexOf('\u2029', i + 1)) hardBreaks.add(i + 1);
  // Merge pieces split after abbreviations, and fragments without words (a lone citation).
  const merged: [number, number][] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && !hardBreaks.has(p[0])) {
      const prevText = m.slice(prev[0], prev[1]).trimEnd();
      const curText = m.slice(p[0], p[1]).trim();
      // A title alone ("Dr.") opens the next sentence rather than closing this one.
      const openingTitle = TITLE_ABBREVIATION.test(` ${curText}`) && !/\s/.test(curText);
      if (TITLE_ABBREVIATION.test(prevText) || (SINGLE_INITIAL.test(prevText) && /^[A-Z]\./.test(curText)) || (COMPANY_SUFFIX.test(prevText) && /^[(,]/.test(curText)) || (isFragment(curText) && !openingTitle) || /^[a-z]/.test(curText)) {
        prev[1] = p[1];
        continue;
      }
    }
    merged.push([p[0], p[1]]);
  }
  const whole: Segment = { start: 0, end: m.length, masked: m };
  const out: [number, number, number][] = [];
  for (let i = 0; i < merged.length; i++) {
    const s = trimmed(whole, merged[i][0], merged[i][1]);
    if (!s) continue;
    out.push([s.start, s.end, i + 1 < merged.length ? merged[i + 1][0] : m.length]);
  }
  return out;
}

/** A piece with fewer than two words, or only a parenthetical: it belongs to the sentence before. */
function isFragment(text: string): boolean {
  if (text.length === 0) return true;
  const words = text.match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  if (words.length < 2) return true;
  return /^\(.*\)[.!?]?$/.test(text) && words.length < 6;
}

function trimmed(seg: Segment, from: number, to: number): { start: number; end: number; text: string } | undefined {
  const m = seg.masked;
  let a = from;
  let b = to;
  while (a < b && isSpace(m.charCodeAt(a))) a++;
  // A bullet left in the text (a list item too deeply nested to parse) is not part of the sentence.
  while (a + 1 < b && (m[a] === '-' || m[a] === '*' || m[a] === '+') && m[a + 1] === ' ') {
    a += 2;
    while (a < b && isSpace(m.charCodeAt(a))) a++;
  }
  while (b > a && isSpace(m.charCodeAt(b - 1))) b--;
  if (a >= b) return undefined;
  const text = m.slice(a, b);
  if (!/\p{L}/u.test(text)) return undefined;
  return { start: seg.start + a, end: seg.start + b, text };
}

/** White space, and invisible format characters (bidi controls, joiners, BOM) that never start or end a sentence. */
function isSpace(c: number): boolean {
  return (
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 ||
    c === 0xfeff || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0x61c
  );
}

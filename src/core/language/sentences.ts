import { TITLE_FIELDS, type Segment, type Unit } from '../markdown/model';
import { CACHE_BUDGET, TextCache } from '../text';

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
const spanCache = new TextCache<[number, number, number][]>(CACHE_BUDGET, (spans) => 8 * spans.length);

/** Splits one segment into sentences with exact offsets. */
export function splitSegment(seg: Segment): Sentence[] {
  const spans = spanCache.get(seg.masked, () => sentenceSpans(seg.masked));
  return spans.map(([a, b, scope]) => ({ start: seg.start + a, end: seg.start + b, text: seg.masked.slice(a, b), scopeEnd: seg.start + scope, segment: seg }));
}

/** Sentence spans [start, end, scopeEnd] relative to the masked text. */
function sentenceSpans(m: string): [number, number, number][] {
  if (!/\p{L}/u.test(m)) return [];
  const pieces = segmentPieces(m);
  const hardBreaks = new Set<number>();
  for (let i = m.indexOf('\u2029'); i !== -1; i = m.indexOf('\u2029', i + 1)) hardBreaks.add(i + 1);
  // Merge pieces split after abbreviations, and fragments without words (a lone citation).
  const merged: [number, number][] = [];
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && !hardBreaks.has(p[0])) {
      const prevText = tailOf(m, prev[0], prev[1]);
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

/**
 * The end of `m.slice(from, to).trimEnd()`, at most TAIL characters: all the abbreviation tests
 * look at, so merging many pieces into one sentence stays linear.
 */
const TAIL = 16;
function tailOf(m: string, from: number, to: number): string {
  let end = to;
  while (end > from && /\s/.test(m[end - 1])) end--;
  return m.slice(Math.max(from, end - TAIL), end);
}

/** Characters handed to the segmenter at once. */
export const SEGMENT_WINDOW = 2048;

/**
 * Sentence pieces [start, end) of `m`, exactly as the segmenter finds them in the whole string, but
 * found window by window so that a paragraph of 40,000 sentences costs linear time (the segmenter's
 * cost per sentence grows with the length of the string it is given). A window is cut at a
 * boundary with at least a quarter window of text after it, and the next window starts there, as
 * the segmenter's own iteration restarts at every boundary. The cut is preferably between white
 * space and a letter, where the break rules look at nothing further; otherwise a letter, full stop,
 * `!`, `?` or separator must follow it in the window, as the rules read no further than that.
 * Text up to `window` characters, and everything after the last cut, is segmented whole.
 */
export function segmentPieces(m: string, window = SEGMENT_WINDOW): [number, number][] {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  const pieces: [number, number][] = [];
  const lookahead = Math.max(1, window >> 2);
  let start = 0;
  let size = window;
  while (start < m.length) {
    const end = Math.min(m.length, start + size);
    const last = end === m.length;
    const text = start === 0 && last ? m : m.slice(start, end);
    // Boundaries found up to the end of the text are final; elsewhere a quarter window must follow.
    const limit = last ? text.length : text.length - lookahead;
    // A window grown past one long piece is cut at its first boundary, to stay cheap.
    const grown = size > window;
    const local: [number, number][] = [];
    let cut = 0;
    for (const piece of segmenter.segment(text)) {
      const b = piece.index + piece.segment.length;
      if (b > limit) break;
      local.push([piece.index, b]);
      if (isSafeCut(text, b)) cut = local.length;
      if (grown) break;
    }
    if (last) cut = local.length;
    else if (cut === 0) {
      // Past a boundary the rules may read on over spaces, digits and punctuation up to the next
      // letter, full stop, ! or ? or line separator: a cut elsewhere needs one of those after it.
      const lastStop = lastStopIn(text);
      while (cut < local.length && local[cut][1] <= lastStop) cut++;
    }
    if (cut === 0) {
      size *= 2;
      continue;
    }
    for (let i = 0; i < cut; i++) pieces.push([start + local[i][0], start + local[i][1]]);
    start += local[cut - 1][1];
    size = window;
  }
  return pieces;
}

/** Index of the last letter, `.`, `!`, `?` or line or paragraph separator in `text`, or -1. */
function lastStopIn(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (((c | 32) >= 97 && (c | 32) <= 122) || c === 46 || c === 33 || c === 63 || c === 10 || c === 13) return i;
      continue;
    }
    if (c === 0x85 || c === 0x2028 || c === 0x2029) return i;
    const char = c >= 0xdc00 && c <= 0xdfff && i > 0 ? text.slice(i - 1, i + 1) : text[i];
    if (/^\p{L}/u.test(char)) return i;
  }
  return -1;
}

/** A boundary between white space and a letter: no break rule reads past either character. */
function isSafeCut(text: string, at: number): boolean {
  return at < text.length && /\s/.test(text[at - 1]) && /\p{L}/u.test(text[at]);
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

// The parser merges a paragraph's inline events with one array splice per run of plain text, so
// its time grows with the square of the links, code spans and other constructs one paragraph
// holds. A generated line of thousands of cited claims would take minutes. Such lines are cut
// into paragraphs of a few thousand characters for the parser, at sentence ends outside any
// inline construct; every offset is kept.
import { closesFence, FENCE } from './fences';

/** A line longer than this, in a plain paragraph, is cut for the parser. */
const LONG_LINE = 20_000;
/** Characters between two cuts, at least. */
const CUT_EVERY = 4_000;

// A line that opens or continues anything but a plain paragraph: a quote, heading, table, HTML,
// list item, thematic break or setext underline, fence, footnote definition, or indented code.
const NOT_PLAIN = /^(?: {0,3}(?:[>#|<=_~`]|[-*+](?:\s|$)|\d{1,9}[.)](?:\s|$)|\[\^|-{3,}|\*{3,})|\t| {4})/;
// What the next sentence may open with, so a cut never lands before a marker or a lower-case aside
// (and never leaves four spaces, which would open a code block).
const SENTENCE_START = /^ {0,3}[\p{Lu}\d"“‘']/u;
// Quote and list markers before a line's content.
const CONTAINER_MARKERS = /^\s*(?:(?:[>*+-]|\d{1,9}[.)])\s*)*/;
const BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;

/**
 * Cuts each line longer than LONG_LINE in a plain top-level paragraph at sentence ends
 * (". ", "! ", "? " before a capital, a digit or a quote, outside brackets, parentheses, angle
 * brackets and code spans), every CUT_EVERY characters or so, by turning those two characters
 * into a blank line. The sentences on either side stay sentences; the line's links and claims are
 * parsed as before.
 */
export function cutLongParagraphs(body: string): string {
  if (body.length <= LONG_LINE || !hasLongLine(body)) return body;
  const lines = body.split('\n');
  let fence: string | undefined;
  let k = 0;
  while (k < lines.length) {
    if (fence) {
      if (closesFence(lines[k], fence)) fence = undefined;
      k++;
      continue;
    }
    if (lines[k].trim() === '') {
      k++;
      continue;
    }
    // One block: the lines up to the next blank line.
    let end = k;
    while (end < lines.length && lines[end].trim() !== '') end++;
    const opened = FENCE.exec(lines[k]);
    if (opened) {
      fence = opened[1];
      k++;
      continue;
    }
    // A thematic break or setext underline ends the paragraph above it (which may be a heading, so
    // it is left whole); the lines after it start a paragraph of their own.
    let from = k;
    for (let i = k; i < end; i++) if (BREAK.test(lines[i])) from = i + 1;
    const plain = from < end && lines.slice(from, end).every((line) => !NOT_PLAIN.test(line) && !FENCE.test(line));
    if (plain) {
      for (let i = from; i < end; i++) if (lines[i].length > LONG_LINE) lines[i] = cutLine(lines[i]);
    } else {
      // A fence the block opens and leaves open (after a list marker, say) keeps the text after it whole.
      for (const line of lines.slice(k, end)) {
        const inner = line.replace(CONTAINER_MARKERS, '');
        if (fence) {
          if (closesFence(inner, fence)) fence = undefined;
        } else fence = FENCE.exec(inner)?.[1];
      }
    }
    k = end;
  }
  return lines.join('\n');
}

function hasLongLine(body: string): boolean {
  let start = 0;
  while (start < body.length) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    if (end - start > LONG_LINE) return true;
    start = end + 1;
  }
  return false;
}

/** The line with a blank line in place of some sentence ends outside inline constructs. */
function cutLine(line: string): string {
  const out: string[] = [];
  let last = 0;
  let brackets = 0;
  let parens = 0;
  let angle = false;
  let codeRun = 0;
  for (let i = 0; i < line.length - 1; i++) {
    const c = line[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      let run = 1;
      while (line[i + run] === '`') run++;
      // A code span closes on a run of the same length.
      if (codeRun === 0) codeRun = run;
      else if (codeRun === run) codeRun = 0;
      i += run - 1;
      continue;
    }
    if (codeRun > 0) continue;
    if (angle) {
      if (c === '>') angle = false;
      continue;
    }
    if (c === '<' && /[A-Za-z/!]/.test(line[i + 1])) angle = true;
    else if (c === '[') brackets++;
    else if (c === ']') brackets = Math.max(0, brackets - 1);
    else if (c === '(') parens++;
    else if (c === ')') parens = Math.max(0, parens - 1);
    else if ((c === '.' || c === '!' || c === '?') && line[i + 1] === ' ' && SENTENCE_START.test(line.slice(i + 2, i + 6)) && brackets === 0 && parens === 0 && i - last >= CUT_EVERY && line.length - i > CUT_EVERY) {
      out.push(line.slice(last, i), '\n\n');
      last = i + 2;
      i++;
    }
  }
  out.push(line.slice(last));
  return out.join('');
}

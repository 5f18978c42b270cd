import type { DirectiveKind, DocumentModel, Locator, Segment, Unit } from './model';
import { MaskBuilder } from './mask';
import { isRuleId } from '../types';

const COMMENT = /<!--([\s\S]*?)-->/g;
const DIRECTIVE = /^\s*alliance-cite-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)\s*$/;
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi;
const CELL = /<(td|th)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;
const HREF = /<a\s[^>]*?href\s*=\s*["']?([^"'\s>]+)[^>]*>/gi;

/** Reads a block of HTML: `<tr>` rows become table-row units. */
export function readHtmlBlock(text: string, value: string, start: number, addUnit: (u: Omit<Unit, 'inSourceList' | 'section'>) => void): void {
  if (!/<tr\b/i.test(value)) return;
  let headers: string[] = [];
  for (const row of value.matchAll(ROW)) {
    const rowStart = start + row.index;
    const rowEnd = rowStart + row[0].length;
    const cellsStart = rowStart + row[0].indexOf(row[1]);
    const segments: Segment[] = [];
    const locators: Locator[] = [];
    let isHeader = true;
    for (const cell of row[1].matchAll(CELL)) {
      if (cell[1].toLowerCase() === 'td') isHeader = false;
      const cStart = cellsStart + cell.index + cell[0].indexOf('>') + 1;
      const cEnd = cStart + cell[2].length;
      const mask = new MaskBuilder(text, cStart, cEnd);
      mask.keepRaw(cStart, cEnd);
      for (const tag of cell[2].matchAll(TAG)) mask.blank(cStart + tag.index, cStart + tag.index + tag[0].length);
      for (const a of cell[2].matchAll(HREF)) locators.push({ kind: 'html', start: cStart + a.index, end: cStart + a.index + a[0].length, url: decodeEntities(a[1]) });
      segments.push({ start: cStart, end: cEnd, masked: mask.build() });
    }
    if (isHeader && segments.length > 0) {
      headers = segments.map((s) => s.masked.trim());
      continue;
    }
    if (segments.length > 0) addUnit({ kind: 'table-row', start: rowStart, end: rowEnd, segments, locators, headers });
  }
}

/** Records the `<!-- alliance-cite-… -->` suppression comments of a draft. */
export function readDirectives(value: string, model: DocumentModel, start = 0): void {
  if (value.indexOf('alliance-cite-') === -1) return;
  for (const c of value.matchAll(COMMENT)) {
    const d = DIRECTIVE.exec(c[1]);
    if (!d) continue;
    const rules = d[2].split(/[\s,]+/).filter((r) => r.length > 0 && !r.startsWith('--'));
    const known = rules.filter((r) => isRuleId(r));
    if (known.length !== rules.length) {
      const unknown = rules.filter((r) => !isRuleId(r));
      model.notes.push({ start: start + c.index, end: start + c.index + c[0].length, message: `Unknown rule id in suppression comment: ${unknown.join(', ')}` });
    }
    model.directives.push({ kind: d[1] as DirectiveKind, rules: known, start: start + c.index, end: start + c.index + c[0].length });
  }
}

function decodeEntities(s: string): string {
  return s.replace(/&amp;/g, '&');
}

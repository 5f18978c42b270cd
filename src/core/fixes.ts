import type { Fix, LintOptions, TextEdit } from './types';
import { lint } from './lint';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
}

const MAX_PASSES = 10;

/** Applies fixes in one pass: sorted by position, a fix overlapping an earlier one is skipped. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = fixes
    .filter((f) => f.edits.length > 0 && f.edits.every((e) => validEdit(text, e)))
    .map((f) => ({ fix: f, start: Math.min(...f.edits.map((e) => e.start)), end: Math.max(...f.edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let applied = 0;
  let skipped = fixes.length - ordered.length;
  // Edits of accepted fixes, to detect overlaps with fixes whose edits interleave.
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const { fix } of ordered) {
    // The same edit offered by two findings (two claims citing one undated source) is made once.
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) {
      skipped++;
      continue;
    }
    seen.add(key);
    if (fix.edits.some((e) => taken.some((t) => overlaps(t, e)))) {
      skipped++;
      continue;
    }
    taken.push(...fix.edits);
    chosen.push(...fix.edits);
    applied++;
  }
  // Stable sort: same-point insertions keep the order of their fixes.
  chosen.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const e of chosen) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}

/** Lints and applies every safe fix, re-linting up to ten times until nothing fixable remains. */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  // A finding fixed once is not fixed again at the same place: if a pathological draft hides a
  // stub from the parser, fix-all still ends with one stub per claim instead of ten.
  const fixedAt = new Set<string>();
  while (passes < MAX_PASSES) {
    const fixes: Fix[] = [];
    for (const d of lint(current, options).diagnostics) {
      const key = `${d.rule}:${d.start}`;
      if (!d.fix || fixedAt.has(key)) continue;
      fixedAt.add(key);
      fixes.push(d.fix);
    }
    if (fixes.length === 0) break;
    const result = applyFixes(current, fixes);
    passes++;
    if (result.applied === 0 || result.text === current) break;
    fixed += result.applied;
    current = result.text;
  }
  return { text: current, fixed, passes };
}

function validEdit(text: string, e: TextEdit): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length;
}

/**
 * Two edits conflict if their ranges intersect or one inserts strictly inside the other's range.
 * Insertions at the same point do not conflict: they are kept in fix order, so several stubs can
 * be appended to one place in a single pass without touching the writer's text.
 */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

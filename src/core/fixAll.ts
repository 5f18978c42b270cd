// Fix-all: lint, apply every safe fix, and lint again until nothing fixable remains.
import { applyFixes } from './fixes/apply';
import { lint } from './lint';
import type { Fix, FixKind, LintOptions } from './types';

export interface FixAllResult {
  text: string;
  /** Fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** Fixes applied by kind, so a caller can say what it did ("added 7 citation stubs"). */
  byKind: Partial<Record<FixKind, number>>;
}

const MAX_PASSES = 10;

/** Lints and applies every safe fix, re-linting up to ten times until nothing fixable remains. */
export function fixAll(text: string, options: LintOptions = {}): FixAllResult {
  let current = text;
  let fixed = 0;
  let passes = 0;
  const byKind: Partial<Record<FixKind, number>> = {};
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
    for (const [kind, n] of Object.entries(result.byKind) as [FixKind, number][]) byKind[kind] = (byKind[kind] ?? 0) + n;
    current = result.text;
  }
  return { text: current, fixed, passes, byKind };
}

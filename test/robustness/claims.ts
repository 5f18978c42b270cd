// Helpers for hostile-draft tests: lint with every range checked, and assert that a planted claim
// is flagged at its exact UTF-16 offsets.
import assert from 'node:assert/strict';
import { fixAll, lint, type Diagnostic, type LintResult } from '../../src/core';
import { assertRangesValid, isSubsequence, LINT_OPTIONS } from './properties';

/** The planted claim: a membership claim with no citation. */
export const CLAIM = 'The AI Alliance has more than 140 members.';
/** A membership claim cited to the Alliance site with a retrieval date: no findings. */
export const CITED = 'IBM is a member of the AI Alliance ([members](https://thealliance.ai/members), retrieved 2026-11-01).';

export function describeResult(result: LintResult): string {
  const items = result.diagnostics.map((d) => `${d.rule}@[${d.start},${d.end})`);
  return items.length > 20 ? `${items.slice(0, 20).join(' ')} … (${items.length} in all)` : items.join(' ') || 'no diagnostics';
}

/** Lints, checks every range, and returns the result. */
export function lintChecked(text: string): LintResult {
  const result = lint(text, LINT_OPTIONS);
  assertRangesValid(text, result);
  return result;
}

/** Asserts a missing-citation finding spans exactly `claim` where it occurs in `text` (at or after `from`). */
export function assertClaimFlagged(text: string, result: LintResult, claim = CLAIM, from = 0): Diagnostic {
  const start = text.indexOf(claim, from);
  assert.ok(start >= 0, 'test setup: claim not in text');
  const found = result.diagnostics.find((d) => d.rule === 'missing-citation' && d.start === start);
  assert.ok(found, `expected missing-citation at ${start}; got ${describeResult(result)}`);
  assert.equal(text.slice(found.start, found.end), claim, 'claim range does not match the claim sentence');
  return found;
}

/** Fixes everything and checks the result kept the draft's text and left nothing fixable. */
export function fixAllChecked(text: string): string {
  const fixed = fixAll(text, LINT_OPTIONS).text;
  assert.ok(isSubsequence(text, fixed), 'fix-all removed or changed text of the draft');
  const again = lintChecked(fixed);
  assert.deepEqual(again.diagnostics.filter((d) => d.fix).map((d) => d.rule), [], 'fixable diagnostics remain after fix-all');
  return fixed;
}

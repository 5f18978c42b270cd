// The invariants every draft must satisfy, as fast-check properties shared by the mocha suite
// (bounded runs) and scripts/fuzz.ts (long runs).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, createLintSession, fixAll, lint, RULE_IDS, type LintOptions, type LintResult } from '../../src/core';
import { draftArb, editSessionArb, ODD_FRAGMENTS } from './generators';

/** A fixed date, so stale/future verdicts and stub dates do not depend on the day the suite runs. */
export const LINT_OPTIONS: LintOptions = { asOf: '2026-11-25' };

/** Whether an offset falls between two UTF-16 code units of one surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function assertRange(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer range [${start}, ${end})`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: range [${start}, ${end}) is not inside the text (length ${text.length})`);
  assert.ok(!splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end), `${what}: range [${start}, ${end}) splits a surrogate pair`);
}

/** Asserts that every range a lint result mentions lies inside `text` on character boundaries. */
export function assertRangesValid(text: string, result: LintResult): void {
  for (const d of result.diagnostics) {
    const what = `${d.rule} at [${d.start}, ${d.end})`;
    assert.ok((RULE_IDS as readonly string[]).includes(d.rule), `unknown rule id ${d.rule}`);
    assert.ok(['error', 'warning', 'info'].includes(d.severity), `${what}: unknown severity ${d.severity}`);
    assert.ok(typeof d.message === 'string' && d.message.trim().length > 0, `${what}: empty message`);
    assertRange(text, d.start, d.end, what);
    for (const r of d.related) assertRange(text, r.start, r.end, `${what} related "${r.message}"`);
    for (const fix of d.fix ? [d.fix, ...d.suggestions] : d.suggestions) {
      assert.ok(fix.edits.length > 0, `${what}: fix "${fix.title}" has no edits`);
      for (const e of fix.edits) assertRange(text, e.start, e.end, `${what} fix "${fix.title}"`);
      if (fix.placeholder) {
        const after = applyFixes(text, [fix]).text;
        assertRange(after, fix.placeholder.start, fix.placeholder.end, `${what} placeholder of "${fix.title}"`);
      }
    }
  }
  for (const n of result.notes) assertRange(text, n.start, n.end, `note "${n.message}"`);
}

/** Whether `original` can be obtained from `fixed` by deleting characters (fixes only inserted). */
export function isSubsequence(original: string, fixed: string): boolean {
  let i = 0;
  for (let j = 0; i < original.length && j < fixed.length; j++) {
    if (original.charCodeAt(i) === fixed.charCodeAt(j)) i++;
  }
  return i === original.length;
}

/** Checks lint and fix-all on one draft: no throw, valid ranges, insert-only fixes, convergence. */
export function checkDraftInvariants(text: string): void {
  const result = lint(text, LINT_OPTIONS);
  assertRangesValid(text, result);
  for (const d of result.diagnostics) {
    for (const e of d.fix?.edits ?? []) {
      assert.equal(e.end, e.start, `${d.rule} fix "${d.fix?.title}" replaces [${e.start}, ${e.end}) instead of inserting`);
    }
  }
  const once = fixAll(text, LINT_OPTIONS);
  assert.ok(isSubsequence(text, once.text), 'fix-all removed or changed text of the draft');
  const relinted = lint(once.text, LINT_OPTIONS);
  assertRangesValid(once.text, relinted);
  const fixable = relinted.diagnostics.filter((d) => d.fix).map((d) => `${d.rule} at [${d.start}, ${d.end}): ${d.fix?.title}`);
  assert.deepEqual(fixable, [], 're-linting the fixed draft still finds fixable diagnostics');
  assert.equal(fixAll(once.text, LINT_OPTIONS).text, once.text, 'fixing twice differs from fixing once');
}

/** Checks that an editor session, fed every version in turn, agrees with a fresh lint of each. */
export function checkSessionAgrees(versions: readonly string[]): void {
  const session = createLintSession(LINT_OPTIONS);
  const kept: { result: LintResult; snapshot: string }[] = [];
  versions.forEach((text, i) => {
    const incremental = session.update(text);
    assert.deepStrictEqual(incremental, lint(text, LINT_OPTIONS), `session.update disagrees with lint at version ${i}`);
    kept.push({ result: incremental, snapshot: JSON.stringify(incremental) });
  });
  // Callers keep earlier results (diagnostics on screen); later updates must not change them.
  kept.forEach(({ result, snapshot }, i) => assert.equal(JSON.stringify(result), snapshot, `result of version ${i} changed after later updates`));
}

/** Arbitrary text with Markdown punctuation, claim phrases and odd characters, with no structure. */
export const rawTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.oneof(
      fc.constantFrom(...ODD_FRAGMENTS),
      fc.constantFrom(' ', '\n', '\n\n', '- ', '> ', '1. ', '    ', '---\n', '```', '<!-- ', ' -->', '[^m1]', '[^m1]: ', '[1]', '[@k]', '](', 'https://thealliance.ai/members', 'retrieved 2026-06-25', '.'),
      fc.constantFrom('The AI Alliance has more than 140 members', 'IBM is a member of the AI Alliance', 'Tapestry is an AI Alliance project', 'Granite is safe because IBM is an AI Alliance member'),
    ),
    maxLength: 60,
  }),
);

export interface RunParams {
  seed: number;
  numRuns: number;
  path?: string;
}

export interface FuzzProperty {
  name: string;
  /** Runs the property; never throws, the details say whether and how it failed. */
  check(params: RunParams): fc.RunDetails<unknown>;
}

function fuzzProperty<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): FuzzProperty {
  return { name, check: (params) => fc.check(fc.property(arbitrary, predicate), { ...params, includeErrorInReport: true }) as fc.RunDetails<unknown> };
}

export const PROPERTIES: readonly FuzzProperty[] = [
  fuzzProperty('generated drafts: lint never throws, ranges are valid, fixes only insert and converge', draftArb(), checkDraftInvariants),
  fuzzProperty('unstructured text: the same invariants hold', rawTextArb, checkDraftInvariants),
  fuzzProperty('edit sequences: the incremental session agrees with a fresh lint', editSessionArb, checkSessionAgrees),
];

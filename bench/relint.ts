// Re-lint latency in process: re-lints a draft after each one-character edit in its middle, as the
// language server does on every change (session update, then offsets to line/column), and reports percentiles.
// Usage: node relint.js [--edits N] [--warmup N] [--budget-ms MS] [--min-edits N] [--sizes 300,1000,5000]
import { createLintSession, defaultConfig, LineIndex } from '../src/core';
import { allianceDraft } from './draft';
import { percentile } from './stats';
import { createRandom } from './prng';
import { middleOffset, TYPED } from './typing';

export interface LatencyResult {
  lines: number;
  edits: number;
  p50: number;
  p95: number;
  max: number;
  /** Findings in the final text, to show the core really worked. */
  diagnostics: number;
}

/**
 * Types characters one at a time into the middle of a draft of `lines` lines, timing each re-lint.
 * Stops early, after at least `minEdits` timed edits, once `budgetMs` have passed (warm-up included).
 */
function measureRelint(lines: number, edits: number, warmup: number, budgetMs: number, minEdits: number): LatencyResult {
  let text = allianceDraft(createRandom(lines), { lines, ordinaryShare: 0.25 });
  // Like the extension, the session gets one config object for its whole life.
  const session = createLintSession({ config: defaultConfig(), asOf: '2026-11-25' });
  session.update(text);
  let cursor = middleOffset(text);
  const timings: number[] = [];
  let diagnostics = 0;
  const begun = performance.now();
  for (let i = 0; i < warmup + edits && !(timings.length >= minEdits && performance.now() - begun > budgetMs); i++) {
    text = text.slice(0, cursor) + TYPED[i % TYPED.length] + text.slice(cursor);
    cursor++;
    const started = performance.now();
    const result = session.update(text);
    const index = new LineIndex(text);
    for (const d of result.diagnostics) {
      index.positionAt(d.start);
      index.positionAt(d.end);
    }
    const elapsed = performance.now() - started;
    if (i >= warmup) timings.push(elapsed);
    diagnostics = result.diagnostics.length;
  }
  timings.sort((a, b) => a - b);
  return { lines, edits: timings.length, p50: percentile(timings, 50), p95: percentile(timings, 95), max: timings[timings.length - 1], diagnostics };
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const edits = Number(option('--edits', '200'));
const warmup = Number(option('--warmup', '20'));
const budgetMs = Number(option('--budget-ms', 'Infinity'));
const minEdits = Number(option('--min-edits', '10'));
const sizes = option('--sizes', '300,1000,5000').split(',').map(Number);
const results = sizes.map((lines) => measureRelint(lines, edits, warmup, budgetMs, minEdits));
process.stdout.write(`${JSON.stringify(results)}\n`);

// Unified diffs for --fix-dry-run, in the form `git apply` and `patch -p1` accept.
import { createTwoFilesPatch } from 'diff';

/** Returns a unified diff of one draft, or '' when the texts are equal. */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { context: 3 });
  // The first line is an `Index:`-style separator; keep only the ---/+++ headers and hunks.
  return patch.replace(/^=+\n/m, '').replace(/^Index: .*\n/m, '');
}

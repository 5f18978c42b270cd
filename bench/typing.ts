// What the latency measurements type, and where: one character at a time in the middle of a draft.

export const TYPED = 'the quick brown fox jumps over the lazy dog ';

/** Offset of the middle of the draft: just before the end of the first prose line after the midpoint. */
export function middleOffset(text: string): number {
  let lineStart = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd);
    if (/^[A-Z][^|`]*[a-z]/.test(line)) return lineEnd - 1;
    lineStart = lineEnd + 1;
  }
  return Math.floor(text.length / 2);
}

// Fenced code blocks as CommonMark opens and closes them: the chunker and the long-paragraph cutter
// both need them to leave code whole.

/** A line that opens (or may close) a fenced code block; the group is the fence itself. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Whether `line` closes a block opened with `fence`: the same character, at least as many, and nothing else on the line. */
export function closesFence(line: string, fence: string): boolean {
  const f = FENCE.exec(line);
  return f !== null && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1];
}

// "Did you mean" suggestions for misspelt keys, rule ids and values.

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** Returns the closest candidate if it is near enough to be a likely typo. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  // Long inputs are not typos of short keys; skipping them keeps the cost bounded.
  if (word.length > 100) return undefined;
  const lower = word.toLowerCase();
  const options = [...candidates];
  const limit = Math.max(1, Math.floor(word.length / 3));
  // A truncated word ("warn" for "warning") is a likely slip even when many letters are missing.
  const extension = lower.length >= 3 ? options.find((c) => c.toLowerCase().startsWith(lower)) : undefined;
  if (extension !== undefined) return extension;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of options) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Formats " (did you mean 'x'?)" or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean '${match}'?)`;
}

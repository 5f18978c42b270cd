// Literal phrase lists compiled into word-bounded, case-insensitive regular expressions.
// Entries are escaped, so lists from config files can never introduce backtracking patterns.

const cache = new Map<string, RegExp>();

/** Compiles phrases ("found*" matches any ending) into one global regular expression. */
export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  const key = flags + '\u0000' + phrases.join('\u0001');
  let re = cache.get(key);
  if (re) return new RegExp(re.source, re.flags);
  const alternatives = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const star = p.endsWith('*');
      const body = (star ? p.slice(0, -1) : p)
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+');
      return body + (star ? '[\\p{L}\\p{N}-]*' : '');
    });
  const source = alternatives.length ? `(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])` : '(?!)';
  re = new RegExp(source, flags);
  cache.set(key, re);
  return new RegExp(re.source, re.flags);
}

/** Whether any phrase occurs in the text. */
export function hasPhrase(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

// Literal phrase lists compiled into word-bounded, case-insensitive regular expressions.
// Entries are escaped, so lists from config files can never introduce backtracking patterns.

import { CACHE_BUDGET, TextCache } from '../text';

export const MAX_PHRASE_LENGTH = 200;

// Drafts that add their own project names each compile a list of their own: the cache is bounded.
const cache = new TextCache<RegExp>(CACHE_BUDGET, (re) => re.source.length);

/** Compiles phrases ("found*" matches any ending) into one global regular expression. */
export function phraseRegex(phrases: readonly string[], flags = 'giu'): RegExp {
  const key = flags + '\u0000' + phrases.join('\u0001');
  const re = cache.get(key, () => compilePhrases(phrases, flags));
  return new RegExp(re.source, re.flags);
}

function compilePhrases(phrases: readonly string[], flags: string): RegExp {
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
  return new RegExp(source, flags);
}

/** Whether any phrase occurs in the text. */
export function hasPhrase(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** Returns why a lexicon phrase is unusable, or undefined if it is fine. */
export function checkPhrase(phrase: string): string | undefined {
  if (phrase.trim().length === 0) return 'expected a word or phrase; found an empty string';
  if (phrase.length > MAX_PHRASE_LENGTH) return `a phrase is at most ${MAX_PHRASE_LENGTH} characters long`;
  if (/[\r\n\u2028\u2029]/.test(phrase)) return 'a phrase must fit on one line';
  return undefined;
}

/** Escapes every character that has a meaning in a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Builds a case-insensitive matcher for a literal phrase, on word boundaries, with any run of
 * white space between its words. The phrase is escaped, so `(a+)+$` matches only those characters.
 */
export function literalPhraseRegExp(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.join('\\s+')}(?![\\p{L}\\p{N}_])`, 'giu');
}

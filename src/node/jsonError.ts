// Finds where JSON text first goes wrong. JSON.parse says what is wrong but, depending on the
// Node version and the mistake, not always where; messages about bad input must name line:col.

/** Returns the UTF-16 offset of the first syntax error in `text`, or -1 when it is valid JSON. */
export function firstJsonErrorOffset(text: string): number {
  let i = 0;
  const skipSpace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  // Each reader returns false at the first error, leaving `i` on the offending character.
  const readString = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) return false;
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) return false;
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) {
          return false;
        }
      }
      i++;
    }
    if (i >= text.length) return false;
    i++;
    return true;
  };
  const readNumber = (): boolean => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match || match[0] === '' || match[0] === '-') return false;
    i += match[0].length;
    return true;
  };
  const readValue = (depth: number): boolean => {
    skipSpace();
    if (depth > 1000) return false; // far deeper than any baseline; also keeps the stack small
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      if (text[i] === close) {
        i++;
        return true;
      }
      for (;;) {
        if (c === '{') {
          skipSpace();
          if (!readString()) return false;
          skipSpace();
          if (text[i] !== ':') return false;
          i++;
        }
        if (!readValue(depth + 1)) return false;
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== close) return false;
        i++;
        return true;
      }
    }
    if (c === '"') return readString();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    return readNumber();
  };
  if (!readValue(0)) return Math.min(i, text.length);
  skipSpace();
  return i < text.length ? i : -1;
}

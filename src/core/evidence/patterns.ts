// User-supplied source patterns must never stall the editor. Host and path patterns are globs
// matched by a state-set walk (time linear in the input for a given pattern); no field accepts a
// regular expression (lexicon entries are literal phrases: see language/phrases.ts).

export const MAX_PATTERN_LENGTH = 300;

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
// Characters that only make sense in a regular expression; refusing them tells a writer who
// expected regex syntax that patterns are globs.
const REGEX_SYNTAX = /[\\^$|()[\]{}+?]/;

/** Returns why a host pattern is unusable, or undefined if it is fine. */
export function checkHostPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return 'expected a host such as example.org, *.example.org or news.*; found an empty string';
  if (pattern.length > 253) return 'a host pattern is at most 253 characters long';
  if (/[/:@\s]/.test(pattern)) return `expected a host name without scheme, port or path (e.g. example.org); found '${pattern}'`;
  if (REGEX_SYNTAX.test(pattern)) {
    return `'${pattern}' looks like a regular expression; host patterns are globs: example.org, *.example.org (the host and its subdomains) or news.* (any host starting with news.)`;
  }
  const labels = pattern.split('.');
  const body = labels.filter((label, i) => !(label === '*' && (i === 0 || i === labels.length - 1)));
  if (labels.length > 1 && labels[0] === '*' && labels[labels.length - 1] === '*') {
    return `'${pattern}' may have a wildcard at the start or at the end, not both`;
  }
  if (body.length === 0) return `'${pattern}' matches every host; name at least one part of the host`;
  for (const label of body) {
    if (label.includes('*')) return `'${pattern}': '*' may only stand alone as the first label (*.example.org) or the last label (news.*)`;
    if (!HOST_LABEL.test(label)) return `'${pattern}': '${label}' is not a valid host label (letters, digits and inner hyphens)`;
  }
  return undefined;
}

/** Returns why a path glob is unusable, or undefined if it is fine. */
export function checkPathGlob(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `a path pattern is at most ${MAX_PATTERN_LENGTH} characters long`;
  if (/\s/.test(pattern)) return `a path pattern may not contain spaces; found '${pattern}'`;
  if (REGEX_SYNTAX.test(pattern)) {
    return `'${pattern}' looks like a regular expression, which is refused so that no pattern can stall the linter; path patterns are globs where only * (within a segment) and ** (across segments) are wildcards`;
  }
  if (!pattern.startsWith('/')) return `expected a path starting with '/' (e.g. /members/**); found '${pattern}'`;
  if (pattern.includes('***')) return `'${pattern}': use * (within a segment) or ** (across segments), not ***`;
  return undefined;
}

type GlobToken = { kind: 'char'; char: string } | { kind: 'star' } | { kind: 'globstar' };

function tokenize(glob: string): GlobToken[] {
  const tokens: GlobToken[] = [];
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] !== '*') tokens.push({ kind: 'char', char: glob[i] });
    else if (glob[i + 1] === '*') {
      tokens.push({ kind: 'globstar' });
      i++;
    } else tokens.push({ kind: 'star' });
  }
  return tokens;
}

/**
 * Compiles a path glob (`*` within a segment, `**` across segments, case-insensitive, anchored,
 * an optional trailing slash allowed). Matching tracks the set of pattern positions reachable so
 * far, so it costs at most (path length × pattern length) steps whatever the pattern.
 */
export function compilePathGlob(glob: string): (path: string) => boolean {
  const tokens = tokenize(glob.toLowerCase());
  const size = tokens.length + 1;
  const close = (states: Uint8Array): void => {
    for (let i = 0; i < tokens.length; i++) if (states[i] && tokens[i].kind !== 'char') states[i + 1] = 1;
  };
  const matchesExactly = (path: string): boolean => {
    let current = new Uint8Array(size);
    let next = new Uint8Array(size);
    current[0] = 1;
    close(current);
    for (let p = 0; p < path.length; p++) {
      const c = path[p];
      next.fill(0);
      let alive = false;
      for (let i = 0; i < tokens.length; i++) {
        if (!current[i]) continue;
        const token = tokens[i];
        if (token.kind === 'char') {
          if (token.char === c) {
            next[i + 1] = 1;
            alive = true;
          }
        } else if (token.kind === 'globstar' || c !== '/') {
          next[i] = 1;
          alive = true;
        }
      }
      if (!alive) return false;
      close(next);
      [current, next] = [next, current];
    }
    return current[tokens.length] === 1;
  };
  return (path: string) => {
    const lower = path.toLowerCase();
    return matchesExactly(lower) || (lower.length > 1 && lower.endsWith('/') && matchesExactly(lower.slice(0, -1)));
  };
}

/**
 * Compiles a host pattern: `example.org` (exactly), `*.example.org` (the host and its subdomains),
 * `news.*` (any host whose first label is news). A leading `www.` is ignored on both sides.
 */
export function compileHostPattern(pattern: string): (host: string) => boolean {
  const normal = pattern.toLowerCase().replace(/^www\./, '');
  if (normal.startsWith('*.')) {
    const base = normal.slice(2);
    return (host) => {
      const h = host.toLowerCase().replace(/^www\./, '');
      return h === base || h.endsWith('.' + base);
    };
  }
  if (normal.endsWith('.*')) {
    const prefix = normal.slice(0, -1);
    return (host) => {
      const h = host.toLowerCase().replace(/^www\./, '');
      return h.startsWith(prefix) && h.length > prefix.length;
    };
  }
  return (host) => host.toLowerCase().replace(/^www\./, '') === normal;
}

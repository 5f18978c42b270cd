import type { Position } from './types';

/** Converts between UTF-16 offsets and 0-based line/character positions of one exact text. */
export class LineIndex {
  /** Offsets at which each line starts. Lines end at \r\n, \n or \r (as VS Code counts them). */
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Returns the line/character of an offset (clamped to the text). */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** Returns the offset of a line/character (clamped to the line's content). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const end = this.lineEnd(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
}

/** Returns the document's dominant line break, used when a fix inserts new lines. */
export function detectEol(text: string): string {
  const crlf = text.indexOf('\r\n');
  const lf = text.indexOf('\n');
  if (lf === -1) return text.includes('\r') ? '\r' : '\n';
  return crlf !== -1 && crlf === lf - 1 ? '\r\n' : '\n';
}

/** Characters each of the core's text caches may hold (about 8 MB of keys). */
export const CACHE_BUDGET = 4_000_000;

/**
 * Results remembered by the text they were computed from, up to a budget of characters of key
 * and value (a long paragraph weighs more than a short sentence); past the budget the cache
 * starts afresh. An editor re-lints mostly unchanged text, and a whole-tree run must not keep
 * every paragraph it has read.
 */
export class TextCache<T> {
  private readonly entries = new Map<string, T>();
  private weight = 0;

  constructor(
    private readonly budget: number,
    private readonly weigh: (value: T) => number = () => 16,
  ) {}

  /** The value for `key`, computed on the first call. */
  get(key: string, compute: () => T): T {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) return hit as T;
    const value = compute();
    const weight = key.length + this.weigh(value);
    if (this.weight + weight > this.budget) {
      this.entries.clear();
      this.weight = 0;
    }
    this.entries.set(key, value);
    this.weight += weight;
    return value;
  }
}

/** What changed between two texts: [at, oldEnd) of the old text became [at, oldEnd + delta) of the new. */
export interface Edit {
  at: number;
  oldEnd: number;
  delta: number;
}

/** The one contiguous change that turns `before` into `after` (the longest common prefix and suffix). */
export function editBetween(before: string, after: string): Edit {
  const max = Math.min(before.length, after.length);
  let at = 0;
  while (at < max && before.charCodeAt(at) === after.charCodeAt(at)) at++;
  let s = 0;
  while (s < max - at && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  return { at, oldEnd: before.length - s, delta: after.length - before.length };
}

// A masked view of a stretch of source text: same length as the source, so offsets map one to
// one, with everything outside the prose (markup, URLs, code, comments) blanked to spaces.

const SPACE = 32;
/** How far ahead of the cursor a parsed character is looked for in its source (keeps masking linear). */
const ALIGN_LOOKAHEAD = 24;

export class MaskBuilder {
  private readonly codes: Uint16Array;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {
    this.codes = new Uint16Array(Math.max(0, end - start)).fill(SPACE);
  }

  /** Keeps the source characters of [s, e) that spell `value` (a parsed text node), blanking escapes and prefixes. */
  keepAligned(s: number, e: number, value: string): void {
    const from = Math.max(s, this.start);
    const to = Math.min(e, this.end);
    // Same length: the node's text is its source, or the source with inert stand-ins the parser
    // was given for pathological nesting (see capNesting); either way the source is the prose.
    if (to - from === value.length && (e - s === value.length || this.text.startsWith(value, from))) {
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        // Stand-ins are markup the parser was spared, not prose: they stay blank.
        if (c === this.text.charCodeAt(from + i)) this.codes[from + i - this.start] = c;
      }
      return;
    }
    let p = from;
    for (let i = 0; i < value.length && p < to; i++) {
      const c = value.charCodeAt(i);
      const limit = Math.min(to, p + ALIGN_LOOKAHEAD);
      let q = p;
      while (q < limit && !sameChar(c, this.text.charCodeAt(q))) q++;
      if (q < limit) {
        if (c === this.text.charCodeAt(q)) this.codes[q - this.start] = c;
        p = q + 1;
      }
    }
  }

  /** Keeps the source characters of [s, e) as they are. */
  keepRaw(s: number, e: number): void {
    const from = Math.max(s, this.start);
    const to = Math.min(e, this.end);
    for (let i = from; i < to; i++) this.codes[i - this.start] = this.text.charCodeAt(i);
  }

  /** Blanks [s, e) again. */
  blank(s: number, e: number): void {
    const from = Math.max(s, this.start);
    const to = Math.min(e, this.end);
    for (let i = from; i < to; i++) this.codes[i - this.start] = SPACE;
  }

  /** The masked text, with line breaks turned into spaces so sentences flow across soft breaks. */
  build(): string {
    const codes = this.codes;
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029 || c === 0x85 || c === 9 || c === 0) {
        // A line that goes on with a bullet is a list item read as text (nesting too deep to
        // parse): it starts a new sentence, as it would have as an item.
        codes[i] = (c === 10 || c === 13) && bulletFollows(codes, i + 1) ? 0x2029 : SPACE;
      }
    }
    return codesToString(codes);
  }
}

function bulletFollows(codes: Uint16Array, from: number): boolean {
  let j = from;
  while (j < codes.length && (codes[j] === SPACE || codes[j] === 9)) j++;
  const c = codes[j];
  return (c === 45 || c === 42 || c === 43) && codes[j + 1] === SPACE;
}

/** Turns UTF-16 code units into a string without exceeding the argument limit of `apply`. */
export function codesToString(codes: Uint16Array): string {
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < codes.length; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return out;
}

/** A parsed character and its source character agree, counting the parser's inert stand-ins. */
function sameChar(parsed: number, source: number): boolean {
  if (parsed === source) return true;
  switch (parsed) {
    case 0x2002: // stand-in for deep indentation
      return source === 32 || source === 9;
    case 0x203a: // stand-in for a deep `>`
      return source === 62;
    case 0x2010: // stand-in for a deep bullet
      return source === 45 || source === 42 || source === 43;
    case 0x2024: // stand-in for a deep ordered-list number or delimiter
      return source === 46 || source === 41 || (source >= 48 && source <= 57);
    case 32: // blanked emphasis, bracket or pipe characters
      return source === 42 || source === 95 || source === 91 || source === 93 || source === 124;
    default:
      return false;
  }
}

/** Masked text of a raw source span: line breaks and tabs become spaces. */
export function maskRaw(text: string, s: number, e: number): string {
  const m = new MaskBuilder(text, s, e);
  m.keepRaw(s, e);
  return m.build();
}

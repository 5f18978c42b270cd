// Turns a file's bytes into the exact text the core lints, and back, so that --fix changes
// nothing but the fixed spans: line endings, the byte order mark and the final newline survive.
import { isUtf8 } from 'node:buffer';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type DecodedDraft =
  | { kind: 'text'; text: string; bom: boolean }
  | { kind: 'binary' }
  /** 1-based line and UTF-16 column of the first byte that is not valid UTF-8. */
  | { kind: 'invalid-utf8'; line: number; column: number };

/**
 * Decodes UTF-8. A byte order mark is removed before linting (editors hide it too, so columns
 * match what the writer sees) and put back by `encodeDraft`. A NUL byte marks a binary file.
 */
export function decodeDraft(bytes: Buffer): DecodedDraft {
  if (bytes.indexOf(0) !== -1) return { kind: 'binary' };
  const bom = bytes.length >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = bom ? bytes.subarray(3) : bytes;
  if (!isUtf8(body)) {
    const bad = firstInvalidByte(body);
    const before = body.subarray(0, bad).toString('utf8');
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    const line = before.split(/\r\n|\r|\n/).length;
    return { kind: 'invalid-utf8', line, column: before.length - lineStart + 1 };
  }
  return { kind: 'text', text: body.toString('utf8'), bom };
}

/** Encodes text as UTF-8, restoring a byte order mark the file had. */
export function encodeDraft(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([BOM, body]) : body;
}

/** Returns the offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let length: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}

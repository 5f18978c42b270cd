import { strict as assert } from 'node:assert';
import { decodeDraft, encodeDraft } from '../../src/cli/decode';

const bytes = (...parts: Array<string | number[]>): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe('draft decoding', () => {
  it('round-trips text, line endings and a byte order mark exactly', () => {
    for (const input of [bytes('a\r\nb\rc\n'), bytes([0xef, 0xbb, 0xbf], 'x\r\n'), bytes('no final newline \u{1F600}')]) {
      const decoded = decodeDraft(input);
      assert.equal(decoded.kind, 'text');
      if (decoded.kind !== 'text') return;
      assert.equal(decoded.text.charCodeAt(0) === 0xfeff, false, 'the BOM is not part of the linted text');
      assert.deepEqual(encodeDraft(decoded.text, decoded.bom), input);
    }
  });

  it('treats a NUL byte as binary', () => {
    assert.deepEqual(decodeDraft(bytes('text', [0], 'more')), { kind: 'binary' });
  });

  const invalid: Array<[string, Buffer, number, number]> = [
    ['a stray continuation byte', bytes('ok\nab', [0x80]), 2, 3],
    ['a truncated sequence at the end', bytes('x', [0xe2, 0x82]), 1, 2],
    ['an overlong encoding', bytes('\r\n', [0xc0, 0xaf]), 2, 1],
    ['an encoded surrogate', bytes('\u00e9\u00e9', [0xed, 0xa0, 0x80]), 1, 3],
    ['a code point above U+10FFFF', bytes('\u{1F600}', [0xf4, 0x90, 0x80, 0x80]), 1, 3],
  ];
  for (const [label, input, line, column] of invalid) {
    it(`locates ${label} by line and UTF-16 column`, () => {
      assert.deepEqual(decodeDraft(input), { kind: 'invalid-utf8', line, column });
    });
  }
});

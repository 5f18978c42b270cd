import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SEGMENT_WINDOW, segmentPieces, splitSegment } from '../../../src/core/language/sentences';
import { parseMarkdown } from '../../../src/core/markdown/parse';
import { buildModel } from '../../../src/core/markdown/prose';

function sentences(text: string): string[] {
  return splitSegment({ start: 0, end: text.length, masked: text }).map((s) => text.slice(s.start, s.end));
}

describe('sentence segmentation', () => {
  it('splits ordinary sentences with exact offsets', () => {
    const text = 'The AI Alliance has members. It was launched in 2023.';
    const spans = splitSegment({ start: 10, end: 10 + text.length, masked: text });
    assert.deepEqual(spans.map((s) => [s.start, s.end]), [[10, 38], [39, 63]]);
  });

  it('does not split after abbreviations, initials or inside decimals', () => {
    assert.deepEqual(sentences('Meta Platforms, Inc. is a founding member of the U.S. chapter.'), ['Meta Platforms, Inc. is a founding member of the U.S. chapter.']);
    assert.deepEqual(sentences('Dr. Smith leads the group, e.g. for evaluation work.'), ['Dr. Smith leads the group, e.g. for evaluation work.']);
    assert.deepEqual(sentences('Membership grew 2.5 times in 2025. It now tops 140.'), ['Membership grew 2.5 times in 2025.', 'It now tops 140.']);
  });

  it('splits after a sentence that ends in a (blanked) footnote marker', () => {
    // Markers are blanked by the prose extraction, leaving spaces where `[^1]` stood.
    assert.deepEqual(sentences('IBM and Meta founded it.     Today it has 140 members.'), ['IBM and Meta founded it.', 'Today it has 140 members.']);
  });

  it('keeps a trailing parenthetical citation with the sentence before it', () => {
    assert.deepEqual(sentences('The Alliance has 140 members. (source)'), ['The Alliance has 140 members. (source)']);
  });

  it('keeps astral characters intact', () => {
    const text = 'The AI Alliance 🎉 has 140 members. Next one.';
    const [first] = splitSegment({ start: 0, end: text.length, masked: text });
    assert.equal(text.slice(first.start, first.end), 'The AI Alliance 🎉 has 140 members.');
  });
});

describe('sentence segmentation of long text, window by window', () => {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const whole = (m: string): [number, number][] => [...segmenter.segment(m)].map((p) => [p.index, p.index + p.segment.length]);
  const drafts = join(import.meta.dirname, '../../fixtures/drafts');
  // The prose of every fixture draft as one long paragraph, as the linter masks it.
  const prose = readdirSync(drafts)
    .filter((f) => f.endsWith('.md'))
    .map((f) => {
      const text = readFileSync(join(drafts, f), 'utf8');
      const { root, base } = parseMarkdown(text);
      return buildModel(text, root, base).units.flatMap((u) => u.segments.map((s) => s.masked)).join(' ');
    })
    .join(' ');

  it('finds the pieces the segmenter finds in the whole text', () => {
    assert.ok(prose.length > 20_000, `only ${prose.length} characters of fixture prose`);
    for (let at = 0; at < prose.length; at += 20_000) {
      const m = prose.slice(at, at + 20_000);
      for (const window of [16, 64, 256, SEGMENT_WINDOW]) assert.deepEqual(segmentPieces(m, window), whole(m), `window ${window} at ${at}`);
    }
  });

  it('finds them in any mix of sentences, abbreviations, numbers, quotes, spaces and other scripts', () => {
    const fragment = fc.constantFrom('The AI Alliance has members. ', 'e.g. ', 'Dr. ', 'etc. ', 'U.S. ', '1. ', '2.5 ', ' ', '     ', '. ', '! ', '? ', '...', '"', '»', '(', ')', '[1]', '\u2029', '\u00a0', '\u0301', '。', '联盟有成员', '¿Qué? ', 'a', 'Z', 'word', 'Word', '1! ', '2) ', '  3 ', '((', '--');
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 20, maxLength: 300 }), fc.constantFrom(8, 16, 64), (parts, window) => {
        const m = parts.join('');
        assert.deepEqual(segmentPieces(m, window), whole(m));
      }),
      { numRuns: 300 },
    );
  });

  it('splits a paragraph of 40,000 sentences into 40,000, and merges 5,000 fragments into one sentence', () => {
    const sentence = 'The AI Alliance has members. ';
    const spans = splitSegment({ start: 0, end: sentence.length * 40_000, masked: sentence.repeat(40_000) });
    assert.equal(spans.length, 40_000);
    assert.deepEqual([spans[39_999].start, spans[39_999].end], [sentence.length * 39_999, sentence.length * 40_000 - 1]);
    assert.equal(sentences('Members. '.repeat(5_000)).length, 1);
  });
});

import assert from 'node:assert/strict';
import { splitSegment } from '../../../src/core/language/sentences';

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

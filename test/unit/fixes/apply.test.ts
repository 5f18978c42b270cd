import assert from 'node:assert/strict';
import { applyFixes, fixAll, lint } from '../../../src/core/index';

describe('applyFixes', () => {
  it('applies fixes in position order regardless of input order', () => {
    const r = applyFixes('abcdef', [
      { title: 'b', edits: [{ start: 4, end: 4, text: 'Y' }] },
      { title: 'a', edits: [{ start: 1, end: 1, text: 'X' }] },
    ]);
    assert.equal(r.text, 'aXbcdYef');
    assert.equal(r.applied, 2);
  });

  it('skips a fix that overlaps one already taken', () => {
    const r = applyFixes('abcdef', [
      { title: 'a', edits: [{ start: 1, end: 4, text: 'X' }] },
      { title: 'b', edits: [{ start: 2, end: 5, text: 'Y' }] },
    ]);
    assert.equal(r.text, 'aXef');
    assert.deepEqual([r.applied, r.skipped], [1, 1]);
  });

  it('keeps insertions at one point in fix order, and makes an identical fix once', () => {
    const same = { title: 's', edits: [{ start: 3, end: 3, text: '!' }] };
    const r = applyFixes('abc', [{ title: '1', edits: [{ start: 3, end: 3, text: '1' }] }, { title: '2', edits: [{ start: 3, end: 3, text: '2' }] }, same, { ...same }]);
    assert.equal(r.text, 'abc12!');
  });

  it('refuses edits outside the text', () => {
    const r = applyFixes('abc', [{ title: 'bad', edits: [{ start: 2, end: 9, text: 'x' }] }]);
    assert.equal(r.text, 'abc');
    assert.equal(r.skipped, 1);
  });
});

describe('fixAll', () => {
  const asOf = '2026-11-25';

  it('inserts a footnote stub marked unverified and leaves the writer\u2019s text as a subsequence', () => {
    const draft = 'The AI Alliance has more than 140 members.\n';
    const { text } = fixAll(draft, { asOf });
    assert.equal(text, 'The AI Alliance has more than 140 members.[^membership-1]\n\n[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.\n');
    const after = lint(text, { asOf }).diagnostics;
    assert.deepEqual(after.map((d) => d.rule), ['citation-stub']);
    assert.ok(after.every((d) => !d.fix));
  });

  it('keeps CRLF line endings and a missing final newline', () => {
    const draft = 'Intro.\r\n\r\nThe AI Alliance has more than 140 members.';
    const { text } = fixAll(draft, { asOf });
    assert.ok(text.startsWith(draft.slice(0, 8)));
    assert.ok(!/[^\r]\n/.test(text), 'every line break stays CRLF');
  });

  it('uses the reference-link style when the draft already does', () => {
    const draft = 'See [the site][site].\n\nThe AI Alliance has more than 140 members.\n\n[site]: https://example.org\n';
    const { text } = fixAll(draft, { asOf });
    assert.match(text, /140 members \(\[source\]\[membership-1\]\)\./);
    assert.match(text, /\[membership-1\]: <https:\/\/thealliance\.ai\/members> "TODO-verify, retrieved 2026-11-25"/);
  });

  it('adds a retrieval date to a footnote that lacks one', () => {
    const draft = 'The AI Alliance has more than 140 members.[^1]\n\n[^1]: <https://thealliance.ai/members>.\n';
    const { text } = fixAll(draft, { asOf });
    assert.equal(text, 'The AI Alliance has more than 140 members.[^1]\n\n[^1]: <https://thealliance.ai/members>, retrieved 2026-11-25 (TODO-verify).\n');
  });

  it('counts what it applied by kind, so an editor can say what it did', () => {
    const draft = 'The AI Alliance has more than 140 members.\n\nMeta is a member of the AI Alliance.\n\nIBM is a member of the AI Alliance.[^1]\n\n[^1]: <https://thealliance.ai/members>.\n';
    const { fixed, byKind } = fixAll(draft, { asOf });
    assert.deepEqual(byKind, { 'citation-stub': 2, 'date-stub': 1 });
    assert.equal(fixed, 3);
  });
});

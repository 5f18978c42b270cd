import assert from 'node:assert/strict';
import { daysBetween, findRetrievalDates, parseDateAt } from '../../../src/core/language/dates';

describe('retrieval dates', () => {
  const iso = (s: string, year?: number) => parseDateAt(s, year)?.iso;

  it('parses ISO, month-first and day-first dates', () => {
    assert.equal(iso('2026-06-25'), '2026-06-25');
    assert.equal(iso('June 25, 2026'), '2026-06-25');
    assert.equal(iso('25 June 2026'), '2026-06-25');
    assert.equal(iso('Jun. 5, 2026'), '2026-06-05');
    assert.equal(iso('5th of June 2026'), '2026-06-05');
  });

  it('fixes a year-less date with the document year, and flags it without one', () => {
    assert.equal(iso('June 25', 2026), '2026-06-25');
    assert.equal(parseDateAt('June 25')?.problem, 'no-year');
  });

  it('rejects impossible, relative and placeholder dates', () => {
    assert.equal(parseDateAt('2026-02-30')?.problem, 'unparseable');
    assert.equal(parseDateAt('yesterday')?.problem, 'relative');
    assert.equal(parseDateAt('3 days ago')?.problem, 'relative');
    assert.equal(parseDateAt('n/a')?.problem, 'not-a-date');
  });

  it('finds "retrieved/accessed/checked <date>" phrases with their offsets', () => {
    const text = 'Members page, accessed on 2026-10-02; checked 1 Nov 2026.';
    const found = findRetrievalDates(text, 100);
    assert.deepEqual(found.map((d) => d.iso), ['2026-10-02', '2026-11-01']);
    assert.equal(text.slice(found[0].start - 100, found[0].end - 100), 'accessed on 2026-10-02');
  });

  it('ignores a retrieval verb with no date and publication dates', () => {
    assert.deepEqual(findRetrievalDates('checked against the official site before reuse', 0), []);
    assert.deepEqual(findRetrievalDates('published on June 1, 2026', 0), []);
  });

  it('reads a date behind an unverified marker', () => {
    assert.equal(findRetrievalDates('retrieved 2026-11-25 (TODO-verify)', 0)[0].iso, '2026-11-25');
  });

  it('counts days between dates', () => {
    assert.equal(daysBetween('2025-11-25', '2026-11-25'), 365);
  });
});

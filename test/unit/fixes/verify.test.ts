// Mark as verified: removes a stub's TODO-verify marker and writes the day of checking as the
// retrieval date in the draft's own style; the findings it answers go, nothing else changes.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, defaultConfig, fixAll, lint, markVerified, type Diagnostic } from '../../../src/core/index';
import { parseDateAt } from '../../../src/core/language/dates';

const asOf = '2026-11-25';
const DAY = '2026-12-01';
const config = defaultConfig();

/** Applies markVerified at the first occurrence of `at` (or at an offset). */
function verified(draft: string, at: string | number): string | undefined {
  const offset = typeof at === 'number' ? at : draft.indexOf(at);
  assert.ok(offset >= 0, `"${at}" is not in the draft`);
  const fix = markVerified(draft, offset, { asOf: DAY, config });
  if (!fix) return undefined;
  assert.equal(fix.kind, 'mark-verified');
  assert.equal(fix.title, `Mark as verified (retrieved ${DAY})`);
  return applyFixes(draft, [fix]).text;
}

/** The lines that differ between two texts of the same line count. */
function changedLines(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  assert.equal(b.length, a.length, 'the line count changed');
  return b.filter((line, i) => line !== a[i]);
}

function findings(text: string, day = DAY): string[] {
  return lint(text, { asOf: day, config }).diagnostics.map((d) => `${d.rule}@${text.slice(d.start, d.end)}`);
}

/** Checks that verifying changed only `line` into `expected` and cleared only the given rules' findings there. */
function assertVerified(before: string, after: string | undefined, expected: string[], cleared: string[]): void {
  assert.ok(after !== undefined, 'nothing to verify');
  assert.deepEqual(changedLines(before, after), expected);
  const remaining = findings(before).filter((f) => !cleared.includes(f));
  assert.deepEqual(findings(after), remaining);
}

const CLAIM = 'The AI Alliance has more than 140 members.';

describe('markVerified on a stub', () => {
  it('verifies a footnote stub shared by several claims', () => {
    const draft = fixAll(`${CLAIM}\n\nMeta is a member of the AI Alliance.\n`, { asOf }).text;
    const stub = '[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.';
    assert.ok(draft.includes(stub));
    assertVerified(draft, verified(draft, 'TODO-verify'), [`[^membership-1]: <https://thealliance.ai/members>, retrieved ${DAY}.`], [`citation-stub@${stub}`]);
  });

  it('verifies a reference-link stub: the title becomes the retrieval date', () => {
    const draft = fixAll(`See [the site][site].\n\n${CLAIM}\n\n[site]: https://example.org\n`, { asOf }).text;
    const stub = '[membership-1]: <https://thealliance.ai/members> "TODO-verify, retrieved 2026-11-25"';
    assertVerified(draft, verified(draft, stub), [`[membership-1]: <https://thealliance.ai/members> "Retrieved ${DAY}"`], [`citation-stub@${stub}`]);
  });

  it('verifies a front-matter stub in list and in map style', () => {
    for (const source of ['  - id: site\n    url: https://example.org', '  site:\n    url: https://example.org']) {
      const draft = fixAll(`---\nsources:\n${source}\n---\n\nSee [@site].\n\n${CLAIM}\n`, { asOf }).text;
      const stub = '    retrieved: 2026-11-25 TODO-verify';
      assertVerified(draft, verified(draft, stub), [`    retrieved: ${DAY}`], [`citation-stub@${stub}`]);
    }
  });

  it('verifies the date stubs of existing citations in each place a date goes', () => {
    const cases: [string, string][] = [
      [`${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>.\n`, `[^1]: <https://thealliance.ai/members>, retrieved ${DAY}.`],
      [`${CLAIM.slice(0, -1)} ([members](https://thealliance.ai/members)).\n`, `The AI Alliance has more than 140 members ([members](https://thealliance.ai/members) (retrieved ${DAY})).`],
      [`${CLAIM} [Members][m]\n\n[m]: https://thealliance.ai/members "Members"\n`, `[m]: https://thealliance.ai/members "Members, retrieved ${DAY}"`],
      [`${CLAIM} [Members][m]\n\n[m]: https://thealliance.ai/members\n`, `[m]: https://thealliance.ai/members "Retrieved ${DAY}"`],
      [`---\nsources:\n  members: {url: "https://thealliance.ai/members"}\n---\n\n${CLAIM.slice(0, -1)} [@members].\n`, `  members: {url: "https://thealliance.ai/members", retrieved: ${DAY}}`],
    ];
    for (const [undated, expected] of cases) {
      const draft = fixAll(undated, { asOf }).text;
      assert.ok(draft.includes('TODO-verify'), `no date stub in:\n${draft}`);
      const line = draft.split('\n').find((l) => l.includes('TODO-verify'))!;
      assertVerified(draft, verified(draft, 'TODO-verify'), [expected], [`citation-stub@${line}`]);
    }
  });

  it('verifies a date in a Retrieved column, and a lone marker there', () => {
    const table = (cell: string) => `| Organization | Source | Retrieved |\n|---|---|---|\n| Sony Group is a member of the AI Alliance | [members page](https://thealliance.ai/members) | ${cell} |\n`;
    const stubbed = fixAll(table(''), { asOf }).text;
    assert.equal(stubbed, table('2026-11-25 (TODO-verify)'), 'the date stub goes into the Retrieved cell');
    const row = (cell: string) => table(cell).split('\n')[2];
    assertVerified(stubbed, verified(stubbed, 'Sony'), [row(DAY)], [`citation-stub@${row('2026-11-25 (TODO-verify)')}`]);
    // A lone marker in the Retrieved column is words in a date's place, no date: both findings go.
    const lone = table('TODO-verify');
    const claim = row('TODO-verify').slice(2, -2);
    assertVerified(lone, verified(lone, 'TODO-verify'), [row(DAY)], [`citation-stub@${row('TODO-verify')}`, `missing-retrieval-date@${claim}`]);
  });

  it('verifies every stub of a line at once, and nothing in code', () => {
    const draft = `${CLAIM.slice(0, -1)} ([members](https://thealliance.ai/members), retrieved 2026-11-25 (TODO-verify)); see also \`TODO-verify\`.\n`;
    assert.deepEqual(changedLines(draft, verified(draft, 0)!), [`${CLAIM.slice(0, -1)} ([members](https://thealliance.ai/members), retrieved ${DAY}); see also \`TODO-verify\`.`]);
    assert.equal(markVerified('```\nTODO-verify\n```\n', 5, { asOf: DAY, config }), undefined);
  });

  it('writes the date in the form the stub used', () => {
    const draft = `${CLAIM}[^1]\n\n[^1]: TODO-verify <https://thealliance.ai/members>, retrieved June 3, 2026.\n`;
    assert.deepEqual(changedLines(draft, verified(draft, 'TODO-verify')!), ['[^1]: <https://thealliance.ai/members>, retrieved December 1, 2026.']);
  });
});

describe('markVerified on a claim', () => {
  it('writes the missing date of its approved citation, in each style', () => {
    const cases: [string, string][] = [
      [`${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>.\n`, `[^1]: <https://thealliance.ai/members>, retrieved ${DAY}.`],
      [`${CLAIM} [Members][m]\n\n[m]: https://thealliance.ai/members "Members"\n`, `[m]: https://thealliance.ai/members "Members, retrieved ${DAY}"`],
      [`---\nsources:\n  - id: members\n    url: https://thealliance.ai/members\n---\n\n${CLAIM.slice(0, -1)} [@members].\n`, `    url: https://thealliance.ai/members\n    retrieved: ${DAY}`],
      [`| Organization | Source | Retrieved |\n|---|---|---|\n| Sony Group is a member of the AI Alliance | [members page](https://thealliance.ai/members) |  |\n`, `| Sony Group is a member of the AI Alliance | [members page](https://thealliance.ai/members) | ${DAY} |`],
    ];
    for (const [draft, expected] of cases) {
      const claim = lint(draft, { asOf: DAY, config }).diagnostics.find((d) => d.rule === 'missing-retrieval-date');
      assert.ok(claim, `no missing-retrieval-date in:\n${draft}`);
      const after = verified(draft, claim.start);
      assert.ok(after !== undefined);
      assert.ok(after.includes(expected), `expected "${expected}" in:\n${after}`);
      assert.deepEqual(findings(after), [], 'the missing-retrieval-date finding is gone');
    }
  });

  it('verifies the stub its citation points to', () => {
    const draft = fixAll(`${CLAIM}\n`, { asOf }).text;
    assert.deepEqual(changedLines(draft, verified(draft, 'more than')!), [`[^membership-1]: <https://thealliance.ai/members>, retrieved ${DAY}.`]);
  });

  it('brings an old retrieval date up to the day of checking', () => {
    const draft = `${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>, retrieved 3 June 2024.\n`;
    assert.deepEqual(findings(draft).map((f) => f.split('@')[0]), ['stale-retrieval-date']);
    assertVerified(draft, verified(draft, 'more than'), ['[^1]: <https://thealliance.ai/members>, retrieved 1 December 2026.'], [`stale-retrieval-date@${CLAIM}`]);
  });

  it('rewrites the date in a link title, never a date-like part of its URL', () => {
    const draft = `${CLAIM.slice(0, -1)} ([members](https://thealliance.ai/members/2024-01-10 "Members, retrieved 2024-01-10")).\n`;
    assert.deepEqual(changedLines(draft, verified(draft, 'more than')!), [`${CLAIM.slice(0, -1)} ([members](https://thealliance.ai/members/2024-01-10 "Members, retrieved ${DAY}")).`]);
  });

  it('writes the date in place of words that are no date', () => {
    const footnote = `${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>, retrieved yesterday.\n`;
    assert.deepEqual(findings(footnote).map((f) => f.split('@')[0]), ['missing-retrieval-date']);
    assertVerified(footnote, verified(footnote, 'more than'), [`[^1]: <https://thealliance.ai/members>, retrieved ${DAY}.`], [`missing-retrieval-date@${CLAIM}`]);
    const row = (cell: string) => `| Sony Group is a member of the AI Alliance | [members page](https://thealliance.ai/members) | ${cell} |`;
    const table = (cell: string) => `| Organization | Source | Retrieved |\n|---|---|---|\n${row(cell)}\n`;
    assert.deepEqual(changedLines(table('n/a'), verified(table('n/a'), 'Sony')!), [row(DAY)]);
  });

  it('has nothing to verify without an approved citation', () => {
    assert.equal(markVerified(`${CLAIM}\n`, 3, { asOf: DAY, config }), undefined);
    assert.equal(markVerified(`${CLAIM} ([Wikipedia](https://en.wikipedia.org/wiki/AI_Alliance))\n`, 3, { asOf: DAY, config }), undefined);
    assert.equal(markVerified(`Intro.\n\n${CLAIM}\n`, 2, { asOf: DAY, config }), undefined);
  });
});

describe('mark as verified on diagnostics', () => {
  const draft = `${CLAIM}[^m]\n\nIts projects include Tapestry ([projects](https://thealliance.ai/projects)).\n\n[^m]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.\n`;
  const all = lint(draft, { asOf: DAY, config }).diagnostics;
  const only = (rule: string): Diagnostic => all.find((d) => d.rule === rule)!;

  it('is the one suggestion of a citation-stub finding', () => {
    const stub = only('citation-stub');
    assert.deepEqual(stub.suggestions.map((s) => [s.kind, s.title]), [['mark-verified', `Mark as verified (retrieved ${DAY})`]]);
    assert.equal(stub.fix, undefined);
    assert.deepEqual(findings(applyFixes(draft, stub.suggestions).text).map((f) => f.split('@')[0]), ['missing-retrieval-date']);
  });

  it('is a suggestion of a missing-retrieval-date finding, beside its unverified date stub', () => {
    const undated = only('missing-retrieval-date');
    assert.equal(undated.fix?.kind, 'date-stub');
    const verify = undated.suggestions.find((s) => s.kind === 'mark-verified');
    assert.ok(verify);
    assert.ok(!verify.edits.some((e) => e.text.includes('TODO-verify')));
    assert.deepEqual(findings(applyFixes(draft, [verify]).text).map((f) => f.split('@')[0]), ['citation-stub']);
  });

  it('is never applied by fix-all', () => {
    assert.match(fixAll(draft, { asOf: DAY, config }).text, /TODO-verify <https:\/\/thealliance\.ai\/members>/);
  });
});

// Every stub that fix-all writes in the fixture corpus can be verified from its finding, and that
// changes the stub's line only and clears only its citation-stub findings.
describe('mark as verified over the fixture stubs', () => {
  const dir = path.resolve(__dirname, '../../fixtures/drafts');
  const files = readdirSync(dir).filter((f) => f.endsWith('.fixed.md') || (/^citation-stub/.test(f) && existsSync(path.join(dir, f))));
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const before = lint(text, { asOf, config }).diagnostics;
      const stubs = before.filter((d) => d.rule === 'citation-stub');
      for (const stub of stubs) {
        const verify = stub.suggestions.find((s) => s.kind === 'mark-verified');
        assert.ok(verify, `${file}: no mark-verified on ${text.slice(stub.start, stub.end)}`);
        const after = applyFixes(text, [verify]).text;
        const eol = /\r\n/.test(text) ? '\r\n' : '\n';
        const a = text.split(eol);
        const b = after.split(eol);
        assert.equal(b.length, a.length);
        const changed = b.map((l, i) => (l === a[i] ? -1 : i)).filter((i) => i >= 0);
        const line = text.slice(0, stub.start).split(eol).length - 1;
        assert.deepEqual(changed, [line], `${file}: verifying line ${line + 1} changed lines ${changed.map((i) => i + 1)}`);
        assert.ok(!b[line].includes('TODO-verify'));
        const key = (d: Diagnostic) => `${d.rule}: ${d.message}`;
        const onLine = stubs.filter((s) => s.start === stub.start).length;
        const expected = before.filter((d) => !(d.rule === 'citation-stub' && d.start === stub.start)).map(key);
        assert.equal(before.length - expected.length, onLine);
        assert.deepEqual(lint(after, { asOf, config }).diagnostics.map(key), expected);
      }
    });
  }
});

// Across the fixture corpus, every fix says what kind it is, and only marking as verified takes
// text away: a TODO-verify marker with what binds it, or a retrieval date (or the words standing
// in its place) being replaced.
describe('what fixes may remove', () => {
  const dir = path.resolve(__dirname, '../../fixtures/drafts');
  const drafts = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');
  const MARKER = /^[ \t]*\(?TODO-verify\)?,?[ \t]*r?$/;
  it('holds in every fixture draft', () => {
    let verifies = 0;
    for (const file of drafts) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const d of lint(text, { asOf, config }).diagnostics) {
        for (const fix of [...(d.fix ? [d.fix] : []), ...d.suggestions]) {
          assert.ok(fix.kind, `${file}: "${fix.title}" has no kind`);
          for (const e of fix.edits.filter((x) => x.end > x.start)) {
            assert.equal(fix.kind, 'mark-verified', `${file}: "${fix.title}" replaces text`);
            const removed = text.slice(e.start, e.end);
            assert.ok(MARKER.test(removed) || parseDateAt(removed)?.length === removed.length, `${file}: "${fix.title}" removes "${removed}"`);
          }
          if (fix.kind === 'mark-verified') verifies++;
        }
      }
    }
    assert.ok(verifies >= 10, `only ${verifies} mark-verified suggestions in the corpus`);
  });
});

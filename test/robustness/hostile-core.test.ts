// Hostile drafts fed straight to the core: degenerate, huge, deeply nested, binary-looking and
// Unicode-heavy input. Each case must finish without throwing, keep every range valid, and where a
// claim is planted, flag it at its exact UTF-16 offsets.
import assert from 'node:assert/strict';
import { applyFixes, fixAll, lint, LineIndex, type LintResult } from '../../src/core';
import { FACTORS, SHAPES } from '../../bench/growth';
import { assertClaimFlagged, CLAIM, describeResult, fixAllChecked, lintChecked } from './claims';
import { isSubsequence, LINT_OPTIONS } from './properties';

describe('robustness: hostile drafts in the core', function () {
  // Completion is asserted, not speed: heavy cases get a generous bound on a shared machine.
  this.timeout(300_000);

  describe('degenerate drafts', () => {
    for (const text of ['', '\n', '\r\n', '\r', '   ', '\uFEFF', '\0', '---', '---\n', '```', '<!--', '[^1]:', '> ', '- ']) {
      it(`lints ${JSON.stringify(text)} without findings or changes`, () => {
        const result = lintChecked(text);
        assert.deepEqual(result.diagnostics, []);
        assert.equal(fixAll(text, LINT_OPTIONS).text, text);
      });
    }

    for (const text of ['---\ntitle: Notes\n---\n', '---\n---\n', '---\r\ndate: 2026-06-25\r\n---', '---\nsources:\n  - id: m\n    url: https://thealliance.ai/members\n---\n']) {
      it(`lints front matter alone ${JSON.stringify(text)} without findings`, () => {
        const result = lintChecked(text);
        assert.deepEqual(result.diagnostics, []);
        assert.deepEqual(result.notes, []);
      });
    }
  });

  describe('invalid YAML front matter', () => {
    const text = `---\ntitle: Notes\ntags: [unclosed, "quote\n---\n\n${CLAIM}\n`;

    it('reports a note on the broken front matter with its line and column', () => {
      const result = lintChecked(text);
      assert.ok(result.notes.length > 0, 'expected a note about the front matter');
      const index = new LineIndex(text);
      for (const note of result.notes) {
        assert.match(note.message, /front matter/i);
        const { line } = index.positionAt(note.start);
        assert.ok(line >= 1 && line <= 3, `note at line ${line + 1} is outside the front matter`);
      }
    });

    it('still lints the rest of the draft', () => {
      assertClaimFlagged(text, lintChecked(text));
    });
  });

  describe('size', () => {
    it('lints a 1 MB single line with offsets exact deep inside it, and its fix lands after the claim', () => {
      const filler = 'Open models help researchers reproduce results. ';
      const half = filler.repeat(Math.ceil(500_000 / filler.length));
      const text = half + CLAIM + ' ' + half;
      assert.ok(text.length > 1_000_000 && !/[\r\n]/.test(text));
      const flagged = assertClaimFlagged(text, lintChecked(text));
      assert.ok(flagged.fix, 'the missing citation has a fix');
      const fixed = applyFixes(text, [flagged.fix]).text;
      assert.ok(isSubsequence(text, fixed), 'the fix removed or changed text of the draft');
      assert.ok(fixed.startsWith(half + CLAIM.slice(0, -1)), 'the fix inserts at the end of the claim, not before it');
    });

    it('fixes a draft with 2,000 uncited claims', () => {
      const text = Array.from({ length: 2000 }, (_, i) => `${i}. ${CLAIM}`).join('\n\n') + '\n';
      const result = lintChecked(text);
      assert.equal(result.diagnostics.filter((d) => d.rule === 'missing-citation').length, 2000);
      fixAllChecked(text);
    });
  });

  describe('deep nesting (no stack overflow)', () => {
    const nested: [string, string][] = [
      ['10,000 nested blockquotes', '> '.repeat(10_000) + CLAIM],
      ['10,000 nested list levels', '- '.repeat(10_000) + CLAIM],
      ['10,000 nested ordered lists', '1. '.repeat(10_000) + CLAIM],
      ['10,000 alternating blockquotes and lists', '> - '.repeat(5_000) + CLAIM],
    ];
    for (const [name, text] of nested) {
      it(`flags the claim inside ${name}`, () => {
        assertClaimFlagged(text, lintChecked(text));
        fixAllChecked(text);
      });
    }

    // Micromark is super-linear in this shape (each line re-opens every level); 300 keeps it in seconds.
    it('flags the claim inside 300 list levels written one per line', () => {
      const lines = Array.from({ length: 300 }, (_, i) => ' '.repeat(2 * i) + '- level ' + i);
      const text = lines.join('\n') + '\n' + ' '.repeat(600) + '- ' + CLAIM + '\n';
      assertClaimFlagged(text, lintChecked(text));
    });

    // Micromark is quadratic on some of these; 2,000 keeps the suite within minutes.
    const inline: [string, string][] = [
      ['2,000 open brackets', '['.repeat(2_000)],
      ['2,000 nested emphasis markers', '*'.repeat(2_000) + 'x' + '*'.repeat(2_000)],
      ['2,000 alternating emphasis openers and closers', '*a '.repeat(2_000) + 'x' + ' b*'.repeat(2_000)],
      ['2,000 nested links', '[a'.repeat(2_000) + '](https://thealliance.ai/members)'.repeat(2_000)],
      ['10,000 open parentheses in a link', '[a](' + '('.repeat(10_000)],
      ['10,000 unclosed HTML tags', '<span>'.repeat(10_000)],
      ['10,000 backticks in a line', 'Text ' + '`'.repeat(10_000)],
      ['2,000 footnote markers', '[^a]'.repeat(2_000)],
    ];
    for (const [name, prefix] of inline) {
      it(`flags a claim after ${name}`, () => {
        const text = `${prefix}\n\n${CLAIM}\n`;
        assertClaimFlagged(text, lintChecked(text));
      });
    }
  });

  // The shapes `npm run bench` grows to check that time grows no faster than n log n, at their
  // largest size: here they only have to finish with sound results (timings are the bench's job).
  describe('drafts that once took super-linear time', () => {
    const expected: Record<string, (units: number) => [number, number]> = {
      'long paragraph': (n) => [n, n],
      'claims on one line': (n) => [n, 2 * n],
      'deep list': (n) => [n, n],
      'wide table': (n) => [n, n],
      'long quotation': () => [0, 1],
      'many footnotes': () => [0, 0],
    };
    for (const shape of SHAPES) {
      const units = shape.base * FACTORS[FACTORS.length - 1];
      it(`lints ${shape.name}: ${units} ${shape.unit}`, () => {
        const text = shape.draft(units);
        const result = lint(text, LINT_OPTIONS);
        assertInside(text, result);
        const missing = result.diagnostics.filter((d) => d.rule === 'missing-citation').length;
        const [least, most] = expected[shape.name](units);
        assert.ok(missing >= least && missing <= most, `${missing} missing citations, expected ${least}–${most}`);
      });
    }

    it('lints a list item of 2,000 cited claims, each cited and dated', () => {
      const cited = 'IBM is a member of the AI Alliance ([members](https://thealliance.ai/members), retrieved 2026-11-01).';
      const text = `- ${Array.from({ length: 2000 }, () => cited).join(' ')}\n`;
      assert.deepEqual(lint(text, LINT_OPTIONS).diagnostics, []);
    });

    it('lints a paragraph of 20,000 numbered fragments after one word', () => {
      const text = `Counts ${'1. '.repeat(20_000)}\n\n${CLAIM}\n`;
      const result = lint(text, LINT_OPTIONS);
      assertInside(text, result);
      assertClaimFlagged(text, result);
    });
  });

  describe('binary and control characters', () => {
    it('flags a claim next to NUL bytes', () => {
      const text = `\0\0${CLAIM}\0\n\nMore\0text.\n`;
      assertClaimFlagged(text, lintChecked(text));
      fixAllChecked(text);
    });

    it('survives random bytes decoded as Latin-1 and as UTF-8', () => {
      let state = 12345;
      const bytes = Buffer.alloc(200_000);
      for (let i = 0; i < bytes.length; i++) {
        state = (state * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = state >> 16;
      }
      for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), bytes.toString('utf16le')]) {
        lintChecked(text);
        fixAllChecked(text);
      }
    });

    it('survives lone surrogates around a claim', () => {
      const text = `\uD800${CLAIM}\uDC00\n\n\uDC00\uD800\n`;
      lintChecked(text);
      fixAllChecked(text);
    });
  });

  describe('line endings', () => {
    const endings: [string, string[]][] = [
      ['LF', ['\n']],
      ['CRLF', ['\r\n']],
      ['CR only', ['\r']],
      ['mixed', ['\r\n', '\n', '\r']],
    ];
    for (const [name, eols] of endings) {
      it(`keeps ${name} line endings and exact offsets`, () => {
        const lines = ['# Notes', '', 'Intro text.', '', CLAIM, '', '- item one', '- ' + CLAIM, ''];
        let text = '';
        lines.forEach((line, i) => (text += line + eols[i % eols.length]));
        const result = lintChecked(text);
        assertClaimFlagged(text, result);
        assertClaimFlagged(text, result, CLAIM, text.indexOf(CLAIM) + 1);
        const fixed = fixAllChecked(text);
        const added = fixed.length - text.length;
        assert.ok(added > 0, 'fixes were applied');
        if (name === 'CRLF') assert.ok(!/[^\r]\n/.test(fixed), 'a bare LF was inserted into a CRLF draft');
        if (name === 'CR only') assert.ok(!fixed.includes('\n'), 'an LF was inserted into a CR-only draft');
        if (name === 'LF') assert.ok(!fixed.includes('\r'), 'a CR was inserted into an LF draft');
      });
    }

    it('keeps a byte order mark and counts it in offsets', () => {
      const text = `\uFEFF${CLAIM}\n`;
      const result = lintChecked(text);
      assert.equal(assertClaimFlagged(text, result).start, 1);
      const fixed = fixAllChecked(text);
      assert.ok(fixed.startsWith('\uFEFF' + CLAIM) && fixed.indexOf('\uFEFF', 1) === -1, 'the BOM is kept once, at the start');
    });

    for (const [name, sep] of [['U+2028', '\u2028'], ['U+2029', '\u2029'], ['NEL', '\u0085'], ['VT', '\v'], ['FF', '\f']]) {
      it(`handles ${name} around a claim`, () => {
        const text = `Intro text.${sep}${CLAIM}${sep}More text.\n`;
        const result = lintChecked(text);
        const start = text.indexOf(CLAIM);
        const covering = result.diagnostics.find((d) => d.rule === 'missing-citation' && d.start <= start && d.end >= start + CLAIM.length - 1);
        assert.ok(covering, `expected the claim to be flagged; got ${describeResult(result)}`);
        fixAllChecked(text);
      });
    }
  });

  describe('right-to-left, emoji and astral characters', () => {
    const drafts: [string, string, string][] = [
      ['right-to-left text around the claim', 'مرحبا بالعالم. שלום עולם. ', ' טקסט נוסף.'],
      ['astral characters before the claim', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀😀 👩‍👩‍👧. ', ''],
      ['combining marks before the claim', 'Cafe\u0301 A\u030A\u0323. ', ' Ni\u0303o.'],
    ];
    for (const [name, before, after] of drafts) {
      it(`keeps offsets exact with ${name}`, () => {
        const text = `${before}${CLAIM}${after}\n`;
        assertClaimFlagged(text, lintChecked(text));
        fixAllChecked(text);
      });
    }

    for (const claim of ['The AI Alliance 🤝 has more than 140 members 👩‍👩‍👧.', 'The AI Alliance has more than 𝟏𝟒𝟎 members.', 'The AI Alliance has more than 140 members 😀']) {
      it(`flags a claim with astral characters inside: ${claim}`, () => {
        const text = `Intro.\n\n${claim}\n`;
        assertClaimFlagged(text, lintChecked(text), claim);
        const fixed = fixAllChecked(text);
        assert.ok(fixed.includes(claim), 'the claim itself is not split by the fix');
      });
    }
  });
});

/** Every range inside the text (without applying each fix, which would cost quadratic time here). */
function assertInside(text: string, result: LintResult): void {
  for (const d of result.diagnostics) {
    for (const [start, end] of [[d.start, d.end], ...d.related.map((r) => [r.start, r.end])]) {
      assert.ok(0 <= start && start <= end && end <= text.length, `${d.rule}: range [${start}, ${end}) is outside the text`);
    }
  }
}

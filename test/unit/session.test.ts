// An editor session reuses what unchanged units yielded and builds fixes only when asked: after
// every edit, its result must read exactly as a fresh lint of the same text does.
import assert from 'node:assert/strict';
import { createLintSession, defaultConfig, lint, type LintOptions, type LintResult } from '../../src/core';
import { analyse, type UnitReuse, type WalkState } from '../../src/core/evidence/analysis';
import { buildDocumentModel } from '../../src/core/lint';
import { editBetween } from '../../src/core/text';

const OPTIONS: LintOptions = { config: defaultConfig(), asOf: '2026-11-25' };

const DRAFT = `---
title: The AI Alliance at a glance
date: 2026-06-10
sources:
  - id: members
    url: https://thealliance.ai/members
    retrieved: 2026-06-01
  - id: blog
    url: https://example.com/blog/alliance
---

# The AI Alliance

The AI Alliance has more than 140 members.[^m1] It was founded by IBM and Meta in December 2023.[@members]

Granite is safe because IBM is an AI Alliance member.

## Who belongs

The Alliance's members include:

- IBM is a founding member of the AI Alliance.[^m1]
- Meta joined the AI Alliance at its launch.
- Hugging Face is a member of the AI Alliance, according to [the member list][list].

How many members does the Alliance have?

More than 140, as of June 2026.

| Member | Since | Retrieved |
| --- | --- | --- |
| IBM is an AI Alliance member | 2023 | 2026-06-02 |
| Meta is an AI Alliance member | 2023 | yesterday |

Tapestry is an AI Alliance project.[1] The AI Alliance governs its projects openly.[@blog]

<!-- alliance-cite-disable-next-line missing-citation -->
The AI Alliance publishes its roadmap every year.

Every member of the AI Alliance endorses every project.

The Alliance certifies models as safe [TODO-verify][^todo-1].

## Sources

1. [AI Alliance projects](https://thealliance.ai/projects), retrieved 2026-05-30.

[^m1]: [Members](https://thealliance.ai/members), retrieved 2026-06-01.
[^todo-1]: https://thealliance.ai/about TODO-verify
[list]: https://thealliance.ai/members "retrieved 2025-01-01"
`;

/** Pieces a writer might type or paste: claims, markers, definitions, headings, fields, table rows. */
const PIECES = [
  'x',
  ' ',
  '\n',
  '\n\n',
  '.',
  'The AI Alliance has 200 members. ',
  'IBM left the AI Alliance in 2025.',
  '[^m1]',
  '[^m2]',
  '[list]',
  '[@members]',
  '[1]',
  '[2]',
  'TODO-verify',
  '`code` ',
  '**Note.** ',
  '\n\n[^m2]: https://example.com/alliance retrieved 2026-01-01\n\n',
  '\n\n[list]: https://github.com/The-AI-Alliance "retrieved 2026-06-01"\n\n',
  '\n\n## References\n\n',
  '\n\n## What is it?\n\n',
  '\n\n# Projects\n\n',
  '\n\n### GEO-Bench\n\nThe current release includes twelve tasks.\n\n',
  '\n- Red Hat is a member of the AI Alliance.\n',
  '\n| Red Hat is an AI Alliance member | 2024 | 2026-06-03 |\n',
  '\n2. https://thealliance.ai/about retrieved 2026-04-01\n',
  '\ndate: 2025-03-01\n',
  '\n  - id: extra\n    url: https://thealliance.ai/news\n',
  '\n<!-- alliance-cite-disable missing-citation -->\n',
  '\n<!-- alliance-cite-enable -->\n',
  '\n```\nThe AI Alliance has 1 member.\n```\n',
  'Open Agent Hub is an AI Alliance project. ',
  'We at the AI Alliance ',
  ' (MOC Alliance) ',
  'OSAID ',
];

/** A small seeded generator, so a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One random edit: an insertion, a deletion, a retyped line, or an insertion at a line's start. */
function edit(text: string, next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const at = Math.floor(next() * (text.length + 1));
  const roll = next();
  if (roll < 0.45) return text.slice(0, at) + pick(PIECES) + text.slice(at);
  if (roll < 0.75) return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * (next() < 0.8 ? 3 : 60)));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (roll < 0.9) return text.slice(0, lineStart) + pick(PIECES).replace(/^\n+/, '') + text.slice(lineStart);
  const lineEnd = text.indexOf('\n', at);
  return text.slice(0, lineStart) + pick(PIECES).trim() + text.slice(lineEnd === -1 ? text.length : lineEnd);
}

/** The whole result as it serialises, fixes and suggestions included. */
function serialised(result: LintResult): string {
  return JSON.stringify(result);
}

describe('lint session', () => {
  for (const [name, eol, seed, edits] of [
    ['LF', '\n', 1, 400],
    ['LF, second seed', '\n', 7, 400],
    ['CRLF', '\r\n', 3, 150],
  ] as const) {
    it(`agrees with a fresh lint after each of ${edits} random edits (${name})`, () => {
      const next = random(seed);
      const session = createLintSession(OPTIONS);
      let text = DRAFT.replace(/\n/g, eol);
      const kept: { text: string; result: LintResult }[] = [];
      for (let i = 0; i < edits; i++) {
        text = edit(text, next);
        const result = session.update(text);
        const fresh = lint(text, OPTIONS);
        // Findings first, without asking for fixes, then everything (which builds the fixes).
        const bare = (r: LintResult) => JSON.stringify(r.diagnostics.map((d) => [d.rule, d.severity, d.category, d.policy, d.start, d.end, d.message, d.related, d.explain]));
        assert.equal(bare(result), bare(fresh), `findings differ after edit ${i} (seed ${seed})`);
        // Every other result's fixes are asked for only after later updates, as a slow client would.
        if (i % 2 === 0) assert.equal(serialised(result), serialised(fresh), `fixes differ after edit ${i} (seed ${seed})`);
        else kept.push({ text, result });
      }
      for (const { text: version, result } of kept) assert.equal(serialised(result), serialised(lint(version, OPTIONS)), 'a kept result changed or its fixes differ');
    });
  }

  it('never changes the walk state it hands out for a reused unit', () => {
    // Every other unit is "reused" with a state of its own; the units judged after it must not
    // change that object, which a session keeps for the next edit.
    const handed: { state: WalkState; was: string }[] = [];
    let n = 0;
    const reuse: UnitReuse = {
      reuse(_unit, before) {
        if (n++ % 2 === 1) return undefined;
        const state: WalkState = { ...before, previousAboutAlliance: true, previousSubjectAlliance: true };
        handed.push({ state, was: JSON.stringify(state) });
        return { after: state };
      },
      judged() {},
    };
    analyse(buildDocumentModel(DRAFT), OPTIONS.config!, reuse);
    assert.ok(handed.length > 5);
    for (const { state, was } of handed) assert.equal(JSON.stringify(state), was);
  });

  it('reads a result as a fresh lint does: same keys in the same order', () => {
    const session = createLintSession(OPTIONS);
    session.update(DRAFT);
    const text = DRAFT.replace('more than 140', 'more than 150');
    const result = session.update(text);
    const fresh = lint(text, OPTIONS);
    assert.deepStrictEqual(result, fresh);
    assert.deepEqual(
      result.diagnostics.map((d) => Object.keys(d)),
      fresh.diagnostics.map((d) => Object.keys(d)),
    );
  });

  it('finds the one change between two texts', () => {
    assert.deepEqual(editBetween('abcdef', 'abXdef'), { at: 2, oldEnd: 3, delta: 0 });
    assert.deepEqual(editBetween('abcdef', 'abcXdef'), { at: 3, oldEnd: 3, delta: 1 });
    assert.deepEqual(editBetween('aaaa', 'aaa'), { at: 3, oldEnd: 4, delta: -1 });
    assert.deepEqual(editBetween('same', 'same'), { at: 4, oldEnd: 4, delta: 0 });
  });
});

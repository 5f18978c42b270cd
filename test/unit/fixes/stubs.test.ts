// Citation stubs: labels start at <policy>-1 whatever suggestions were offered, claims citing one
// URL share one definition, and definitions come out in the order they are cited, in each style.
import assert from 'node:assert/strict';
import { applyFixes, fixAll, lint, type Diagnostic } from '../../../src/core/index';

const asOf = '2026-11-25';

/** The labels of the definitions a draft holds, in order (footnotes, reference links, or front-matter ids). */
function definitionLabels(text: string, style: 'footnote' | 'reference' | 'key'): string[] {
  const re = style === 'footnote' ? /^\[\^([^\]]+)\]:/gm : style === 'reference' ? /^\[([^\]^]+)\]:/gm : /^ {2}- id: (\S+)$/gm;
  return [...text.matchAll(re)].map((m) => m[1]);
}

/** True if `after` can be made from `before` by insertions only. */
function onlyInsertions(before: string, after: string): boolean {
  let i = 0;
  for (let j = 0; j < after.length && i < before.length; j++) if (after[j] === before[i]) i++;
  return i === before.length;
}

const MEMBERS = [
  'Meta is a member of the AI Alliance.',
  'IBM is a member of the AI Alliance.',
  'Intel is a member of the AI Alliance.',
  'The AI Alliance has more than 140 members.',
];

describe('citation stub labels', () => {
  it('labels the first stub <policy>-1 even after a suggestion-only claim and a dangling marker', () => {
    // The first claim is cited to Wikipedia (suggestions only); the second has a marker without
    // a definition (suggestions only). Neither may use up membership-1.
    const draft = `The AI Alliance has more than 140 members ([Wikipedia](https://en.wikipedia.org/wiki/AI_Alliance)).\n\nMeta is a member of the AI Alliance.[^x]\n\nIBM is a member of the AI Alliance.\n`;
    const { text } = fixAll(draft, { asOf });
    assert.match(text, /IBM is a member of the AI Alliance\.\[\^membership-1\]/);
    assert.deepEqual(definitionLabels(text, 'footnote'), ['membership-1']);
  });

  it('gives a suggestion applied on its own the lowest free label', () => {
    const draft = `The AI Alliance has more than 140 members ([Wikipedia](https://en.wikipedia.org/wiki/AI_Alliance)).\n\nIBM is a member of the AI Alliance.\n`;
    const wrong = lint(draft, { asOf }).diagnostics.find((d) => d.rule === 'wrong-source-type')!;
    const stub = wrong.suggestions.find((s) => s.kind === 'citation-stub')!;
    const text = applyFixes(draft, [stub]).text;
    assert.deepEqual(definitionLabels(text, 'footnote'), ['membership-1']);
  });

  it('skips labels the draft already uses', () => {
    const draft = `${MEMBERS[0]}[^membership-1]\n\n${MEMBERS[1]}\n\n[^membership-1]: <https://example.org/other>, retrieved 2026-11-01.\n`;
    const { text } = fixAll(draft, { asOf });
    assert.match(text, /IBM is a member of the AI Alliance\.\[\^membership-2\]/);
  });
});

describe('shared stub definitions', () => {
  it('writes one footnote definition per URL, cited by each claim', () => {
    const draft = `${MEMBERS.join('\n\n')}\n\nTapestry is an AI Alliance project.\n`;
    const { text } = fixAll(draft, { asOf });
    assert.equal((text.match(/\[\^membership-1\]/g) ?? []).length, MEMBERS.length + 1, 'every membership claim cites membership-1, which is defined once');
    assert.deepEqual(definitionLabels(text, 'footnote'), ['membership-1', 'project-1']);
    assert.ok(onlyInsertions(draft, text));
  });

  it('writes one reference definition per URL, in the order they are cited', () => {
    const draft = `See [the site][site].\n\nTapestry is an AI Alliance project.\n\n${MEMBERS.join('\n\n')}\n\nThe AI Alliance is not a regulator.\n\n[site]: https://example.org\n`;
    const { text } = fixAll(draft, { asOf });
    assert.deepEqual(definitionLabels(text, 'reference'), ['site', 'project-1', 'membership-1', 'safety-1']);
    assert.equal((text.match(/\(\[source\]\[membership-1\]\)/g) ?? []).length, MEMBERS.length);
  });

  it('writes one front-matter source per URL, in the order they are cited', () => {
    const draft = `---\nsources:\n  - id: site\n    url: https://example.org\n---\n\nSee [@site].\n\n${MEMBERS.join('\n\n')}\n\nTapestry is an AI Alliance project.\n`;
    const { text } = fixAll(draft, { asOf });
    assert.deepEqual(definitionLabels(text, 'key'), ['site', 'membership-1', 'project-1']);
    assert.equal((text.match(/\[@membership-1\]/g) ?? []).length, MEMBERS.length);
    assert.deepEqual(lint(text, { asOf }).notes, [], 'the front matter is still valid YAML');
  });

  it('cites a stub definition already in the draft instead of copying it', () => {
    const draft = `${MEMBERS[0]}[^membership-1]\n\n${MEMBERS[1]}\n\n[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-20.\n`;
    const finding = lint(draft, { asOf }).diagnostics.find((d) => d.rule === 'missing-citation')!;
    assert.deepEqual(finding.fix!.edits.map((e) => e.text), ['[^membership-1]'], 'only a marker is inserted');
    const text = applyFixes(draft, [finding.fix!]).text;
    const placeholder = finding.fix!.placeholder!;
    assert.equal(text.slice(placeholder.start, placeholder.end), 'TODO-verify', 'the placeholder is the existing stub marker');
  });

  it('keeps definitions in citation order when stubs are added one at a time, later claims first', () => {
    const draft = `${MEMBERS[0]}\n\nTapestry is an AI Alliance project.\n\nThe AI Alliance is not a regulator.\n`;
    let text = draft;
    // Apply the last claim's stub first, then the first's, then the middle one's.
    for (const pick of [(fs: Diagnostic[]) => fs[fs.length - 1], (fs: Diagnostic[]) => fs[0], (fs: Diagnostic[]) => fs[0]]) {
      const fixable = lint(text, { asOf }).diagnostics.filter((d) => d.fix);
      text = applyFixes(text, [pick(fixable).fix!]).text;
    }
    assert.deepEqual(definitionLabels(text, 'footnote'), ['membership-1', 'project-1', 'safety-1']);
    assert.ok(onlyInsertions(draft, text));
    assert.deepEqual(lint(text, { asOf }).diagnostics.filter((d) => d.fix), [], 'nothing fixable is left');
  });

  it('points the placeholder of every stub at its TODO-verify, in each style', () => {
    const drafts = [
      `${MEMBERS[0]}\n\n${MEMBERS[1]}\n`,
      `See [the site][site].\n\n${MEMBERS[0]}\n\n[site]: https://example.org\n`,
      `---\nsources:\n  - id: site\n    url: https://example.org\n---\n\nSee [@site].\n\n${MEMBERS[0]}\n`,
      `${MEMBERS[0]}`,
    ];
    for (const draft of drafts) {
      for (const d of lint(draft, { asOf }).diagnostics) {
        for (const stub of d.suggestions.filter((s) => s.kind === 'citation-stub')) {
          const text = applyFixes(draft, [stub]).text;
          assert.equal(text.slice(stub.placeholder!.start, stub.placeholder!.end), 'TODO-verify', `${stub.title} in:\n${text}`);
        }
      }
    }
  });

  it('makes an edit offered by several fixes once', () => {
    const def = { start: 3, end: 3, text: '\n[^a]: x\n' };
    const r = applyFixes('abc', [
      { title: '1', edits: [{ start: 1, end: 1, text: '[^a]' }, def] },
      { title: '2', edits: [{ start: 2, end: 2, text: '[^a]' }, { ...def }] },
    ]);
    assert.equal(r.text, 'a[^a]b[^a]c\n[^a]: x\n');
    assert.equal(r.applied, 2);
  });
});

describe('retrieval-date stubs', () => {
  it('writes the date into an empty Retrieved column', () => {
    const table = (cell: string) => `| Organization | Source | Retrieved |\n|---|---|---|\n| Sony Group is a member of the AI Alliance | [members page](https://thealliance.ai/members) | ${cell} |\n`;
    assert.equal(fixAll(table(''), { asOf }).text, table('2026-11-25 (TODO-verify)'));
    assert.equal(fixAll(table('<!-- check -->'), { asOf }).text, table('2026-11-25 (TODO-verify) <!-- check -->'));
  });

  it('dates a citation whose neighbour, not itself, carries a stub', () => {
    const draft = `${MEMBERS[3]}[^1]\n\n[^1]: <https://thealliance.ai/members>.\n[^2]: TODO-verify <https://thealliance.ai/projects>, retrieved 2026-11-25.\n`;
    const finding = lint(draft, { asOf }).diagnostics.find((d) => d.rule === 'missing-retrieval-date')!;
    assert.equal(finding.fix?.edits[0].text, ', retrieved 2026-11-25 (TODO-verify)');
  });
});

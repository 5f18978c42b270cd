// Suppression: one action per finding, always the trailing `disable-line` comment, placed where it
// changes no block structure (paragraph lines, list items, table rows, footnotes, headings).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyFixes, lint } from '../../../src/core/index';
import { parseMarkdown } from '../../../src/core/markdown/parse';

const asOf = '2026-11-25';

/** The block and inline structure of a draft, without its text and raw HTML. */
function shape(text: string): string {
  const out: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }, depth: number): void => {
    if (node.type !== 'html' && node.type !== 'text') out.push(`${' '.repeat(depth)}${node.type}`);
    for (const child of (node.children ?? []) as { type: string }[]) walk(child, depth + 1);
  };
  walk(parseMarkdown(text).root, 0);
  return out.join('\n');
}

const DRAFT = `## The AI Alliance has more than 140 members ##

Intro text here.
The AI Alliance has more than 140 members.${'  '}
It was founded by IBM and Meta in December 2023.\\
Every AI Alliance project is production-ready.

- Meta is a member of the AI Alliance.
- IBM is a member of the AI Alliance.
  Intel is a member of the AI Alliance.

> The AI Alliance is not a regulator.

| Org | Status |
|---|---|
| Sony | Sony is a member of the AI Alliance |
| Dell | Dell is a member of the AI Alliance |

The AI Alliance has 140 members ([members](https://thealliance.ai/members), retrieved 2024-01-10).

The AI Alliance has 150 members ([members](https://thealliance.ai/members), retrieved 2027-03-01).

Text.[^1]

[^1]: Note: the AI Alliance has more than 140 members.
`;

describe('suppression comments', () => {
  const findings = lint(DRAFT, { asOf }).diagnostics;

  it('offers exactly one suppress action per finding, as a trailing disable-line comment', () => {
    assert.ok(findings.length >= 10, `only ${findings.length} findings`);
    for (const f of findings) {
      const suppress = f.suggestions.filter((s) => s.edits.some((e) => e.text.includes('alliance-cite-')));
      assert.equal(suppress.length, 1, `${f.rule} at ${f.start}: ${suppress.length} suppress actions`);
      assert.equal(suppress[0].kind, 'suppress');
      assert.deepEqual(suppress[0].edits.map((e) => e.text), [` <!-- alliance-cite-disable-line ${f.rule} -->`]);
    }
    const rules = new Set(findings.map((f) => f.rule));
    for (const rule of ['missing-citation', 'unsupported-inference', 'stale-retrieval-date', 'invalid-retrieval-date']) assert.ok(rules.has(rule as never), `the draft has no ${rule} finding`);
  });

  for (const [i, f] of findings.entries()) {
    it(`silences only its finding and keeps the block structure: ${f.rule} #${i}`, () => {
      const suppress = f.suggestions.find((s) => s.kind === 'suppress')!;
      const text = applyFixes(DRAFT, [suppress]).text;
      assert.equal(shape(text), shape(DRAFT));
      const key = (d: { rule: string; message: string }) => `${d.rule}: ${d.message}`;
      const before = findings.map(key);
      before.splice(i, 1);
      assert.deepEqual(lint(text, { asOf }).diagnostics.map(key), before);
    });
  }

  it('keeps what ends a line last: a hard break, a closing pipe, closing hashes', () => {
    const lines = (rule: string) =>
      findings
        .filter((f) => f.rule === rule)
        .map((f) => applyFixes(DRAFT, [f.suggestions.find((s) => s.kind === 'suppress')!]).text.split('\n').find((l) => l.includes('disable-line'))!);
    const texts = lines('missing-citation');
    assert.ok(texts.includes('## The AI Alliance has more than 140 members <!-- alliance-cite-disable-line missing-citation --> ##'));
    assert.ok(texts.includes('The AI Alliance has more than 140 members. <!-- alliance-cite-disable-line missing-citation -->  '));
    assert.ok(texts.includes('It was founded by IBM and Meta in December 2023. <!-- alliance-cite-disable-line missing-citation -->\\'));
    assert.ok(texts.includes('| Sony | Sony is a member of the AI Alliance <!-- alliance-cite-disable-line missing-citation --> |'));
  });

  it('offers no suppression for a citation stub or a claim in front matter', () => {
    const draft = `---\ntitle: The AI Alliance has more than 140 members\n---\n\nThe AI Alliance has 140 members.[^m]\n\n[^m]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.\n`;
    const all = lint(draft, { asOf }).diagnostics;
    const stub = all.find((d) => d.rule === 'citation-stub')!;
    assert.deepEqual(stub.suggestions.map((s) => s.kind), ['mark-verified']);
    const frontMatter = all.find((d) => d.start < draft.indexOf('\n---\n'));
    assert.ok(frontMatter, 'the title is a claim');
    assert.deepEqual(frontMatter.suggestions.filter((s) => s.kind === 'suppress'), []);
  });

  it('is honoured in every form the grammar highlights, and the grammar names every form', () => {
    const grammar = JSON.parse(readFileSync(path.resolve(__dirname, '../../../syntaxes/alliance-cite.injection.tmLanguage.json'), 'utf8'));
    const pattern = new RegExp(grammar.repository['disable-comment'].match);
    const claim = 'The AI Alliance has more than 140 members.';
    const forms: Record<string, string> = {
      'disable-line': `${claim} <!-- alliance-cite-disable-line missing-citation -->\n`,
      'disable-next-line': `<!-- alliance-cite-disable-next-line missing-citation -->\n${claim}\n`,
      disable: `<!-- alliance-cite-disable missing-citation -->\n\n${claim}\n`,
      'disable-file': `<!-- alliance-cite-disable-file missing-citation -->\n\n${claim}\n`,
    };
    for (const [form, text] of Object.entries(forms)) {
      assert.deepEqual(lint(text, { asOf }).diagnostics.map((d) => d.rule), [], `${form} is not honoured`);
      const m = pattern.exec(text);
      assert.equal(m?.[2], `alliance-cite-${form}`, `the grammar reads ${form} as ${m?.[2]}`);
      assert.equal(m?.[3].trim(), 'missing-citation');
    }
    assert.equal(pattern.exec('<!-- alliance-cite-enable missing-citation -->')?.[2], 'alliance-cite-enable');
  });
});

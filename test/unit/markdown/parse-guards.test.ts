import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Table } from 'mdast';
import { allianceDraft } from '../../../bench/draft';
import { createRandom } from '../../../bench/prng';
import { defaultConfig, lint, type LintResult } from '../../../src/core';
import { lintModel } from '../../../src/core/lint';
import { defuseWideRows, parseMarkdown } from '../../../src/core/markdown/parse';
import { buildModel } from '../../../src/core/markdown/prose';

describe('parse guards', () => {
  it('keeps a table of ordinary width as a table', () => {
    const row = (cell: (i: number) => string): string => `| ${Array.from({ length: 50 }, (_, i) => cell(i)).join(' | ')} |`;
    const text = [row((i) => `h${i}`), row(() => '---'), row((i) => `c${i}`)].join('\n') + '\n';
    assert.equal(defuseWideRows(text), text);
    const table = parseMarkdown(text).root.children[0] as Table;
    assert.equal(table.type, 'table');
    assert.equal(table.children[1].children.length, 50);
  });

  it('reads a row of hundreds of cells as text, keeping its length and the lines around it', () => {
    const wide = `| ${Array.from({ length: 500 }, (_, i) => `The AI Alliance has ${i} members.`).join(' | ')} |`;
    const text = `| a | b |\n| - | - |\n\n${wide}\n`;
    const guarded = defuseWideRows(text);
    assert.equal(guarded.length, text.length);
    assert.ok(guarded.startsWith('| a | b |\n| - | - |\n\n'), 'a narrow table keeps its pipes');
    assert.ok(!guarded.slice(text.indexOf(wide)).includes('|'), 'the wide row has no pipes left');
    const [table, paragraph] = parseMarkdown(text).root.children;
    assert.equal(table.type, 'table');
    assert.equal(paragraph.type, 'paragraph');
    assert.equal(paragraph.position?.end.offset, text.length - 1);
  });
});

describe('parsing in chunks', () => {
  const options = { config: defaultConfig(), asOf: '2026-11-25' };
  const whole = (text: string): LintResult => {
    const { root, base } = parseMarkdown(text);
    return lintModel(buildModel(text, root, base), options.config, options.asOf);
  };
  const drafts = join(import.meta.dirname, '../../fixtures/drafts');
  const fixtures = readdirSync(drafts).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(drafts, f), 'utf8'));

  it('gives the findings of a whole parse on long drafts of every style', () => {
    // Every fixture draft in one long draft, in two orders, and generated Alliance drafts.
    // A draft with a BOM, where the parser's autolink transform leaves a link without a position.
    const unplaced = [
      '- The AI [ Alliance’s mission is to advance open, safe, responsible AI. Every AI Alliance project is mature and production-proven.',
      '      - Do not   infer that every member endorses every project.',
      '| Claim | Source | Retrieved |',
      '|---|---|---|',
      '| Tapestry is   an AI Alliance project. | https://thealliance.ai/members |  |',
      '| The AI ] Alliance uses CDLA Permissive 2.0 for data and CC BY 4.0 for documentation. | https://thealliance.ai/members |  |',
      'The AI Alliance uses CDLA Permissive 2.0 for data and CC BY 4.0 for documentation.',
      '',
    ].join('\n');
    const generated = allianceDraft(createRandom(7), { lines: 1500, ordinaryShare: 0.3 });
    const long = [fixtures.join('\n\n'), [...fixtures].reverse().join('\n'), `\uFEFF${unplaced}\n${generated}\n${unplaced}`];
    for (const lines of [1500, 4000]) long.push(allianceDraft(createRandom(lines), { lines, ordinaryShare: 0.3 }));
    for (const text of long) {
      assert.ok(text.length > 50_000, `only ${text.length} characters: not parsed in chunks`);
      assert.deepEqual(lint(text, options), whole(text));
    }
  });

  it('keeps a long HTML comment, front matter and a definition far from its reference in one piece', () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} says nothing about any alliance.\n`).join('\n');
    const text = [
      `---\ntitle: Notes\n\n${'tags: [a]\n\n'.repeat(2000)}sources:\n  - id: members\n    url: https://thealliance.ai/members\n    retrieved: 2026-11-01\n---`,
      'The AI Alliance has more than 140 members [@members]. IBM is a member of the AI Alliance ([member directory]).',
      filler,
      `<!--\n${filler}\nThe AI Alliance has 500 members.\n\n-->`,
      filler,
      '[member directory]: https://thealliance.ai/members "retrieved 2026-11-01"',
    ].join('\n\n') + '\n';
    const result = lint(text, options);
    assert.deepEqual(result, whole(text));
    assert.deepEqual(result.diagnostics.map((d) => d.rule), [], 'the claims are cited and the commented one is not read');
  });
});

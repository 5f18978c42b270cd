// An editor's re-parse keeps the blocks an edit cannot have changed: after any edit its tree must
// read exactly as a fresh parse of the same text, and an edit inside one block must not cost a
// parse of the whole draft.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, RootContent } from 'mdast';
import { reparse, type ParseSnapshot } from '../../../src/core/markdown/incremental';
import { parseMarkdown, settleNode } from '../../../src/core/markdown/parse';
import { createRandom, type Random } from '../../../bench/prng';

const DRAFTS = join(import.meta.dirname, '../../fixtures/drafts');

/** What a writer types or pastes that can change how blocks read: fences, markers, tables, HTML. */
const PIECES = [
  'x', ' ', '\n', '\n\n', '\t', '    ', '```', '~~~', '\n```\n', '\n~~~~\n', '\n    indented\n', '- ', '1. ', '> ', '# ', '---', '===',
  '|', '| a | b |\n| - | - |\n', '<div>', '<script>', '\n<pre>\n', '\n<!--\n', '-->', '[^1]', '[a]', '\n[a]: https://example.com\n',
  '*', '**', '_', '`', '<', '\\', '[', ']', '(', ')', 'https://thealliance.ai ',
];

/** The tree's blocks as offsets, types and values: what every later stage reads. */
function shape(children: RootContent[]): string {
  const walk = (n: Nodes): unknown => ({
    type: n.type,
    start: n.position?.start.offset,
    end: n.position?.end.offset,
    value: 'value' in n ? n.value : undefined,
    children: 'children' in n ? (n.children as Nodes[]).map(walk) : undefined,
  });
  return JSON.stringify(children.map(walk));
}

function reparsed(previous: ParseSnapshot, text: string): RootContent[] {
  const { root } = reparse(previous, text);
  // Blocks after the edit are moved lazily; a reader settles each before walking into it.
  for (const block of root.children) settleNode(block);
  return root.children;
}

function randomEdit(text: string, random: Random): string {
  const at = random.int(0, text.length);
  if (random.chance(0.6)) return text.slice(0, at) + random.pick(PIECES) + text.slice(at);
  return text.slice(0, at) + text.slice(at + random.int(1, 3));
}

describe('incremental re-parse', () => {
  for (const [name, seed] of [
    ['wiki-long-article.md', 2],
    ['source-typing-edge-cases.md', 5],
    ['first-party-project-page.md', 9],
  ] as const) {
    it(`reads as a fresh parse after each of 300 random edits (${name})`, () => {
      const random = createRandom(seed);
      let text = readFileSync(join(DRAFTS, name), 'utf8');
      let previous: ParseSnapshot = { text, parsed: parseMarkdown(text) };
      for (let i = 0; i < 300; i++) {
        text = randomEdit(text, random);
        const fresh = parseMarkdown(text);
        assert.equal(shape(reparsed(previous, text)), shape(fresh.root.children), `the trees differ after edit ${i} (seed ${seed})`);
        previous = { text, parsed: fresh };
      }
    });
  }

  it('parses in full below an unclosed front-matter fence, which changes blocks far below it', () => {
    const text = '---\ntitle: Draft\n\nThe AI Alliance has members.\n\n## See also\n\n- [OSI](https://opensource.org/)\n- [LF AI & Data](https://lfaidata.foundation/)';
    const edited = text.replace('opensource.org', 'opensource\t.org');
    assert.equal(shape(reparsed({ text, parsed: parseMarkdown(text) }, edited)), shape(parseMarkdown(edited).root.children));
  });

  it('keeps the blocks around an edit inside one block, a closed code block included', () => {
    const text = '# Notes\n\nIntro paragraph.\n\n```text\nThe AI Alliance has members.\n```\n\n## Next\n\nClosing paragraph.\n';
    const previous: ParseSnapshot = { text, parsed: parseMarkdown(text) };
    const before = [...previous.parsed.root.children];
    const at = text.indexOf('has members');
    const edited = `${text.slice(0, at)}now ${text.slice(at)}`;
    const children = reparsed(previous, edited);
    assert.equal(shape(children), shape(parseMarkdown(edited).root.children));
    assert.deepEqual(
      children.map((c) => before.includes(c)),
      [true, true, false, true, true],
      'only the code block is parsed again',
    );
  });

  it('parses on past the window when an edit opens a fence that swallows the blocks below', () => {
    const text = 'Intro paragraph.\n\nA paragraph to edit.\n\n## Heading\n\nThe AI Alliance has members.\n';
    const at = text.indexOf('A paragraph');
    const edited = `${text.slice(0, at)}\`\`\`\n${text.slice(at)}`;
    const children = reparsed({ text, parsed: parseMarkdown(text) }, edited);
    assert.equal(shape(children), shape(parseMarkdown(edited).root.children));
    assert.equal(children[children.length - 1].type, 'code');
  });
});

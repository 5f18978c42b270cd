// A line of thousands of cited claims is cut into paragraphs for the parser, whose time grows with
// the square of a paragraph's inline constructs; the cuts must keep every offset, land only at
// sentence ends outside inline constructs, and leave quotes, lists, tables and code whole.
import assert from 'node:assert/strict';
import type { Paragraph } from 'mdast';
import { cutLongParagraphs } from '../../../src/core/markdown/long-paragraphs';
import { parseMarkdown } from '../../../src/core/markdown/parse';
import { lint } from '../../../src/core';

const CLAIM = 'The AI Alliance has 140 members ([list](https://thealliance.ai/members) `x. Y`). ';

function longLine(prefix = ''): string {
  return prefix + CLAIM.repeat(Math.ceil(30_000 / CLAIM.length)).trimEnd();
}

describe('cutting long paragraphs for the parser', () => {
  it('leaves drafts without a long line untouched', () => {
    const text = `# Title\n\n${CLAIM.repeat(20)}\n`;
    assert.equal(cutLongParagraphs(text), text);
  });

  it('keeps the length and cuts only ". " before a sentence, outside links and code', () => {
    const text = `${longLine()}\n`;
    const cut = cutLongParagraphs(text);
    assert.equal(cut.length, text.length);
    assert.ok(cut.includes('\n\n'), 'a 30 kB line is cut');
    for (let i = 0; i < cut.length; i++) {
      if (cut[i] === text[i]) continue;
      // Every change is a ". " ending a claim, after its closing parenthesis, turned into a blank line.
      assert.equal(text.slice(i, i + 2), '. ', `changed at ${i}`);
      assert.equal(cut.slice(i, i + 2), '\n\n');
      assert.equal(text[i - 1], ')', `cut after a claim's closing parenthesis at ${i}`);
      i++;
    }
  });

  it('parses the cut line into paragraphs whose links are all still links', () => {
    const text = `${longLine()}\n`;
    const root = parseMarkdown(text).root;
    assert.ok(root.children.length > 1);
    assert.ok(root.children.every((n) => n.type === 'paragraph'));
    const links = root.children.flatMap((p) => (p as Paragraph).children.filter((c) => c.type === 'link'));
    assert.equal(links.length, Math.ceil(30_000 / CLAIM.length));
  });

  for (const [what, prefix] of [['a quotation', '> '], ['a list item', '- '], ['an ordered item', '1. '], ['a heading', '# '], ['indented code', '    ']] as const) {
    it(`leaves a long line in ${what} whole`, () => {
      const text = `${longLine(prefix)}\n`;
      assert.equal(cutLongParagraphs(text), text);
    });
  }

  it('leaves a long line inside fenced code whole', () => {
    const text = `Intro.\n\n\`\`\`\n${longLine()}\n\`\`\`\n\nOutro.\n`;
    assert.equal(cutLongParagraphs(text), text);
  });

  it('leaves a long line inside a list item\'s fenced code whole, and cuts one after the fence closes', () => {
    const inside = `- Setup:\n  \`\`\`\n  code\n\n  ${longLine()}\n  \`\`\`\n`;
    assert.equal(cutLongParagraphs(inside), inside);
    const closed = `- Setup:\n  \`\`\`\n  code\n  \`\`\`\n\n${longLine()}\n`;
    assert.notEqual(cutLongParagraphs(closed), closed);
  });

  it('leaves the paragraph above a thematic break or setext underline whole and cuts the one below', () => {
    const text = `${longLine()}\n---\n${longLine()}\n`;
    const cut = cutLongParagraphs(text);
    const firstLineEnd = text.indexOf('\n');
    assert.equal(cut.slice(0, firstLineEnd), text.slice(0, firstLineEnd));
    assert.notEqual(cut.slice(firstLineEnd), text.slice(firstLineEnd));
  });

  it('finds every claim of a long line, each within its own sentence', () => {
    const claims = Array.from({ length: 600 }, (_, i) => `The AI Alliance has ${i + 100} members.`);
    const text = `${claims.join(' ')}\n`;
    const found = lint(text, { asOf: '2026-11-25' }).diagnostics.filter((d) => d.rule === 'missing-citation');
    assert.equal(found.length, claims.length);
    for (const d of found) assert.match(text.slice(d.start, d.end), /^The AI Alliance has \d+ members\.?$/);
  });
});

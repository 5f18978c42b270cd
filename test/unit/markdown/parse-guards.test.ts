import assert from 'node:assert/strict';
import type { Table } from 'mdast';
import { defuseWideRows, parseMarkdown } from '../../../src/core/markdown/parse';

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

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLAIM, ensureBuilt, makeTree, removeTree, runCli, snapshot, STUB_DEFINITION, STUB_MARKER } from './helpers';

const DAY = '2026-12-01';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe('CLI verify', function () {
  this.timeout(120_000);
  let root: string;
  before(ensureBuilt);
  afterEach(() => removeTree(root));

  for (const [label, eol, bom] of [
    ['LF', '\n', false],
    ['CRLF with a byte order mark', '\r\n', true],
  ] as const) {
    it(`marks a stub verified by its line, byte for byte (${label})`, () => {
      const draft = (definition: string) => Buffer.concat([bom ? BOM : Buffer.alloc(0), Buffer.from(`# Draft${eol}${eol}${CLAIM}${STUB_MARKER}${eol}${eol}${definition}${eol}`)]);
      root = makeTree({ 'draft.md': draft(STUB_DEFINITION) });
      const result = runCli(['verify', 'draft.md:5', '--as-of', DAY], { cwd: root });
      assert.equal(result.stderr, '');
      assert.equal(result.stdout, `draft.md:5: Mark as verified (retrieved ${DAY})\n`);
      assert.equal(result.status, 0);
      assert.deepEqual(fs.readFileSync(path.join(root, 'draft.md')), draft(`[^membership-1]: <https://thealliance.ai/members>, retrieved ${DAY}.`));
      const lint = runCli(['--as-of', DAY, '--format', 'json'], { cwd: root });
      assert.deepEqual(JSON.parse(lint.stdout), []);
    });
  }

  it('dates undated citations of claims, several lines of one file at a time, FILE:LINE:COLUMN too', () => {
    const text = `${CLAIM} ([members](https://thealliance.ai/members))\n\nTapestry is an AI Alliance project ([projects](https://thealliance.ai/projects)).\n`;
    root = makeTree({ 'draft.md': text });
    const before = runCli(['--as-of', DAY, '--format', 'json'], { cwd: root });
    const findings = JSON.parse(before.stdout) as Array<{ rule: string; line: number; column: number }>;
    assert.deepEqual(findings.map((f) => [f.rule, f.line]), [['missing-retrieval-date', 1], ['missing-retrieval-date', 3]]);
    const result = runCli(['verify', 'draft.md:1', `draft.md:3:${findings[1].column}`, '--as-of', DAY], { cwd: root });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      fs.readFileSync(path.join(root, 'draft.md'), 'utf8'),
      `${CLAIM} ([members](https://thealliance.ai/members) (retrieved ${DAY}))\n\nTapestry is an AI Alliance project ([projects](https://thealliance.ai/projects) (retrieved ${DAY})).\n`,
    );
  });

  it('changes nothing and exits 2 where there is nothing to verify', () => {
    root = makeTree({ 'draft.md': `# Draft\n\n${CLAIM}\n` });
    const files = snapshot(root);
    const result = runCli(['verify', 'draft.md:3', '--as-of', DAY], { cwd: root });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /draft\.md:3: nothing to mark as verified/);
    assert.deepEqual(snapshot(root), files);
    assert.equal(runCli(['verify', 'draft.md:9', '--as-of', DAY], { cwd: root }).status, 2);
  });

  it('needs FILE:LINE', () => {
    root = makeTree({ 'draft.md': `${CLAIM}\n` });
    for (const args of [['verify'], ['verify', 'draft.md'], ['verify', 'draft.md:0'], ['verify', '--stdin']]) {
      const result = runCli(args, { cwd: root });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^alliance-cite: verify /);
    }
  });
});

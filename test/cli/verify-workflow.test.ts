// docs/verify.md walks one claim from lint to stub, verified, fresh and stale again. Its terminal
// sessions are run here, in order, in one folder, so the page cannot drift from the command.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, makeTree, removeTree, REPO_ROOT, runCli } from './helpers';

interface Step {
  command: string;
  /** Expected standard output, line by line; `…` stands for any number of lines. */
  expected: string[];
}

/** The `$ command` lines of the page's text blocks, each with the output shown after it. */
function sessions(markdown: string): Step[] {
  const steps: Step[] = [];
  for (const block of markdown.matchAll(/^```text\n([\s\S]*?)^```$/gm)) {
    for (const line of block[1].replace(/\n$/, '').split('\n')) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2).replace(/\s+#.*$/, ''), expected: [] });
      else steps.at(-1)?.expected.push(line);
    }
  }
  return steps;
}

/** Whether `actual` shows `expected` in order, `…` skipping lines. */
function shows(expected: string[], actual: string[]): boolean {
  const match = (e: number, a: number): boolean => {
    if (e === expected.length) return a === actual.length;
    if (expected[e] === '…') {
      for (let skip = a; skip <= actual.length; skip++) if (match(e + 1, skip)) return true;
      return false;
    }
    return a < actual.length && expected[e] === actual[a] && match(e + 1, a + 1);
  };
  return match(0, 0);
}

describe('docs/verify.md: the verify workflow end to end', function () {
  this.timeout(120_000);
  const page = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'verify.md'), 'utf8');
  const steps = sessions(page);
  let root: string;

  before(async () => {
    await ensureBuilt();
    // The first session shows the draft before anything touches it.
    assert.equal(steps[0].command, 'cat draft.md');
    root = makeTree({ 'draft.md': `${steps[0].expected.filter((l, i, all) => i < all.length - 1 || l !== '').join('\n')}\n` });
  });
  after(() => removeTree(root));

  it('shows at least lint, --fix, verify, report and --stale-within', () => {
    const commands = steps.map((s) => s.command).join('\n');
    for (const needed of [/^alliance-cite --as-of/m, /^alliance-cite --fix/m, /^alliance-cite verify/m, /^alliance-cite report --as-of \S+ draft\.md$/m, /^alliance-cite report .*--stale-within 30d/m]) {
      assert.match(commands, needed);
    }
  });

  it('prints what the page says, step by step', () => {
    for (const step of steps) {
      let output: string;
      if (step.command === 'cat draft.md') {
        output = fs.readFileSync(path.join(root, 'draft.md'), 'utf8');
      } else {
        assert.match(step.command, /^alliance-cite /, `unexpected command on the page: ${step.command}`);
        const result = runCli(step.command.split(/\s+/).slice(1), { cwd: root });
        assert.ok(result.status === 0 || result.status === 1, `${step.command}: exit ${result.status}\n${result.stderr}`);
        output = result.stdout;
      }
      const trimmed = output.replace(/\n+$/, '');
      const actual = trimmed === '' ? [] : trimmed.split('\n');
      const expected = [...step.expected];
      while (expected.at(-1) === '') expected.pop();
      assert.ok(shows(expected, actual), `$ ${step.command}\n--- the page shows:\n${expected.join('\n')}\n--- the command printed:\n${actual.join('\n')}`);
    }
  });
});

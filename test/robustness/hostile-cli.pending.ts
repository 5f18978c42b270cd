// CLI cases that fail on the current CLI: `--fix -` is a filter, so a draft it cannot lint must come
// out unchanged rather than vanish; a named FIFO or device must not hang the run. They join
// hostile-cli.test.ts once they pass; run with an explicit path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, CLI, ensureBuilt, makeTree, removeTree } from '../cli/helpers';

/** Runs `--fix -` on raw bytes and returns the exit code and the bytes written to stdout. */
function fixStdin(input: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--fix', '-'], { input, env: { ...process.env, NO_COLOR: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

describe('robustness: hostile inputs in the CLI (pending fixes)', function () {
  this.timeout(120_000);

  before(async () => ensureBuilt());

  for (const [name, input] of [
    ['a binary draft', Buffer.from('a\0b\n')],
    ['invalid UTF-8', Buffer.from([0x43, 0x61, 0x66, 0xc3, 0x28, 0x0a])],
  ] as const) {
    it(`passes ${name} through unchanged`, () => {
      const result = fixStdin(input);
      assert.ok(result.stdout.equals(input), `stdout was ${JSON.stringify(result.stdout.toString('latin1'))}, exit ${result.status}`);
      assert.match(result.stderr, /<stdin>/);
    });
  }

  it('refuses a named FIFO and a link to a device instead of blocking on them', () => {
    const root = makeTree({ 'ok.md': '# Notes\n' });
    try {
      spawnSync('mkfifo', [path.join(root, 'pipe.md')]);
      fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
      // Generous bound: completion is what is asserted; a blocked read never completes.
      const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, 'pipe.md', 'zero.md', 'ok.md'], { cwd: root, timeout: 60_000, encoding: 'utf8' });
      assert.equal(result.signal, null, 'the CLI did not finish: it blocked reading a FIFO or device');
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /pipe\.md: /);
      assert.match(result.stderr, /zero\.md: /);
    } finally {
      removeTree(root);
    }
  });
});

// CLI cases that fail on the current CLI: `--fix -` is a filter, so a draft it cannot lint must come
// out unchanged rather than vanish. They join hostile-cli.test.ts once they pass; run with an explicit path.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { AS_OF, CLI, ensureBuilt } from '../cli/helpers';

/** Runs `--fix -` on raw bytes and returns the exit code and the bytes written to stdout. */
function fixStdin(input: Buffer): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--fix', '-'], { input, env: { ...process.env, NO_COLOR: '' } });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
}

describe('robustness: hostile standard input under --fix (pending fixes)', function () {
  this.timeout(60_000);

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
});

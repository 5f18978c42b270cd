// How many cores other processes keep busy decides how many threads lint a large tree: measured
// from the system's CPU times while the drafts are found, less the run's own time, not from a
// load average that still counts a build that ended a minute ago.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { coresBusyByOthers, MIN_SAMPLE_MS, startCoreSample } from '../../src/cli/cores';

describe('cores busy by other processes', () => {
  it('is the busy share of all cores less what this process used', () => {
    // Two cores over one second: 1.5 s of the 2 s were busy, of which this process used 0.5 s.
    const busy = coresBusyByOthers({ busy: 10_000, total: 40_000 }, { busy: 11_500, total: 42_000 }, 2, 500, 1000);
    assert.equal(busy, 1);
    // This process alone: nobody else is busy.
    assert.equal(coresBusyByOthers({ busy: 0, total: 0 }, { busy: 1000, total: 2000 }, 2, 1000, 1000), 0);
  });

  it('says nothing from a sample too short to count', () => {
    assert.equal(coresBusyByOthers({ busy: 0, total: 0 }, { busy: 10, total: 20 }, 2, 0, MIN_SAMPLE_MS - 1), undefined);
    assert.equal(coresBusyByOthers({ busy: 5, total: 20 }, { busy: 5, total: 20 }, 2, 0, MIN_SAMPLE_MS), undefined);
  });

  it('sees a process that keeps a core busy, and waits for a long enough sample', async function () {
    this.timeout(20_000);
    const spinner = spawn(process.execPath, ['-e', 'const end = Date.now() + 3000; while (Date.now() < end);'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const began = performance.now();
      const busy = await startCoreSample()();
      assert.ok(performance.now() - began >= MIN_SAMPLE_MS - 1, 'the sample lasts at least its minimum');
      assert.ok(busy >= 0.5, `a spinning process keeps about one core busy; measured ${busy.toFixed(2)}`);
    } finally {
      spinner.kill();
    }
  });
});

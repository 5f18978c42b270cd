// How many cores other processes keep busy right now, for choosing how many threads lint. The
// one-minute load average says what the last minute was like: just after a build, an install or
// another tool has finished, it still counts their load, and a run would lint on one thread of
// an idle machine. The CPU times the system counts per core, sampled while the drafts are found
// and less this process's own time, say what the other processes are doing now.
import { cpus, loadavg } from 'node:os';

/** CPU time of all cores together, busy and in all, in milliseconds. */
export interface CpuTimes {
  busy: number;
  total: number;
}

/** The shortest stretch worth sampling: the system counts CPU time in ticks of 10 ms. */
export const MIN_SAMPLE_MS = 100;

export function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const used = times.user + times.nice + times.sys + times.irq;
    busy += used;
    total += used + times.idle;
  }
  return { busy, total };
}

/**
 * Cores kept busy by other processes between two samples: the busy share of all cores' time,
 * less what this process used (`ownMs` of CPU over `wallMs`). Undefined when the samples are too
 * close together to say.
 */
export function coresBusyByOthers(before: CpuTimes, after: CpuTimes, cores: number, ownMs: number, wallMs: number): number | undefined {
  const total = after.total - before.total;
  if (cores < 1 || wallMs < MIN_SAMPLE_MS || total <= 0) return undefined;
  const busyCores = ((after.busy - before.busy) / total) * cores;
  return Math.max(0, busyCores - ownMs / wallMs);
}

/**
 * Starts sampling; the function it returns waits until the sample is long enough (at most
 * MIN_SAMPLE_MS after the start) and says how many cores other processes kept busy meanwhile,
 * or the load average where the system counts no CPU times.
 */
export function startCoreSample(): () => Promise<number> {
  const before = cpuTimes();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  return async () => {
    const waited = performance.now() - started;
    if (waited < MIN_SAMPLE_MS) await new Promise((resolve) => setTimeout(resolve, MIN_SAMPLE_MS - waited));
    const own = process.cpuUsage(ownBefore);
    const wallMs = performance.now() - started;
    const busy = coresBusyByOthers(before, cpuTimes(), cpus().length, (own.user + own.system) / 1000, wallMs);
    return busy ?? loadavg()[0];
  };
}

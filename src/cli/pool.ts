// Lints drafts on worker threads while the main thread hands them out and collects the outcomes.
// Each worker loads the same bundle; drafts are handed out one at a time as threads finish, and
// outcomes are stored by index, so the output order never depends on scheduling.
import { Worker } from 'node:worker_threads';
import { internalErrorMessage, type Draft, type DraftOutcome, type DraftSettings } from './draft';

export const WORKER_ROLE = 'alliance-cite-lint-worker';

export interface WorkerData {
  role: typeof WORKER_ROLE;
  settings: DraftSettings;
}

/** Drafts in flight per worker, so a worker never waits for the main thread between drafts. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * A worker's young generation (MB). Nearly everything a parse allocates (micromark's events, the
 * mdast of a chunk) dies before the draft is done; a nursery this size lets it die there instead
 * of being promoted and collected again by the old generation. On the Alliance corpus of the
 * benchmark it saved about a tenth of the CPU time (bench/RESULTS.md), for a larger peak RSS.
 * The main thread's nursery is fixed when the process starts, which is why it does not lint.
 */
const WORKER_YOUNG_GENERATION_MB = 192;

export type WorkerRequest = { index: number; draft: Draft };
export type WorkerReply = { index: number; outcome: DraftOutcome } | { index: number; error: string };

/**
 * Lints `drafts` on `threads` workers started from `script`. Resolves with the outcomes in draft
 * order.
 */
export function lintInWorkers(
  script: string,
  drafts: readonly Draft[],
  settings: DraftSettings,
  threads: number,
): Promise<DraftOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes = new Array<DraftOutcome>(drafts.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const stopAll = (): void => {
      for (const worker of workers) void worker.terminate();
    };
    const feed = (worker: Worker): void => {
      if (next < drafts.length) {
        const request: WorkerRequest = { index: next, draft: drafts[next] };
        next++;
        worker.postMessage(request);
      }
    };
    const finish = (): void => {
      done++;
      if (done === drafts.length) {
        stopAll();
        resolve(outcomes);
      }
    };
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      stopAll();
      reject(error);
    };
    const data: WorkerData = { role: WORKER_ROLE, settings };
    for (let i = 0; i < Math.min(threads, drafts.length); i++) {
      const worker = new Worker(script, {
        workerData: data,
        stdout: false,
        stderr: false,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (failed) return;
        // A draft that failed in a worker fails alone, as it would on the main thread.
        outcomes[reply.index] = 'error' in reply ? { messages: [internalErrorMessage(drafts[reply.index], new Error(reply.error))] } : reply.outcome;
        finish();
        feed(worker);
      });
      worker.on('error', fail);
      for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) feed(worker);
    }
  });
}

// Lints drafts on worker threads plus the main thread. Each worker loads the same bundle; drafts
// are handed out one at a time as threads finish, and outcomes are stored by index, so the output
// order never depends on scheduling.
import { Worker } from 'node:worker_threads';
import { internalErrorMessage, type Draft, type DraftOutcome, type DraftSettings } from './draft';

export const WORKER_ROLE = 'alliance-cite-lint-worker';

export interface WorkerData {
  role: typeof WORKER_ROLE;
  settings: DraftSettings;
}

/**
 * Drafts in flight per worker. More than one keeps a worker busy while the main thread, busy with
 * a draft of its own, cannot yet answer the worker's last reply.
 */
const IN_FLIGHT_PER_WORKER = 4;

export type WorkerRequest = { index: number; draft: Draft };
export type WorkerReply = { index: number; outcome: DraftOutcome } | { index: number; error: string };

/**
 * Lints `drafts` on `threads` threads: the main thread (through `lintHere`) and `threads - 1`
 * workers started from `script`. Resolves with the outcomes in draft order.
 */
export function lintInWorkers(
  script: string,
  drafts: readonly Draft[],
  settings: DraftSettings,
  threads: number,
  lintHere: (draft: Draft) => DraftOutcome,
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
    // The main thread takes one draft per turn of the event loop, so worker replies are still
    // received and answered between its drafts.
    const lintNextHere = (): void => {
      if (failed || next >= drafts.length) return;
      const index = next++;
      try {
        outcomes[index] = lintHere(drafts[index]);
      } catch (error) {
        outcomes[index] = { messages: [internalErrorMessage(drafts[index], error)] };
      }
      finish();
      setImmediate(lintNextHere);
    };
    const data: WorkerData = { role: WORKER_ROLE, settings };
    for (let i = 0; i < Math.min(threads - 1, drafts.length); i++) {
      const worker = new Worker(script, { workerData: data, stdout: false, stderr: false });
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
    setImmediate(lintNextHere);
  });
}

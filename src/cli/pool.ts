// Lints drafts on worker threads. Each worker loads the same bundle; drafts are handed out one at
// a time as workers finish, and outcomes are stored by index, so the output order never depends
// on scheduling.
import { Worker } from 'node:worker_threads';
import type { Draft, DraftOutcome, DraftSettings } from './draft';

export const WORKER_ROLE = 'alliance-cite-lint-worker';

export interface WorkerData {
  role: typeof WORKER_ROLE;
  settings: DraftSettings;
}

export type WorkerRequest = { index: number; draft: Draft };
export type WorkerReply = { index: number; outcome: DraftOutcome } | { index: number; error: string };

/** Lints `drafts` with `threads` workers started from `script`; resolves in draft order. */
export function lintInWorkers(script: string, drafts: readonly Draft[], settings: DraftSettings, threads: number): Promise<DraftOutcome[]> {
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
    const data: WorkerData = { role: WORKER_ROLE, settings };
    for (let i = 0; i < Math.min(threads, drafts.length); i++) {
      const worker = new Worker(script, { workerData: data, stdout: false, stderr: false });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (failed) return;
        if ('error' in reply) {
          failed = true;
          stopAll();
          reject(new Error(`${drafts[reply.index].displayPath}: ${reply.error}`));
          return;
        }
        outcomes[reply.index] = reply.outcome;
        done++;
        if (done === drafts.length) {
          stopAll();
          resolve(outcomes);
        } else {
          feed(worker);
        }
      });
      worker.on('error', (error) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(error);
      });
      feed(worker);
    }
  });
}

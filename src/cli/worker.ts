// The worker side of the pool: lints each draft it is sent and replies with the outcome.
import { parentPort } from 'node:worker_threads';
import { ConfigResolver } from './config';
import { lintDraft } from './draft';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool';

export function startWorker(data: WorkerData): void {
  const port = parentPort;
  if (!port) return;
  const resolver = new ConfigResolver(data.settings);
  port.on('message', ({ index, draft }: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { index, outcome: lintDraft(draft, data.settings, resolver) };
    } catch (error) {
      reply = { index, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}

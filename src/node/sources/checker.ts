// Checks many URLs politely: a limit on requests in flight, one request at a time per host with a
// pause between them, and a cache of earlier answers.
import type { SourceCache } from './cache';
import { checkUrl, type FetchSettings, type HostScheduler, type UrlCheck } from './fetch';

export interface CheckerSettings extends FetchSettings {
  /** Requests in flight at once, over all hosts. */
  maxConcurrency: number;
  /** Milliseconds between the end of one request to a host and the start of the next. */
  hostDelayMs: number;
}

export interface CheckedUrl {
  check: UrlCheck;
  /** Taken from the cache rather than fetched in this run. */
  cached: boolean;
}

/** Checks every URL once (answers already in the cache are not fetched); results in input order. */
export async function checkUrls(urls: readonly string[], settings: CheckerSettings, cache?: SourceCache): Promise<CheckedUrl[]> {
  const schedule = politeScheduler(settings.maxConcurrency, settings.hostDelayMs);
  return Promise.all(
    urls.map(async (url): Promise<CheckedUrl> => {
      const hit = cache?.get(url);
      if (hit) return { check: hit, cached: true };
      const check = await checkUrl(url, settings, schedule);
      cache?.set(check);
      return { check, cached: false };
    }),
  );
}

/**
 * Runs requests at most `limit` at a time overall and one at a time per host, with `delayMs`
 * between two requests to the same host. A request waiting for its host holds no overall slot,
 * so one busy host never stalls the others.
 */
export function politeScheduler(limit: number, delayMs: number): HostScheduler {
  const hostTails = new Map<string, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = (): Promise<void> => {
    if (running < limit) {
      running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return <T>(host: string, request: () => Promise<T>): Promise<T> => {
    const previous = hostTails.get(host) ?? Promise.resolve();
    const run = previous.then(async () => {
      await acquire();
      try {
        return await request();
      } finally {
        release();
      }
    });
    const tail = run.then(pause, pause);
    hostTails.set(host, tail);
    // Forget an idle host, so a long run does not keep one entry per host ever seen.
    void tail.then(() => {
      if (hostTails.get(host) === tail) hostTails.delete(host);
    });
    return run;
  };

  function pause(): Promise<void> {
    return delayMs > 0 ? new Promise((resolve) => setTimeout(resolve, delayMs)) : Promise.resolve();
  }
}

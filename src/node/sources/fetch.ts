// Checks whether one URL answers: HEAD first, GET when HEAD is refused, redirects followed one hop
// at a time so the whole chain is known, every request bounded in time and in the bytes it reads.
import * as http from 'node:http';
import * as https from 'node:https';

export interface FetchSettings {
  /** Milliseconds one request may take, from connecting to the last byte read. */
  timeoutMs: number;
  /** Redirects followed before giving up. */
  maxRedirects: number;
  /** Bytes of a body read before the connection is closed (the status is known by then). */
  maxBodyBytes: number;
  userAgent: string;
  /** Resolves host names (Node's DNS lookup unless given; tests give their own). */
  lookup?: http.RequestOptions['lookup'];
}

/** One response on the way to the final answer. */
export interface Hop {
  url: string;
  status: number;
}

export interface UrlCheck {
  url: string;
  /** The URL answered with a 2xx status, after its redirects. */
  ok: boolean;
  /** Why not, in words ("HTTP 404 Not Found", "timed out after 10 s"). */
  problem?: string;
  /** The failure may pass on its own: a timeout, a reset or refused connection, a 5xx or 429 answer. */
  transient: boolean;
  /** The final HTTP status, when there was an answer. */
  status?: number;
  /** Every response, redirects included, in order. */
  chain: Hop[];
  /** Where the redirects ended (the URL itself when there were none). */
  finalUrl: string;
  method: 'HEAD' | 'GET';
}

/** Runs one request to a host when the caller's politeness rules allow it. */
export type HostScheduler = <T>(host: string, request: () => Promise<T>) => Promise<T>;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Checks a http(s) URL; never throws. */
export async function checkUrl(url: string, settings: FetchSettings, schedule: HostScheduler = (_host, request) => request()): Promise<UrlCheck> {
  const head = await follow(url, 'HEAD', settings, schedule);
  // Many servers refuse or mishandle HEAD (405, 403, 404, a dropped connection) yet serve GET.
  const retry = head.status !== undefined ? head.status >= 400 : head.problem === 'connection reset';
  return retry ? follow(url, 'GET', settings, schedule) : head;
}

async function follow(url: string, method: 'HEAD' | 'GET', settings: FetchSettings, schedule: HostScheduler): Promise<UrlCheck> {
  const chain: Hop[] = [];
  const seen = new Set<string>();
  let current = url;
  const result = (fields: Omit<UrlCheck, 'url' | 'chain' | 'finalUrl' | 'method'>): UrlCheck => ({ url, chain, finalUrl: current, method, ...fields });
  for (;;) {
    seen.add(current);
    let target: URL;
    try {
      target = new URL(current);
    } catch {
      return result({ ok: false, problem: `not a valid URL: ${current}`, transient: false });
    }
    let answer: Answer;
    try {
      answer = await schedule(target.host, () => request(target, method, settings));
    } catch (error) {
      const failure = describeFailure(error, settings.timeoutMs);
      return result({ ok: false, problem: failure.problem, transient: failure.transient });
    }
    chain.push({ url: current, status: answer.status });
    if (!REDIRECTS.has(answer.status) || answer.location === undefined) {
      const ok = answer.status >= 200 && answer.status < 300;
      if (ok) return result({ ok, status: answer.status, transient: false });
      const words = `HTTP ${answer.status}${answer.statusText ? ` ${answer.statusText}` : ''}`;
      return result({ ok, status: answer.status, problem: words, transient: answer.status >= 500 || answer.status === 429 });
    }
    let next: string;
    try {
      next = new URL(answer.location, current).href;
    } catch {
      return result({ ok: false, status: answer.status, problem: `redirects to an invalid address: ${answer.location}`, transient: false });
    }
    if (!/^https?:$/.test(new URL(next).protocol)) return result({ ok: false, status: answer.status, problem: `redirects to ${next}, which is not a web address`, transient: false });
    if (seen.has(next)) {
      current = next;
      return result({ ok: false, status: answer.status, problem: `redirect loop (${[...chain.map((h) => h.url), next].join(' → ')})`, transient: false });
    }
    if (chain.length > settings.maxRedirects) {
      return result({ ok: false, status: answer.status, problem: `too many redirects (more than ${settings.maxRedirects})`, transient: false });
    }
    current = next;
  }
}

interface Answer {
  status: number;
  statusText?: string;
  location?: string;
}

class TimeoutError extends Error {}

/** One request; resolves when the status is known and the body was read (up to the cap). */
function request(target: URL, method: 'HEAD' | 'GET', settings: FetchSettings): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : undefined;
    if (!client) {
      reject(new Error(`unsupported scheme ${target.protocol}`));
      return;
    }
    let settled = false;
    const finish = (error: Error | undefined, answer?: Answer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(answer!);
    };
    const req = client.request(target, {
      method,
      agent: false, // one connection per request: nothing lingers after the run
      lookup: settings.lookup,
      headers: { 'user-agent': settings.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'accept-encoding': 'identity' },
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError()), settings.timeoutMs);
    req.on('error', (error) => finish(error));
    req.on('response', (res) => {
      const answer: Answer = { status: res.statusCode ?? 0, statusText: res.statusMessage, location: header(res.headers.location) };
      if (method === 'HEAD' || REDIRECTS.has(answer.status)) {
        res.destroy();
        finish(undefined, answer);
        return;
      }
      let read = 0;
      res.on('data', (chunk: Buffer) => {
        read += chunk.length;
        // The status is all the check needs; past the cap the rest of a large body is not read.
        if (read >= settings.maxBodyBytes) {
          res.destroy();
          finish(undefined, answer);
        }
      });
      res.on('end', () => finish(undefined, answer));
      res.on('error', (error) => finish(error));
      res.on('close', () => finish(undefined, answer));
    });
    req.end();
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** A network failure in words, and whether it may pass on its own. */
function describeFailure(error: unknown, timeoutMs: number): { problem: string; transient: boolean } {
  if (error instanceof TimeoutError) return { problem: `timed out after ${formatMs(timeoutMs)}`, transient: true };
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  switch (code) {
    case 'ENOTFOUND':
      return { problem: 'host not found (DNS)', transient: false };
    case 'EAI_AGAIN':
      return { problem: 'DNS lookup failed (no answer from the name server)', transient: true };
    case 'ECONNREFUSED':
      return { problem: 'connection refused', transient: true };
    case 'ECONNRESET':
    case 'EPIPE':
      return { problem: 'connection reset', transient: true };
    case 'ETIMEDOUT':
      return { problem: 'connection timed out', transient: true };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { problem: 'network unreachable', transient: true };
    case 'HPE_HEADER_OVERFLOW':
    case 'HPE_INVALID_CONSTANT':
      return { problem: 'not a valid HTTP answer', transient: false };
  }
  if (/^(?:CERT_|ERR_TLS_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/.test(code)) return { problem: `TLS error (${code})`, transient: false };
  const message = error instanceof Error ? error.message : String(error);
  return { problem: code ? `${message} (${code})` : message, transient: true };
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

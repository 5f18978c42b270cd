// Local HTTP servers that behave like the web at its worst, for the source-check tests. They listen
// on 127.0.0.1 only (and `localhost` for a second host); no test reaches the internet.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  method: string;
  path: string;
  /** When the request arrived and when its response ended (or its socket closed), in ms. */
  start: number;
  end?: number;
}

export interface SourceServer {
  /** `http://HOST:PORT` */
  origin: string;
  hits: Hit[];
  /** Most requests this server had in flight at once. */
  maxInFlight: number;
  /** Bytes the huge body had written when the client went away, and whether it did. */
  huge: { written: number; clientLeft: boolean };
  /** How many requests reached a path (any method). */
  count(path: string): number;
  close(): Promise<void>;
}

const HUGE_BYTES = 64 * 1024 * 1024;

/**
 * Starts a server. Paths: /ok, /head-refused (HEAD 405, GET 200), /missing (404), /broken (500),
 * /reset (drops the connection), /slow (never answers), /huge (HEAD refused, GET a 64 MiB body), /loop-a ⇄ /loop-b,
 * /chain/N (N redirects, then 200), /endless/N (redirects forever), /moved-home (to /ok),
 * /away (to `away` + /story), /story (200).
 */
export async function startSourceServer(options: { host?: string; away?: string } = {}): Promise<SourceServer> {
  const hits: Hit[] = [];
  let inFlight = 0;
  const state = { maxInFlight: 0, huge: { written: 0, clientLeft: false } };
  const server = http.createServer((req, res) => {
    const hit: Hit = { method: req.method ?? '', path: req.url ?? '', start: performance.now() };
    hits.push(hit);
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      inFlight--;
      hit.end = performance.now();
    };
    res.on('finish', finish);
    res.on('close', finish);
    const path = hit.path;
    const redirect = (status: number, location: string): void => {
      res.writeHead(status, { location });
      res.end();
    };
    const page = (status: number, body = `<h1>${status}</h1>`): void => {
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    let m: RegExpExecArray | null;
    if (path === '/ok' || path === '/story' || path.startsWith('/ok?')) page(200);
    else if (path === '/head-refused') page(req.method === 'HEAD' ? 405 : 200);
    else if (path === '/missing') page(404);
    else if (path === '/broken') page(500);
    else if (path === '/reset') req.socket.destroy();
    else if (path === '/slow') {
      /* never answers; the client's timeout must end it */
    } else if (path === '/huge') {
      // HEAD is refused, so a checker has to GET the body.
      if (req.method === 'HEAD') {
        page(405);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(HUGE_BYTES) });
      const chunk = Buffer.alloc(64 * 1024, 120);
      res.on('close', () => {
        state.huge.clientLeft = state.huge.written < HUGE_BYTES;
      });
      const pump = (): void => {
        while (state.huge.written < HUGE_BYTES && !res.destroyed) {
          state.huge.written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (!res.destroyed) res.end();
      };
      pump();
    } else if (path === '/loop-a') redirect(302, '/loop-b');
    else if (path === '/loop-b') redirect(302, '/loop-a');
    else if ((m = /^\/chain\/(\d+)$/.exec(path))) Number(m[1]) === 0 ? page(200) : redirect(301, `/chain/${Number(m[1]) - 1}`);
    else if ((m = /^\/endless\/(\d+)$/.exec(path))) redirect(302, `/endless/${Number(m[1]) + 1}`);
    else if (path === '/moved-home') redirect(301, '/ok');
    else if (path === '/away' && options.away) redirect(301, `${options.away}/story`);
    else page(404);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    hits,
    get maxInFlight() {
      return state.maxInFlight;
    },
    huge: state.huge,
    count: (p) => hits.filter((h) => h.path === p).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

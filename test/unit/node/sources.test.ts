// Fetching cited URLs against local servers: what each kind of failure looks like, redirects,
// limits, politeness, and the cache.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SourceCache } from '../../../src/node/sources/cache';
import { checkUrls, politeScheduler } from '../../../src/node/sources/checker';
import { checkUrl, type FetchSettings, type UrlCheck } from '../../../src/node/sources/fetch';
import { startSourceServer, type SourceServer } from '../../cli/source-servers';

/** Waits (without a fixed sleep) until `condition` holds, failing after five seconds. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 5000;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const SETTINGS: FetchSettings = { timeoutMs: 2000, maxRedirects: 5, maxBodyBytes: 1 << 20, userAgent: 'alliance-cite-test' };

describe('who may fetch', () => {
  // A lint, the editor and the language server never fetch: only `check-sources` reaches the
  // fetcher, and only the fetcher opens HTTP connections.
  it('only src/cli/check-sources imports the fetcher, and only the fetcher imports node:http', () => {
    const src = path.resolve(__dirname, '../../../src');
    const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.split(path.sep).join('/'));
    const offenders: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(src, file), 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      if (specifiers.some((s) => /\/sources\/(?:checker|fetch|cache)$/.test(s)) && !file.startsWith('cli/check-sources/') && !file.startsWith('node/sources/')) offenders.push(`${file} imports the fetcher`);
      if (specifiers.some((s) => /^(?:node:)?(?:https?|http2|net|tls|dgram)$/.test(s) || s === 'undici') && !file.startsWith('node/sources/')) offenders.push(`${file} imports a network module`);
      if (/\bfetch\(/.test(text.replace(/\/\/.*$/gm, '')) && !file.startsWith('node/sources/')) offenders.push(`${file} calls fetch()`);
    }
    assert.ok(files.length > 20);
    assert.deepEqual(offenders, []);
  });
});

describe('checkUrl', function () {
  this.timeout(30_000);
  let server: SourceServer;
  let away: SourceServer;

  before(async () => {
    away = await startSourceServer({ host: 'localhost' });
    server = await startSourceServer({ away: away.origin });
  });
  after(async () => {
    await server.close();
    await away.close();
  });

  const check = (p: string, settings: Partial<FetchSettings> = {}): Promise<UrlCheck> => checkUrl(`${server.origin}${p}`, { ...SETTINGS, ...settings });

  it('answers with HEAD alone when HEAD works', async () => {
    const before = server.count('/ok');
    const r = await check('/ok');
    assert.deepEqual([r.ok, r.status, r.method, r.problem, r.transient, r.finalUrl], [true, 200, 'HEAD', undefined, false, `${server.origin}/ok`]);
    assert.equal(server.count('/ok') - before, 1);
  });

  it('falls back to GET when HEAD is refused', async () => {
    const r = await check('/head-refused');
    assert.deepEqual([r.ok, r.status, r.method], [true, 200, 'GET']);
    assert.deepEqual(server.hits.filter((h) => h.path === '/head-refused').map((h) => h.method), ['HEAD', 'GET']);
  });

  it('reports a 404 as settled and a 500 as possibly passing, both after trying GET', async () => {
    const missing = await check('/missing');
    assert.deepEqual([missing.ok, missing.status, missing.problem, missing.transient, missing.method], [false, 404, 'HTTP 404 Not Found', false, 'GET']);
    const broken = await check('/broken');
    assert.deepEqual([broken.ok, broken.status, broken.problem, broken.transient], [false, 500, 'HTTP 500 Internal Server Error', true]);
  });

  it('follows a redirect chain hop by hop and keeps it', async () => {
    const r = await check('/chain/3');
    assert.equal(r.ok, true);
    assert.deepEqual(r.chain.map((h) => [h.url.slice(server.origin.length), h.status]), [['/chain/3', 301], ['/chain/2', 301], ['/chain/1', 301], ['/chain/0', 200]]);
    assert.equal(r.finalUrl, `${server.origin}/chain/0`);
  });

  it('follows a redirect to another host', async () => {
    const r = await check('/away');
    assert.equal(r.ok, true);
    assert.equal(r.finalUrl, `${away.origin}/story`);
    assert.equal(away.count('/story'), 1);
  });

  it('stops at a redirect loop and after too many redirects', async () => {
    const loop = await check('/loop-a');
    assert.equal(loop.ok, false);
    assert.equal(loop.problem, `redirect loop (${server.origin}/loop-a → ${server.origin}/loop-b → ${server.origin}/loop-a)`);
    assert.equal(loop.transient, false);
    const endless = await check('/endless/0', { maxRedirects: 3 });
    assert.deepEqual([endless.ok, endless.problem, endless.chain.length], [false, 'too many redirects (more than 3)', 4]);
    assert.equal(server.count('/endless/4'), 0, 'the fourth redirect is not followed');
    const within = await check('/chain/3', { maxRedirects: 3 });
    assert.equal(within.ok, true, 'exactly the maximum is allowed');
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    const started = performance.now();
    const r = await check('/slow', { timeoutMs: 300 });
    const took = performance.now() - started;
    assert.deepEqual([r.ok, r.problem, r.transient], [false, 'timed out after 300 ms', true]);
    assert.equal(server.count('/slow'), 1, 'a timeout is not retried with GET');
    assert.ok(took < 2000, `took ${took} ms`);
  });

  it('reports a dropped connection as a reset', async () => {
    const r = await check('/reset');
    assert.deepEqual([r.ok, r.problem, r.transient, r.status], [false, 'connection reset', true, undefined]);
    assert.deepEqual(server.hits.filter((h) => h.path === '/reset').map((h) => h.method), ['HEAD', 'GET']);
  });

  it('reads a huge body only up to the cap, then closes the connection', async () => {
    const r = await check('/huge', { maxBodyBytes: 256 * 1024 });
    assert.deepEqual([r.ok, r.status, r.method], [true, 200, 'GET']);
    await until(() => server.huge.clientLeft, 'the server sees the client leave');
    assert.ok(server.huge.written < 16 * 1024 * 1024, `the server wrote ${server.huge.written} bytes of 64 MiB`);
  });

  it('names a host that does not exist, a refused connection and a URL that is not one', async () => {
    const lookup = ((_host: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) => {
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.test'), { code: 'ENOTFOUND' }));
    }) as unknown as FetchSettings['lookup'];
    const dns = await checkUrl('http://nowhere.test/page', { ...SETTINGS, lookup });
    assert.deepEqual([dns.ok, dns.problem, dns.transient], [false, 'host not found (DNS)', false]);
    const closed = await startSourceServer();
    const origin = closed.origin;
    await closed.close();
    const refused = await checkUrl(`${origin}/ok`, SETTINGS);
    assert.deepEqual([refused.ok, refused.problem, refused.transient], [false, 'connection refused', true]);
    const invalid = await checkUrl('http://exa mple.org/', SETTINGS);
    assert.deepEqual([invalid.ok, invalid.problem], [false, 'not a valid URL: http://exa mple.org/']);
  });
});

describe('politeScheduler', function () {
  this.timeout(30_000);
  let one: SourceServer;
  let two: SourceServer;

  beforeEach(async () => {
    one = await startSourceServer();
    two = await startSourceServer({ host: 'localhost' });
  });
  afterEach(async () => {
    await one.close();
    await two.close();
  });

  it('sends one request at a time to a host, with a pause between them, while other hosts proceed', async () => {
    const settings = { ...SETTINGS, maxConcurrency: 8, hostDelayMs: 40 };
    const urls = [...Array.from({ length: 4 }, (_, i) => `${one.origin}/ok?${i}`), ...Array.from({ length: 4 }, (_, i) => `${two.origin}/ok?${i}`)];
    const results = await checkUrls(urls, settings);
    assert.ok(results.every((r) => r.check.ok && !r.cached));
    assert.deepEqual(results.map((r) => r.check.url), urls, 'results come back in the order asked');
    for (const server of [one, two]) {
      assert.equal(server.maxInFlight, 1, 'one request at a time per host');
      const hits = [...server.hits].sort((a, b) => a.start - b.start);
      for (let i = 1; i < hits.length; i++) assert.ok(hits[i].start - hits[i - 1].end! >= 35, `pause between requests: ${hits[i].start - hits[i - 1].end!} ms`);
    }
    // Both hosts were served side by side, not one after the other.
    const firstOfTwo = Math.min(...two.hits.map((h) => h.start));
    const lastOfOne = Math.max(...one.hits.map((h) => h.start));
    assert.ok(firstOfTwo < lastOfOne, 'the second host did not wait for the first');
  });

  it('keeps the overall number of requests in flight under the limit', async () => {
    let inFlight = 0;
    let most = 0;
    const schedule = politeScheduler(2, 0);
    const gates: (() => void)[] = [];
    const request = () =>
      new Promise<void>((resolve) => {
        inFlight++;
        most = Math.max(most, inFlight);
        gates.push(() => {
          inFlight--;
          resolve();
        });
      });
    const all = Promise.all(['a', 'b', 'c', 'd', 'e'].map((host) => schedule(host, request)));
    // Release requests one by one as they start, until all five have run.
    for (let released = 0; released < 5; released++) {
      while (gates.length === 0) await new Promise((resolve) => setImmediate(resolve));
      gates.shift()!();
    }
    await all;
    assert.equal(most, 2);
  });
});

describe('SourceCache', () => {
  let dir: string;
  let now: number;
  const clock = () => now;
  const answer = (url: string, fields: Partial<UrlCheck> = {}): UrlCheck => ({ url, ok: true, transient: false, status: 200, chain: [{ url, status: 200 }], finalUrl: url, method: 'HEAD', ...fields });

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-cache-'));
    now = Date.parse('2026-11-25T10:00:00Z');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps settled answers for the maximum age, not failures that may pass', () => {
    const file = path.join(dir, 'nested', 'cache.json');
    const { cache, problem } = SourceCache.load(file, 3_600_000, clock);
    assert.equal(problem, undefined);
    cache.set(answer('https://b.example/ok'));
    cache.set(answer('https://a.example/gone', { ok: false, status: 404, problem: 'HTTP 404 Not Found' }));
    cache.set(answer('https://c.example/slow', { ok: false, problem: 'timed out after 10 s', transient: true, status: undefined }));
    cache.set(answer('https://d.example/', { ok: false, problem: 'host not found (DNS)', status: undefined }));
    cache.save();
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.version, 1);
    assert.deepEqual(Object.keys(saved.entries), ['https://a.example/gone', 'https://b.example/ok'], 'sorted by URL; failures that may pass, and failures with no HTTP answer, left out');
    assert.equal(saved.entries['https://a.example/gone'].checked, '2026-11-25T10:00:00.000Z');

    now += 3_600_000;
    const again = SourceCache.load(file, 3_600_000, clock).cache;
    assert.deepEqual(again.get('https://a.example/gone')?.problem, 'HTTP 404 Not Found');
    assert.equal(again.get('https://c.example/slow'), undefined);
    now += 1;
    assert.equal(again.get('https://b.example/ok'), undefined, 'older than the maximum age');
    again.save();
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')).entries, {}, 'expired entries are dropped when saving');
  });

  it('ignores a file that is not a cache, says why, and replaces it on save', () => {
    const file = path.join(dir, 'cache.json');
    for (const [content, reason] of [
      ['{"version": 1, "entries": ', /not a cache file \(/],
      ['{"version": 7, "entries": {}}', /not a version 1 cache file/],
      ['[]', /not a version 1 cache file/],
    ] as const) {
      fs.writeFileSync(file, content);
      const { cache, problem } = SourceCache.load(file, 3_600_000, clock);
      assert.match(problem ?? '', reason);
      cache.set(answer('https://b.example/ok'));
      cache.save();
      assert.equal(SourceCache.load(file, 3_600_000, clock).cache.get('https://b.example/ok')?.ok, true);
    }
    fs.writeFileSync(file, JSON.stringify({ version: 1, entries: { 'https://x.example/': { checked: 'yesterday', ok: true } } }));
    assert.equal(SourceCache.load(file, 3_600_000, clock).cache.get('https://x.example/'), undefined, 'a malformed entry is skipped');
  });

  it('serves a cached answer instead of fetching', async () => {
    const server = await startSourceServer();
    try {
      const { cache } = SourceCache.load(path.join(dir, 'c.json'), 3_600_000, clock);
      const settings = { ...SETTINGS, maxConcurrency: 4, hostDelayMs: 0 };
      const urls = [`${server.origin}/ok`, `${server.origin}/missing`, `${server.origin}/broken`];
      const first = await checkUrls(urls, settings, cache);
      assert.deepEqual(first.map((r) => r.cached), [false, false, false]);
      const before = server.hits.length;
      const second = await checkUrls(urls, settings, cache);
      assert.deepEqual(second.map((r) => [r.cached, r.check.ok]), [[true, true], [true, false], [false, false]]);
      assert.deepEqual(server.hits.slice(before).map((h) => h.path), ['/broken', '/broken'], 'only the 500 is fetched again (HEAD, then GET)');
    } finally {
      await server.close();
    }
  });
});

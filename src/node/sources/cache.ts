// The answers of earlier source checks, in a JSON file, so a run within the maximum age does not
// fetch the same URL again. Only settled HTTP answers are kept (a page, a 4xx, a redirect loop);
// failures that may pass (timeouts, resets, 5xx) and network failures (an unknown host may be a
// machine offline) are fetched again next time.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../files';
import type { Hop, UrlCheck } from './fetch';

export const DEFAULT_CACHE_FILE = '.alliance-cite-cache.json';
const VERSION = 1;

interface Entry {
  /** When it was fetched, as an ISO timestamp. */
  checked: string;
  ok: boolean;
  problem?: string;
  status?: number;
  finalUrl: string;
  chain: Hop[];
  method: 'HEAD' | 'GET';
}

export class SourceCache {
  private readonly entries = new Map<string, Entry>();
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly maxAgeMs: number,
    private readonly now: () => number,
  ) {}

  /**
   * Reads the cache file (a missing one is an empty cache). A file that cannot be read as a cache
   * is not an error: `problem` says why it is ignored, and saving replaces it.
   */
  static load(file: string, maxAgeMs: number, now: () => number = Date.now): { cache: SourceCache; problem?: string } {
    const cache = new SourceCache(file, maxAgeMs, now);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cache };
      return { cache, problem: `cannot read the cache: ${describeError(error)}; checking every URL` };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { cache, problem: `not a cache file (${(error as Error).message}); checking every URL, and replacing it` };
    }
    const root = data as { version?: unknown; entries?: unknown } | null;
    if (!root || typeof root !== 'object' || root.version !== VERSION || !root.entries || typeof root.entries !== 'object') {
      return { cache, problem: `not a version ${VERSION} cache file; checking every URL, and replacing it` };
    }
    for (const [url, entry] of Object.entries(root.entries as Record<string, unknown>)) {
      if (isEntry(entry)) cache.entries.set(url, entry);
    }
    return { cache };
  }

  /** The cached answer for a URL, if it is younger than the maximum age. */
  get(url: string): UrlCheck | undefined {
    const entry = this.entries.get(url);
    if (!entry || !this.fresh(entry)) return undefined;
    return { url, ok: entry.ok, problem: entry.problem, transient: false, status: entry.status, chain: entry.chain, finalUrl: entry.finalUrl, method: entry.method };
  }

  /** Records a fresh answer; one that may pass on its own, or that no server gave, is not kept. */
  set(check: UrlCheck): void {
    if (check.transient || check.status === undefined) {
      this.changed = this.entries.delete(check.url) || this.changed;
      return;
    }
    const entry: Entry = { checked: new Date(this.now()).toISOString(), ok: check.ok, finalUrl: check.finalUrl, chain: check.chain, method: check.method };
    if (check.problem !== undefined) entry.problem = check.problem;
    if (check.status !== undefined) entry.status = check.status;
    this.entries.set(check.url, entry);
    this.changed = true;
  }

  /** Writes the fresh entries, sorted by URL, atomically; nothing when nothing changed. */
  save(): void {
    const fresh = [...this.entries].filter(([, entry]) => this.fresh(entry)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (!this.changed && fresh.length === this.entries.size) return;
    const text = JSON.stringify({ version: VERSION, entries: Object.fromEntries(fresh) }, null, 1) + '\n';
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, this.file);
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      throw error;
    }
  }

  private fresh(entry: Entry): boolean {
    const age = this.now() - Date.parse(entry.checked);
    return age >= 0 && age <= this.maxAgeMs;
  }
}

function isEntry(value: unknown): value is Entry {
  const e = value as Partial<Entry> | null;
  return (
    !!e &&
    typeof e === 'object' &&
    typeof e.checked === 'string' &&
    !Number.isNaN(Date.parse(e.checked)) &&
    typeof e.ok === 'boolean' &&
    typeof e.finalUrl === 'string' &&
    Array.isArray(e.chain) &&
    (e.method === 'HEAD' || e.method === 'GET') &&
    (e.problem === undefined || typeof e.problem === 'string') &&
    (e.status === undefined || typeof e.status === 'number')
  );
}

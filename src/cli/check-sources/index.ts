// `alliance-cite check-sources`: fetches every URL a claim cites, once, and hands what it found to
// the unreachable-source rule, which the run then reports in the chosen formats.
import * as path from 'node:path';
import { claimLedger, type SourceStatus } from '../../core';
import { checkUrls, type CheckedUrl, type CheckerSettings } from '../../node/sources/checker';
import { DEFAULT_CACHE_FILE, SourceCache } from '../../node/sources/cache';
import { describeError } from '../../node/files';
import { internalErrorMessage, loadDraft, type Draft, type DraftMessage } from '../draft';
import type { CommandContext } from '../run';

export const DEFAULTS = {
  timeoutMs: 10_000,
  maxRedirects: 5,
  maxConcurrency: 8,
  cacheMaxAgeMs: 86_400_000,
  hostDelayMs: 100,
  maxBodyBytes: 1 << 20,
};

const HOMEPAGE = 'https://github.com/alliance-cite/alliance-cite';

/** Fetches the URLs cited by the drafts' claims; returns what was found, by URL as cited. */
export async function checkCitedSources(drafts: readonly Draft[], { settings, resolver, options, io, problems }: CommandContext): Promise<Map<string, SourceStatus>> {
  const cited = new Map<string, string>(); // URL as cited → URL fetched
  let skipped = 0;
  for (const draft of drafts) {
    const messages: DraftMessage[] = [];
    try {
      const loaded = loadDraft(draft, settings, resolver, messages);
      if (loaded) {
        for (const claim of claimLedger(loaded.text, { config: loaded.config, asOf: settings.asOf }).claims) {
          for (const c of claim.explain.citations) {
            if (c.url === undefined || cited.has(c.url)) continue;
            const target = fetchable(c.url);
            if (target === undefined) skipped++;
            else cited.set(c.url, target);
          }
        }
      }
    } catch (error) {
      messages.push(internalErrorMessage(draft, error));
    }
    // The lint that follows reads each draft again and repeats these; the duplicates are dropped.
    for (const m of messages) (m.fail ? problems.fail(m.text) : problems.note(m.text));
  }

  const { sources } = options;
  let cache: SourceCache | undefined;
  if (!sources.noCache) {
    const file = path.resolve(io.cwd, sources.cacheFile ?? DEFAULT_CACHE_FILE);
    const loaded = SourceCache.load(file, sources.cacheMaxAgeMs ?? DEFAULTS.cacheMaxAgeMs);
    if (loaded.problem) problems.note(`${sources.cacheFile ?? DEFAULT_CACHE_FILE}: ${loaded.problem}`);
    cache = loaded.cache;
  }
  const checker: CheckerSettings = {
    timeoutMs: sources.timeoutMs ?? DEFAULTS.timeoutMs,
    maxRedirects: sources.maxRedirects ?? DEFAULTS.maxRedirects,
    maxConcurrency: sources.maxConcurrency ?? DEFAULTS.maxConcurrency,
    hostDelayMs: DEFAULTS.hostDelayMs,
    maxBodyBytes: DEFAULTS.maxBodyBytes,
    userAgent: `alliance-cite/${io.version} (+${HOMEPAGE})`,
  };
  const targets = [...new Set(cited.values())];
  const results = new Map((await checkUrls(targets, checker, cache)).map((r) => [r.check.url, r]));
  if (cache) {
    try {
      cache.save();
    } catch (error) {
      problems.note(`${sources.cacheFile ?? DEFAULT_CACHE_FILE}: cannot write the cache: ${describeError(error)}`);
    }
  }

  const status = new Map<string, SourceStatus>();
  for (const [url, target] of cited) {
    const { check } = results.get(target)!;
    status.set(url, { ok: check.ok, problem: check.problem, transient: check.transient || undefined, finalUrl: check.finalUrl !== target ? check.finalUrl : undefined });
  }
  problems.note(summary([...results.values()], skipped));
  return status;
}

/** The address to fetch for a cited URL, or undefined for one that is not on the web (relative, mailto:). */
export function fetchable(url: string): string | undefined {
  const candidate = /^https?:\/\//i.test(url) ? url : /^www\.[^\s/]+\.[a-z]{2,}/i.test(url) ? `https://${url}` : undefined;
  if (candidate === undefined) return undefined;
  try {
    const parsed = new URL(candidate);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

/** "checked 7 cited URLs on 3 hosts, 2 of them from the cache: 5 answered (1 after a redirect to another host), 2 unreachable" */
function summary(results: CheckedUrl[], skipped: number): string {
  if (results.length === 0) return `no cited URLs to check${skipped > 0 ? ` (${skipped} not on the web: relative or other links)` : ''}`;
  const hosts = new Set(results.map((r) => new URL(r.check.url).host)).size;
  const cached = results.filter((r) => r.cached).length;
  const answer = results.filter((r) => r.check.ok).length;
  const moved = results.filter((r) => r.check.ok && new URL(r.check.finalUrl).host !== new URL(r.check.url).host).length;
  const failed = results.length - answer;
  const parts = [`${answer} answered${moved > 0 ? ` (${moved} after a redirect to another host)` : ''}`, `${failed} unreachable`];
  const from = cached > 0 ? `, ${cached} of them from the cache` : '';
  const notWeb = skipped > 0 ? `; ${skipped} not on the web (relative or other links) not checked` : '';
  // Not one server answered: more likely this machine than every source.
  const offline = results.length > 1 && results.every((r) => r.check.status === undefined) ? '; no server answered at all: is this machine offline?' : '';
  return `checked ${results.length} cited URL${results.length === 1 ? '' : 's'} on ${hosts} host${hosts === 1 ? '' : 's'}${from}: ${parts.join(', ')}${notWeb}${offline}`;
}

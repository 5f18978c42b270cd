import type { Config, SourcePattern } from './types';

interface CompiledPattern {
  type: string;
  host: string;
  wildcard: boolean;
  path?: RegExp;
}

export interface SourceRegistry {
  /** Returns the source type of a URL ('unknown' if nothing matches or it is not a URL). */
  typeOf(url: string): string;
  label(type: string): string;
}

const registries = new WeakMap<Config['sources'], SourceRegistry>();

/** Compiles (once per config) the host and path patterns of the source registry. */
export function sourceRegistry(config: Config): SourceRegistry {
  const cached = registries.get(config.sources);
  if (cached) return cached;
  const compiled = config.sources.patterns.map(compilePattern);
  const registry: SourceRegistry = {
    typeOf(url) {
      const parsed = parseUrl(url);
      if (!parsed) return 'unknown';
      for (const p of compiled) {
        if (!hostMatches(p, parsed.host)) continue;
        if (p.path && !p.path.test(parsed.path)) continue;
        return p.type;
      }
      return 'unknown';
    },
    label(type) {
      return config.sources.types[type]?.label ?? type;
    },
  };
  registries.set(config.sources, registry);
  return registry;
}

function hostMatches(p: CompiledPattern, host: string): boolean {
  if (host === p.host) return true;
  if (p.wildcard) return host.endsWith('.' + p.host);
  if (p.host.endsWith('.*')) return host.startsWith(p.host.slice(0, -1));
  return false;
}

/**
 * Compiles a path glob to an anchored regular expression without nested quantifiers, so matching
 * is linear: `*` matches within a segment, `**` across segments.
 */
export function compilePattern(p: SourcePattern): CompiledPattern {
  let host = p.host.toLowerCase().replace(/^www\./, '');
  const wildcard = host.startsWith('*.');
  if (wildcard) host = host.slice(2);
  let path: RegExp | undefined;
  if (p.path) {
    let re = '';
    const glob = p.path.toLowerCase();
    for (let i = 0; i < glob.length; i++) {
      const c = glob[i];
      if (c === '*' && glob[i + 1] === '*') {
        re += '.*';
        i++;
      } else if (c === '*') re += '[^/]*';
      else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
    path = new RegExp(`^${re}/?$`);
  }
  return { type: p.type, host, wildcard, path };
}

/** Host (lower case, without `www.`) and path (lower case, decoded where possible) of a URL. */
export function parseUrl(url: string): { host: string; path: string } | undefined {
  const m = /^(?:https?:)?\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i.exec(url.trim()) ?? /^(?:www\.)([^/?#:]+)([^?#]*)/i.exec(url.trim());
  if (!m) {
    // Bare host such as thealliance.ai/members written without a scheme.
    const bare = /^([a-z0-9-]+(?:\.[a-z0-9-]+)+)(\/[^?#\s]*)?$/i.exec(url.trim());
    if (!bare) return undefined;
    return { host: bare[1].toLowerCase().replace(/^www\./, ''), path: (bare[2] ?? '/').toLowerCase() };
  }
  const host = m[1].toLowerCase().replace(/^www\./, '');
  let path = m[2] || '/';
  try {
    path = decodeURI(path);
  } catch {
    /* keep it encoded */
  }
  return { host, path: path.toLowerCase() };
}

/** Hostname of a URL for messages. */
export function hostOf(url: string): string {
  return parseUrl(url)?.host ?? url;
}

// Source types recognisable from the wording of a citation that has no URL.
const NAMED_SOURCES: [RegExp, string][] = [
  [/\bIBM\b.{0,40}\b(?:newsroom|press release|announcement|news release)\b|\bnewsroom\.ibm\.com/i, 'ibm-launch'],
  [/\bMeta\b.{0,40}\b(?:blog|newsroom|announcement|press release)\b|\bai\.meta\.com\/blog/i, 'meta-launch'],
  [/\bthealliance\.ai\b|\bAI Alliance\b.{0,30}\b(?:website|web site|site|members? page|member directory|governance page|projects? page|blog)\b/i, 'alliance-site'],
  [/\bopensource\.org\b|\bOpen Source Initiative\b/i, 'osi'],
  [/\bWikipedia\b/i, 'wikipedia'],
];

/** Types a citation without a URL by the source it names, e.g. "IBM Newsroom, 5 Dec 2023". */
export function typeFromWording(text: string): string | undefined {
  for (const [re, type] of NAMED_SOURCES) if (re.test(text)) return type;
  return undefined;
}

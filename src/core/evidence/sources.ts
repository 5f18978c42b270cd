import { compileHostPattern, compilePathGlob } from './patterns';
import type { Config, SourcePattern } from '../types';

interface CompiledPattern {
  type: string;
  host: (host: string) => boolean;
  path?: (path: string) => boolean;
}

const registries = new WeakMap<Config['sources'], SourceRegistry>();

export interface SourceRegistry {
  /** Returns the source type of a URL ('unknown' if nothing matches or it is not a URL). */
  typeOf(url: string): string;
  label(type: string): string;
}

/** Compiles (once per config) the host and path patterns of the source registry. */
export function sourceRegistry(config: Config): SourceRegistry {
  const cached = registries.get(config.sources);
  if (cached) return cached;
  const compiled = config.sources.patterns.map(compilePattern);
  const known = new Map<string, string>();
  const registry: SourceRegistry = {
    typeOf(url) {
      let type = known.get(url);
      if (type === undefined) {
        type = classify(url);
        if (known.size > 10000) known.clear();
        known.set(url, type);
      }
      return type;
    },
    label(type) {
      return config.sources.types[type]?.label ?? type;
    },
  };
  function classify(url: string): string {
      if (TEMPLATE_LINK.test(url)) return config.sources.template;
      if (isRelative(url)) return config.sources.relative;
      const parsed = parseUrl(url);
      if (!parsed) return 'unknown';
      const trimmed = parsed.path.length > 1 ? parsed.path.replace(/\/+$/, '') : parsed.path;
      for (const p of compiled) {
        if (!p.host(parsed.host)) continue;
        if (p.path && !p.path(parsed.path) && !p.path(trimmed)) continue;
        return p.type;
      }
      return 'unknown';
  }
  registries.set(config.sources, registry);
  return registry;
}

/**
 * Compiles a registry pattern with matchers that run in linear time whatever the pattern
 * (`*` within a path segment, `**` across segments), so no URL or config can stall a lint.
 */
export function compilePattern(p: SourcePattern): CompiledPattern {
  return { type: p.type, host: compileHostPattern(p.host), path: p.path ? compilePathGlob(p.path) : undefined };
}

// `{{site.baseurl}}/about`, `{{ page.tech_docs }}/x`: Jekyll and other Liquid site templates.
const TEMPLATE_LINK = /^\s*\{\{[^{}]{1,200}\}\}/;

/** A link to a file of the same repository: no scheme, no host, not an anchor or a bare host. */
function isRelative(url: string): boolean {
  const u = url.trim();
  if (!u || /\s/.test(u) || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\?)/i.test(u)) return false;
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:ai|org|com|net|io|dev|edu|gov|co|uk|de|fr|eu|info|app)(?:[/:]|$)/i.test(u)) return false;
  return true;
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

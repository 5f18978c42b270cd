// The sources a finding is about, for "Open the source" and the hover: the URLs its claim cites
// (approved ones first), the URL of a TODO-verify stub, and the sources its category accepts.
import type { Config, Diagnostic as CoreDiagnostic } from '../core';

/** Only web addresses are opened or linked (never `javascript:`, `file:` and the like). */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>"]+$/i.test(url);
}

/** The cited web addresses a finding relies on, approved sources first, each once. */
export function citedUrls(text: string, finding: CoreDiagnostic): string[] {
  const citations = finding.explain?.citations ?? [];
  const ordered = [...citations.filter((c) => c.approved), ...citations.filter((c) => !c.approved)];
  const urls = ordered.flatMap((c) => (c.url && isWebUrl(c.url) ? [c.url] : []));
  if (finding.rule === 'citation-stub') urls.push(...stubUrls(text, finding.start, finding.end));
  return [...new Set(urls)];
}

/**
 * The URLs of a stub's line: `<url>`, `](url)`, a definition's destination, a bare URL; for a
 * front-matter source whose `retrieved:` line carries the marker, the entry's `url:` a few lines up.
 */
export function stubUrls(text: string, start: number, end: number): string[] {
  const line = text.slice(start, end);
  const found = [...line.matchAll(/https?:\/\/[^\s<>()"'\]]+[^\s<>()"'\].,;:!?]/gi)].map((m) => m[0]);
  if (found.length > 0) return found.filter(isWebUrl);
  const before = text.slice(Math.max(0, start - 600), start).split(/\r\n|\r|\n/).slice(-6).reverse();
  for (const previous of before) {
    const url = /^\s*(?:-\s+)?url:\s*["']?(https?:\/\/[^\s"']+)/i.exec(previous)?.[1];
    if (url && isWebUrl(url)) return [url];
    // The entry began: another source's url is not this one's.
    if (/^\s*-\s|^\S|^\s*[\w.-]+:\s*$/.test(previous)) break;
  }
  return [];
}

/** The source types a claim's policy accepts, each with its label and the page a stub would cite. */
export function acceptedSources(config: Config, policy: string, category: string, approved: readonly string[]): { type: string; label: string; url?: string }[] {
  return approved.map((type) => {
    const info = config.sources.types[type];
    const url = info?.canonical?.[policy] ?? info?.canonical?.[category] ?? info?.canonical?.default;
    return { type, label: info?.label ?? type, url: url && isWebUrl(url) ? url : undefined };
  });
}

/** A URL as a writer reads it: without the scheme and `www.`, shortened in the middle. */
export function shortUrl(url: string, max = 48): string {
  const bare = url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
  return bare.length > max ? `${bare.slice(0, max - 14)}\u2026${bare.slice(-12)}` : bare;
}

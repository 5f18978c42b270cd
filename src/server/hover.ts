// Hover on a flagged claim: what the diagnostic does not say. The claim's category in words and
// its kind of time, the sources it accepts as links a writer can open, the citations that were
// examined with their types and dates, and the words of a forbidden inference: the same facts as
// `alliance-cite --explain` (the core's explanation), in a few short lines.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import { type CitationExplanation, type ClaimTime, type Config, type Diagnostic as CoreDiagnostic } from '../core';
import type { LintedDocument } from './linter';
import { acceptedSources, isWebUrl, shortUrl, stubUrls } from './sources';

/** A claim's kind of time, as short as a hover line needs it (`--explain` says it at length). */
const HOVER_TIME: Record<ClaimTime, string> = {
  current: 'present state, needs a retrieval date',
  historical: 'a dated past event',
  timeless: 'what something is or does',
};

/** The hover at a position, or undefined outside flagged claims. */
export function hoverAt(linted: LintedDocument, position: Position): Hover | undefined {
  const offset = linted.positions.offsetAt(position);
  const here = linted.result.diagnostics.filter((d) => d.start <= offset && offset <= d.end);
  if (here.length === 0) return undefined;
  // The range all findings here share.
  const start = Math.max(...here.map((d) => d.start));
  const end = Math.min(...here.map((d) => d.end));
  const range = start <= end ? linted.positions.range(start, end) : linted.positions.range(here[0].start, here[0].end);
  const known = here.some((d) => linted.known[linted.result.diagnostics.indexOf(d)] === true);
  return { contents: { kind: MarkupKind.Markdown, value: describeClaim(here, linted.config, linted.positions.text, known) }, range };
}

/**
 * Describes the findings on one claim for a writer, in Markdown, without repeating them: editors
 * show the diagnostics (message and rule) beside the hover. A few lines, so that a sentence with
 * two findings needs no scrolling.
 */
export function describeClaim(findings: readonly CoreDiagnostic[], config: Config, text: string, baselined = false): string {
  const lines: string[] = [];
  const claim = findings.find((f) => f.explain?.claim)?.explain;
  if (claim?.claim) {
    const c = claim.claim;
    const how = [c.trigger ? `"${c.trigger}"` : undefined, c.subject ? `about "${c.subject}"` : undefined, c.hedged ? 'hedged' : undefined, c.negated ? 'negated' : undefined].filter(Boolean).join(', ');
    lines.push(`**Claim about ${escapeMarkdown(c.policyLabel)}** \u00b7 ${escapeMarkdown(HOVER_TIME[c.time])}${how ? ` \u00b7 from ${escapeMarkdown(how)}` : ''}`);
    const accepted = acceptedSources(config, c.policy, c.category, c.approved);
    const needs = accepted.length > 0 ? accepted.map((s) => (s.url ? link(s.label, s.url) : escapeMarkdown(s.label))).join(' or ') : 'no source type is configured for this category';
    const cites = claim.citations.length > 0 ? claim.citations.map(citationMarkdown).join('; ') : 'nothing in scope';
    // Needs and cites side by side when nothing is cited; each on its line otherwise (the links are long).
    if (claim.citations.length === 0) lines.push(`**Needs:** ${needs} \u00b7 **Cites:** ${cites}`);
    else lines.push(`**Needs:** ${needs}`, `**Cites:** ${cites}`);
  }
  const inference = findings.find((f) => f.explain?.inference)?.explain?.inference;
  if (inference) {
    const words = inference.quality && inference.affiliation ? `"${inference.quality}" inferred from "${inference.affiliation}"` : inference.affiliation ?? inference.quality;
    lines.push(`**Forbidden inference:** ${escapeMarkdown(words || inference.kind)}`);
  }
  const stub = findings.find((f) => f.rule === 'citation-stub');
  if (stub && !claim) {
    const urls = stubUrls(text, stub.start, stub.end);
    const source = urls.length > 0 ? urls.map((u) => link(shortUrl(u), u)).join(', ') : 'the stub\u2019s source';
    lines.push(`**Source to check:** ${source}, then *Mark as verified* (a quick-fix)`);
  }
  if (baselined) lines.push('*Recorded in the baseline: known before alliance-cite was adopted.*');
  // One paragraph with line breaks: no blank lines between the facts.
  return lines.join('  \n');
}

/** One examined citation: a link to its page, its source type, whether it is approved, its dates. */
function citationMarkdown(c: CitationExplanation): string {
  const where = c.url ? (isWebUrl(c.url) ? link(shortUrl(c.url), c.url) : `\`${c.url.replace(/`/g, "'")}\``) : `a ${escapeMarkdown(c.kind)} without a URL`;
  const dates = c.dates.length === 0 ? 'no retrieval date' : c.dates.map((d) => (d.problem ? `"${d.raw}" (${d.problem})` : `retrieved ${d.iso}`)).join(', ');
  return `${where} \u2014 ${escapeMarkdown(`${c.type}, ${c.approved ? 'approved' : 'not approved'}, ${dates}`)}`;
}

/** A Markdown link with the destination in angle brackets (URLs may hold parentheses). */
function link(label: string, url: string): string {
  return `[${escapeMarkdown(label)}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

/** Escapes Markdown syntax in plain text. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

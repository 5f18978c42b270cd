// Writes Markdown drafts about the AI Alliance with an exact number of lines, citing sources in
// every style the linter understands (and sometimes wrongly, or not at all).
import { capitalise, ordinaryBlock, plainSentence, wrap, type Block } from './blocks';
import { bareDate, claim, forbiddenInference, nonClaim, retrievalPhrase, sourceFor, type SourceSpec } from './claims';
import type { Random } from './prng';

export const CITATION_STYLES = ['inline', 'reference', 'footnote', 'numbered', 'pandoc', 'table', 'bare', 'autolink'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

export interface DraftOptions {
  lines: number;
  /** Share of blocks that are ordinary documentation rather than Alliance content. */
  ordinaryShare: number;
  /** Citation styles this draft uses; drawn at random when omitted. */
  styles?: CitationStyle[];
}

const SECTION_TITLES = ['Membership', 'How the Alliance started', 'Governance and licences', 'Projects', 'Safety', 'Openness', 'Mission', 'Background', 'Sources'];
const STUB_DATE = '2026-11-25';

/** The parts of a draft under construction; arrays only grow, so a failed attempt is undone by truncation. */
class DraftBuilder {
  readonly frontMatter: string[] = [];
  readonly body: Block[] = [];
  readonly footnotes: string[] = [];
  readonly referenceDefinitions: string[] = [];
  readonly numbered: string[] = [];
  readonly declaredSources: string[] = [];
  counter = 0;

  constructor(readonly usesFrontMatter: boolean) {}

  lineCount(): number {
    let count = this.usesFrontMatter ? this.frontMatter.length + 2 : 0;
    for (const block of this.body) count += block.length;
    count += Math.max(0, this.body.length - 1);
    if (this.numbered.length) count += 3 + this.numbered.length;
    if (this.footnotes.length) count += 1 + this.footnotes.length;
    if (this.referenceDefinitions.length) count += 1 + this.referenceDefinitions.length;
    return count;
  }

  /** Runs `add`; if the draft then exceeds `limit` lines, undoes everything `add` did. */
  attempt(limit: number, add: () => void): boolean {
    const saved = [this.frontMatter, this.body, this.footnotes, this.referenceDefinitions, this.numbered, this.declaredSources].map((a) => a.length);
    const counter = this.counter;
    add();
    if (this.lineCount() <= limit) return true;
    [this.frontMatter, this.body, this.footnotes, this.referenceDefinitions, this.numbered, this.declaredSources].forEach((a, i) => (a.length = saved[i]));
    this.counter = counter;
    return false;
  }

  lines(): string[] {
    const out: string[] = [];
    if (this.usesFrontMatter) out.push('---', ...this.frontMatter, '---');
    this.body.forEach((block, i) => {
      if (i > 0) out.push('');
      out.push(...block);
    });
    if (this.numbered.length) out.push('', '## References', '', ...this.numbered);
    if (this.footnotes.length) out.push('', ...this.footnotes);
    if (this.referenceDefinitions.length) out.push('', ...this.referenceDefinitions);
    return out;
  }
}

/** Appends a citation to a sentence in the given style, recording any definition it needs. */
function cite(r: Random, draft: DraftBuilder, sentence: string, source: SourceSpec, style: CitationStyle): string {
  const stem = sentence.replace(/[.?!]$/, '');
  const phrase = retrievalPhrase(r);
  const withPhrase = phrase ? `, ${phrase}` : '';
  const id = `${source.key}-${++draft.counter}`;
  switch (style) {
    case 'inline':
      return r.chance(0.7) ? `${stem} ([${source.title}](${source.url})${withPhrase}).` : `${sentence} Source: [${source.title}](${source.url})${withPhrase}.`;
    case 'reference':
      draft.referenceDefinitions.push(`[${id}]: ${source.url} "${source.title}${withPhrase}"`);
      return r.chance(0.8) ? `${stem} ([${source.title}][${id}]).` : `${stem} ([source][${id}${r.chance(0.3) ? '-missing' : ''}]).`;
    case 'footnote':
      draft.footnotes.push(r.chance(0.5) ? `[^${id}]: [${source.title}](${source.url})${withPhrase}.` : `[^${id}]: <${source.url}>${withPhrase}.`);
      return `${stem}.[^${id}]`;
    case 'numbered':
      draft.numbered.push(`${draft.numbered.length + 1}. ${source.title}, <${source.url}>${withPhrase}.`);
      return `${stem} [${draft.numbered.length}].`;
    case 'pandoc':
      declareSource(draft, source, phrase);
      return `${stem} [@${r.chance(0.05) ? 'undefined-key' : source.key}].`;
    case 'bare':
      return `${stem}, see ${source.url}${phrase ? ` (${phrase})` : ''}.`;
    case 'autolink':
    // Tables carry their sources in their own blocks (claimTable); in prose they cite by autolink.
    case 'table':
      return `${stem} <${source.url}>${phrase ? ` (${phrase})` : ''}.`;
  }
}

/** Adds a front-matter `sources:` entry for a Pandoc key, once per source. */
function declareSource(draft: DraftBuilder, source: SourceSpec, phrase: string): void {
  if (draft.declaredSources.includes(source.key)) return;
  if (draft.declaredSources.length === 0) draft.frontMatter.push('sources:');
  draft.declaredSources.push(source.key);
  draft.frontMatter.push(`  - id: ${source.key}`, `    url: ${source.url}`);
  if (source.type) draft.frontMatter.push(`    type: ${source.type}`);
  if (phrase) draft.frontMatter.push(`    retrieved: "${bareDate(phrase)}"`);
}

/** One sentence of Alliance prose: a claim (cited or not), an inference, or a mention that is no claim. */
function allianceSentence(r: Random, draft: DraftBuilder, styles: CitationStyle[]): string {
  const roll = r.next();
  if (roll < 0.3) return plainSentence(r);
  if (roll < 0.4) return nonClaim(r);
  if (roll < 0.48) return forbiddenInference(r);
  const spec = claim(r);
  if (roll < 0.58) return spec.text;
  return cite(r, draft, spec.text, sourceFor(r, spec, 0.65), r.pick(styles));
}

function claimTable(r: Random): Block {
  const lines = ['| Claim | Source | Retrieved |', '| --- | --- | --- |'];
  for (let i = 0; i < r.int(2, 6); i++) {
    const spec = claim(r);
    const source = sourceFor(r, spec, 0.7);
    lines.push(`| ${spec.text} | [${source.title}](${source.url}) | ${bareDate(retrievalPhrase(r))} |`);
  }
  return lines;
}

/** Adds one block of Alliance content in a style chosen at random. */
function addAllianceBlock(r: Random, draft: DraftBuilder, styles: CitationStyle[]): void {
  const roll = r.next();
  const sentences = (n: number): string[] => Array.from({ length: n }, () => allianceSentence(r, draft, styles));
  if (roll < 0.12) draft.body.push([`## ${r.pick(SECTION_TITLES)}`]);
  else if (roll < 0.55) draft.body.push(wrap(sentences(r.int(1, 5)), r.pick([80, 100, 120, 400])));
  else if (roll < 0.7) draft.body.push(Array.from({ length: r.int(2, 6) }, () => `- ${allianceSentence(r, draft, styles)}`));
  else if (roll < 0.78 || (styles.includes('table') && roll < 0.85)) draft.body.push(claimTable(r));
  else if (roll < 0.84) draft.body.push(sentences(r.int(1, 3)).map((s) => `> ${s}`));
  else if (roll < 0.88) draft.body.push(['```text', claim(r).text, forbiddenInference(r), '```']);
  else if (roll < 0.92) {
    const rule = r.pick(['missing-citation', 'missing-retrieval-date', 'missing-citation wrong-source-type', '']);
    draft.body.push([`<!-- alliance-cite-disable-next-line${rule ? ` ${rule}` : ''} -->`, claim(r).text]);
  }
  else if (roll < 0.95) {
    const spec = claim(r);
    const id = `${spec.category}-${++draft.counter}`;
    draft.footnotes.push(`[^${id}]: TODO-verify <${sourceFor(r, spec, 1).url}>, retrieved ${STUB_DATE}.`);
    draft.body.push([`${spec.text}[^${id}]`]);
  } else draft.body.push([`<!-- ${claim(r).text} -->`, capitalise(nonClaim(r))]);
}

/** Writes a draft about the Alliance with exactly `options.lines` lines (at least one). */
export function allianceDraft(r: Random, options: DraftOptions): string {
  const styles = options.styles ?? pickStyles(r);
  // Tiny drafts have no room for front matter, so they cannot use Pandoc keys either.
  const roomy = options.lines >= 12;
  const usable = roomy ? styles : styles.filter((s) => s !== 'pandoc');
  if (usable.length === 0) usable.push('inline');
  const draft = new DraftBuilder(roomy && (usable.includes('pandoc') || r.chance(0.2)));
  if (draft.usesFrontMatter) draft.frontMatter.push(`title: Notes on the AI Alliance, part ${r.int(1, 9)}`, `date: 2026-${String(r.int(1, 11)).padStart(2, '0')}-${r.int(10, 28)}`);
  const limit = Math.max(options.lines, draft.lineCount() + 1);
  let failures = 0;
  while (draft.lineCount() < limit && failures < 8) {
    const added = draft.attempt(limit, () =>
      r.chance(options.ordinaryShare) ? draft.body.push(ordinaryBlock(r)) : addAllianceBlock(r, draft, usable),
    );
    failures = added ? 0 : failures + 1;
  }
  // Fill the last few lines with short paragraphs so the count is exact.
  while (draft.lineCount() < limit) {
    if (!draft.attempt(limit, () => draft.body.push([nonClaim(r)]))) draft.body[draft.body.length - 1].push(plainSentence(r));
  }
  return draft.lines().slice(0, options.lines).join('\n') + '\n';
}

function pickStyles(r: Random): CitationStyle[] {
  const styles = new Set<CitationStyle>([r.pick(CITATION_STYLES)]);
  while (r.chance(0.45)) styles.add(r.pick(CITATION_STYLES));
  return [...styles];
}

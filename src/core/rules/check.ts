// The rules: each turns the analysis into findings of one rule id.
import type { Analysis, ClaimFinding } from '../analysis';
import type { Citation } from '../citations';
import { daysBetween, UNVERIFIED, type DateMention } from '../dates';
import { hostOf, sourceRegistry } from '../sources';
import { citationStub, retrievalDateStub, suppressFix, uniqueLabel, type StubContext } from '../stubs';
import type { Category, CategoryPolicy, Config, Diagnostic, Fix, RuleId } from '../types';

export type Finding = Omit<Diagnostic, 'severity'>;

const POLICY_NAMES: Record<string, string> = {
  founding: 'Founding',
  membership: 'Membership',
  'governance-licensing': 'Governance/licensing',
  'governance-licensing/project': 'Project licence',
  project: 'Project',
  safety: 'Safety-role',
  'safety/system': 'System-safety',
  'open-source-ai': 'Open Source AI',
  other: 'Mission',
  'other/press': 'Press',
};

export interface RuleContext {
  analysis: Analysis;
  config: Config;
  asOf: string;
  stubs: StubContext;
}

function policyOf(config: Config, policy: string, category: Category): CategoryPolicy {
  return config.categories[policy] ?? config.categories[category] ?? { approved: [], requireRetrievalDate: true, maxAgeDays: 365 };
}

/** "membership needs the AI Alliance site (thealliance.ai), retrieved within 365 days" */
function needs(ctx: RuleContext, claim: ClaimFinding, withDate: boolean): string {
  const { policy, category } = claim.judgement;
  const p = policyOf(ctx.config, policy, category);
  const registry = sourceRegistry(ctx.config);
  const labels = p.approved.map((t) => registry.label(t));
  const what = labels.length ? labels.join(' or ') : 'an approved source (none is configured)';
  const date = withDate && p.requireRetrievalDate && claim.judgement.current ? `, retrieved within ${maxAge(ctx, p)} days` : '';
  return `${(POLICY_NAMES[policy] ?? category).toLowerCase()} claims need ${what}${date}`;
}

function maxAge(ctx: RuleContext, p: CategoryPolicy): number {
  const override = ctx.config.rules['stale-retrieval-date']?.options?.maxAgeDays;
  return typeof override === 'number' && override > 0 ? override : p.maxAgeDays;
}

function base(claim: ClaimFinding, rule: RuleId, message: string, related: Diagnostic['related'] = []): Finding {
  return { rule, category: claim.judgement.category, policy: claim.judgement.policy, start: claim.sentence.start, end: claim.sentence.end, message, related, suggestions: [] };
}

function name(claim: ClaimFinding): string {
  const n = POLICY_NAMES[claim.judgement.policy] ?? claim.judgement.category;
  return `${n} claim`;
}

/** The approved source types of a claim that have a canonical URL, preferred first. */
function stubSources(ctx: RuleContext, claim: ClaimFinding): { type: string; url: string }[] {
  const { policy, category } = claim.judgement;
  const p = policyOf(ctx.config, policy, category);
  const out: { type: string; url: string }[] = [];
  for (const type of p.approved) {
    const canonical = ctx.config.sources.types[type]?.canonical;
    const url = canonical?.[policy] ?? canonical?.[category] ?? canonical?.default;
    if (url) out.push({ type, url });
  }
  return out;
}

function suppression(ctx: RuleContext, claim: ClaimFinding, rule: RuleId): Fix {
  const topLevel = claim.unit.kind === 'paragraph' || claim.unit.kind === 'heading';
  return suppressFix(ctx.stubs, claim.sentence.start, rule, claim.unit.start, topLevel);
}

/** Checks one claim: citation present, of an approved type, with a valid, fresh retrieval date. */
export function checkClaim(ctx: RuleContext, claim: ClaimFinding): Finding[] {
  const out: Finding[] = [];
  const { citations, dangling } = claim.resolution;
  const p = policyOf(ctx.config, claim.judgement.policy, claim.judgement.category);
  if (citations.length === 0) {
    const danglingNote = dangling.length ? ` (${dangling.map((d) => ctx.analysis.model.text.slice(d.start, d.end)).join(', ')} ${dangling.length === 1 ? 'has' : 'have'} no definition)` : '';
    const f = base(claim, 'missing-citation', `${name(claim)} has no citation${danglingNote}; ${needs(ctx, claim, true)}.`, dangling.map((d) => ({ start: d.start, end: d.end, message: 'Marker without a definition' })));
    // Front matter is YAML: a marker or a comment there would change the data, so it gets no edit.
    const editable = claim.unit.kind !== 'front-matter';
    const sources = editable ? stubSources(ctx, claim) : [];
    if (sources.length > 0) {
      const label = uniqueLabel(ctx.stubs, claim.judgement.policy);
      const stubs = sources.map((s) => citationStub(ctx.stubs, claim, s.url, s.type, label, `Insert a citation stub: ${sourceRegistry(ctx.config).label(s.type)}`));
      // With a marker that resolves to nothing, the writer meant a source: offer stubs, but leave
      // the choice to them (fix-all would add a second citation beside the broken one).
      if (dangling.length === 0) f.fix = stubs[0];
      f.suggestions = stubs;
    }
    if (editable) f.suggestions.push(suppression(ctx, claim, 'missing-citation'));
    out.push(f);
    return out;
  }
  const registry = sourceRegistry(ctx.config);
  const approved = citations.filter((c) => p.approved.includes(c.type));
  const related = citations.flatMap((c) => (c.related ? [c.related] : [{ start: c.locator.start, end: c.locator.end, message: `Cites ${c.url ? hostOf(c.url) : 'a source'} (${c.type})` }]));
  if (approved.length === 0) {
    const cited = citations.map((c) => `${c.url ? hostOf(c.url) : c.locator.kind === 'footnote' ? 'a footnote without a URL' : 'a source'} (${c.type})`);
    const f = base(claim, 'wrong-source-type', `${name(claim)} cites ${[...new Set(cited)].join(', ')}; ${needs(ctx, claim, true)}.`, related);
    const sources = claim.unit.kind !== 'front-matter' ? stubSources(ctx, claim) : [];
    if (sources.length > 0) {
      const label = uniqueLabel(ctx.stubs, claim.judgement.policy);
      f.suggestions = sources.map((s) => citationStub(ctx.stubs, claim, s.url, s.type, label, `Add a citation stub: ${registry.label(s.type)}`));
    }
    if (claim.unit.kind !== 'front-matter') f.suggestions.push(suppression(ctx, claim, 'wrong-source-type'));
    out.push(f);
  }
  out.push(...checkDates(ctx, claim, approved.length > 0 ? approved : citations, approved.length > 0, p, related));
  return out;
}

function checkDates(ctx: RuleContext, claim: ClaimFinding, citations: Citation[], approved: boolean, p: CategoryPolicy, related: Diagnostic['related']): Finding[] {
  const dates = uniqueDates(citations.flatMap((c) => c.dates));
  const out: Finding[] = [];
  const invalid = dates.filter((d) => d.problem || (d.iso && d.iso > ctx.asOf));
  const valid = dates.filter((d) => d.iso && !d.problem && d.iso <= ctx.asOf);
  for (const d of invalid.slice(0, 1)) {
    const why = d.iso && d.iso > ctx.asOf ? `lies in the future (after ${ctx.asOf})` : d.problem === 'relative' ? 'is relative' : d.problem === 'not-a-date' ? 'is not a date' : d.problem === 'no-year' ? 'has no year and the draft has no date to fix it' : 'cannot be parsed';
    out.push(base(claim, 'invalid-retrieval-date', `Retrieval date "${d.raw}" ${why}; write the day the source was retrieved, e.g. "retrieved ${ctx.asOf}".`, [{ start: d.start, end: d.end, message: 'Retrieval date' }]));
  }
  const required = approved && p.requireRetrievalDate && claim.judgement.current;
  if (!required) return out;
  if (valid.length === 0 && invalid.length === 0) {
    // A citation that already carries an unverified stub gets no second one: it awaits the writer.
    const target = citations.find((c) => c.dateSlot && !carriesStub(ctx.analysis.model.text, c));
    const hosts = [...new Set(citations.map((c) => (c.url ? hostOf(c.url) : c.type)))].join(', ');
    const kind = (POLICY_NAMES[claim.judgement.policy] ?? claim.judgement.category).toLowerCase();
    const f = base(claim, 'missing-retrieval-date', `${name(claim)} cites ${hosts} with no retrieval date; a current-state ${kind} claim needs the date the source was checked, within ${maxAge(ctx, p)} days (e.g. "retrieved ${ctx.asOf}").`, related);
    const fix = target ? retrievalDateStub(ctx.stubs, target) : undefined;
    if (fix) {
      f.fix = fix;
      f.suggestions.push(fix);
    }
    if (claim.unit.kind !== 'front-matter') f.suggestions.push(suppression(ctx, claim, 'missing-retrieval-date'));
    out.push(f);
    return out;
  }
  if (valid.length > 0) {
    const newest = valid.reduce((a, b) => (a.iso! > b.iso! ? a : b));
    const age = daysBetween(newest.iso!, ctx.asOf);
    const limit = maxAge(ctx, p);
    if (age > limit) {
      out.push(base(claim, 'stale-retrieval-date', `Retrieval date ${newest.iso} is ${age} days old; ${POLICY_NAMES[claim.judgement.policy]?.toLowerCase() ?? claim.judgement.category} claims need a source retrieved within ${limit} days. Re-check the source and update the date.`, [{ start: newest.start, end: newest.end, message: 'Retrieval date' }]));
    }
  }
  return out;
}

function uniqueDates(dates: DateMention[]): DateMention[] {
  const seen = new Set<string>();
  return dates.filter((d) => {
    const k = `${d.start}:${d.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Forbidden inferences. */
export function checkInferences(ctx: RuleContext): Finding[] {
  return ctx.analysis.inferences.map((i) => ({
    rule: 'unsupported-inference' as const,
    category: i.match.category,
    start: i.sentence.start,
    end: i.sentence.end,
    message: i.match.message,
    related: [],
    suggestions: [suppressFix(ctx.stubs, i.sentence.start, 'unsupported-inference', i.unit.start, i.unit.kind === 'paragraph' || i.unit.kind === 'heading')],
  }));
}

/** Unverified citation stubs: every TODO-verify outside code. */
export function checkStubs(ctx: RuleContext): Finding[] {
  const { text, code } = ctx.analysis.model;
  const out: Finding[] = [];
  for (let i = text.indexOf(UNVERIFIED); i !== -1; i = text.indexOf(UNVERIFIED, i + UNVERIFIED.length)) {
    if (code.some(([s, e]) => i >= s && i < e) || insideInlineCode(text, i)) continue;
    const pos = ctx.stubs.lines.positionAt(i);
    const lineStart = ctx.stubs.lines.lineStart(pos.line);
    const lineEnd = ctx.stubs.lines.lineEnd(pos.line);
    out.push({ rule: 'citation-stub', start: lineStart, end: lineEnd, message: `Unverified citation stub: open the source, check that it supports the claim and the date, then remove "${UNVERIFIED}".`, related: [{ start: i, end: i + UNVERIFIED.length, message: 'Unverified marker' }], suggestions: [] });
  }
  return out;
}

/** Whether an offset lies between backticks on its line (inline code). */
function insideInlineCode(text: string, at: number): boolean {
  const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
  const ticks = text.slice(lineStart, at).split('`').length - 1;
  return ticks % 2 === 1;
}

/** Whether a citation's definition or the text just after its link holds a TODO-verify marker. */
function carriesStub(text: string, c: Citation): boolean {
  const near = c.related ? text.slice(c.related.start, c.related.end + 80) : text.slice(c.locator.start, (c.dateSlot?.at ?? c.locator.end) + 80);
  return near.includes(UNVERIFIED);
}

// What the rules share: the context they run in, and what a claim's citations amount to (approved
// or not, their retrieval dates), computed once per claim however many rules ask.
import type { Analysis, ClaimFinding } from '../evidence/analysis';
import type { Citation, Resolution } from '../evidence/citations';
import { hostOf, sourceRegistry } from '../evidence/sources';
import type { StubContext } from '../fixes/stubs';
import { suppressFix } from '../fixes/suppress';
import type { DateMention } from '../language/dates';
import type { Category, CategoryPolicy, CitationExplanation, Config, Diagnostic, Explanation, Fix, RuleId, SourceStatus } from '../types';

export type Finding = Omit<Diagnostic, 'severity'>;

export interface RuleContext {
  analysis: Analysis;
  config: Config;
  asOf: string;
  stubs: StubContext;
  /** What fetching the cited URLs found (only when the caller checked them). */
  sourceStatus?: ReadonlyMap<string, SourceStatus>;
  /** False when the caller builds fixes later, on demand (an editor session): rules may leave them out. */
  fixes?: boolean;
}

export const POLICY_NAMES: Record<string, string> = {
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

export function policyOf(config: Config, policy: string, category: Category): CategoryPolicy {
  return config.categories[policy] ?? config.categories[category] ?? { approved: [], requireRetrievalDate: true, maxAgeDays: 365 };
}

/** "membership needs the AI Alliance site (thealliance.ai), retrieved within 365 days" */
export function needs(ctx: RuleContext, claim: ClaimFinding, withDate: boolean): string {
  const { policy, category } = claim.judgement;
  const p = policyOf(ctx.config, policy, category);
  const registry = sourceRegistry(ctx.config);
  const labels = p.approved.map((t) => registry.label(t));
  const what = labels.length ? labels.join(' or ') : 'an approved source (none is configured)';
  const date = withDate && p.requireRetrievalDate && claim.judgement.current ? `, retrieved within ${maxAge(ctx, p)} days` : '';
  return `${(POLICY_NAMES[policy] ?? category).toLowerCase()} claims need ${what}${date}`;
}

export function maxAge(ctx: Pick<RuleContext, 'config'>, p: CategoryPolicy): number {
  const override = ctx.config.rules['stale-retrieval-date']?.options?.maxAgeDays;
  return typeof override === 'number' && override > 0 ? override : p.maxAgeDays;
}

/** A finding on the claim's sentence. */
export function claimFinding(ctx: RuleContext, claim: ClaimFinding, rule: RuleId, message: string, related: Diagnostic['related'] = []): Finding {
  return { rule, category: claim.judgement.category, policy: claim.judgement.policy, start: claim.sentence.start, end: claim.sentence.end, message, related, suggestions: [], explain: explainClaim(ctx, claim) };
}

// What each policy is about, in a writer's words (explanations and the editor's hover).
const POLICY_DESCRIPTIONS: Record<string, string> = {
  founding: 'the Alliance\u2019s founding',
  membership: 'who is a member of the Alliance',
  'governance-licensing': 'the Alliance\u2019s governance or licence policy',
  'governance-licensing/project': 'one project\u2019s licence',
  project: 'an Alliance project',
  safety: 'the Alliance\u2019s safety role',
  'safety/system': 'whether a system is safe',
  'open-source-ai': 'Open Source AI status',
  other: 'the Alliance\u2019s mission',
  'other/press': 'what the press said',
};

export function policyDescription(policy: string): string {
  return POLICY_DESCRIPTIONS[policy] ?? policy;
}

const explanations = new WeakMap<ClaimFinding, Explanation>();

/** Why a claim was judged as it was: its kind, its citations, their types and dates. */
export function explainClaim(ctx: RuleContext, claim: ClaimFinding): Explanation {
  let e = explanations.get(claim);
  if (e) return e;
  const j = claim.judgement;
  const policy = policyOf(ctx.config, j.policy, j.category);
  e = {
    claim: { category: j.category, policy: j.policy, policyLabel: policyDescription(j.policy), time: j.time, trigger: j.trigger, subject: j.subject, hedged: j.hedged, negated: j.negated, approved: [...policy.approved] },
    citations: explainCitations(ctx, claim.resolution, policy),
  };
  explanations.set(claim, e);
  return e;
}

// Claims of one item or row share their resolution, and so the explanation of its citations.
const citationExplanations = new WeakMap<Resolution, { asOf: string; byPolicy: Map<CategoryPolicy, CitationExplanation[]> }>();

function explainCitations(ctx: RuleContext, resolution: Resolution, policy: CategoryPolicy): CitationExplanation[] {
  let shared = citationExplanations.get(resolution);
  if (!shared || shared.asOf !== ctx.asOf) citationExplanations.set(resolution, (shared = { asOf: ctx.asOf, byPolicy: new Map() }));
  let citations = shared.byPolicy.get(policy);
  if (!citations) {
    citations = resolution.citations.map((c) => ({
      kind: c.locator.kind,
      url: c.url,
      type: c.type,
      approved: policy.approved.includes(c.type),
      dates: c.dates.map((d) => ({ raw: d.raw, iso: d.iso, problem: d.problem ?? (d.iso && d.iso > ctx.asOf ? 'future' : undefined) })),
      start: c.locator.start,
      end: c.locator.end,
    }));
    shared.byPolicy.set(policy, citations);
  }
  return citations;
}

/** "Membership claim" */
export function claimName(claim: ClaimFinding): string {
  const n = POLICY_NAMES[claim.judgement.policy] ?? claim.judgement.category;
  return `${n} claim`;
}

/** The approved source types of a claim that have a canonical URL, preferred first. */
export function stubSources(ctx: RuleContext, claim: ClaimFinding): { type: string; url: string }[] {
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

/** The comment suppressing `rule` on the claim's line, as a list of zero or one suggestion. */
export function suppression(ctx: RuleContext, claim: ClaimFinding, rule: RuleId): Fix[] {
  const fix = suppressFix(ctx.stubs, claim.sentence.start, rule, claim.unit.kind);
  return fix ? [fix] : [];
}

/** What a cited claim's citations amount to, for the source-type and retrieval-date rules. */
export interface ClaimEvidence {
  policy: CategoryPolicy;
  /** Citations of an approved type. */
  approved: Citation[];
  /** Where each citation points, for the findings' related locations. */
  related: Diagnostic['related'];
  /** Retrieval dates that are wrong as written (unparseable, impossible, no year, in the future). */
  invalid: DateMention[];
  /** Words in a date's place that are no date at all ("retrieved yesterday", "n/a"). */
  notDates: DateMention[];
  valid: DateMention[];
  /** Whether the claim needs a retrieval date: current-state, approved source, policy asks for it. */
  dateRequired: boolean;
  /** The citations whose dates are judged: the approved ones, or all when none is approved. */
  dated: Citation[];
}

const evidenceCache = new WeakMap<ClaimFinding, ClaimEvidence>();
type SharedEvidence = Omit<ClaimEvidence, 'dateRequired'>;
// Claims of one item or row share their resolution; what it amounts to under a policy is shared
// too, so an item of many cited claims costs linear time.
const sharedEvidence = new WeakMap<Resolution, { asOf: string; byPolicy: Map<CategoryPolicy, SharedEvidence> }>();

/** The evidence of a claim that has at least one citation. */
export function claimEvidence(ctx: RuleContext, claim: ClaimFinding): ClaimEvidence {
  let e = evidenceCache.get(claim);
  if (e) return e;
  const policy = policyOf(ctx.config, claim.judgement.policy, claim.judgement.category);
  let shared = sharedEvidence.get(claim.resolution);
  if (!shared || shared.asOf !== ctx.asOf) {
    shared = { asOf: ctx.asOf, byPolicy: new Map() };
    sharedEvidence.set(claim.resolution, shared);
  }
  let base = shared.byPolicy.get(policy);
  if (!base) {
    base = evidenceUnder(ctx, claim.resolution, policy);
    shared.byPolicy.set(policy, base);
  }
  e = { ...base, dateRequired: base.approved.length > 0 && policy.requireRetrievalDate && claim.judgement.current };
  evidenceCache.set(claim, e);
  return e;
}

function evidenceUnder(ctx: RuleContext, resolution: Resolution, policy: CategoryPolicy): SharedEvidence {
  const { citations } = resolution;
  const approved = citations.filter((c) => policy.approved.includes(c.type));
  const related = citations.flatMap((c) => (c.related ? [c.related] : [{ start: c.locator.start, end: c.locator.end, message: `Cites ${c.url ? hostOf(c.url) : 'a source'} (${c.type})` }]));
  const dated = approved.length > 0 ? approved : citations;
  const dates = uniqueDates(dated.flatMap((c) => c.dates));
  // A relative date or "n/a" is not a wrong date but no date (source discipline §4): the claim is
  // undated, and the missing-retrieval-date finding says why the words do not count.
  const notDates = dates.filter((d) => d.problem === 'relative' || d.problem === 'not-a-date');
  const invalid = dates.filter((d) => !notDates.includes(d) && (d.problem || (d.iso && d.iso > ctx.asOf)));
  const valid = dates.filter((d) => d.iso && !d.problem && d.iso <= ctx.asOf);
  return { policy, approved, related, invalid, notDates, valid, dated };
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

// The claims of a draft, each with what the judgement saw and where it stands: uncited, cited to
// the wrong type, undated, awaiting verification, stale, or fine. Serves `--explain`-style
// reports, the workspace claims view and the evaluation harness.
import { buildDocumentModel, mayHaveFindings, runRules } from './lint';
import { sharedDefaultConfig } from './config/defaults';
import { UNVERIFIED, todayIso } from './language/dates';
import { explainClaim, maxAge, policyOf } from './rules/context';
import type { Config, Explanation, LintOptions, RuleId } from './types';

export type ClaimStatus = 'uncited' | 'wrong-type' | 'undated' | 'invalid-date' | 'unverified' | 'stale' | 'fine';

export interface ClaimRecord {
  start: number;
  end: number;
  /** The claim sentence as written. */
  text: string;
  status: ClaimStatus;
  explain: Explanation;
  /** Rules that fire on it (whatever their configured severity). */
  rules: RuleId[];
}

export interface InferenceRecord {
  start: number;
  end: number;
  text: string;
  explain: Explanation;
}

export interface Ledger {
  claims: ClaimRecord[];
  inferences: InferenceRecord[];
}

// A claim's status is its most pressing problem.
const STATUS_BY_RULE: [RuleId, ClaimStatus][] = [
  ['missing-citation', 'uncited'],
  ['wrong-source-type', 'wrong-type'],
  ['invalid-retrieval-date', 'invalid-date'],
  ['missing-retrieval-date', 'undated'],
  ['stale-retrieval-date', 'stale'],
];

/** Lists a draft's claims and forbidden inferences with their explanations and statuses. */
export function claimLedger(text: string, options: LintOptions = {}): Ledger {
  const config = options.config ?? (sharedDefaultConfig() as Config);
  if (!mayHaveFindings(text, config)) return { claims: [], inferences: [] };
  const asOf = options.asOf ?? todayIso();
  const { analysis, ctx, findings } = runRules(buildDocumentModel(text), config, asOf);
  const rulesAt = new Map<number, Set<RuleId>>();
  for (const f of findings) {
    if (!rulesAt.has(f.start)) rulesAt.set(f.start, new Set());
    rulesAt.get(f.start)!.add(f.rule);
  }
  const claims = analysis.claims.map((claim): ClaimRecord => {
    const rules: RuleId[] = [...(rulesAt.get(claim.sentence.start) ?? [])].filter((r) => r !== 'unsupported-inference' && r !== 'citation-stub');
    const explain = explainClaim(ctx, claim);
    const stub = claim.resolution.citations.some((c) => stubWindow(text, c.related?.start ?? c.locator.start, c.related?.end ?? c.locator.end).includes(UNVERIFIED));
    const status = STATUS_BY_RULE.find(([rule]) => rules.includes(rule))?.[1] ?? (stub ? 'unverified' : 'fine');
    return { start: claim.sentence.start, end: claim.sentence.end, text: text.slice(claim.sentence.start, claim.sentence.end), status, explain, rules };
  });
  const inferences = findings
    .filter((f) => f.rule === 'unsupported-inference')
    .map((f): InferenceRecord => ({ start: f.start, end: f.end, text: text.slice(f.start, f.end), explain: f.explain ?? { citations: [] } }));
  return { claims, inferences };
}

/**
 * A citation and what follows it on its last line (a date stub such as "retrieved 2026-11-25
 * (TODO-verify)" comes after the link), but not the next line: that may be another citation's stub.
 */
function stubWindow(text: string, start: number, end: number): string {
  const lineBreak = text.slice(end, end + 80).search(/[\r\n]/);
  return text.slice(start, lineBreak === -1 ? end + 80 : end + lineBreak);
}

/**
 * The last day on which a claim's newest approved retrieval date is still fresh (its category's
 * maximum age, or the stale-retrieval-date rule's `maxAgeDays`); the day after, the claim is
 * stale. Undefined for a claim that needs no retrieval date or has no valid one.
 */
export function freshUntil(record: ClaimRecord, config: Config = sharedDefaultConfig() as Config): string | undefined {
  const claim = record.explain.claim;
  if (!claim || claim.time !== 'current') return undefined;
  const policy = policyOf(config, claim.policy, claim.category);
  if (!policy.requireRetrievalDate) return undefined;
  // The rule dates approved citations; the explanation marks a date in the future as a problem.
  const dates = record.explain.citations.filter((c) => c.approved).flatMap((c) => c.dates.flatMap((d) => (d.iso && !d.problem ? [d.iso] : [])));
  if (dates.length === 0) return undefined;
  const newest = dates.reduce((a, b) => (a > b ? a : b));
  return addDays(newest, maxAge({ config }, policy));
}

/** `iso` plus `days` calendar days, as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

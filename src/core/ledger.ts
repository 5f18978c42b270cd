// The claims of a draft, each with what the judgement saw and where it stands: uncited, cited to
// the wrong type, undated, awaiting verification, stale, or fine. Serves `--explain`-style
// reports, the workspace claims view and the evaluation harness.
import { buildDocumentModel, mayHaveFindings, runRules } from './lint';
import { sharedDefaultConfig } from './config/defaults';
import { UNVERIFIED, todayIso } from './language/dates';
import { explainClaim } from './rules/context';
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
    const stub = claim.resolution.citations.some((c) => text.slice(c.related?.start ?? c.locator.start, (c.related?.end ?? c.locator.end) + 80).includes(UNVERIFIED));
    const status = STATUS_BY_RULE.find(([rule]) => rules.includes(rule))?.[1] ?? (stub ? 'unverified' : 'fine');
    return { start: claim.sentence.start, end: claim.sentence.end, text: text.slice(claim.sentence.start, claim.sentence.end), status, explain, rules };
  });
  const inferences = findings
    .filter((f) => f.rule === 'unsupported-inference')
    .map((f): InferenceRecord => ({ start: f.start, end: f.end, text: text.slice(f.start, f.end), explain: f.explain ?? { citations: [] } }));
  return { claims, inferences };
}

// The claims ledger of a docs tree as the report prints it: each claim with its position, status,
// category in words, citations and when it goes stale, and the totals. Every format renders this.
import { addDays, CATEGORIES, claimLedger, freshUntil, LineIndex, type Category, type ClaimStatus, type ClaimTime, type Config, type RuleId } from '../../core';

/** A claim's status in the report: the ledger's, plus fine claims that go stale soon. */
export type ReportStatus = ClaimStatus | 'stale-soon';

/** Most pressing first: the order of the summary and the sections. */
export const STATUS_ORDER: readonly ReportStatus[] = ['uncited', 'wrong-type', 'invalid-date', 'undated', 'unverified', 'stale', 'stale-soon', 'fine'];

/** Each status's title and what it means, for the summary and the section headings. */
export function statusWords(status: ReportStatus, staleWithinDays?: number): { title: string; means: string } {
  switch (status) {
    case 'uncited':
      return { title: 'Uncited', means: 'no citation in scope' };
    case 'wrong-type':
      return { title: 'Wrong source type', means: 'cited, but to no source of a type the claim accepts' };
    case 'invalid-date':
      return { title: 'Invalid date', means: 'a retrieval date that is unparseable, impossible or in the future' };
    case 'undated':
      return { title: 'Undated', means: 'an approved source without the retrieval date a current-state claim needs' };
    case 'unverified':
      return { title: 'Unverified stub', means: 'a TODO-verify stub nobody has checked yet' };
    case 'stale':
      return { title: 'Stale', means: 'retrieved longer ago than its category allows' };
    case 'stale-soon':
      return { title: `Stale within ${staleWithinDays ?? 0} days`, means: 'fine today, stale before the period ends' };
    case 'fine':
      return { title: 'Fine', means: 'an approved source, dated where it needs to be' };
  }
}

export interface ReportCitation {
  kind: string;
  url?: string;
  type: string;
  approved: boolean;
  dates: { raw: string; iso?: string; problem?: string }[];
}

export interface ReportClaim {
  /** 1-based, as editors and the lint output count. */
  line: number;
  column: number;
  /** The sentence, whitespace collapsed. */
  text: string;
  status: ReportStatus;
  category: Category;
  policy: string;
  /** The policy in words, e.g. "who is a member of the Alliance". */
  policyLabel: string;
  time: ClaimTime;
  /** Source types the claim accepts. */
  accepts: string[];
  citations: ReportCitation[];
  /** The last day the newest approved retrieval date is fresh; the next day the claim is stale. */
  freshUntil?: string;
  /** Rules that fire on the claim, whatever their severities. */
  rules: RuleId[];
}

export interface ReportInference {
  line: number;
  column: number;
  text: string;
  kind: string;
}

export interface ReportFile {
  path: string;
  claims: ReportClaim[];
  inferences: ReportInference[];
}

export interface CategoryTotals {
  total: number;
  byStatus: Record<ReportStatus, number>;
}

export interface ReportData {
  version: string;
  asOf: string;
  staleWithinDays?: number;
  /** What the run was asked to read, as given ("." without paths). */
  scope: string;
  files: ReportFile[];
  totals: { claims: number; drafts: number; inferences: number; byStatus: Record<ReportStatus, number>; byCategory: Partial<Record<Category, CategoryTotals>> };
}

/** The ledger of one draft. */
export function fileLedger(path: string, text: string, config: Config, asOf: string, staleWithinDays: number | undefined): ReportFile {
  const ledger = claimLedger(text, { config, asOf });
  const lines = new LineIndex(text);
  const horizon = staleWithinDays === undefined ? undefined : addDays(asOf, staleWithinDays);
  const claims = ledger.claims.flatMap((record): ReportClaim[] => {
    const claim = record.explain.claim;
    if (!claim) return [];
    const at = lines.positionAt(record.start);
    const fresh = freshUntil(record, config);
    // Stale on the day after `fresh`: within the period when that day is no later than its end.
    const soon = record.status === 'fine' && fresh !== undefined && horizon !== undefined && addDays(fresh, 1) <= horizon;
    return [
      {
        line: at.line + 1,
        column: at.character + 1,
        text: collapse(record.text),
        status: soon ? 'stale-soon' : record.status,
        category: claim.category,
        policy: claim.policy,
        policyLabel: claim.policyLabel,
        time: claim.time,
        accepts: claim.approved,
        citations: record.explain.citations.map((c) => ({ kind: c.kind, url: c.url, type: c.type, approved: c.approved, dates: c.dates })),
        freshUntil: fresh,
        rules: record.rules,
      },
    ];
  });
  const inferences = ledger.inferences.map((i): ReportInference => {
    const at = lines.positionAt(i.start);
    return { line: at.line + 1, column: at.character + 1, text: collapse(i.text), kind: i.explain.inference?.kind ?? 'inference' };
  });
  return { path, claims, inferences };
}

/** Adds the totals per status and per category. */
export function withTotals(files: ReportFile[], fields: Omit<ReportData, 'files' | 'totals'>): ReportData {
  const zero = (): Record<ReportStatus, number> => Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<ReportStatus, number>;
  const byStatus = zero();
  const byCategory: Partial<Record<Category, CategoryTotals>> = {};
  for (const category of CATEGORIES) {
    const claims = files.flatMap((f) => f.claims.filter((c) => c.category === category));
    if (claims.length === 0) continue;
    const totals: CategoryTotals = { total: claims.length, byStatus: zero() };
    for (const c of claims) totals.byStatus[c.status]++;
    byCategory[category] = totals;
  }
  for (const c of files.flatMap((f) => f.claims)) byStatus[c.status]++;
  const claims = files.reduce((n, f) => n + f.claims.length, 0);
  const inferences = files.reduce((n, f) => n + f.inferences.length, 0);
  return { ...fields, files, totals: { claims, drafts: files.length, inferences, byStatus, byCategory } };
}

/** The claims of one status, by file in run order. */
export function claimsByFile(data: ReportData, status: ReportStatus): { path: string; claims: ReportClaim[] }[] {
  return data.files.map((f) => ({ path: f.path, claims: f.claims.filter((c) => c.status === status) })).filter((g) => g.claims.length > 0);
}

/** "2026-10-02", or the words written when a date does not count. */
export function dateWords(d: ReportCitation['dates'][number]): string {
  return d.problem ? `"${d.raw}" (${d.problem === 'future' ? 'in the future' : d.problem.replace(/-/g, ' ')})` : d.iso!;
}

/** "fresh until 2027-10-02" or "stale since 2026-10-03". */
export function freshnessWords(claim: ReportClaim, asOf: string): string | undefined {
  if (claim.freshUntil === undefined) return undefined;
  return claim.freshUntil >= asOf ? `fresh until ${claim.freshUntil}` : `stale since ${addDays(claim.freshUntil, 1)}`;
}

const TIME_WORDS: Record<ClaimTime, string> = { current: 'present state', historical: 'past event', timeless: 'what something is or does' };

export function timeWords(time: ClaimTime): string {
  return TIME_WORDS[time];
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

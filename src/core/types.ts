// Shared data types of the core. Offsets are UTF-16 code-unit offsets into the exact input text.

export type Severity = 'error' | 'warning' | 'info';
export type RuleSeverity = Severity | 'off';

export const CATEGORIES = [
  'founding',
  'membership',
  'governance-licensing',
  'project',
  'safety',
  'open-source-ai',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * A policy key names which source types a claim needs. It is a category, or a category with a
 * narrower scope: `governance-licensing/project` (one project's licence), `safety/system`
 * (a system is safe), `other/press` (what the press said).
 */
export type PolicyKey = string;

export const RULE_IDS = [
  'missing-citation',
  'wrong-source-type',
  'missing-retrieval-date',
  'invalid-retrieval-date',
  'stale-retrieval-date',
  'unsupported-inference',
  'citation-stub',
  'unreachable-source',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}

/** A replacement of `[start, end)` by `text`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a fix does, so an editor can group, order or filter its actions without reading titles:
 * a citation stub, a retrieval-date stub (both marked TODO-verify), marking a source as verified
 * (removes the marker, writes the retrieval date), or a suppression comment.
 */
export type FixKind = 'citation-stub' | 'date-stub' | 'mark-verified' | 'suppress';

/** A set of edits applied together. `placeholder` marks where the writer should look first. */
export interface Fix {
  title: string;
  kind?: FixKind;
  edits: TextEdit[];
  /** Where the writer should look first after applying (offsets in the text after the fix). */
  placeholder?: { start: number; end: number };
}

export interface RelatedLocation {
  start: number;
  end: number;
  message: string;
}

/**
 * A claim's kind of time: `current` (the present state: needs a retrieval date where its policy
 * asks), `historical` (a dated past event), `timeless` (what a tool or definition is or does).
 */
export type ClaimTime = 'current' | 'historical' | 'timeless';

/** Why a sentence is a claim, and of which kind. */
export interface ClaimExplanation {
  category: Category;
  /** The policy key that chose the approved source types (e.g. `safety/system`). */
  policy: PolicyKey;
  /** The policy in words, e.g. "a system's safety". */
  policyLabel: string;
  time: ClaimTime;
  /** The words that made the sentence a claim of its category. */
  trigger?: string;
  /** What the sentence is about: the Alliance, a project, a member… */
  subject?: string;
  hedged: boolean;
  negated: boolean;
  /** Source types the policy accepts. */
  approved: string[];
}

/** A citation in a claim's scope, as the judgement saw it. */
export interface CitationExplanation {
  /** How it is written: inline link, footnote, reference link, `[@key]`… */
  kind: string;
  url?: string;
  /** Source type of the URL (or of the wording, for a footnote without one). */
  type: string;
  approved: boolean;
  /** Retrieval dates found for it; `problem` says why a date does not count. */
  dates: { raw: string; iso?: string; problem?: string }[];
  start: number;
  end: number;
}

/** What a forbidden inference was made of. */
export interface InferenceExplanation {
  kind: string;
  /** The words naming the affiliation, the quality and what links them. */
  affiliation?: string;
  quality?: string;
  link?: string;
}

/** Why a finding was reported (`--explain`, the JSON field, the editor's hover). */
export interface Explanation {
  claim?: ClaimExplanation;
  citations: CitationExplanation[];
  inference?: InferenceExplanation;
}

export interface Diagnostic {
  rule: RuleId;
  severity: Severity;
  category?: Category;
  /** Policy key the claim was judged under (e.g. `safety/system`). */
  policy?: PolicyKey;
  /** The claim sentence (or the offending span for inferences and stubs). */
  start: number;
  end: number;
  message: string;
  related: RelatedLocation[];
  /** A safe fix, used by fix-all, `--fix` and fix-on-save. */
  fix?: Fix;
  /** Editor-only alternatives (e.g. choose which approved source to cite); never applied by fix-all. */
  suggestions: Fix[];
  /** Why the finding was reported. */
  explain?: Explanation;
}

export interface SourcePattern {
  /** Source type this pattern assigns. */
  type: string;
  /** Host, exact or with a leading `*.` wildcard (matches the host and its subdomains). `www.` is ignored. */
  host: string;
  /** Optional path glob (`*` within a segment, `**` across segments), matched case-insensitively. */
  path?: string;
}

export interface SourceTypeInfo {
  /** Human label used in messages, e.g. "the AI Alliance site". */
  label: string;
  /** Canonical URLs offered by citation stubs, keyed by policy key or `default`. */
  canonical?: Record<string, string>;
}

export interface CategoryPolicy {
  /** Source types that satisfy a claim of this policy. */
  approved: string[];
  /** Whether current-state claims of this policy need a retrieval date. */
  requireRetrievalDate: boolean;
  /** Maximum age of a retrieval date in days before `stale-retrieval-date` fires. */
  maxAgeDays: number;
}

export interface RuleSetting {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}

/** Words and phrases the claim detector uses; each entry is a literal phrase (case-insensitive). */
export interface Lexicon {
  /** Names and aliases of the AI Alliance. */
  subjects: string[];
  /** Names of other organisations that are not the AI Alliance (look-alikes). */
  lookalikes: string[];
  /** Category → trigger phrases. */
  categories: Record<string, string[]>;
  hedges: string[];
  /** Known Alliance projects, e.g. "Tapestry". */
  projects: string[];
}

export interface Config {
  rules: Record<RuleId, RuleSetting>;
  sources: {
    types: Record<string, SourceTypeInfo>;
    /** Checked in order; the first match wins. */
    patterns: SourcePattern[];
    /** Type of a link without a host (`LICENSE`, `../docs/x.md`): a file of the draft's own repository. */
    relative: string;
    /** Type of a site-template link (`{{site.baseurl}}/about`): a page of the site that renders the draft. */
    template: string;
  };
  categories: Record<PolicyKey, CategoryPolicy>;
  lexicon: Lexicon;
  /** Glob patterns of files the caller should not lint (used by the CLI and workspace lint). */
  ignore: string[];
}

export interface LintOptions {
  config?: Config;
  /** ISO date (YYYY-MM-DD) against which retrieval dates are judged and stubs dated. Default: today (UTC). */
  asOf?: string;
  /**
   * What fetching the cited URLs found, by URL as cited (`alliance-cite check-sources`). The core
   * never fetches; without this, `unreachable-source` has nothing to report.
   */
  sourceStatus?: ReadonlyMap<string, SourceStatus>;
}

/** What fetching a cited URL found. */
export interface SourceStatus {
  /** The URL answered with a success (2xx), after following its redirects. */
  ok: boolean;
  /** Why it did not, in words: "HTTP 404 Not Found", "timed out after 10 s", "host not found (DNS)". */
  problem?: string;
  /** The failure may pass on its own (a timeout, a reset connection, a 5xx answer). */
  transient?: boolean;
  /** Where its redirects ended, when it redirected. */
  finalUrl?: string;
}

export interface LintResult {
  diagnostics: Diagnostic[];
  /** Problems with the draft itself (e.g. invalid front matter YAML), reported as info to the caller. */
  notes: RelatedLocation[];
}

/** Line/column position, both 0-based, column in UTF-16 code units. */
export interface Position {
  line: number;
  character: number;
}

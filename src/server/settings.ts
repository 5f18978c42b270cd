// The `alliance-cite` settings section as the server reads it (VS Code's `contributes.configuration`,
// or what another editor passes), checked and clamped: a bad value falls back to its default.
import { RULE_IDS, type RuleId, type RuleSeverity } from '../core';

export const SECTION = 'alliance-cite';

export type RunMode = 'onType' | 'onSave';

/** How findings recorded in the baseline are shown: as hints, not at all, or like any other. */
export type BaselineMode = 'hint' | 'hide' | 'show';

export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Milliseconds to wait after the last keystroke before linting. */
  debounceMs: number;
  /** Severity overrides per rule, applied over the config file. */
  rules: Partial<Record<RuleId, RuleSeverity>>;
  /** Explicit config file (absolute, or relative to the workspace folder); empty = search upwards. */
  configPath: string;
  /** ISO date to judge retrieval dates against; undefined = today. */
  asOf: string | undefined;
  maxRetrievalAgeDays: number | undefined;
  /** Language ids linted besides `markdown`. */
  languages: string[];
  /** File extensions linted whatever their language id (e.g. `.mdx`, `.qmd`), lower case with the dot. */
  fileExtensions: string[];
  /** Drafts larger than this (in characters) are linted on open and save only. */
  onTypeMaxChars: number;
  /** A lint slower than this (in milliseconds) while typing moves its draft to on-save linting. */
  onTypeMaxMillis: number;
  /** Most findings sent for one draft (those in view and errors first); editors show only so many. */
  maxProblems: number;
  baseline: BaselineMode;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the settings section (any shape; unknown or invalid values take their defaults). */
export function parseSettings(section: unknown): Settings {
  const c = isRecord(section) ? section : {};
  const asOf = typeof c.asOf === 'string' ? c.asOf.trim() : '';
  const maxAge = c.maxRetrievalAgeDays;
  return {
    enable: typeof c.enable === 'boolean' ? c.enable : true,
    run: c.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: clampNumber(c.debounceMs, 0, 10_000, 300),
    rules: ruleOverrides(c.rules),
    configPath: typeof c.configPath === 'string' ? c.configPath.trim() : '',
    asOf: ISO_DATE.test(asOf) ? asOf : undefined,
    maxRetrievalAgeDays: typeof maxAge === 'number' && Number.isFinite(maxAge) && maxAge >= 1 ? Math.floor(maxAge) : undefined,
    languages: stringList(c.languages),
    fileExtensions: stringList(c.fileExtensions).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()),
    onTypeMaxChars: clampNumber(c.onTypeMaxChars, 1_000, 1e9, 2_000_000),
    onTypeMaxMillis: clampNumber(c.onTypeMaxMillis, 50, 60_000, 1_500),
    maxProblems: Math.floor(clampNumber(c.maxProblems, 1, 100_000, 1_000)),
    baseline: c.baseline === 'hide' || c.baseline === 'show' ? c.baseline : 'hint',
  };
}

/** Returns what the writer should hear about the settings (values that are ignored). */
export function settingsProblems(section: unknown): string[] {
  const c = isRecord(section) ? section : {};
  const problems: string[] = [];
  const asOf = typeof c.asOf === 'string' ? c.asOf.trim() : '';
  if (asOf && !ISO_DATE.test(asOf)) problems.push(`alliance-cite.asOf "${asOf}" is not a YYYY-MM-DD date; using today.`);
  if (c.baseline !== undefined && c.baseline !== 'hint' && c.baseline !== 'hide' && c.baseline !== 'show') {
    problems.push(`alliance-cite.baseline ${JSON.stringify(c.baseline)} is not one of hint, hide, show; using hint.`);
  }
  for (const [rule, severity] of Object.entries(isRecord(c.rules) ? c.rules : {})) {
    if (!(RULE_IDS as readonly string[]).includes(rule)) problems.push(`alliance-cite.rules: unknown rule "${rule}"; known rules: ${RULE_IDS.join(', ')}.`);
    else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      problems.push(`alliance-cite.rules.${rule}: severity must be one of ${SEVERITIES.join(', ')}.`);
    }
  }
  return problems;
}

/** What the server knows of a document to decide whether it is a draft. */
export interface DocumentIdentity {
  uri: string;
  languageId: string;
}

/** Schemes of editor-internal text (output panels, commit message boxes) that are never drafts. */
const INTERNAL_SCHEMES = new Set(['output', 'vscode-scm', 'debug', 'vscode-terminal']);

/** Whether a document is a draft linted under the given settings. */
export function isDraft(document: DocumentIdentity, settings: Settings): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(document.uri)?.[1]?.toLowerCase() ?? '';
  if (INTERNAL_SCHEMES.has(scheme)) return false;
  if (document.languageId === 'markdown' || settings.languages.includes(document.languageId)) return true;
  const path = uriPath(document.uri).toLowerCase();
  return settings.fileExtensions.some((ext) => path.endsWith(ext));
}

/** The path of a URI, without query or fragment, percent-decoded. */
export function uriPath(uri: string): string {
  const match = /^[a-z][a-z0-9+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(uri);
  const raw = match ? match[1] : uri;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function ruleOverrides(value: unknown): Partial<Record<RuleId, RuleSeverity>> {
  const out: Partial<Record<RuleId, RuleSeverity>> = {};
  for (const [rule, severity] of Object.entries(isRecord(value) ? value : {})) {
    if ((RULE_IDS as readonly string[]).includes(rule) && typeof severity === 'string' && SEVERITIES.includes(severity)) {
      out[rule as RuleId] = severity as RuleSeverity;
    }
  }
  return out;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim()) : [];
}

function clampNumber(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

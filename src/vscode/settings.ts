// Reads the extension's settings (contributes.configuration in package.json) for one document.
import * as vscode from 'vscode';
import { RULE_IDS, type RuleId, type RuleSeverity } from '../core';

export const SECTION = 'alliance-cite';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  /** Milliseconds to wait after the last keystroke before linting. */
  debounceMs: number;
  /** Severity overrides per rule, applied over the config file. */
  rules: Partial<Record<RuleId, RuleSeverity>>;
  /** Explicit config file (absolute, or relative to the workspace folder); empty = search upwards. */
  configPath: string;
  /** ISO date to judge retrieval dates against; empty = today. */
  asOf: string | undefined;
  maxRetrievalAgeDays: number | undefined;
  /** Language ids linted besides `markdown`. */
  languages: string[];
  /** File extensions linted whatever their language id (e.g. `.mdx`, `.qmd`). */
  fileExtensions: string[];
  /** Drafts larger than this (in characters) are linted on save only. */
  onTypeMaxChars: number;
  /** A lint slower than this (in milliseconds) moves its draft to on-save linting. */
  onTypeMaxMillis: number;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'off'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Returns the effective settings for a document (resource-scoped settings may differ per folder). */
export function readSettings(scope?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const asOf = c.get<string>('asOf', '').trim();
  const maxAge = c.get<number | null>('maxRetrievalAgeDays', null);
  return {
    enable: c.get<boolean>('enable', true),
    run: c.get<string>('run', 'onType') === 'onSave' ? 'onSave' : 'onType',
    debounceMs: clampNumber(c.get<number>('debounceMs', 300), 0, 10_000, 300),
    rules: ruleOverrides(c.get<Record<string, unknown>>('rules', {})),
    configPath: c.get<string>('configPath', '').trim(),
    asOf: ISO_DATE.test(asOf) ? asOf : undefined,
    maxRetrievalAgeDays: typeof maxAge === 'number' && maxAge >= 1 ? Math.floor(maxAge) : undefined,
    languages: stringList(c.get<unknown>('languages', [])),
    fileExtensions: stringList(c.get<unknown>('fileExtensions', [])).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase()),
    onTypeMaxChars: clampNumber(c.get<number>('onTypeMaxChars', 2_000_000), 1_000, 1e9, 2_000_000),
    onTypeMaxMillis: clampNumber(c.get<number>('onTypeMaxMillis', 1_500), 50, 60_000, 1_500),
  };
}

/** Returns problems with the settings that the writer should hear about (ignored values). */
export function settingsProblems(scope?: vscode.Uri): string[] {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const problems: string[] = [];
  const asOf = c.get<string>('asOf', '').trim();
  if (asOf && !ISO_DATE.test(asOf)) problems.push(`alliance-cite.asOf "${asOf}" is not a YYYY-MM-DD date; using today.`);
  for (const [rule, severity] of Object.entries(c.get<Record<string, unknown>>('rules', {}) ?? {})) {
    if (!(RULE_IDS as readonly string[]).includes(rule)) problems.push(`alliance-cite.rules: unknown rule "${rule}"; known rules: ${RULE_IDS.join(', ')}.`);
    else if (typeof severity !== 'string' || !SEVERITIES.includes(severity)) {
      problems.push(`alliance-cite.rules.${rule}: severity must be one of ${SEVERITIES.join(', ')}.`);
    }
  }
  return problems;
}

/** Whether a document is a draft the extension lints under the given settings. */
export function isDraft(document: vscode.TextDocument, settings: Settings): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return false;
  if (document.languageId === 'markdown' || settings.languages.includes(document.languageId)) return true;
  const path = document.uri.path.toLowerCase();
  return settings.fileExtensions.some((ext) => path.endsWith(ext));
}

function ruleOverrides(value: Record<string, unknown> | undefined): Partial<Record<RuleId, RuleSeverity>> {
  const out: Partial<Record<RuleId, RuleSeverity>> = {};
  for (const [rule, severity] of Object.entries(value ?? {})) {
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

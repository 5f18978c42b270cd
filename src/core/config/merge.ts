// Combines the shipped defaults with the partial configurations of config files and overrides.
import { defaultConfig } from './defaults';
import type { Config, Lexicon, RuleId, RuleSeverity } from '../types';
import type { ConfigOverlay, LexiconOverlay } from './types';

/**
 * Returns `base` with `overlay` on top: a rule's severity and options replace the base's (the
 * string form keeps the base's options); source types and category policies merge per key, with
 * lists such as `approved` replaced; lexicon lists and `ignore` append without duplicates; source
 * patterns go first, so they are checked before the base's.
 */
export function mergeConfig(base: Config, overlay: ConfigOverlay): Config {
  const next = structuredClone(base);
  for (const [id, setting] of Object.entries(overlay.rules ?? {})) {
    const current = next.rules[id as RuleId];
    if (!current || !setting) continue;
    if (setting.severity !== undefined) current.severity = setting.severity;
    if (setting.options !== undefined) current.options = structuredClone(setting.options);
  }
  for (const [name, info] of Object.entries(overlay.sources?.types ?? {})) {
    const current = next.sources.types[name];
    next.sources.types[name] = {
      label: info.label ?? current?.label ?? name,
      ...(current?.canonical || info.canonical ? { canonical: { ...current?.canonical, ...info.canonical } } : {}),
    };
  }
  if (overlay.sources?.patterns) next.sources.patterns = [...structuredClone(overlay.sources.patterns), ...next.sources.patterns];
  if (overlay.sources?.relative) next.sources.relative = overlay.sources.relative;
  if (overlay.sources?.template) next.sources.template = overlay.sources.template;
  for (const [key, policy] of Object.entries(overlay.categories ?? {})) {
    const current = next.categories[key];
    if (!current) continue;
    next.categories[key] = {
      approved: policy.approved ? [...policy.approved] : current.approved,
      requireRetrievalDate: policy.requireRetrievalDate ?? current.requireRetrievalDate,
      maxAgeDays: policy.maxAgeDays ?? current.maxAgeDays,
    };
  }
  if (overlay.lexicon) next.lexicon = mergeLexicon(next.lexicon, overlay.lexicon);
  if (overlay.ignore) next.ignore = appendUnique(next.ignore, overlay.ignore, false);
  return next;
}

function mergeLexicon(base: Lexicon, add: LexiconOverlay): Lexicon {
  const categories = { ...base.categories };
  for (const [category, phrases] of Object.entries(add.categories ?? {})) {
    categories[category] = appendUnique(categories[category] ?? [], phrases, true);
  }
  return {
    subjects: appendUnique(base.subjects, add.subjects ?? [], true),
    lookalikes: appendUnique(base.lookalikes, add.lookalikes ?? [], true),
    projects: appendUnique(base.projects, add.projects ?? [], true),
    hedges: appendUnique(base.hedges, add.hedges ?? [], true),
    categories,
  };
}

/** Appends entries not already present; phrases compare case-insensitively, as they are matched. */
function appendUnique(list: readonly string[], extra: readonly string[], ignoreCase: boolean): string[] {
  const norm = (s: string) => (ignoreCase ? s.trim().toLowerCase() : s);
  const seen = new Set(list.map(norm));
  const out = [...list];
  for (const entry of extra) {
    if (seen.has(norm(entry))) continue;
    seen.add(norm(entry));
    out.push(entry);
  }
  return out;
}

/** Merges config files onto the shipped defaults, farthest (or base) first, nearest last. */
export function resolveConfig(overlays: readonly ConfigOverlay[]): Config {
  return overlays.reduce(mergeConfig, defaultConfig());
}

export interface ConfigOverrides {
  rules?: Partial<Record<RuleId, RuleSeverity>>;
  /** Maximum age of retrieval dates for every policy. */
  maxAgeDays?: number;
}

/** Applies command-line flags or editor settings on top of a resolved config. */
export function applyOverrides(config: Config, overrides: ConfigOverrides): Config {
  const next = structuredClone(config);
  for (const [id, severity] of Object.entries(overrides.rules ?? {})) {
    if (severity !== undefined && next.rules[id as RuleId]) next.rules[id as RuleId].severity = severity;
  }
  if (overrides.maxAgeDays !== undefined) {
    for (const policy of Object.values(next.categories)) policy.maxAgeDays = overrides.maxAgeDays;
  }
  return next;
}

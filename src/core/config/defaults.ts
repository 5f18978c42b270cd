import { parse } from 'yaml';
import { categoriesYaml, lexiconYaml, sourcesYaml } from '../data/embedded';
import { RULES } from '../rules';
import type { CategoryPolicy, Config, Lexicon, RuleId, RuleSetting } from '../types';

let cached: Config | undefined;

/** Returns the shipped configuration (a fresh deep copy, safe to modify). */
export function defaultConfig(): Config {
  cached ??= buildDefaults();
  return structuredClone(cached);
}

/** The shipped configuration itself, shared and never modified: what `lint` uses when given none. */
export function sharedDefaultConfig(): Readonly<Config> {
  cached ??= buildDefaults();
  return cached;
}

function buildDefaults(): Config {
  const sources = parse(sourcesYaml) as Config['sources'];
  const categories = parse(categoriesYaml) as Record<string, CategoryPolicy>;
  const lexicon = parse(lexiconYaml) as Lexicon;
  const rules = Object.fromEntries(
    RULES.map((r) => [r.id, { severity: r.defaultSeverity, options: {} } satisfies RuleSetting]),
  ) as Record<RuleId, RuleSetting>;
  return { rules, sources, categories, lexicon, ignore: [] };
}

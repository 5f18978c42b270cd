// Finds the effective config of each draft, applying command-line overrides on top.
import * as path from 'node:path';
import { defaultConfig, type Config, type RuleId, type RuleSeverity } from '../core';

export interface ResolvedConfig {
  config: Config;
  /** Config files that contributed, nearest first; empty when only the defaults apply. */
  files: string[];
  /** Folder that the config's `ignore` globs are relative to. */
  baseDir: string;
}

export interface ConfigProblem {
  /** `file:line:col: problem`, ready to print. */
  message: string;
}

export interface ConfigResolverOptions {
  cwd: string;
  configPath?: string;
  ruleOverrides: ReadonlyArray<{ rule: RuleId; severity: RuleSeverity }>;
}

/** Caches configs per folder: every draft in one folder shares the same config. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, ResolvedConfig | ConfigProblem>();

  constructor(private readonly options: ConfigResolverOptions) {}

  /** Returns the config of a draft, or the problem that prevents loading it. */
  resolve(file: string): ResolvedConfig | ConfigProblem {
    const folder = path.dirname(path.resolve(this.options.cwd, file));
    let resolved = this.byFolder.get(folder);
    if (resolved === undefined) {
      resolved = this.load(file);
      this.byFolder.set(folder, resolved);
    }
    return resolved;
  }

  private load(_file: string): ResolvedConfig | ConfigProblem {
    const config = defaultConfig();
    for (const { rule, severity } of this.options.ruleOverrides) config.rules[rule].severity = severity;
    return { config, files: [], baseDir: this.options.cwd };
  }
}

export function isConfigProblem(value: ResolvedConfig | ConfigProblem): value is ConfigProblem {
  return 'message' in value;
}

/** The commented starter config written by `alliance-cite init`. */
export function starterConfig(): string {
  return [
    '# alliance-cite configuration. Nearer files override farther ones; `extends` merges.',
    'rules:',
    '  missing-citation: error',
    '  missing-retrieval-date: warning',
    'ignore: []',
    '',
  ].join('\n');
}

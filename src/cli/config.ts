// Finds the effective config of each draft, applying command-line overrides on top.
import * as path from 'node:path';
import { applyOverrides } from '../core/config';
import type { Config, RuleId, RuleSeverity } from '../core';
import { ConfigError, loadConfigForFile } from '../node/config';

export interface ResolvedConfig {
  config: Config;
  /** Config files that contributed, in merge order (nearest last); empty when only the defaults apply. */
  files: string[];
  /** Things the user should know about the config (printed once as notes). */
  notes: string[];
  /** Folder that the config's `ignore` globs are relative to. */
  baseDir: string;
  /** Absolute path of the baseline file the config names, if any. */
  baseline?: string;
}

export interface ConfigProblem {
  /** `file:line:col: problem`, ready to print. */
  message: string;
}

export interface ConfigResolverOptions {
  cwd: string;
  configPath?: string;
  ruleOverrides: ReadonlyArray<{ rule: RuleId; severity: RuleSeverity }>;
  /**
   * Report this rule alone (`check-sources`): every other rule is turned off, and this one is
   * turned on at `warning` when neither the config nor `--rule` gives it a severity.
   */
  onlyRule?: RuleId;
}

/** Caches configs per folder: every draft in one folder shares the same config. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, ResolvedConfig | ConfigProblem>();
  /** Folders governed by the same config files share one Config object, so the core's per-config caches hit. */
  private readonly bySources = new Map<string, ResolvedConfig>();

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

  private load(file: string): ResolvedConfig | ConfigProblem {
    const configPath = this.options.configPath === undefined ? undefined : path.resolve(this.options.cwd, this.options.configPath);
    try {
      const loaded = loadConfigForFile(file, { configPath });
      const rules = Object.fromEntries(this.options.ruleOverrides.map((o) => [o.rule, o.severity]));
      const key = JSON.stringify([loaded.files, loaded.baseDir]);
      const shared = this.bySources.get(key);
      if (shared) return shared;
      let config = this.options.ruleOverrides.length > 0 ? applyOverrides(loaded.config, { rules }) : loaded.config;
      const only = this.options.onlyRule;
      if (only !== undefined) {
        const others = Object.fromEntries(Object.keys(config.rules).filter((id) => id !== only).map((id) => [id, 'off' as const]));
        const own = config.rules[only].severity === 'off' && rules[only] === undefined ? 'warning' : config.rules[only].severity;
        config = applyOverrides(config, { rules: { ...others, [only]: own } });
      }
      const resolved = { config, files: loaded.files, baseDir: loaded.baseDir, notes: loaded.notes, baseline: loaded.baseline };
      this.bySources.set(key, resolved);
      return resolved;
    } catch (error) {
      if (error instanceof ConfigError) return { message: this.relativeMessage(error) };
      throw error;
    }
  }

  /** Prints the config file's path relative to the working folder, as the draft paths are. */
  private relativeMessage(error: ConfigError): string {
    const relative = path.relative(this.options.cwd, error.file);
    const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : error.file;
    return error.message.startsWith(error.file) ? shown + error.message.slice(error.file.length) : error.message;
  }
}

export function isConfigProblem(value: ResolvedConfig | ConfigProblem): value is ConfigProblem {
  return 'message' in value;
}

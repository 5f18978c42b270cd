// Finds the configuration a draft is linted with: the same config files the CLI reads, then the
// editor settings on top.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultConfig, type Config } from '../core';
import type { Settings } from './settings';

export interface ResolvedConfig {
  config: Config;
  /** Config files that contributed, nearest last. */
  files: string[];
}

/** A config file that could not be used, with the position of the problem (1-based, as printed). */
export interface ConfigProblem {
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type ConfigOutcome = { ok: true; value: ResolvedConfig } | { ok: false; problem: ConfigProblem };

/** Resolves the config for a draft; never throws. */
export function resolveConfig(uri: vscode.Uri, settings: Settings): ConfigOutcome {
  try {
    const explicit = explicitConfigPath(uri, settings);
    const config = defaultConfig();
    for (const [rule, severity] of Object.entries(settings.rules)) {
      config.rules[rule as keyof Config['rules']].severity = severity;
    }
    if (settings.maxRetrievalAgeDays !== undefined) {
      for (const policy of Object.values(config.categories)) policy.maxAgeDays = settings.maxRetrievalAgeDays;
    }
    return { ok: true, value: { config, files: explicit ? [explicit] : [] } };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/** Forgets cached config files so the next lint reads them again. */
export function clearResolvedConfigs(): void {
  // Nothing cached yet beyond the shipped defaults.
}

/** Returns the absolute path of the `configPath` setting for a draft, if set. */
export function explicitConfigPath(uri: vscode.Uri, settings: Settings): string | undefined {
  if (!settings.configPath) return undefined;
  if (path.isAbsolute(settings.configPath)) return settings.configPath;
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  const base = folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
  return path.resolve(base, settings.configPath);
}

function toProblem(error: unknown): ConfigProblem {
  if (error instanceof Error) {
    const located = error as Error & { file?: unknown; line?: unknown; column?: unknown };
    return {
      message: error.message,
      file: typeof located.file === 'string' ? located.file : undefined,
      line: typeof located.line === 'number' ? located.line : undefined,
      column: typeof located.column === 'number' ? located.column : undefined,
    };
  }
  return { message: String(error) };
}

/** Text of a new config file created by the "open config" command. */
export function starterConfigText(): string {
  return '# alliance-cite configuration.\nrules: {}\n';
}

// Finds the configuration a draft is linted with: the same config files the CLI reads (through
// src/node/config), then the editor settings on top.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Config } from '../core';
import { applyOverrides, starterConfigText as coreStarterConfigText } from '../core/config';
import { clearConfigCache, ConfigError, loadConfigForFile } from '../node/config';
import type { Settings } from './settings';

export interface ResolvedConfig {
  config: Config;
  /** Config files that contributed, nearest last. */
  files: string[];
  /** Things the writer should know about the config (e.g. what an untrusted workspace may not set). */
  notes: string[];
  /** Folder that the config's `ignore` globs are relative to. */
  baseDir: string;
}

/** A problem at a position of a config file (1-based line and column, as printed). */
export interface LocatedProblem {
  message: string;
  file: string;
  line: number;
  column: number;
}

/** A config that could not be used: its first problem's message, and every located problem. */
export interface ConfigProblem {
  message: string;
  file?: string;
  located: LocatedProblem[];
}

export type ConfigOutcome = { ok: true; value: ResolvedConfig } | { ok: false; problem: ConfigProblem };

/** Resolves the config for a draft; never throws. */
export function resolveConfig(uri: vscode.Uri, settings: Settings): ConfigOutcome {
  try {
    const loaded = loadConfigForFile(draftPath(uri), {
      configPath: explicitConfigPath(uri, settings),
      trusted: vscode.workspace.isTrusted,
    });
    const config = applyOverrides(loaded.config, { rules: settings.rules, maxAgeDays: settings.maxRetrievalAgeDays });
    return { ok: true, value: { config, files: loaded.files, notes: loaded.notes, baseDir: loaded.baseDir } };
  } catch (error) {
    return { ok: false, problem: toProblem(error) };
  }
}

/** Forgets parsed config files so the next lint reads them again. */
export function clearResolvedConfigs(): void {
  clearConfigCache();
}

/** Returns the absolute path of the `configPath` setting for a draft, if set. */
export function explicitConfigPath(uri: vscode.Uri, settings: Settings): string | undefined {
  if (!settings.configPath) return undefined;
  if (path.isAbsolute(settings.configPath)) return settings.configPath;
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  const base = folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.dirname(uri.fsPath);
  return path.resolve(base, settings.configPath);
}

/** Text of a new config file created by the "open config" command. */
export function starterConfigText(): string {
  return coreStarterConfigText();
}

/** The path config files are searched from: the draft's own, or the workspace folder for untitled drafts. */
function draftPath(uri: vscode.Uri): string {
  if (uri.scheme === 'file') return uri.fsPath;
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
  return folder ? path.join(folder.uri.fsPath, 'untitled.md') : path.join(process.cwd(), 'untitled.md');
}

function toProblem(error: unknown): ConfigProblem {
  if (error instanceof ConfigError) {
    return {
      message: error.message,
      file: error.file,
      located: error.problems.map((p) => ({ message: p.message, file: p.file, line: p.line, column: p.column })),
    };
  }
  return { message: error instanceof Error ? error.message : String(error), located: [] };
}

// What the server needs from the place it runs in: the config that governs a draft, the drafts of
// a workspace folder, and the text of a closed file. On Node these come from the disk (as the CLI
// reads them); in a browser, through the client.
import type { Config } from '../core';
import type { Settings } from './settings';

export interface ResolvedConfig {
  config: Config;
  /** URIs of the config files that contributed, nearest last. */
  files: string[];
  /** Things the writer should know about the config (e.g. what an untrusted workspace may not set). */
  notes: string[];
  /** Whether the config's `ignore` globs exclude a draft. */
  ignores(uri: string): boolean;
  /** Changes whenever a contributing file changes, so lint sessions are rebuilt. */
  fingerprint: string;
  /** URI of the baseline file the config names (`baseline:`), if any. */
  baseline?: string;
}

/** A problem at a position of a config file (1-based line and column, as printed). */
export interface LocatedProblem {
  message: string;
  uri: string;
  line: number;
  column: number;
}

/** A config that could not be used: its first problem's message, and every located problem. */
export interface ConfigProblem {
  message: string;
  /** The file of the first problem. */
  uri?: string;
  located: LocatedProblem[];
}

export type ConfigOutcome = { ok: true; value: ResolvedConfig } | { ok: false; problem: ConfigProblem };

export interface ConfigRequest {
  /** The draft (or any file inside the folder to search from). */
  uri: string;
  settings: Settings;
  trusted: boolean;
  /** URIs of the workspace folders (an untitled draft is governed by the first one's config). */
  folders: readonly string[];
}

export interface Platform {
  /** Resolves the config that governs a draft (never throws: problems are returned). */
  resolveConfig(request: ConfigRequest): Promise<ConfigOutcome>;
  /** Forgets what it read of config files (one changed). */
  forgetConfigFiles(): void;
  /** Lists the drafts of a workspace folder that the workspace command lints, minus those the config ignores. */
  findDrafts(folder: string, settings: Settings, trusted: boolean, folders: readonly string[]): Promise<string[]>;
  /** Reads a closed draft. */
  readText(uri: string): Promise<string>;
  /**
   * Which of a draft's findings the baseline file records, fingerprinted as the command line does;
   * a message when the baseline cannot be used. Absent where baselines cannot be read (the web).
   */
  baselineKnown?(baseline: string, draft: string, text: string, findings: readonly { rule: string; start: number; end: number }[]): boolean[] | { problem: string };
}

/** The default pattern of drafts, as the CLI uses it. */
export const DRAFT_GLOB = '**/*.{md,markdown}';
export const CONFIG_FILE_NAMES = ['.alliance-cite.yaml', '.alliance-cite.yml'] as const;

// Finds and loads the `.alliance-cite.yaml` files that apply to a draft: every one from the draft's
// folder up to the repository root, merged from the root down so the nearest wins, each with the
// files it `extends`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkSourceTypeReferences, MAX_CONFIG_LENGTH, parseConfigFile, rebaseIgnore, resolveConfig, untrustedPart, type ConfigOverlay, type ConfigProblem, type ParsedConfig } from '../core/config';
import type { Config } from '../core/types';

export const CONFIG_FILE_NAMES = ['.alliance-cite.yaml', '.alliance-cite.yml'] as const;

/** A config problem that stops loading; the message reads `file:line:col: problem`. */
export class ConfigError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;

  constructor(
    problem: ConfigProblem,
    /** Every problem found, the first of which is this error's. */
    readonly problems: readonly ConfigProblem[] = [problem],
  ) {
    super(formatProblem(problem));
    this.name = 'ConfigError';
    this.file = problem.file;
    this.line = problem.line;
    this.column = problem.column;
  }
}

export interface LoadConfigOptions {
  /** Use this file (and what it extends) instead of searching the draft's folders. */
  configPath?: string;
  /** When false, workspace files contribute only `rules` and `ignore`; the rest stays as shipped. Default true. */
  trusted?: boolean;
  /** Highest folder searched (inclusive), e.g. the workspace folder. Default: the repository root. */
  stopAt?: string;
}

export interface LoadedConfig {
  config: Config;
  /** Config files that contributed, in merge order (farthest and bases first, nearest last). */
  files: string[];
  /** Folder that `config.ignore` globs are relative to (globs of other files are rewritten to it). */
  baseDir: string;
  /** Things the user should know, e.g. which sections an untrusted workspace could not set. */
  notes: string[];
  /** Absolute path of the baseline file named by the nearest config that names one. */
  baseline?: string;
}

export interface InspectedConfig extends LoadedConfig {
  /** Every problem in every file; the config is built from the valid parts. */
  problems: ConfigProblem[];
}

/** Formats a problem as `file:line:col: message`. */
export function formatProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

/** Loads the config for a draft; throws `ConfigError` on the first problem in any file. */
export function loadConfigForFile(filePath: string, opts: LoadConfigOptions = {}): LoadedConfig {
  const { problems, ...loaded } = inspectConfigForFile(filePath, opts);
  if (problems.length > 0) throw new ConfigError(problems[0], problems);
  return loaded;
}

/** Loads the config for a draft and collects every problem instead of throwing (for `--print-config` and editors). */
export function inspectConfigForFile(filePath: string, opts: LoadConfigOptions = {}): InspectedConfig {
  const start = path.resolve(filePath);
  const startDir = isDirectory(start) ? start : path.dirname(start);
  const roots = opts.configPath ? [path.resolve(opts.configPath)] : findConfigFiles(startDir, opts.stopAt);
  const state: LoadState = { trusted: opts.trusted !== false, overlays: [], files: [], problems: [], notes: [], knownTypes: new Set(), baseDir: roots.length > 0 ? path.dirname(realPath(roots[0])) : startDir };
  if (!opts.configPath) state.notes.push(...sameFolderNotes(startDir, opts.stopAt));
  for (const file of roots) loadFile(file, [], state, undefined);
  const loaded = { config: resolveConfig(state.overlays), files: state.files, baseDir: state.baseDir, notes: state.notes, problems: state.problems };
  return state.baseline === undefined ? loaded : { ...loaded, baseline: state.baseline };
}

/**
 * Returns the config files that apply to a folder, farthest first: in `dir` and each parent up to
 * the repository root (a folder with `.git`), `stopAt`, or the file-system root. Where a folder has
 * both names, `.alliance-cite.yaml` is used.
 */
export function findConfigFiles(dir: string, stopAt?: string): string[] {
  const found: string[] = [];
  const limit = stopAt === undefined ? undefined : path.resolve(stopAt);
  let folder = path.resolve(dir);
  for (;;) {
    const file = configFileIn(folder);
    if (file) found.unshift(file);
    if (folder === limit || fs.existsSync(path.join(folder, '.git'))) break;
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return found;
}

/** Forgets parsed config files, so the next load reads them again. */
export function clearConfigCache(): void {
  cache.clear();
}

interface LoadState {
  trusted: boolean;
  overlays: ConfigOverlay[];
  files: string[];
  problems: ConfigProblem[];
  notes: string[];
  /** Source types declared by the files merged so far (beyond the shipped ones). */
  knownTypes: Set<string>;
  baseDir: string;
  /** Files are loaded farthest first, so the last `baseline` seen is the nearest one's. */
  baseline?: string;
}

interface Via {
  file: string;
  line: number;
  column: number;
}

/** Longest chain of `extends` followed; deeper chains are certainly a mistake. */
const MAX_EXTENDS_DEPTH = 20;

function loadFile(requested: string, chain: string[], state: LoadState, via: Via | undefined): void {
  // Symbolic links could make one file appear under endless names; its real path is its identity.
  const file = realPath(requested);
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    state.problems.push({ ...(via ?? { file, line: 1, column: 1 }), message: `extends: more than ${MAX_EXTENDS_DEPTH} files deep` });
    return;
  }
  if (chain.includes(file)) {
    const base = path.dirname(file);
    const cycle = [...chain.slice(chain.indexOf(file)), file].map((f) => path.relative(base, f).split(path.sep).join('/')).join(' -> ');
    state.problems.push({ ...(via ?? { file, line: 1, column: 1 }), message: `extends cycle: ${cycle}` });
    return;
  }
  // A file reached twice (two configs extend the same base) is merged once, where first reached.
  if (state.files.includes(file)) return;
  const parsed = readParsed(file);
  if ('missing' in parsed) {
    const message = via ? `extends: cannot read '${path.relative(path.dirname(via.file), file) || file}' (${parsed.missing})` : `cannot read config file (${parsed.missing})`;
    state.problems.push({ ...(via ?? { file, line: 1, column: 1 }), message });
    return;
  }
  for (const entry of parsed.extendsEntries) {
    const target = path.resolve(path.dirname(file), entry.path);
    loadFile(target, [...chain, file], state, { file, line: entry.line, column: entry.column });
  }
  state.problems.push(...parsed.errors, ...checkSourceTypeReferences(parsed, file, state.knownTypes));
  for (const name of Object.keys(parsed.overlay.sources?.types ?? {})) state.knownTypes.add(name);
  const overlay = state.trusted ? parsed.overlay : untrustedPart(parsed.overlay, file, state.notes);
  state.overlays.push(rebaseIgnore(overlay, path.relative(state.baseDir, path.dirname(file)).split(path.sep).join('/')));
  if (overlay.baseline !== undefined) state.baseline = path.resolve(path.dirname(file), overlay.baseline);
  state.files.push(file);
}

function sameFolderNotes(startDir: string, stopAt: string | undefined): string[] {
  const notes: string[] = [];
  for (const file of findConfigFiles(startDir, stopAt)) {
    const other = path.join(path.dirname(file), CONFIG_FILE_NAMES[1]);
    if (file !== other && isFile(other)) notes.push(`${other}: ignored because ${path.basename(file)} in the same folder takes precedence`);
  }
  return notes;
}

// Parsed files by path, reused while the file's modification time and size are unchanged.
const cache = new Map<string, { mtimeMs: number; size: number; parsed: ParsedConfig }>();

function readParsed(file: string): ParsedConfig | { missing: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { missing: describeFsError(error) };
  }
  if (!stat.isFile()) return { missing: 'not a file' };
  // UTF-8 takes at most three bytes per UTF-16 unit; a larger file is refused without reading it.
  if (stat.size > MAX_CONFIG_LENGTH * 3) {
    const tooLarge = { file, line: 1, column: 1, message: `config file is larger than ${MAX_CONFIG_LENGTH} characters` };
    return { overlay: {}, errors: [tooLarge], extendsEntries: [], sourceTypeReferences: [] };
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.parsed;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { missing: describeFsError(error) };
  }
  const parsed = parseConfigFile(text, file);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, parsed });
  return parsed;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? String(error);
}

function configFileIn(folder: string): string | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(folder, name);
    if (isFile(file)) return file;
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

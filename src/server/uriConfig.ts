// Finds and loads the config files that govern a draft through an asynchronous file reader on
// URIs, for a server that cannot reach the disk itself (the web build reads through the client).
// It follows the rules of src/node/config.ts, which the CLI and the desktop server use: every
// `.alliance-cite.yaml` (or `.yml`) from the draft's folder up to the repository root or the
// workspace folder, nearest winning, each with what it `extends`; an untrusted workspace may set
// rule severities and `ignore` only. test/unit/server-config-parity.test.ts holds the two together.
import picomatch from 'picomatch/posix';
import { URI, Utils } from 'vscode-uri';
import { applyOverrides, checkSourceTypeReferences, MAX_CONFIG_LENGTH, parseConfigFile, rebaseIgnore, resolveConfig, untrustedPart, type ConfigOverlay, type ConfigProblem as CoreProblem, type ParsedConfig } from '../core/config';
import { CONFIG_FILE_NAMES, type ConfigOutcome, type ConfigRequest, type LocatedProblem } from './configSource';

export type FileEntry = { kind: 'file'; text: string } | { kind: 'folder' } | { kind: 'missing'; reason: string };

/** Reads one URI: a file's text, or what is there instead. */
export type ReadEntry = (uri: string) => Promise<FileEntry>;

export interface LoadedUriConfig {
  overlays: ConfigOverlay[];
  /** URIs of the files merged, in merge order (farthest and bases first, nearest last). */
  files: string[];
  /** URI of the folder that `ignore` globs are relative to. */
  baseDir: string;
  notes: string[];
  problems: CoreProblem[];
}

/** Longest chain of `extends` followed; deeper chains are certainly a mistake. */
const MAX_EXTENDS_DEPTH = 20;

/** Reads config files through `read`, remembering them until `forget()`. */
export class UriConfigLoader {
  private readonly entries = new Map<string, Promise<FileEntry>>();
  private readonly parsed = new Map<string, ParsedConfig>();
  /** Bumped by forget(), so a config read afterwards has a new fingerprint. */
  private generation = 0;

  constructor(private readonly read: ReadEntry) {}

  forget(): void {
    this.entries.clear();
    this.parsed.clear();
    this.generation++;
  }

  /** Resolves the config of a draft with the editor settings on top; never throws. */
  async resolve(request: ConfigRequest): Promise<ConfigOutcome> {
    try {
      const start = startFolder(request);
      const explicit = explicitConfigUri(request);
      const loaded = await this.load(start, { configUri: explicit, trusted: request.trusted, stopAt: folderOf(request.uri, request.folders) });
      if (loaded.problems.length > 0) {
        const located = loaded.problems.map((p): LocatedProblem => ({ message: p.message, uri: p.file, line: p.line, column: p.column }));
        const first = located[0];
        return { ok: false, problem: { message: `${displayName(first.uri)}:${first.line}:${first.column}: ${first.message}`, uri: first.uri, located } };
      }
      const config = applyOverrides(resolveConfig(loaded.overlays), { rules: request.settings.rules, maxAgeDays: request.settings.maxRetrievalAgeDays });
      const matcher = ignoreMatcher(config.ignore, loaded.baseDir);
      const fingerprint = `${this.generation}|${loaded.files.join('|')}`;
      return { ok: true, value: { config, files: loaded.files, notes: loaded.notes, ignores: matcher, fingerprint } };
    } catch (error) {
      return { ok: false, problem: { message: `Reading the config failed: ${error instanceof Error ? error.message : String(error)}`, located: [] } };
    }
  }

  /** Loads the config files for a folder (problems are collected, not thrown). */
  async load(startDir: string, options: { configUri?: string; trusted: boolean; stopAt?: string }): Promise<LoadedUriConfig> {
    const roots = options.configUri ? [options.configUri] : await this.findConfigFiles(startDir, options.stopAt);
    const state: LoadState = {
      trusted: options.trusted,
      overlays: [],
      files: [],
      problems: [],
      notes: options.configUri ? [] : await this.sameFolderNotes(roots),
      knownTypes: new Set(),
      baseDir: roots.length > 0 ? parentOf(roots[0]) : startDir,
    };
    for (const file of roots) await this.loadFile(file, [], state, undefined);
    return { overlays: state.overlays, files: state.files, baseDir: state.baseDir, notes: state.notes, problems: state.problems };
  }

  /** The config files that apply to a folder, farthest first, up to a repository root or `stopAt`. */
  async findConfigFiles(dir: string, stopAt?: string): Promise<string[]> {
    const found: string[] = [];
    let folder = trimSlash(dir);
    const limit = stopAt === undefined ? undefined : trimSlash(stopAt);
    for (;;) {
      const file = await this.configFileIn(folder);
      if (file) found.unshift(file);
      if (folder === limit || (await this.entry(joinUri(folder, '.git'))).kind !== 'missing') break;
      const parent = parentOf(folder);
      if (parent === folder) break;
      folder = parent;
    }
    return found;
  }

  private async configFileIn(folder: string): Promise<string | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const file = joinUri(folder, name);
      if ((await this.entry(file)).kind === 'file') return file;
    }
    return undefined;
  }

  private async sameFolderNotes(found: readonly string[]): Promise<string[]> {
    const notes: string[] = [];
    for (const file of found) {
      const other = joinUri(parentOf(file), CONFIG_FILE_NAMES[1]);
      if (file !== other && (await this.entry(other)).kind === 'file') {
        notes.push(`${displayName(other)}: ignored because ${baseName(file)} in the same folder takes precedence`);
      }
    }
    return notes;
  }

  private entry(uri: string): Promise<FileEntry> {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = this.read(uri).catch((error: unknown): FileEntry => ({ kind: 'missing', reason: error instanceof Error ? error.message : String(error) }));
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private async loadFile(file: string, chain: string[], state: LoadState, via: Via | undefined): Promise<void> {
    const at = (fallback: string): Via => via ?? { file: fallback, line: 1, column: 1 };
    if (chain.length >= MAX_EXTENDS_DEPTH) {
      state.problems.push({ ...at(file), message: `extends: more than ${MAX_EXTENDS_DEPTH} files deep` });
      return;
    }
    if (chain.includes(file)) {
      const base = parentOf(file);
      const cycle = [...chain.slice(chain.indexOf(file)), file].map((f) => relativePath(base, f)).join(' -> ');
      state.problems.push({ ...at(file), message: `extends cycle: ${cycle}` });
      return;
    }
    // A file reached twice (two configs extend the same base) is merged once, where first reached.
    if (state.files.includes(file)) return;
    const parsed = await this.parse(file);
    if ('missing' in parsed) {
      const message = via ? `extends: cannot read '${relativePath(parentOf(via.file), file) || file}' (${parsed.missing})` : `cannot read config file (${parsed.missing})`;
      state.problems.push({ ...at(file), message });
      return;
    }
    for (const entry of parsed.extendsEntries) {
      await this.loadFile(resolveUri(parentOf(file), entry.path), [...chain, file], state, { file, line: entry.line, column: entry.column });
    }
    state.problems.push(...parsed.errors, ...checkSourceTypeReferences(parsed, file, state.knownTypes));
    for (const name of Object.keys(parsed.overlay.sources?.types ?? {})) state.knownTypes.add(name);
    const overlay = state.trusted ? parsed.overlay : untrustedPart(parsed.overlay, displayName(file), state.notes);
    state.overlays.push(rebaseIgnore(overlay, relativePath(state.baseDir, parentOf(file))));
    state.files.push(file);
  }

  private async parse(file: string): Promise<ParsedConfig | { missing: string }> {
    const cached = this.parsed.get(file);
    if (cached) return cached;
    const entry = await this.entry(file);
    if (entry.kind === 'missing') return { missing: entry.reason };
    if (entry.kind === 'folder') return { missing: 'not a file' };
    const parsed =
      entry.text.length > MAX_CONFIG_LENGTH
        ? { overlay: {}, errors: [{ file, line: 1, column: 1, message: `config file is larger than ${MAX_CONFIG_LENGTH} characters` }], extendsEntries: [], sourceTypeReferences: [] }
        : parseConfigFile(entry.text, file);
    this.parsed.set(file, parsed);
    return parsed;
  }
}

interface LoadState {
  trusted: boolean;
  overlays: ConfigOverlay[];
  files: string[];
  problems: CoreProblem[];
  notes: string[];
  knownTypes: Set<string>;
  baseDir: string;
}

interface Via {
  file: string;
  line: number;
  column: number;
}

/** Matches drafts against `ignore` globs relative to `baseDir`, as the CLI's discovery does. */
export function ignoreMatcher(globs: readonly string[], baseDir: string): (uri: string) => boolean {
  if (globs.length === 0) return () => false;
  // A glob without a slash matches a name at any depth; a glob naming a folder covers its files.
  const expanded = globs.flatMap((glob) => {
    const posix = glob.replace(/\\/g, '/').replace(/^\/+/, '').replace(/\/+$/, '');
    const anchored = posix.includes('/') ? posix : `**/${posix}`;
    return [anchored, `${anchored}/**`];
  });
  const match = picomatch(expanded, { dot: true });
  const base = URI.parse(baseDir);
  return (uri) => {
    const target = URI.parse(uri);
    if (target.scheme !== base.scheme || target.authority !== base.authority) return false;
    const relative = relativePath(baseDir, uri);
    if (relative === '' || relative.startsWith('..')) return false;
    return match(relative);
  };
}

/** The folder config files are searched from: the draft's, or the first workspace folder for untitled drafts. */
function startFolder(request: ConfigRequest): string {
  const uri = URI.parse(request.uri);
  if (uri.scheme === 'untitled') return request.folders[0] ?? 'file:///';
  return parentOf(request.uri);
}

/** The `configPath` setting as a URI: absolute, or relative to the draft's workspace folder. */
export function explicitConfigUri(request: ConfigRequest): string | undefined {
  const configPath = request.settings.configPath;
  if (!configPath) return undefined;
  const folder = folderOf(request.uri, request.folders) ?? request.folders[0];
  const base = URI.parse(folder ?? parentOf(request.uri));
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(configPath)) return URI.parse(configPath).toString();
  if (configPath.startsWith('/')) return base.with({ path: configPath }).toString();
  return resolveUri(folder ?? parentOf(request.uri), configPath);
}

/** The workspace folder that holds a URI, if any. */
export function folderOf(uri: string, folders: readonly string[]): string | undefined {
  const target = URI.parse(uri).toString();
  let best: string | undefined;
  for (const folder of folders) {
    const normal = trimSlash(URI.parse(folder).toString());
    if ((target === normal || target.startsWith(`${normal}/`)) && (!best || normal.length > best.length)) best = normal;
  }
  return best;
}

/** Shows a config file's URI as a writer knows it: a path for files on disk. */
export function displayName(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}

function joinUri(folder: string, name: string): string {
  return Utils.joinPath(URI.parse(folder), name).toString();
}

function resolveUri(folder: string, relative: string): string {
  return Utils.resolvePath(URI.parse(folder), relative.replace(/\\/g, '/')).toString();
}

function parentOf(uri: string): string {
  return trimSlash(Utils.dirname(URI.parse(uri)).toString());
}

function baseName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

function trimSlash(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.path.length > 1 && parsed.path.endsWith('/') ? parsed.with({ path: parsed.path.replace(/\/+$/, '') }).toString() : parsed.toString();
}

/** The relative path from a folder to a URI (both with the same scheme and authority), with `/`. */
export function relativePath(from: string, to: string): string {
  const a = URI.parse(from).path.split('/').filter(Boolean);
  const b = URI.parse(to).path.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

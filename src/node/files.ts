// Finds the drafts to lint: paths, globs and folders, honouring .gitignore files and the
// config's `ignore` globs, following symbolic links only while they stay inside the tree.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export const DEFAULT_PATTERN = '**/*.{md,markdown}';

/** Folders never walked into: version control data and installed packages. */
const SKIPPED_FOLDERS = new Set(['.git', '.hg', '.svn', 'node_modules']);

export interface DiscoveryOptions {
  cwd: string;
  /** Paths and globs as given on the command line; empty means DEFAULT_PATTERN. */
  patterns: readonly string[];
  /** Says whether the config that governs a file excludes it (the config's `ignore` globs). */
  isIgnoredByConfig?: (file: string) => boolean;
}

export interface DiscoveryProblem {
  /** The path or pattern as the user gave it. */
  target: string;
  message: string;
}

export interface DiscoveryResult {
  /** Absolute paths, sorted and without duplicates (one entry per real file). */
  files: string[];
  /** Named paths that do not exist or cannot be read; the caller reports them and exits 2. */
  problems: DiscoveryProblem[];
  /** Files matched while walking that were skipped because they are not regular files (a FIFO, a device). */
  skipped: DiscoveryProblem[];
}

/** Lists the files to lint, in a stable order independent of the file system's. */
export function findDrafts(options: DiscoveryOptions): DiscoveryResult {
  const cwd = path.resolve(options.cwd);
  const gitignore = new GitignoreRules(findRepositoryRoot(cwd) ?? cwd);
  const problems: DiscoveryProblem[] = [];
  const skipped: DiscoveryProblem[] = [];
  const found = new Map<string, string>();
  const accept = (file: string, special?: string): void => {
    if (gitignore.ignores(file)) return;
    if (options.isIgnoredByConfig?.(file)) return;
    if (special !== undefined) {
      skipped.push({ target: toPosix(path.relative(cwd, file)) || file, message: `skipped: not a regular file (${special})` });
      return;
    }
    const real = realPathOrUndefined(file);
    if (real !== undefined && !found.has(real)) found.set(real, file);
  };
  const patterns = options.patterns.length > 0 ? options.patterns : [DEFAULT_PATTERN];
  for (const pattern of patterns) {
    const absolute = path.resolve(cwd, pattern);
    if (!picomatch.scan(pattern).isGlob || fs.existsSync(absolute)) {
      const problem = addPath(pattern, absolute, gitignore, accept);
      if (problem) problems.push(problem);
      continue;
    }
    // The static part (`../docs`, `/abs/path`) picks the folder to walk; the rest is matched
    // against paths below it, so `./`, `../` and absolute globs work alike.
    const { base, glob } = picomatch.scan(toPosix(pattern));
    const walkRoot = path.resolve(cwd, base || '.');
    const matcher = picomatch(glob, { dot: false });
    walk(walkRoot, gitignore, (file, special) => {
      if (matcher(toPosix(path.relative(walkRoot, file)))) accept(file, special);
    });
  }
  const files = [...found.values()].sort(comparePaths);
  return { files, problems, skipped };
}

/** Adds a named file, or walks a named folder for drafts. */
function addPath(
  target: string,
  absolute: string,
  gitignore: GitignoreRules,
  accept: (file: string, special?: string) => void,
): DiscoveryProblem | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const broken = code === 'ENOENT' && isSymbolicLink(absolute);
    return { target, message: broken ? 'broken symbolic link' : code === 'ENOENT' ? 'no such file or folder' : describeError(error) };
  }
  if (stat.isDirectory()) {
    const matcher = picomatch(DEFAULT_PATTERN, { dot: false });
    walk(absolute, gitignore, (file, special) => {
      if (matcher(toPosix(path.relative(absolute, file)))) accept(file, special);
    });
  } else if (stat.isFile()) {
    accept(absolute);
  } else {
    // Reading a FIFO or a terminal would block until someone writes to it.
    const hint = absolute === '/dev/stdin' || stat.isFIFO() ? '; use - to read standard input' : '';
    return { target, message: `not a regular file (${specialKind(stat)})${hint}` };
  }
  return undefined;
}

/**
 * Walks a folder depth-first in sorted order. Symbolic links are followed only when their real
 * target lies inside the walked tree; each real folder is visited once, so link cycles end.
 * Entries that are neither files nor folders (FIFOs, sockets, devices) are visited with their kind.
 */
function walk(root: string, gitignore: GitignoreRules, visit: (file: string, special?: string) => void): void {
  const treeRoot = realPathOrUndefined(root);
  if (treeRoot === undefined) return;
  const visited = new Set<string>([treeRoot]);
  const descend = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // An unreadable folder inside the tree is skipped, as git does.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      let special = isDirectory || isFile || entry.isSymbolicLink() ? undefined : specialKind(entry);
      if (entry.isSymbolicLink()) {
        const real = realPathOrUndefined(full);
        if (real === undefined || !isInside(real, treeRoot)) continue; // broken, or leaves the tree
        const stat = statOrUndefined(real);
        isDirectory = stat?.isDirectory() ?? false;
        isFile = stat?.isFile() ?? false;
        special = stat && !isDirectory && !isFile ? specialKind(stat) : undefined;
        if (isDirectory) {
          if (visited.has(real)) continue;
          visited.add(real);
        }
      }
      if (isDirectory) {
        if (SKIPPED_FOLDERS.has(entry.name) || gitignore.ignores(full, true)) continue;
        descend(full);
      } else if (isFile) {
        visit(full);
      } else if (special !== undefined) {
        visit(full, special);
      }
    }
  };
  descend(root);
}

/** The .gitignore files from the repository root down to a path, applied in order. */
class GitignoreRules {
  private readonly perFolder = new Map<string, Ignore | null>();

  constructor(private readonly root: string) {}

  ignores(file: string, isDirectory = false): boolean {
    if (!isInside(file, this.root) || file === this.root) return false;
    let ignored = false;
    let folder = this.root;
    const parts = path.relative(this.root, file).split(path.sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = this.rulesOf(folder);
      if (rules) {
        let relative = parts.slice(depth).join('/');
        if (isDirectory) relative += '/';
        const result = rules.test(relative);
        if (result.ignored) ignored = true;
        else if (result.unignored) ignored = false;
      }
      folder = path.join(folder, parts[depth]);
    }
    return ignored;
  }

  private rulesOf(folder: string): Ignore | null {
    let rules = this.perFolder.get(folder);
    if (rules === undefined) {
      rules = null;
      try {
        rules = ignore().add(fs.readFileSync(path.join(folder, '.gitignore'), 'utf8'));
      } catch {
        // No .gitignore here.
      }
      this.perFolder.set(folder, rules);
    }
    return rules;
  }
}

/** Builds the matcher for a config's `ignore` globs, relative to the folder of that config. */
export function createIgnoreMatcher(globs: readonly string[], baseDir: string): (file: string) => boolean {
  if (globs.length === 0) return () => false;
  // A glob without a slash matches a name at any depth; a glob naming a folder covers its files.
  const expanded = globs.flatMap((glob) => {
    const posix = toPosix(glob).replace(/^\/+/, '').replace(/\/+$/, '');
    const anchored = posix.includes('/') ? posix : `**/${posix}`;
    return [anchored, `${anchored}/**`];
  });
  const match = picomatch(expanded, { dot: true });
  return (file) => {
    const relative = path.relative(baseDir, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return match(toPosix(relative));
  };
}

/** Returns the nearest folder at or above `start` that holds a `.git` entry. */
export function findRepositoryRoot(start: string): string | undefined {
  let folder = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** Names what a non-regular file is, for messages. */
function specialKind(entry: fs.Stats | fs.Dirent): string {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isCharacterDevice()) return 'a character device';
  if (entry.isBlockDevice()) return 'a block device';
  if (entry.isSocket()) return 'a socket';
  return 'not a file';
}

/** A draft that is not a regular file; reading it could block or never end. */
export class NotRegularFileError extends Error {}

/**
 * Reads a regular file. The file is opened without blocking and checked before reading, so a FIFO
 * or device that replaced a draft after it was found throws NotRegularFileError instead of hanging.
 */
export function readRegularFile(file: string): Buffer {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new NotRegularFileError(`not a regular file (${specialKind(stat)})`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function realPathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

function isSymbolicLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function toPosix(p: string): string {
  return path.sep === '/' ? p : p.split(path.sep).join('/');
}

/** Orders paths by their segments, so `a/b.md` sorts before `a-b.md` on every platform. */
function comparePaths(a: string, b: string): number {
  const pa = a.split(path.sep);
  const pb = b.split(path.sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  }
  return pa.length - pb.length;
}

export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of the path is not a folder';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return e.code ? `${e.code.toLowerCase()}: ${e.message}` : String(e.message ?? e);
  }
}

// Runs the built CLI (dist/cli.js) as a separate process on fixture trees in temporary folders.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
export const AS_OF = '2026-11-25';

/** The example claim every test relies on: a membership claim with no citation. */
export const CLAIM = 'The AI Alliance has more than 140 members.';
export const STUB_MARKER = '[^membership-1]';
export const STUB_DEFINITION = '[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.';

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Builds dist/cli.js once if it is missing, with the same settings as the project build. */
export async function ensureBuilt(): Promise<void> {
  if (fs.existsSync(CLI)) return;
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(REPO_ROOT, 'src/cli/main.ts')],
    outfile: CLI,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    banner: { js: '#!/usr/bin/env node' },
  });
}

export function runCli(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: NodeJS.ProcessEnv }): CliResult {
  // Tests run the same inside and outside GitHub Actions and a terminal.
  const { GITHUB_WORKSPACE: _workspace, NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    env: { ...inherited, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs the CLI without blocking this process, for tests whose own servers must keep answering
 * while the command runs.
 */
export function runCliAsync(args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  const { GITHUB_WORKSPACE: _workspace, NO_COLOR: _noColor, FORCE_COLOR: _forceColor, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env: { ...inherited, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * Creates a temporary folder holding the given files (paths relative to it, `/` separated). It
 * gets an empty `.git` folder, so config and .gitignore lookups stop at it as at a repository root.
 */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-cli-')));
  fs.mkdirSync(path.join(root, '.git'));
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export function removeTree(root: string): void {
  // Read-only files inside the tree do not stop removal of the folder itself.
  fs.rmSync(root, { recursive: true, force: true });
}

/** A snapshot of every file's bytes and modification time, to prove that nothing was written. */
export function snapshot(root: string): Map<string, { bytes: Buffer; mtimeMs: number }> {
  const result = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  const visit = (folder: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && entry.name !== '.git') visit(full);
      else if (entry.isFile()) result.set(path.relative(root, full), { bytes: fs.readFileSync(full), mtimeMs: fs.statSync(full).mtimeMs });
    }
  };
  visit(root);
  return result;
}

// Shared by the language-server tests: the built server, run as editors run it.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Builds dist/ (the CLI and the server it loads) from the current sources. */
export function buildServer(): void {
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr || build.stdout}`);
}

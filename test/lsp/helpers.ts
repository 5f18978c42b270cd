// Shared by the language-server tests: the built server, run as editors run it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

/**
 * Builds dist/ (the CLI and the server bundle it loads) when it is missing. Like the CLI tests,
 * these run what `npm run build` made (`npm test` and `npm run test:lsp` build first), so a test
 * never rebuilds under another's feet.
 */
export function ensureServerBuilt(): void {
  if (fs.existsSync(CLI) && fs.existsSync(path.join(REPO_ROOT, 'dist', 'server.js'))) return;
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr || build.stdout}`);
}

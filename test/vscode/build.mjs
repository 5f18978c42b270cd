// Compiles the extension-host suite (test/vscode/suite/*.ts) to out/test/vscode/suite/*.js and the
// web-worker suite (test/vscode/web/) to out/test/web/suite.js.
// Each file is bundled on its own; `vscode` comes from the host and mocha from node_modules.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const suiteDir = path.join(repo, 'test', 'vscode', 'suite');
const outDir = path.join(repo, 'out', 'test', 'vscode', 'suite');

fs.rmSync(outDir, { recursive: true, force: true });
await build({
  entryPoints: fs
    .readdirSync(suiteDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(suiteDir, f)),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'warning',
  external: ['vscode', 'mocha'],
});

// The web-worker suite: one CommonJS bundle for the worker host, mocha's browser build inside.
// It lives under the extension folder (out/), where the host looks for the tests of an extension.
const webOut = path.join(repo, 'out', 'test', 'web');
fs.rmSync(webOut, { recursive: true, force: true });
await build({
  entryPoints: [path.join(repo, 'test', 'vscode', 'web', 'index.ts')],
  outfile: path.join(webOut, 'suite.js'),
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  conditions: ['worker'],
  format: 'cjs',
  sourcemap: 'inline',
  logLevel: 'error',
  external: ['vscode'],
});

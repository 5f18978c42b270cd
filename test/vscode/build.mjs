// Compiles the extension-host suite (test/vscode/suite/*.ts) to out/test/vscode/suite/*.js.
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

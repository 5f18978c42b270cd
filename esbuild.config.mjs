// Bundles the extension's client (desktop and web; CommonJS, `vscode` external), the language
// server (a Node process and a web worker) and the CLI (Node, with a shebang).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';

execFileSync(process.execPath, ['scripts/embed-data.mjs'], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
};

// The web builds run in VS Code's web worker extension host and in a worker of their own: no
// Node built-ins (esbuild fails the build if one is imported), no DOM: packages' `worker` entries
// first (one of the parser's dependencies needs `document` in its plain `browser` entry).
const web = { ...common, platform: 'browser', target: 'es2022', conditions: ['worker'], mainFields: ['browser', 'module', 'main'] };

// The editor bundles are minified: the package and the .vsix carry four of them (source maps stay
// beside them in dist/ for debugging, and out of the packages).
const editor = { minify: true, keepNames: true };

await Promise.all([
  build({ ...common, ...editor, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, ...editor, entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' }),
  build({ ...web, ...editor, entryPoints: ['src/vscode/browser.ts'], outfile: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] }),
  build({ ...web, ...editor, entryPoints: ['src/server/browser.ts'], outfile: 'dist/web/server.js', format: 'iife' }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

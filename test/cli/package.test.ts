// The npm package as users get it: `npm pack` carries what a user runs and nothing else, and the
// tarball installed into an empty project lints a draft with no dependency missing.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { RULES } from '../../src/core';
import { AS_OF, CLAIM, REPO_ROOT } from './helpers';
import { packAndInstall, type PackedInstall } from './packed';

const PACKAGE = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; dependencies?: object };

describe('the npm package', function () {
  // npm pack and an offline install take a few seconds, more on a busy machine.
  this.timeout(300_000);
  let packed: PackedInstall;
  before(async () => {
    packed = await packAndInstall();
  });

  const npx = (args: readonly string[], cwd = packed.project) => {
    // A clean environment: nothing may be found through the repository's own node_modules.
    const result = spawnSync('npx', ['--no-install', 'alliance-cite', ...args], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', npm_config_offline: 'true' },
    });
    if (result.error) throw result.error;
    return result;
  };

  it('carries what a user runs, and no sources, tests, benchmarks, fixtures or source maps', () => {
    const wanted = [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'dist/cli.js',
      'dist/extension.js',
      'dist/server.js',
      'dist/web/extension.js',
      'dist/web/server.js',
      'images/icon.png',
      'package.json',
      'schemas/alliance-cite.schema.json',
      'syntaxes/alliance-cite.injection.tmLanguage.json',
      ...RULES.map((rule) => `docs/rules/${rule.id}.md`),
    ];
    for (const file of wanted) assert.ok(packed.packedFiles.includes(file), `the package lacks ${file}`);
    const unwanted = packed.packedFiles.filter((f) => /^(src|test|bench|scripts|examples|node_modules|\.github|\.ci)\//.test(f) || /\.(map|ts)$/.test(f));
    assert.deepEqual(unwanted, []);
    const unexpected = packed.packedFiles.filter((f) => !wanted.includes(f) && !/^docs\/[\w-]+\.md$/.test(f));
    assert.deepEqual(unexpected, [], 'files the package was not meant to carry');
    const size = fs.statSync(packed.tarball).size;
    assert.ok(size < 1_000_000, `the tarball is ${size} bytes`);
  });

  it('needs no runtime dependency: the package declares none and its bundles require only Node built-ins', () => {
    assert.equal(PACKAGE.dependencies, undefined);
    const installed = path.join(packed.project, 'node_modules');
    assert.deepEqual(fs.readdirSync(installed).filter((name) => !name.startsWith('.')), ['alliance-cite'], 'npm installed something besides alliance-cite');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const bundle of ['cli.js', 'extension.js', 'server.js']) {
      const text = fs.readFileSync(path.join(installed, 'alliance-cite', 'dist', bundle), 'utf8');
      const required = [...new Set([...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]))];
      const external = required.filter((name) => !builtins.has(name) && name !== 'vscode');
      assert.deepEqual(external, [], `dist/${bundle} requires modules that are not bundled`);
    }
  });

  it('runs as `npx alliance-cite` in an empty project: lints, threads, prints config, writes a starter and a baseline', () => {
    const drafts = path.join(packed.project, 'drafts');
    fs.mkdirSync(drafts, { recursive: true });
    for (let i = 0; i < 3; i++) fs.writeFileSync(path.join(drafts, `draft-${i}.md`), `# Draft ${i}\n\n${CLAIM}\n`);
    const version = npx(['--version']);
    assert.equal(version.stdout, `${PACKAGE.version}\n`);
    const lint = npx(['--as-of', AS_OF, '--format', 'json', '--threads', '2', 'drafts/']);
    assert.equal(lint.status, 1, lint.stderr);
    assert.equal(lint.stderr, '');
    const rows = JSON.parse(lint.stdout) as Array<{ file: string; rule: string }>;
    assert.deepEqual(rows.map((r) => `${r.file} ${r.rule}`), [0, 1, 2].map((i) => `drafts/draft-${i}.md missing-citation`));
    const fixed = npx(['--as-of', AS_OF, '--fix-dry-run', 'drafts/draft-0.md']);
    assert.match(fixed.stdout, /^\+.*TODO-verify/m);
    const config = npx(['--print-config', 'drafts/draft-0.md']);
    assert.equal(config.status, 0, config.stderr);
    assert.match(config.stdout, /^rules:/m);
    const init = npx(['init'], drafts);
    assert.equal(init.status, 0, init.stderr);
    assert.ok(fs.existsSync(path.join(drafts, '.alliance-cite.yaml')));
    const baseline = npx(['--as-of', AS_OF, '--baseline-write', 'known.json', 'drafts/']);
    assert.equal(baseline.status, 0, baseline.stderr);
    assert.equal(npx(['--as-of', AS_OF, '--baseline', 'known.json', 'drafts/']).status, 0);
  });

  it('runs the language server from the package: `alliance-cite lsp --stdio` answers initialize and exits on request', async () => {
    const child = spawn('npx', ['--no-install', 'alliance-cite', 'lsp', '--stdio'], {
      cwd: packed.project,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_offline: 'true' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} });
    assert.deepEqual(result.serverInfo, { name: 'alliance-cite', version: PACKAGE.version });
    assert.ok(result.capabilities.codeActionProvider);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});

// Shared by the launchers and the UI test: the tools (Node 24, code-server), a per-run folder
// with a copy of the fixture workspace, and a code-server started and stopped as a process group.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';

export const REPO = path.resolve(__dirname, '..', '..');

export interface Tools {
  node24: string;
  codeServer: string;
  entry: string;
}

export interface Run {
  root: string;
  dirs: Record<RunDir, string>;
  workspace: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

type RunDir = 'xdg-config' | 'xdg-data' | 'xdg-cache' | 'tmp' | 'user-data' | 'extensions' | 'profile';
const RUN_DIRS: RunDir[] = ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'user-data', 'extensions', 'profile'];

export interface CodeServer {
  port: number;
  base: string;
  pid: number;
  stop(): Promise<void>;
}
export const RESULTS_DIR = path.join(REPO, 'test-results');
export const SUITE_OUT = path.join(REPO, 'out', 'test', 'vscode');
const FIXTURE_WORKSPACE = path.join(REPO, 'test', 'vscode', 'fixtures', 'workspace');

/** Runs the (idempotent, cached) installer and returns the paths it reports. */
export function ensureTools(): Tools {
  const script = path.join(REPO, 'scripts', 'install-vscode-test-tools.sh');
  const run = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (run.status !== 0) throw new Error(`${script} failed with exit code ${run.status}`);
  const vars: Record<string, string> = Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  const node24 = vars.ALLIANCE_CITE_NODE24;
  const codeServer = vars.ALLIANCE_CITE_CODE_SERVER;
  if (!node24 || !codeServer) throw new Error(`${script} did not report the tool paths`);
  return { node24, codeServer, entry: path.join(codeServer, 'out', 'node', 'entry.js') };
}

/**
 * Creates a per-run folder: XDG and temp folders (so nothing is written into the home folder),
 * user data with quiet settings, an extensions folder, and a copy of the fixture workspace.
 */
export function prepareRun(
  name: string,
  fixture: string | null = FIXTURE_WORKSPACE,
  options: { untrusted?: boolean; userSettings?: Record<string, unknown> } = {},
): Run {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `alliance-cite-${name}-`));
  const dirs = Object.fromEntries(RUN_DIRS.map((d) => [d, path.join(root, d)])) as Record<RunDir, string>;
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const workspace = path.join(root, 'workspace');
  if (fixture) fs.cpSync(fixture, workspace, { recursive: true });
  else fs.mkdirSync(workspace);
  // A repository root: config lookup stops here, as it does in a writer's repository.
  fs.mkdirSync(path.join(workspace, '.git'));
  fs.mkdirSync(path.join(dirs['user-data'], 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs['user-data'], 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.enableExperiments': false,
        'workbench.tips.enabled': false,
        // The chat side bar would take a third of the window in screenshots.
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'security.workspace.trust.enabled': options.untrusted === true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'never',
        ...options.userSettings,
      },
      null,
      2,
    ),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp,
  };
  return { root, dirs, workspace, env, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}

export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts code-server detached (its own process group) and waits until /healthz answers. */
export async function startCodeServer(
  tools: Tools,
  run: Run,
  options: { logFile: string; smokeTestDriver?: boolean; untrusted?: boolean },
): Promise<CodeServer> {
  const { logFile, smokeTestDriver = true, untrusted = false } = options;
  const port = await freePort();
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const args = [
    tools.entry,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--user-data-dir', run.dirs['user-data'],
    '--extensions-dir', run.dirs.extensions,
  ];
  if (!untrusted) args.push('--disable-workspace-trust');
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(tools.node24, args, { detached: true, env: run.env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server could not be started; see ${logFile}`);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, base, pid, stop: () => stopGroup(pid, exited) };
}

/** Ends a process group (server, extension host, watchers, language servers) and waits until it is gone. */
async function stopGroup(pid: number, exited: Promise<void>): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(-pid, 'SIGKILL');
  await exited;
  while (alive()) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Opens headless Chromium (Debian's) with a persistent profile in the run folder. */
export async function launchChromium(run: Run): Promise<BrowserContext> {
  const { chromium } = await import('playwright-core');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}; run scripts/install-vscode-test-tools.sh`);
  return await chromium.launchPersistentContext(run.dirs.profile, {
    executablePath,
    headless: true,
    env: run.env as Record<string, string>,
    viewport: { width: 1400, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The workbench URL of a folder, optionally with the extension-development payload. */
export function workbenchUrl(server: CodeServer, folder: string, payload?: Record<string, string>): string {
  let url = `${server.base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) {
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const entries = Object.entries(payload).map(([key, value]) => [key, remote(value)]);
    url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
  }
  return url;
}

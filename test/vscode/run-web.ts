// Runs the web-worker suite (test/vscode/web) in code-server's web worker extension host, where
// vscode.dev and github.dev run extensions: the user setting `remote.extensionKind` moves the
// extension under development (and its tests) there from the Node host. The suite reports through
// console lines, which the workbench forwards, and through its exit code.
//
// Needs `npm run build` and `node test/vscode/build.mjs` first (npm run test:web does both).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, workbenchUrl } from './harness';

const TIMEOUT_MS = 5 * 60_000;
const SUITE = path.join(REPO, 'out', 'test', 'web', 'suite.js');
const EXTENSION_ID = 'alliance-cite.alliance-cite';

async function main(): Promise<number> {
  for (const file of [SUITE, path.join(REPO, 'dist', 'web', 'extension.js'), path.join(REPO, 'dist', 'web', 'server.js')]) {
    if (!fs.existsSync(file)) throw new Error(`${file} is missing; run npm run build and node test/vscode/build.mjs first`);
  }
  const started = Date.now();
  const tools = ensureTools();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const run = prepareRun('web', undefined, { userSettings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } });
  const server = await startCodeServer(tools, run, { logFile: path.join(RESULTS_DIR, 'code-server-web.log') });
  let context: BrowserContext | undefined;
  let exitCode: number | 'timeout' = 'timeout';
  let summary: { passes: number; failures: number } | undefined;
  const consoleLog = fs.openSync(path.join(RESULTS_DIR, 'web-suite-console.log'), 'w');
  try {
    context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      fs.writeSync(consoleLog, `[${type}] ${line}\n`);
      if (!/^\s+[✔✘] |^web suite: /.test(line)) return;
      process.stdout.write(`${line}\n`);
      const match = /^web suite: (\d+) passing, (\d+) failing/.exec(line);
      if (match) summary = { passes: Number(match[1]), failures: Number(match[2]) };
    });
    await page.goto(workbenchUrl(server, run.workspace, { extensionDevelopmentPath: REPO, extensionTestsPath: SUITE }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    exitCode = await Promise.race([exit, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      console.error(`The web-worker suite did not finish within ${TIMEOUT_MS / 1000} s.`);
      await page.screenshot({ path: path.join(RESULTS_DIR, 'web-suite-timeout.png') }).catch(() => undefined);
    }
  } finally {
    fs.closeSync(consoleLog);
    await context?.close().catch(() => undefined);
    await server.stop();
    run.remove();
  }
  console.log(`Web-worker suite (code-server's web worker extension host) ran in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (!summary) {
    console.error(`The web-worker suite reported no result (workbench exit code ${exitCode}); see test-results/web-suite-console.log.`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  // A workbench that reports failure although no test failed (e.g. run() threw) counts as one failure.
  const failures = summary.failures + (exitCode !== 0 && summary.failures === 0 ? 1 : 0);
  console.log(`${summary.passes} passed, ${failures} failed`);
  return failures === 0 && summary.passes > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:web: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

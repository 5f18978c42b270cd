// Runs the extension-host suite (test/vscode/suite) in a real VS Code: code-server's workbench in
// headless Chromium. The web workbench takes extensionDevelopmentPath / extensionTestsPath from
// the URL's payload when the server runs with the smoke-test driver enabled, and reports the
// outcome through window.codeAutomationExit.
//
// Needs `node test/vscode/build.mjs` and `npm run build` first (npm run test:vscode does both).
import type { BrowserContext } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, SUITE_OUT, workbenchUrl } from './harness';

const TIMEOUT_MS = 5 * 60_000;

async function main(): Promise<number> {
  const suiteEntry = path.join(SUITE_OUT, 'suite', 'index.js');
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing; run node test/vscode/build.mjs first`);
  if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing; run npm run build first');
  const started = Date.now();
  const tools = ensureTools();
  const run = prepareRun('vscode-suite');
  const resultFile = path.join(run.root, 'result.json');
  run.env.ALLIANCE_CITE_TEST_RESULT = resultFile;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await startCodeServer(tools, run, { logFile: path.join(RESULTS_DIR, 'code-server-suite.log') });
  let context: BrowserContext | undefined;
  let exitCode: number | 'timeout';
  try {
    context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // The suite's own output (mocha's reporter) comes as log messages; workbench noise (gallery
    // look-ups without network, missing wasm) as warnings and errors, kept in the log file only.
    const consoleLog = fs.openSync(path.join(RESULTS_DIR, 'vscode-suite-console.log'), 'w');
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      fs.writeSync(consoleLog, `[${type}] ${line}\n`);
      if (type === 'log' || type === 'info') process.stdout.write(`${line}\n`);
    });
    await page.goto(
      workbenchUrl(server, run.workspace, {
        extensionDevelopmentPath: REPO,
        extensionTestsPath: path.join(SUITE_OUT, 'suite', 'index.js'),
      }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    exitCode = await Promise.race([
      exit,
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (exitCode === 'timeout') {
      await page.screenshot({ path: path.join(RESULTS_DIR, 'vscode-suite-timeout.png') }).catch(() => undefined);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  const result = fs.existsSync(resultFile)
    ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passes: number; failures: number; pending: number })
    : undefined;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (exitCode === 'timeout') console.error(`The suite did not finish within ${TIMEOUT_MS / 1000} s.`);
  if (!result) {
    console.error(`The suite wrote no result (workbench exit code ${exitCode}); see ${path.join(RESULTS_DIR, 'code-server-suite.log')}.`);
    console.log('0 passed, 1 failed');
    run.remove();
    return 1;
  }
  fs.copyFileSync(resultFile, path.join(RESULTS_DIR, 'vscode-suite.json'));
  run.remove();
  console.log(`VS Code suite (code-server ${readVersion(tools.codeServer)}) ran in ${seconds} s.`);
  const skipped = result.pending > 0 ? `, ${result.pending} skipped` : '';
  console.log(`${result.passes} passed, ${result.failures} failed${skipped}`);
  return result.failures === 0 && result.passes > 0 && exitCode === 0 ? 0 : 1;
}

function readVersion(dir: string): string {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

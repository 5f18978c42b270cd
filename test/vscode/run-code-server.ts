// Runs the extension-host suite (test/vscode/suite) in a real VS Code: code-server's workbench in
// headless Chromium. The web workbench takes extensionDevelopmentPath / extensionTestsPath from
// the URL's payload when the server runs with the smoke-test driver enabled, and reports the
// outcome through window.codeAutomationExit. The suite runs twice: in a trusted workspace, then
// its Restricted Mode tests in an untrusted one.
//
// Needs `node test/vscode/build.mjs` and `npm run build` first (npm run test:vscode does both).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, SUITE_OUT, workbenchUrl, type Tools } from './harness';

const TIMEOUT_MS = 5 * 60_000;

interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
}

type Mode = 'trusted' | 'untrusted';

/** Runs the suite in one workbench; returns its result, or undefined when it reported none. */
async function runSuite(tools: Tools, mode: Mode): Promise<SuiteResult | undefined> {
  const run = prepareRun(`vscode-${mode}`, undefined, { untrusted: mode === 'untrusted' });
  const resultFile = path.join(run.root, 'result.json');
  run.env.ALLIANCE_CITE_TEST_RESULT = resultFile;
  run.env.ALLIANCE_CITE_SUITE = mode;
  const logFile = path.join(RESULTS_DIR, `code-server-suite-${mode}.log`);
  const server = await startCodeServer(tools, run, { logFile, untrusted: mode === 'untrusted' });
  let context: BrowserContext | undefined;
  let exitCode: number | 'timeout' = 'timeout';
  try {
    context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());
    const exit = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    });
    // The suite's own output (mocha's reporter) comes as log messages; workbench noise (gallery
    // look-ups without network, missing wasm) as warnings and errors, kept in the log file only.
    const consoleLog = fs.openSync(path.join(RESULTS_DIR, `vscode-suite-${mode}-console.log`), 'w');
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
      console.error(`The ${mode} suite did not finish within ${TIMEOUT_MS / 1000} s.`);
      await page.screenshot({ path: path.join(RESULTS_DIR, `vscode-suite-${mode}-timeout.png`) }).catch(() => undefined);
    }
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
  if (!fs.existsSync(resultFile)) {
    console.error(`The ${mode} suite wrote no result (workbench exit code ${exitCode}); see ${logFile}.`);
    run.remove();
    return undefined;
  }
  fs.copyFileSync(resultFile, path.join(RESULTS_DIR, `vscode-suite-${mode}.json`));
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
  run.remove();
  // A workbench that reports failure although no test failed (e.g. run() threw) counts as one failure.
  return exitCode === 0 || result.failures > 0 ? result : { ...result, failures: result.failures + 1 };
}

async function main(): Promise<number> {
  const suiteEntry = path.join(SUITE_OUT, 'suite', 'index.js');
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing; run node test/vscode/build.mjs first`);
  if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing; run npm run build first');
  const started = Date.now();
  const tools = ensureTools();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const total: SuiteResult = { passes: 0, failures: 0, pending: 0 };
  for (const mode of ['trusted', 'untrusted'] as const) {
    const result = (await runSuite(tools, mode)) ?? { passes: 0, failures: 1, pending: 0 };
    total.passes += result.passes;
    total.failures += result.failures;
    total.pending += result.pending;
  }
  const version = (JSON.parse(fs.readFileSync(path.join(tools.codeServer, 'package.json'), 'utf8')) as { version: string }).version;
  console.log(`VS Code suite (code-server ${version}, trusted and untrusted workspaces) ran in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  const skipped = total.pending > 0 ? `, ${total.pending} skipped` : '';
  console.log(`${total.passes} passed, ${total.failures} failed${skipped}`);
  return total.failures === 0 && total.passes > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:vscode: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);

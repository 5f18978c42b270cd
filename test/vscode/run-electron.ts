// Runs the extension-host suite (test/vscode/suite) in desktop VS Code through
// @vscode/test-electron, where a VS Code build can be downloaded (a developer machine, public CI).
// Same suite, same fixture workspace as the code-server launcher.
//
//   VSCODE_VERSION  VS Code version to test (default: stable; the minimum supported is 1.95.0)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { prepareRun, REPO, RESULTS_DIR, SUITE_OUT } from './harness';

async function main(): Promise<number> {
  const suiteEntry = path.join(SUITE_OUT, 'suite', 'index.js');
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing; run node test/vscode/build.mjs first`);
  const run = prepareRun('vscode-electron');
  const resultFile = path.join(run.root, 'result.json');
  let exitCode: number;
  try {
    exitCode = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO,
      extensionTestsPath: suiteEntry,
      extensionTestsEnv: { ALLIANCE_CITE_TEST_RESULT: resultFile },
      launchArgs: [
        run.workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir',
        run.dirs['user-data'],
        '--extensions-dir',
        run.dirs.extensions,
      ],
    });
  } catch (error) {
    // runTests rejects when the suite fails; the result file says what happened.
    console.error(error instanceof Error ? error.message : String(error));
    exitCode = 1;
  }
  if (!fs.existsSync(resultFile)) {
    console.log('0 passed, 1 failed');
    return 1;
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passes: number; failures: number; pending: number };
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.copyFileSync(resultFile, path.join(RESULTS_DIR, 'vscode-suite-electron.json'));
  run.remove();
  const skipped = result.pending > 0 ? `, ${result.pending} skipped` : '';
  console.log(`${result.passes} passed, ${result.failures} failed${skipped}`);
  return result.failures === 0 && result.passes > 0 && exitCode === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:vscode (electron): ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

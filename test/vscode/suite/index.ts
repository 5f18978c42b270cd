// Entry point of the extension-host suite, as @vscode/test-electron and the code-server launcher
// expect: run() runs mocha inside the extension host and resolves or rejects with the outcome.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

interface SuiteResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; error?: string }[];
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  // The code-server launcher runs the Restricted Mode tests in a second, untrusted workbench.
  const untrusted = process.env.ALLIANCE_CITE_SUITE === 'untrusted';
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js') && f.endsWith('.untrusted.test.js') === untrusted)
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));
  const result: SuiteResult = { passes: 0, failures: 0, pending: 0, durationMs: 0, tests: [] };
  const started = Date.now();
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      result.passes++;
      result.tests.push({ title: test.fullTitle(), state: 'passed' });
    });
    runner.on('fail', (test, error: Error) => {
      result.failures++;
      result.tests.push({ title: test.fullTitle(), state: 'failed', error: error.message });
    });
    runner.on('pending', (test) => {
      result.pending++;
      result.tests.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
  result.durationMs = Date.now() - started;
  // The extension host exits 0 either way under code-server, so the launcher reads this file.
  const resultFile = process.env.ALLIANCE_CITE_TEST_RESULT ?? path.join(__dirname, '..', 'result.json');
  fs.writeFileSync(resultFile, JSON.stringify(result, null, 2));
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.passes + result.failures} tests failed.`);
}

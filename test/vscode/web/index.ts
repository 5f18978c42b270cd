// Entry point of the web-worker suite: code-server's web worker extension host loads this bundle
// (CommonJS, `vscode` the only module it can require, no Node built-ins) and calls run(). Mocha's
// browser build sets `globalThis.mocha`; results go out as console lines (the launcher forwards
// them) and through the promise, which the workbench turns into its exit code.
import 'mocha/mocha.js';
import { defineTests } from './worker.test';

interface BrowserMocha {
  setup(options: { ui: 'bdd'; timeout: number; reporter: unknown }): void;
  run(done: (failures: number) => void): void;
}

interface Runner {
  on(event: 'pass', listener: (test: { fullTitle(): string }) => void): void;
  on(event: 'fail', listener: (test: { fullTitle(): string }, error: Error) => void): void;
  on(event: 'end', listener: () => void): void;
}

/** Writes one line per test and a summary line that the launcher reads. */
function LineReporter(runner: Runner): void {
  let passes = 0;
  let failures = 0;
  runner.on('pass', (test) => {
    passes++;
    console.log(`  ✔ ${test.fullTitle()}`);
  });
  runner.on('fail', (test, error) => {
    failures++;
    console.log(`  ✘ ${test.fullTitle()}: ${error.message}`);
  });
  runner.on('end', () => console.log(`web suite: ${passes} passing, ${failures} failing`));
}

function run(): Promise<void> {
  const mocha = (globalThis as unknown as { mocha: BrowserMocha }).mocha;
  mocha.setup({ ui: 'bdd', timeout: 30_000, reporter: LineReporter });
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} web-worker tests failed`)) : resolve()));
  });
}

// Mocha's bundle assigns the loader's `module.exports` itself; the suite's export must come last.
module.exports = { run };

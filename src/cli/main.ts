// Entry point of the `alliance-cite` command. Only argument parsing runs before the command is
// known, so `--help` and `--version` do not load the linter.
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../package.json';
import { parseArgs, UsageError, type CliOptions } from './args';
import { HELP } from './help';
import { runLsp } from './lsp';
import { WORKER_ROLE, type WorkerData } from './pool';

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    if (argv[0] === 'lsp') return await runLsp(argv.slice(1), process.stdout);
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`alliance-cite: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (options.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (options.command === 'version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const { run } = await import('./run');
  return run(options, {
    cwd: process.cwd(),
    version,
    stdout: process.stdout,
    stderr: process.stderr,
    stdoutIsTerminal: process.stdout.isTTY === true,
    readStdin,
    workerScript: __filename,
  });
}

function readStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
  });
}

/** True when this bundle was started as a lint worker by the pool. */
function isLintWorker(data: unknown): data is WorkerData {
  return !isMainThread && (data as WorkerData | null)?.role === WORKER_ROLE;
}

if (isLintWorker(workerData)) {
  const data = workerData;
  void import('./worker').then(({ startWorker }) => startWorker(data));
} else {
  runMain();
}

function runMain(): void {
  // A reader that stops early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`alliance-cite: cannot write to standard output: ${error.message}\n`);
    process.exit(2);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      // An unexpected failure still ends with a one-line message, never a stack trace.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`alliance-cite: internal error: ${message}\n`);
      if (process.env.ALLIANCE_CITE_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
      process.exitCode = 2;
    },
  );
}

// `npm run bench [-- --quick] [-- --runs N]`: generates two corpora (a mixed documentation tree and
// one of Alliance drafts only), times the alliance-cite CLI, markdownlint-cli2 and the parse floor
// on each as whole processes, measures re-lint latency in process and through the language server,
// checks that lint time grows no faster than n log n with hostile drafts, and prints the figures.
// The last line is the one-line summary CI logs keep.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findDrafts } from '../src/node/files';
import { bundleBenchScripts } from './bundle';
import { prepareCorpus, type CorpusKind } from './generate';
import type { GrowthResult } from './growth';
import { firstLineOf, runTimed, type ProcessRun } from './measure';
import type { LatencyResult } from './relint';
import { machineDescription, printReport, summaryLine, type CorpusReport, type ToolReport } from './report';
import { measureServerLatency, type ServerLatency } from './server';
import { summarise } from './stats';

interface BenchOptions {
  quick: boolean;
  runs: number;
  edits: number;
  build: boolean;
}

/** Retrieval dates are judged against a fixed day so figures do not drift with the calendar. */
const AS_OF = '2026-11-25';
const USAGE = 'usage: npm run bench [-- --quick] [--runs N] [--edits N] [--no-build]';

function parseOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { quick: false, runs: 0, edits: 0, build: true };
  for (let i = 0; i < argv.length; i++) {
    const count = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) fail(`${argv[i - 1]} needs a positive whole number\n${USAGE}`);
      return value;
    };
    if (argv[i] === '--help' || argv[i] === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (argv[i] === '--quick') options.quick = true;
    else if (argv[i] === '--runs') options.runs = count();
    else if (argv[i] === '--edits') options.edits = count();
    else if (argv[i] === '--no-build') options.build = false;
    else fail(`unknown option ${argv[i]}\n${USAGE}`);
  }
  options.runs ||= options.quick ? 2 : 5;
  options.edits ||= options.quick ? 40 : 200;
  return options;
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** Builds dist/cli.js; returns why the CLI cannot be measured, or undefined when it can. */
function buildCli(root: string, build: boolean): string | undefined {
  if (build) {
    const result = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) return `the build failed: ${(result.stderr || result.stdout).split('\n').find((l) => l.trim()) ?? `exit ${result.status}`}`;
  }
  return existsSync(join(root, 'dist/cli.js')) ? undefined : 'dist/cli.js not found (run npm run build)';
}

interface Tool {
  name: string;
  corpus: CorpusKind;
  /** Working folder: the corpus root. */
  cwd: string;
  args: string[];
  /** Exit codes that mean "ran to the end" (linters exit 1 when they report findings). */
  okStatus: number[];
  runs: ProcessRun[];
  failure?: string;
}

function measureRounds(tools: Tool[], rounds: number, warmUp: boolean, work: string): void {
  // Round 0 warms the disk cache and is not counted (the quick run skips it: the corpus was just
  // written, so it is cached). Rotating the order spreads drift evenly over the tools.
  for (let round = warmUp ? 0 : 1; round <= rounds; round++) {
    for (let k = 0; k < tools.length; k++) {
      const tool = tools[(k + round) % tools.length];
      if (tool.failure) continue;
      const files = { stdoutFile: join(work, `${tool.corpus}-${tool.name}.out`), stderrFile: join(work, `${tool.corpus}-${tool.name}.err`) };
      const run = runTimed({ args: tool.args, cwd: tool.cwd, ...files }, work);
      if (run.status === null || !tool.okStatus.includes(run.status)) {
        const why = run.signal ? `killed by ${run.signal}` : `exit ${run.status}`;
        tool.failure = `${why}: ${firstLineOf(files.stderrFile) || firstLineOf(files.stdoutFile) || 'no output'}`;
      } else if (round > 0) tool.runs.push(run);
    }
    process.stdout.write(round === 0 ? 'warm-up round done\n' : `round ${round}/${rounds} done\n`);
  }
}

function measureLatency(relintScript: string, edits: number, quick: boolean): LatencyResult[] | string {
  // A budget per draft size keeps a slow core from stalling the run; fewer edits are then reported.
  const budget = quick ? ['--warmup', '1', '--budget-ms', '4000', '--min-edits', '3'] : ['--warmup', '20', '--budget-ms', '90000', '--min-edits', '20'];
  const args = [relintScript, '--edits', String(edits), ...budget, '--sizes', '300,1000,5000'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) return `relint failed (exit ${result.status}): ${result.stderr.split('\n').find((l) => l.trim()) ?? ''}`;
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '[]') as LatencyResult[];
}

/** Keystroke latency of the language server (dist/cli.js lsp --stdio), with the same budgets as the re-lint loop. */
async function serverLatency(root: string, options: BenchOptions): Promise<ServerLatency[] | string> {
  const budget = options.quick ? { warmup: 1, budgetMs: 4000, minEdits: 3 } : { warmup: 20, budgetMs: 90_000, minEdits: 20 };
  try {
    return await measureServerLatency({ root, sizes: [300, 1000, 5000], edits: options.edits, asOf: AS_OF, ...budget });
  } catch (error) {
    return `the language server failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function measureGrowth(growthScript: string, quick: boolean): GrowthResult[] | string {
  // The quick run grows smaller drafts: a quadratic still shows, in seconds rather than a minute.
  const args = [growthScript, '--scale', quick ? '0.5' : '1', '--reps', '3'];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) return `growth check failed (exit ${result.status}): ${result.stderr.split('\n').find((l) => l.trim()) ?? ''}`;
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '[]') as GrowthResult[];
}

function toolsFor(kind: CorpusKind, cwd: string, root: string, work: string, parseFloor: string, cliProblem: string | undefined): Tool[] {
  const common = { corpus: kind, cwd };
  return [
    { ...common, runs: [], name: 'cli', args: [join(root, 'dist/cli.js'), '--as-of', AS_OF, '--format', `json=${join(work, `${kind}-cli-findings.json`)}`, '.'], okStatus: [0, 1], failure: cliProblem && `unavailable: ${cliProblem}` },
    { ...common, runs: [], name: 'markdownlint-cli2', args: [join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), '**/*.md'], okStatus: [0, 1] },
    { ...common, runs: [], name: 'parse-floor', args: [parseFloor, '.'], okStatus: [0] },
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const root = resolve(import.meta.dirname, '..');
  const work = join(root, 'bench/.work');
  mkdirSync(work, { recursive: true });
  process.stdout.write(`${machineDescription()}\n`);

  const corpora = (['mixed', 'alliance'] as const).map((kind) => ({ kind, ...prepareCorpus(root, options.quick, kind) }));
  for (const { kind, dir, summary } of corpora) {
    const mb = (summary.bytes / 1e6).toFixed(1);
    process.stdout.write(`${kind} corpus: ${dir}: ${summary.files} files (${summary.allianceFiles} about the Alliance), ${summary.lines} lines, ${mb} MB\n`);
  }

  const cliProblem = buildCli(root, options.build);
  const bundles = await bundleBenchScripts(root, work);
  const tools = corpora.flatMap(({ kind, dir }) => toolsFor(kind, dir, root, work, bundles.parseFloor, cliProblem));
  if (!cliProblem) {
    for (const { kind, dir, summary } of corpora) {
      const seen = findDrafts({ cwd: dir, patterns: ['.'] }).files.length;
      if (seen !== summary.files) process.stdout.write(`warning: the CLI would lint ${seen} of ${summary.files} ${kind} corpus files\n`);
    }
  }
  measureRounds(tools, options.runs, !options.quick, work);
  const latency = measureLatency(bundles.relint, options.edits, options.quick);
  const server = cliProblem ? `unavailable: ${cliProblem}` : await serverLatency(root, options);
  process.stdout.write('latency measured\n');
  const growth = measureGrowth(bundles.growth, options.quick);

  const reportOf = (t: Tool): ToolReport => ({
    name: t.name,
    failure: t.failure,
    wall: t.runs.length ? summarise(t.runs.map((r) => r.wallMs)) : undefined,
    cpu: t.runs.length && t.runs.every((r) => r.cpuMs !== undefined) ? summarise(t.runs.map((r) => r.cpuMs ?? 0)) : undefined,
    peakMb: t.runs.length ? Math.max(...t.runs.map((r) => r.peakMb ?? NaN)) : undefined,
  });
  const reports: CorpusReport[] = corpora.map(({ kind, summary }) => ({ kind, summary, reports: tools.filter((t) => t.corpus === kind).map(reportOf) }));
  const markdown = printReport({ corpora: reports, latency, server, growth, options, asOf: AS_OF }, (line) => process.stdout.write(`${line}\n`));
  writeFileSync(join(work, 'last-run.md'), markdown);
  process.stdout.write(`(figures as Markdown in ${join(work, 'last-run.md')})\n`);
  process.stdout.write(`${summaryLine(reports, latency)}\n`);
  const grewTooFast = typeof growth === 'string' || growth.some((g) => !g.ok);
  if (tools.some((t) => t.failure) || typeof latency === 'string' || typeof server === 'string' || grewTooFast) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

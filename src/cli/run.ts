// Runs a parsed command: finds drafts, lints (and fixes) each, prints reports in a stable order.
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { STARTER_CONFIG } from '../core/config';
import { createIgnoreMatcher, describeError, findDrafts } from '../node/files';
import type { CliOptions } from './args';
import { applyBaselines } from './baseline';
import { ConfigResolver, isConfigProblem, type ResolvedConfig } from './config';
import { startCoreSample } from './cores';
import { countDraftsToParse, lintDraft, type Draft, type DraftOutcome, type DraftSettings } from './draft';
import { formatReport } from './formatters';
import { lintInWorkers } from './pool';
import { countFindings, type FileReport } from './report';

export interface CliIo {
  cwd: string;
  version: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdoutIsTerminal: boolean;
  readStdin: () => Promise<Buffer>;
  /** The script a worker thread starts from (the CLI bundle); without it, drafts are linted serially. */
  workerScript?: string;
}

/** What a command that works on the drafts of a run (`report`, `check-sources`) is given. */
export interface CommandContext {
  settings: DraftSettings;
  resolver: ConfigResolver;
  options: CliOptions;
  io: CliIo;
  problems: Problems;
}

/** Collects messages for stderr; any `fail` makes the exit code 2. */
export class Problems {
  failed = false;
  private readonly seen = new Set<string>();

  constructor(private readonly stderr: NodeJS.WritableStream) {}

  fail(message: string): void {
    this.failed = true;
    this.print(message);
  }

  note(message: string): void {
    this.print(message);
  }

  private print(message: string): void {
    if (this.seen.has(message)) return;
    this.seen.add(message);
    this.stderr.write(`alliance-cite: ${message}\n`);
  }
}

/**
 * Parsed drafts per extra thread before threads pay. A worker costs about 0.3 s of CPU to load
 * the bundle and warm up, and a draft that is parsed lints in about 5 to 20 ms, so a thread
 * needs a few hundred of them to earn its start.
 */
const MIN_DRAFTS_PER_WORKER = 200;

export async function run(options: CliOptions, io: CliIo): Promise<number> {
  // What other processes do while the drafts are found decides how many threads lint them.
  const coresBusyByOthers = startCoreSample();
  const problems = new Problems(io.stderr);
  const settings: DraftSettings = {
    cwd: io.cwd,
    configPath: options.configPath,
    ruleOverrides: options.ruleOverrides,
    asOf: options.asOf,
    fix: options.fix,
    fixDryRun: options.fixDryRun,
    quiet: options.quiet,
    crashOn: process.env.ALLIANCE_CITE_TEST_CRASH_ON || undefined,
    onlyRule: options.command === 'check-sources' ? 'unreachable-source' : undefined,
  };
  const resolver = new ConfigResolver(settings);
  if (options.command === 'init') return runInit(io, problems);
  if (options.command === 'print-config') return runPrintConfig(options.printConfigFile ?? '', io, resolver, problems);
  if (options.command === 'verify') {
    const { runVerify } = await import('./verify');
    runVerify(options.patterns, options.asOf ?? new Date().toISOString().slice(0, 10), resolver, { cwd: io.cwd, stdout: io.stdout, fail: (m) => problems.fail(m) });
    return problems.failed ? 2 : 0;
  }

  const drafts: Draft[] = [];
  if (options.stdin) {
    const name = options.stdinFilename;
    drafts.push({
      absolutePath: path.resolve(io.cwd, name ?? 'stdin.md'),
      displayPath: name ? displayPathOf(io.cwd, path.resolve(io.cwd, name)) : '<stdin>',
      stdinBytes: await io.readStdin(),
    });
  } else {
    // One compiled matcher per config, not per file.
    const ignoreMatchers = new WeakMap<ResolvedConfig, (file: string) => boolean>();
    const found = findDrafts({
      cwd: io.cwd,
      patterns: options.patterns,
      isIgnoredByConfig: (file) => {
        const resolved = resolver.resolve(file);
        if (isConfigProblem(resolved)) return false;
        let matcher = ignoreMatchers.get(resolved);
        if (!matcher) {
          matcher = createIgnoreMatcher(resolved.config.ignore, resolved.baseDir);
          ignoreMatchers.set(resolved, matcher);
        }
        return matcher(file);
      },
    });
    for (const problem of found.problems) problems.fail(`${problem.target}: ${problem.message}`);
    for (const skipped of found.skipped) problems.note(`${skipped.target}: ${skipped.message}`);
    for (const file of found.files) drafts.push({ absolutePath: file, displayPath: displayPathOf(io.cwd, file) });
    if (drafts.length === 0 && found.problems.length === 0) problems.note('no Markdown files found');
  }
  if (options.command === 'report') {
    const { runReport } = await import('./ledger');
    return runReport(drafts, { settings, resolver, options, io, problems });
  }
  if (options.command === 'check-sources') {
    const { checkCitedSources } = await import('./check-sources');
    settings.sourceStatus = await checkCitedSources(drafts, { settings, resolver, options, io, problems });
  }

  const threads = await threadCount(options.threads, drafts, io.workerScript !== undefined, (enough) => countDraftsToParse(drafts, resolver, enough), coresBusyByOthers);
  const outcomes: DraftOutcome[] =
    threads > 1 && io.workerScript
      ? await lintInWorkers(io.workerScript, drafts, settings, threads)
      : drafts.map((draft) => lintDraft(draft, settings, resolver));

  const linted: FileReport[] = [];
  const patches: string[] = [];
  for (const outcome of outcomes) {
    for (const message of outcome.messages) {
      if (message.fail) problems.fail(message.text);
      else problems.note(message.text);
    }
    if (outcome.report) linted.push(outcome.report);
    if (outcome.patch) patches.push(outcome.patch);
  }
  const reports = applyBaselines(
    linted,
    // check-sources reports one rule: a baseline of lint findings would only look stale to it.
    { cwd: io.cwd, baseline: options.baseline, baselineWrite: options.baselineWrite, noBaseline: options.noBaseline || options.command === 'check-sources' },
    resolver,
    problems,
  );

  // --fix on stdin prints the fixed draft; --fix-dry-run prints the diff. Either replaces the
  // report on stdout unless a format was asked for explicitly.
  const fixedStdin = options.stdin && options.fix ? outcomes[0]?.fixedBytes : undefined;
  if (fixedStdin) io.stdout.write(fixedStdin);
  if (options.fixDryRun) io.stdout.write(patches.join(''));
  const stdoutTaken = (options.stdin && options.fix) || (options.fixDryRun && !options.formatsGiven);
  for (const request of options.formats) {
    const toFile = request.file !== undefined;
    if (!toFile && stdoutTaken) continue;
    const color = !toFile && (options.color ?? (io.stdoutIsTerminal && !process.env.NO_COLOR));
    const text = formatReport(request.name, reports, { cwd: io.cwd, version: io.version, color, explain: options.explain });
    writeOutput(request, text, io, problems);
  }

  if (problems.failed) return 2;
  const totals = countFindings(reports);
  if (totals.errors > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    problems.note(`too many warnings: ${totals.warnings} (--max-warnings ${options.maxWarnings})`);
    return 1;
  }
  return 0;
}

/** Writes one report to standard output or to the file the request names. */
export function writeOutput(request: { name: string; file?: string }, text: string, io: CliIo, problems: Problems): void {
  if (request.file === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    const target = path.resolve(io.cwd, request.file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  } catch (error) {
    problems.fail(`${request.file}: cannot write the ${request.name} report: ${describeError(error)}`);
  }
}

/**
 * Chooses how many threads lint: `--threads N` if given, else one per idle core on trees with many
 * drafts to parse.
 * Extra threads only pay on cores nobody else is using: on a busy two-core machine (load 7) two
 * threads took 40 % more CPU time for the same wall time on a 2,000-draft tree. So, like
 * `make --load-average`, cores other processes keep busy are not counted; they are measured
 * while the drafts are found (see cores.ts). The output does not depend on the choice.
 */
async function threadCount(
  requested: number | undefined,
  drafts: readonly Draft[],
  workersAvailable: boolean,
  draftsToParse: (enough: number) => number,
  coresBusyByOthers: () => Promise<number>,
): Promise<number> {
  if (!workersAvailable || drafts.length < 2) return 1;
  if (requested !== undefined) return Math.max(1, Math.min(requested, drafts.length));
  const cap = Math.min(Math.floor(drafts.length / MIN_DRAFTS_PER_WORKER), availableParallelism(), 8);
  if (cap < 2) return 1;
  const most = Math.min(cap, Math.floor(draftsToParse(cap * MIN_DRAFTS_PER_WORKER) / MIN_DRAFTS_PER_WORKER));
  if (most < 2) return 1;
  const idleCores = Math.floor(availableParallelism() - (await coresBusyByOthers()) + 0.5);
  return Math.max(1, Math.min(idleCores, most));
}

function runInit(io: CliIo, problems: Problems): number {
  for (const name of ['.alliance-cite.yaml', '.alliance-cite.yml']) {
    if (fs.existsSync(path.join(io.cwd, name))) {
      problems.fail(`${name} already exists; not overwritten`);
      return 2;
    }
  }
  try {
    fs.writeFileSync(path.join(io.cwd, '.alliance-cite.yaml'), STARTER_CONFIG, { flag: 'wx' });
  } catch (error) {
    problems.fail(`.alliance-cite.yaml: cannot write: ${describeError(error)}`);
    return 2;
  }
  io.stdout.write('Wrote .alliance-cite.yaml\n');
  return 0;
}

async function runPrintConfig(file: string, io: CliIo, resolver: ConfigResolver, problems: Problems): Promise<number> {
  const resolved = resolver.resolve(path.resolve(io.cwd, file));
  if (isConfigProblem(resolved)) {
    problems.fail(resolved.message);
    return 2;
  }
  const { stringify } = await import('yaml');
  const sources = resolved.files.length > 0 ? resolved.files.map((f) => displayPathOf(io.cwd, f)).join(', ') : 'built-in defaults only';
  const baseline = resolved.baseline === undefined ? '' : `# Baseline of known findings: ${displayPathOf(io.cwd, resolved.baseline)}\n`;
  io.stdout.write(`# Effective config of ${file} (from ${sources})\n${baseline}${stringify(resolved.config)}`);
  return 0;
}

/** Prints paths relative to the working folder with `/`, as CI annotations expect. */
function displayPathOf(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

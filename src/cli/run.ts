// Runs a parsed command: finds drafts, lints (and fixes) each in a stable order, prints reports.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, lint, LineIndex, type LintOptions } from '../core';
import { describeError, findDrafts } from '../node/files';
import { WriteRefusedError, writeFileAtomic } from '../node/write';
import type { CliOptions } from './args';
import { STARTER_CONFIG } from '../core/config';
import { ConfigResolver, isConfigProblem } from './config';
import { decodeDraft, encodeDraft } from './decode';
import { formatReport } from './formatters';
import { unifiedDiff } from './patch';
import { countFindings, toFindings, type FileReport } from './report';
import { createIgnoreMatcher } from '../node/files';

export interface CliIo {
  cwd: string;
  version: string;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  stdoutIsTerminal: boolean;
  readStdin: () => Promise<Buffer>;
}

/** Collects messages for stderr; any `fail` makes the exit code 2. */
class Problems {
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

/** A draft to lint: where it lives, how it is printed, and (for stdin) its bytes. */
interface Draft {
  absolutePath: string;
  displayPath: string;
  stdinBytes?: Buffer;
}

export async function run(options: CliOptions, io: CliIo): Promise<number> {
  const problems = new Problems(io.stderr);
  const resolver = new ConfigResolver({ cwd: io.cwd, configPath: options.configPath, ruleOverrides: options.ruleOverrides });
  if (options.command === 'init') return runInit(io, problems);
  if (options.command === 'print-config') return runPrintConfig(options.printConfigFile ?? '', io, resolver, problems);

  const drafts: Draft[] = [];
  if (options.stdin) {
    const name = options.stdinFilename ?? '<stdin>';
    drafts.push({
      absolutePath: path.resolve(io.cwd, options.stdinFilename ?? 'stdin.md'),
      displayPath: options.stdinFilename ? displayPathOf(io.cwd, path.resolve(io.cwd, name)) : name,
      stdinBytes: await io.readStdin(),
    });
  } else {
    const found = findDrafts({
      cwd: io.cwd,
      patterns: options.patterns,
      isIgnoredByConfig: (file) => {
        const resolved = resolver.resolve(file);
        return !isConfigProblem(resolved) && createIgnoreMatcher(resolved.config.ignore, resolved.baseDir)(file);
      },
    });
    for (const problem of found.problems) problems.fail(`${problem.target}: ${problem.message}`);
    for (const file of found.files) drafts.push({ absolutePath: file, displayPath: displayPathOf(io.cwd, file) });
    if (drafts.length === 0 && found.problems.length === 0) problems.note('no Markdown files found');
  }

  const reports: FileReport[] = [];
  const patches: string[] = [];
  let fixedStdinBytes: Buffer | undefined;
  for (const draft of drafts) {
    const outcome = lintDraft(draft, options, resolver, problems);
    if (!outcome) continue;
    reports.push(outcome.report);
    if (outcome.patch) patches.push(outcome.patch);
    if (draft.stdinBytes && outcome.fixedBytes) fixedStdinBytes = outcome.fixedBytes;
  }

  // --fix on stdin prints the fixed draft; --fix-dry-run prints the diff. Either replaces the
  // report on stdout unless a format was asked for explicitly.
  if (options.stdin && options.fix && fixedStdinBytes) io.stdout.write(fixedStdinBytes);
  if (options.fixDryRun) io.stdout.write(patches.join(''));
  const stdoutTaken = (options.stdin && options.fix) || (options.fixDryRun && !options.formatsGiven);
  for (const request of options.formats) {
    const toFile = request.file !== undefined;
    if (!toFile && stdoutTaken) continue;
    const color = !toFile && (options.color ?? (io.stdoutIsTerminal && !process.env.NO_COLOR));
    const text = formatReport(request.name, reports, { cwd: io.cwd, version: io.version, color });
    if (request.file === undefined) {
      io.stdout.write(text);
      continue;
    }
    try {
      const target = path.resolve(io.cwd, request.file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, text);
    } catch (error) {
      problems.fail(`${request.file}: cannot write the ${request.name} report: ${describeError(error)}`);
    }
  }

  if (problems.failed) return 2;
  const totals = countFindings(reports);
  if (totals.errors > 0) return 1;
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    problems.note(`${totals.warnings} warnings exceed --max-warnings ${options.maxWarnings}`);
    return 1;
  }
  return 0;
}

interface DraftOutcome {
  report: FileReport;
  patch?: string;
  fixedBytes?: Buffer;
}

/** Lints one draft; with --fix or --fix-dry-run, fixes it first and reports what remains. */
function lintDraft(draft: Draft, options: CliOptions, resolver: ConfigResolver, problems: Problems): DraftOutcome | undefined {
  const resolved = resolver.resolve(draft.absolutePath);
  if (isConfigProblem(resolved)) {
    problems.fail(resolved.message);
    return undefined;
  }
  for (const note of resolved.notes) problems.note(`note: ${note}`);
  let bytes: Buffer;
  try {
    bytes = draft.stdinBytes ?? fs.readFileSync(draft.absolutePath);
  } catch (error) {
    problems.fail(`${draft.displayPath}: cannot read: ${describeError(error)}`);
    return undefined;
  }
  const decoded = decodeDraft(bytes);
  if (decoded.kind === 'binary') {
    problems.note(`${draft.displayPath}: skipped: binary file (contains NUL bytes)`);
    return undefined;
  }
  if (decoded.kind === 'invalid-utf8') {
    problems.fail(`${draft.displayPath}:${decoded.line}:${decoded.column}: not valid UTF-8; the file was not linted`);
    return undefined;
  }
  const lintOptions: LintOptions = { config: resolved.config, asOf: options.asOf };
  let text = decoded.text;
  const outcome: Partial<DraftOutcome> = {};
  if (options.fix || options.fixDryRun) {
    const fixed = fixAll(text, lintOptions).text;
    if (fixed !== text) {
      const fixedBytes = encodeDraft(fixed, decoded.bom);
      if (options.fixDryRun) {
        outcome.patch = unifiedDiff(draft.displayPath, text, fixed);
        text = fixed;
      } else if (draft.stdinBytes) {
        outcome.fixedBytes = fixedBytes;
        text = fixed;
      } else {
        try {
          writeFileAtomic(draft.absolutePath, bytes, fixedBytes);
          text = fixed;
        } catch (error) {
          if (!(error instanceof WriteRefusedError)) throw error;
          problems.fail(`${draft.displayPath}: ${error.message}`);
        }
      }
    } else if (draft.stdinBytes) {
      outcome.fixedBytes = bytes;
    }
  }
  const result = lint(text, lintOptions);
  if (result.notes.length > 0) {
    const index = new LineIndex(text);
    for (const note of result.notes) {
      const at = index.positionAt(note.start);
      problems.note(`${draft.displayPath}:${at.line + 1}:${at.character + 1}: note: ${note.message}`);
    }
  }
  let findings = toFindings(text, result.diagnostics);
  if (options.quiet) findings = findings.filter((f) => f.severity === 'error');
  return { ...outcome, report: { path: draft.displayPath, findings } };
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
  io.stdout.write(`# Effective config of ${file} (from ${sources})\n${stringify(resolved.config)}`);
  return 0;
}

/** Prints paths relative to the working folder with `/`, as CI annotations expect. */
function displayPathOf(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join('/');
}

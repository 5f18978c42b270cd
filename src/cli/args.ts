// Parses the command line into a plain options object. Kept free of heavy imports so that
// `--help` and `--version` start fast.
import { RULE_IDS, type RuleId, type RuleSeverity } from '../core/types';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatRequest {
  name: FormatName;
  /** Output file; undefined means standard output. */
  file?: string;
}

export interface CliOptions {
  command: 'lint' | 'init' | 'help' | 'version' | 'print-config' | 'verify';
  patterns: string[];
  stdin: boolean;
  stdinFilename?: string;
  configPath?: string;
  printConfigFile?: string;
  asOf?: string;
  formats: FormatRequest[];
  /** True when the user named at least one format (otherwise stylish to stdout is implied). */
  formatsGiven: boolean;
  fix: boolean;
  fixDryRun: boolean;
  maxWarnings?: number;
  ruleOverrides: Array<{ rule: RuleId; severity: RuleSeverity }>;
  quiet: boolean;
  /** Say why each finding was reported (stylish and json). */
  explain: boolean;
  color?: boolean;
  /** Worker threads for linting; undefined chooses by tree size, 1 lints on the main thread. */
  threads?: number;
  /** Baseline file to use instead of the one the config names. */
  baseline?: string;
  /** Record the run's findings in this baseline file. */
  baselineWrite?: string;
  /** Ignore the baseline the config names. */
  noBaseline: boolean;
}

/** A mistake on the command line; reported as `alliance-cite: message` with exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['--config', '-c', '--print-config', '--as-of', '--format', '-f', '--max-warnings', '--rule', '--stdin-filename', '--threads', '--baseline', '--baseline-write']);

/** Parses `argv` (without the node and script entries). Throws UsageError on a mistake. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    command: 'lint',
    patterns: [],
    stdin: false,
    formats: [],
    formatsGiven: false,
    fix: false,
    fixDryRun: false,
    ruleOverrides: [],
    quiet: false,
    explain: false,
    noBaseline: false,
  };
  let onlyPatterns = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPatterns) {
      options.patterns.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPatterns = true;
      continue;
    }
    if (arg === '-') {
      options.stdin = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      if (arg === 'init' && i === 0) options.command = 'init';
      else if (arg === 'verify' && i === 0) options.command = 'verify';
      else options.patterns.push(arg);
      continue;
    }
    let name = arg;
    let inlineValue: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      name = arg.slice(0, eq);
      inlineValue = arg.slice(eq + 1);
    }
    const takeValue = (): string => {
      if (inlineValue !== undefined) return inlineValue;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`option ${name} needs a value`);
      i++;
      return next;
    };
    if (inlineValue !== undefined && !VALUE_OPTIONS.has(name)) throw new UsageError(`option ${name} takes no value`);
    switch (name) {
      case '-h':
      case '--help':
        options.command = 'help';
        break;
      case '-v':
      case '--version':
        options.command = 'version';
        break;
      case '--stdin':
        options.stdin = true;
        break;
      case '--stdin-filename':
        options.stdinFilename = takeValue();
        break;
      case '-c':
      case '--config':
        options.configPath = takeValue();
        break;
      case '--print-config':
        options.command = 'print-config';
        options.printConfigFile = takeValue();
        break;
      case '--as-of':
        options.asOf = parseIsoDate(takeValue());
        break;
      case '-f':
      case '--format':
        options.formats.push(parseFormat(takeValue()));
        options.formatsGiven = true;
        break;
      case '--fix':
        options.fix = true;
        break;
      case '--fix-dry-run':
        options.fixDryRun = true;
        break;
      case '--max-warnings':
        options.maxWarnings = parseCount(takeValue());
        break;
      case '--rule':
        options.ruleOverrides.push(parseRuleOverride(takeValue()));
        break;
      case '-q':
      case '--quiet':
        options.quiet = true;
        break;
      case '--threads': {
        const value = takeValue();
        if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--threads needs a whole number of at least 1, got "${value}"`);
        options.threads = Number(value);
        break;
      }
      case '--explain':
        options.explain = true;
        break;
      case '--baseline':
        options.baseline = takeValue();
        break;
      case '--baseline-write':
        options.baselineWrite = takeValue();
        break;
      case '--no-baseline':
        options.noBaseline = true;
        break;
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      default:
        throw new UsageError(`unknown option ${name} (see --help)`);
    }
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined');
  if (options.stdin && options.patterns.length > 0) throw new UsageError('standard input (- or --stdin) cannot be combined with file paths');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs - or --stdin');
  if (options.noBaseline && (options.baseline !== undefined || options.baselineWrite !== undefined)) {
    throw new UsageError('--no-baseline cannot be combined with --baseline or --baseline-write');
  }
  if (options.baseline !== undefined && options.baselineWrite !== undefined) {
    throw new UsageError('--baseline and --baseline-write cannot be combined: --baseline-write FILE writes FILE and reports against it');
  }
  if (options.baselineWrite !== undefined && options.fixDryRun) {
    throw new UsageError('--baseline-write cannot be combined with --fix-dry-run, which writes nothing');
  }
  if (options.baselineWrite !== undefined && options.stdin && options.stdinFilename === undefined) {
    throw new UsageError('--baseline-write records drafts by path; name the standard-input draft with --stdin-filename');
  }
  if (options.command === 'verify') {
    if (options.stdin) throw new UsageError('verify changes files in place and cannot read standard input');
    if (options.patterns.length === 0) throw new UsageError('verify needs at least one FILE:LINE');
    const bad = options.patterns.find((p) => !/^.+:[1-9]\d*(?::[1-9]\d*)?$/.test(p));
    if (bad !== undefined) throw new UsageError(`verify needs FILE:LINE (a line from 1), got "${bad}"`);
  }
  if (options.formats.length === 0) options.formats.push({ name: 'stylish' });
  const toStdout = options.formats.filter((f) => f.file === undefined).length;
  if (toStdout > 1) throw new UsageError('only one --format may write to standard output; give the others a file (--format NAME=FILE)');
  return options;
}

function parseFormat(value: string): FormatRequest {
  const eq = value.indexOf('=');
  const name = eq === -1 ? value : value.slice(0, eq);
  const file = eq === -1 ? undefined : value.slice(eq + 1);
  if (!(FORMAT_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`unknown format "${name}" (expected one of ${FORMAT_NAMES.join(', ')})`);
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
  return { name: name as FormatName, file };
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-warnings needs a whole number, got "${value}"`);
  return Number(value);
}

function parseRuleOverride(value: string): { rule: RuleId; severity: RuleSeverity } {
  const match = /^([^=]+)=(error|warning|info|off)$/.exec(value);
  if (!match) throw new UsageError(`--rule needs RULE=SEVERITY with SEVERITY one of error, warning, info, off; got "${value}"`);
  const rule = match[1];
  if (!(RULE_IDS as readonly string[]).includes(rule)) {
    throw new UsageError(`--rule names an unknown rule "${rule}" (known rules: ${RULE_IDS.join(', ')})`);
  }
  return { rule: rule as RuleId, severity: match[2] as RuleSeverity };
}

/** Checks a YYYY-MM-DD calendar date and returns it unchanged. */
export function parseIsoDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d) return value;
  }
  throw new UsageError(`--as-of needs a calendar date as YYYY-MM-DD, got "${value}"`);
}

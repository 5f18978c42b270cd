// Parses the command line into a plain options object. Kept free of heavy imports so that
// `--help` and `--version` start fast.
import { RULE_IDS, type RuleId, type RuleSeverity } from '../core/types';

export const FORMAT_NAMES = ['stylish', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
/** Formats of `report`, the claims ledger. */
export const REPORT_FORMAT_NAMES = ['md', 'json', 'html'] as const;
export type ReportFormatName = (typeof REPORT_FORMAT_NAMES)[number];

export interface FormatRequest<Name extends string = FormatName> {
  name: Name;
  /** Output file; undefined means standard output. */
  file?: string;
}

/** Options of `check-sources`; undefined means the command's default. */
export interface SourceCheckOptions {
  /** Milliseconds a request may take. */
  timeoutMs?: number;
  maxRedirects?: number;
  maxConcurrency?: number;
  /** Milliseconds a cached result stays valid. */
  cacheMaxAgeMs?: number;
  cacheFile?: string;
  noCache: boolean;
}

export interface CliOptions {
  command: 'lint' | 'init' | 'help' | 'version' | 'print-config' | 'verify' | 'report' | 'check-sources';
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
  /** `report`: its formats (md to standard output unless given). */
  reportFormats: FormatRequest<ReportFormatName>[];
  /** `report`: also single out fine claims that go stale within this many days. */
  staleWithinDays?: number;
  /** `check-sources`: how to fetch, and the cache. */
  sources: SourceCheckOptions;
}

/** Commands named by the first argument. */
const SUBCOMMANDS = new Set(['init', 'verify', 'report', 'check-sources']);

/** Options that only one command takes, and the one it is. */
const COMMAND_OPTIONS: Record<string, CliOptions['command']> = {
  '--stale-within': 'report',
  '--timeout': 'check-sources',
  '--max-redirects': 'check-sources',
  '--max-concurrency': 'check-sources',
  '--cache-max-age': 'check-sources',
  '--cache-file': 'check-sources',
  '--no-cache': 'check-sources',
};

/** Lint options that `report` and `check-sources` do not take, with why. */
const NOT_FOR: Record<string, Partial<Record<CliOptions['command'], string>>> = {
  '--fix': { report: 'it changes no file', 'check-sources': 'it changes no file' },
  '--fix-dry-run': { report: 'it changes no file', 'check-sources': 'it changes no file' },
  '--baseline': { report: 'it lists every claim', 'check-sources': 'it reports every unreachable source' },
  '--baseline-write': { report: 'it lists every claim', 'check-sources': 'it reports every unreachable source' },
  '--no-baseline': { report: 'it lists every claim', 'check-sources': 'it uses no baseline' },
  '--max-warnings': { report: 'it lists claims and always exits 0' },
  '--quiet': { report: 'it lists every claim' },
  '--rule': { report: 'it lists every claim whatever the rules\' severities' },
  '--explain': { report: 'it explains every claim already' },
  '--threads': { report: 'it reads drafts on one thread', 'check-sources': 'it lints drafts on one thread' },
};

/** A mistake on the command line; reported as `alliance-cite: message` with exit code 2. */
export class UsageError extends Error {}

const VALUE_OPTIONS = new Set(['--config', '-c', '--print-config', '--as-of', '--format', '-f', '--max-warnings', '--rule', '--stdin-filename', '--threads', '--baseline', '--baseline-write', '--stale-within', '--timeout', '--max-redirects', '--max-concurrency', '--cache-max-age', '--cache-file']);

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
    reportFormats: [],
    sources: { noCache: false },
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
      if (i === 0 && SUBCOMMANDS.has(arg)) options.command = arg as CliOptions['command'];
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
    const owner = COMMAND_OPTIONS[name];
    if (owner !== undefined && owner !== options.command) throw new UsageError(`${name} is an option of \`alliance-cite ${owner}\``);
    const refused = NOT_FOR[name]?.[options.command];
    if (refused !== undefined) throw new UsageError(`${options.command} does not take ${name}: ${refused}`);
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
        if (options.command === 'report') options.reportFormats.push(parseFormat(takeValue(), REPORT_FORMAT_NAMES));
        else options.formats.push(parseFormat(takeValue(), FORMAT_NAMES));
        options.formatsGiven = true;
        break;
      case '--stale-within':
        options.staleWithinDays = parseDuration(name, takeValue(), { d: 1, w: 7 }, 'd');
        break;
      case '--timeout':
        options.sources.timeoutMs = parseDuration(name, takeValue(), { ms: 1, s: 1000, m: 60_000 }, 's', 1);
        break;
      case '--cache-max-age':
        options.sources.cacheMaxAgeMs = parseDuration(name, takeValue(), { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }, 'd');
        break;
      case '--max-redirects':
        options.sources.maxRedirects = parseWhole(name, takeValue(), 0);
        break;
      case '--max-concurrency':
        options.sources.maxConcurrency = parseWhole(name, takeValue(), 1);
        break;
      case '--cache-file':
        options.sources.cacheFile = takeValue();
        break;
      case '--no-cache':
        options.sources.noCache = true;
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
  if (options.sources.noCache && (options.sources.cacheFile !== undefined || options.sources.cacheMaxAgeMs !== undefined)) {
    throw new UsageError('--no-cache cannot be combined with --cache-file or --cache-max-age');
  }
  if (options.formats.length === 0) options.formats.push({ name: 'stylish' });
  if (options.reportFormats.length === 0) options.reportFormats.push({ name: 'md' });
  const requests = options.command === 'report' ? options.reportFormats : options.formats;
  const toStdout = requests.filter((f) => f.file === undefined).length;
  if (toStdout > 1) throw new UsageError('only one --format may write to standard output; give the others a file (--format NAME=FILE)');
  return options;
}

function parseFormat<Name extends string>(value: string, names: readonly Name[]): FormatRequest<Name> {
  const eq = value.indexOf('=');
  const name = eq === -1 ? value : value.slice(0, eq);
  const file = eq === -1 ? undefined : value.slice(eq + 1);
  if (!(names as readonly string[]).includes(name)) {
    throw new UsageError(`unknown format "${name}" (expected one of ${names.join(', ')})`);
  }
  if (file === '') throw new UsageError(`--format ${name}= needs a file name after "="`);
  return { name: name as Name, file };
}

/**
 * Reads a duration such as `30d`, `12h` or `500ms` into the units of `units` (multipliers);
 * a bare number is in `bare`. Returns a whole number of the smallest unit.
 */
function parseDuration(option: string, value: string, units: Record<string, number>, bare: string, minimum = 0): number {
  const match = /^(\d+)([a-z]*)$/.exec(value.trim());
  const unit = match ? match[2] || bare : undefined;
  if (!match || unit === undefined || !(unit in units)) {
    const names = Object.keys(units).map((u) => `${u}`).join(', ');
    throw new UsageError(`${option} needs a whole number with a unit (${names}), e.g. 30${bare}; got "${value}"`);
  }
  const amount = Number(match[1]) * units[unit];
  if (amount < minimum || !Number.isSafeInteger(amount)) throw new UsageError(`${option} needs a duration of at least ${minimum}${Object.keys(units)[0]}; got "${value}"`);
  return amount;
}

function parseWhole(option: string, value: string, minimum: number): number {
  if (!/^\d+$/.test(value) || Number(value) < minimum) throw new UsageError(`${option} needs a whole number of at least ${minimum}, got "${value}"`);
  return Number(value);
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

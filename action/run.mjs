// The lint step of the GitHub Action (action.yml): turns the action's inputs into one
// alliance-cite command, runs it, and writes the step's outputs. Plain Node.js without
// dependencies, so it runs from the action's checkout without a build.
//
// Inputs arrive as INPUT_* environment variables, never spliced into a shell script, so a path
// or value cannot inject commands. The exit code is 0 whenever alliance-cite ran; the verdict is
// the `exit-code` output, so that the SARIF upload still happens when findings fail the run.
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FAIL_LEVELS = ['error', 'warning', 'never'];

/** Stops the step with a GitHub error annotation; used for bad inputs. */
function fail(message) {
  process.stdout.write(`::error title=alliance-cite action::${message}\n`);
  process.exit(2);
}

/** One path per line when the input has several lines, else separated by spaces. */
export function splitPaths(value) {
  const parts = value.includes('\n') ? value.split('\n') : value.split(/\s+/);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/** Reads the inputs and returns the alliance-cite arguments and what the step reports. */
export function buildCommand(env) {
  const read = (name, fallback = '') => (env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback).trim();
  const failLevel = read('fail-level', 'error') || 'error';
  if (!FAIL_LEVELS.includes(failLevel)) throw new Error(`fail-level must be one of ${FAIL_LEVELS.join(', ')}, got "${failLevel}"`);
  const sarif = read('sarif', 'false') || 'false';
  if (sarif !== 'true' && sarif !== 'false') throw new Error(`sarif must be true or false, got "${sarif}"`);
  const asOf = read('as-of');
  if (asOf !== '' && asOf !== 'today' && asOf !== 'commit' && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new Error(`as-of must be YYYY-MM-DD, "commit" or "today", got "${asOf}"`);
  }
  const args = [];
  if (read('config')) args.push('--config', read('config'));
  if (read('baseline')) args.push('--baseline', read('baseline'));
  if (failLevel === 'warning') args.push('--max-warnings', '0');
  const sarifFile = sarif === 'true' ? read('sarif-file', 'alliance-cite.sarif') || 'alliance-cite.sarif' : '';
  if (sarifFile) args.push('--format', `sarif=${sarifFile}`, '--format', 'stylish');
  else args.push('--format', 'github');
  const paths = splitPaths(read('paths'));
  return { args, paths, asOf: asOf === '' ? 'commit' : asOf, failLevel, sarifFile, version: read('version') };
}

/** The day of the checked-out commit, so rerunning an old commit gives the same answer. */
function commitDate(cwd) {
  const git = spawnSync('git', ['log', '-1', '--format=%cs'], { cwd, encoding: 'utf8' });
  const day = git.status === 0 ? git.stdout.trim() : '';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
}

/**
 * Finds the CLI to run: the alliance-cite the repository installs (its lockfile pins the version),
 * else this action's own build, else the npm package of the `version` input, installed now.
 */
function findCli(cwd, actionPath, version, temp) {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const installed = join(folder, 'node_modules', 'alliance-cite', 'dist', 'cli.js');
    if (existsSync(installed)) return { cli: installed, from: `${join(folder, 'node_modules', 'alliance-cite')} (installed by the repository)` };
    if (dirname(folder) === folder) break;
  }
  const built = join(actionPath, 'dist', 'cli.js');
  if (!version && existsSync(built)) return { cli: built, from: `${actionPath} (the action's own build)` };
  const actionVersion = JSON.parse(readFileSync(join(actionPath, 'package.json'), 'utf8')).version;
  // A version or range names the npm package; anything else (a tarball path or URL) is passed to npm as is.
  const wanted = version || actionVersion;
  const spec = /^[~^<>=]*\d/.test(wanted) ? `alliance-cite@${wanted}` : wanted;
  const prefix = join(temp, 'alliance-cite-action');
  mkdirSync(prefix, { recursive: true });
  const npm = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, spec], { encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
  const cli = join(prefix, 'node_modules', 'alliance-cite', 'dist', 'cli.js');
  if (npm.status !== 0 || !existsSync(cli)) fail(`could not install ${spec} with npm`);
  return { cli, from: `${spec} (installed by the action)` };
}

/** Counts the new findings in the JSON report, for the errors and warnings outputs. */
function countFindings(jsonFile) {
  try {
    const rows = JSON.parse(readFileSync(jsonFile, 'utf8'));
    return { errors: rows.filter((r) => r.severity === 'error').length, warnings: rows.filter((r) => r.severity === 'warning').length };
  } catch {
    return { errors: '', warnings: '' };
  }
}

function main() {
  const cwd = process.cwd();
  let command;
  try {
    command = buildCommand(process.env);
  } catch (error) {
    fail(error.message);
  }
  const temp = process.env.RUNNER_TEMP || tmpdir();
  const actionPath = process.env.ALLIANCE_CITE_ACTION_PATH || dirname(dirname(fileURLToPath(import.meta.url)));
  const { cli, from } = findCli(cwd, actionPath, command.version, temp);
  let asOf = command.asOf;
  if (asOf === 'commit') {
    asOf = commitDate(cwd);
    if (!asOf) process.stdout.write('alliance-cite action: no git commit here, so retrieval dates are judged against today\n');
  }
  const jsonFile = join(temp, 'alliance-cite-findings.json');
  mkdirSync(temp, { recursive: true });
  const args = [...(asOf && asOf !== 'today' ? ['--as-of', asOf] : []), ...command.args, '--format', `json=${jsonFile}`, ...(command.paths.length > 0 ? ['--', ...command.paths] : [])];
  process.stdout.write(`alliance-cite action: running ${from}\nalliance-cite ${args.map(quoteForLog).join(' ')}\n`);
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, stdio: 'inherit' });
  const status = run.status ?? 2;
  // fail-level never: findings (exit 1) pass; usage, file and config problems (exit 2) still fail.
  const exitCode = command.failLevel === 'never' && status === 1 ? 0 : status;
  const { errors, warnings } = countFindings(jsonFile);
  const sarifPath = command.sarifFile ? resolve(cwd, command.sarifFile) : '';
  const outputs = { 'exit-code': exitCode, errors, warnings, 'sarif-file': sarifPath && existsSync(sarifPath) ? sarifPath : '' };
  const outputFile = process.env.GITHUB_OUTPUT;
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${value}\n`).join('');
  if (outputFile) appendFileSync(outputFile, lines);
  else process.stdout.write(lines);
}

/** Shows an argument as a shell would need it, so the logged command can be copied. */
function quoteForLog(arg) {
  return /^[\w./=@:+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

// Runs when started as a script; tests import buildCommand without running anything.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

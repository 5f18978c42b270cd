// Runs a composite action's action.yml as the Actions runner would, as far as that works without
// GitHub: inputs with their defaults, `${{ }}` expressions, `if:` conditions, `run:` steps in bash
// with GITHUB_OUTPUT, and the action's outputs. `uses:` steps are recorded, not run. Expressions
// outside a small subset (contexts, '…' strings, ==, !=, &&, ||) throw, which keeps action.yml
// within what this test can check.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
}

interface ActionFile {
  inputs?: Record<string, { default?: string }>;
  outputs?: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface ActionRun {
  /** Whether every step that ran succeeded, as the workflow would see the action. */
  succeeded: boolean;
  /** Standard output and error of the `run:` steps, in order. */
  log: string;
  outputs: Record<string, string>;
  /** The `uses:` steps whose condition held, with their `with:` values evaluated. */
  used: Array<{ uses: string; with: Record<string, string> }>;
}

export interface ActionRunOptions {
  /** Inputs as a workflow's `with:` gives them; the others take their defaults. */
  inputs: Record<string, string>;
  /** The checkout; `working-directory` is relative to it. */
  workspace: string;
  runnerTemp: string;
  env?: NodeJS.ProcessEnv;
}

export function runCompositeAction(actionFile: string, options: ActionRunOptions): ActionRun {
  const action = parse(fs.readFileSync(actionFile, 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error(`${actionFile} is not a composite action`);
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs ?? {})) inputs[name] = options.inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(options.inputs)) if (!(name in inputs)) throw new Error(`the action has no input "${name}"`);
  const steps: Record<string, Record<string, string>> = {};
  const contexts = (name: string): string => {
    const parts = name.split('.');
    if (parts[0] === 'inputs' && parts.length === 2) {
      if (!(parts[1] in inputs)) throw new Error(`action.yml refers to an undeclared input: ${name}`);
      return inputs[parts[1]];
    }
    if (parts[0] === 'steps' && parts.length === 4 && parts[2] === 'outputs') {
      if (!(parts[1] in steps)) throw new Error(`action.yml refers to a step that has not run or has no id: ${name}`);
      return steps[parts[1]][parts[3]] ?? '';
    }
    if (name === 'github.action_path') return path.dirname(actionFile);
    if (name === 'github.workspace') return options.workspace;
    if (name === 'runner.temp') return options.runnerTemp;
    throw new Error(`unsupported context in action.yml: ${name}`);
  };
  const substitute = (text: string): string => text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) => String(evaluate(expression, contexts)));

  const result: ActionRun = { succeeded: true, log: '', outputs: {}, used: [] };
  for (const step of action.runs.steps) {
    // Without always() or failure(), a step runs only while every earlier step succeeded.
    if (!result.succeeded) continue;
    if (step.if !== undefined && !truthy(evaluate(step.if.replace(/^\$\{\{|\}\}$/g, ''), contexts))) continue;
    if (step.uses) {
      result.used.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v))])) });
      continue;
    }
    if (step.shell !== 'bash' || step.run === undefined) throw new Error('a composite run step needs shell: bash and run');
    const outputFile = path.join(options.runnerTemp, `output-${Object.keys(steps).length}-${Date.now()}`);
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: options.workspace, RUNNER_TEMP: options.runnerTemp };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = substitute(String(value));
    const cwd = path.resolve(options.workspace, substitute(step['working-directory'] ?? '.'));
    const ran = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', substitute(step.run)], { cwd, env, encoding: 'utf8' });
    if (ran.error) throw ran.error;
    result.log += ran.stdout + ran.stderr;
    if (ran.status !== 0) result.succeeded = false;
    if (step.id) steps[step.id] = readOutputs(fs.readFileSync(outputFile, 'utf8'));
  }
  for (const [name, spec] of Object.entries(action.outputs ?? {})) result.outputs[name] = substitute(spec.value);
  return result;
}

/** Reads `name=value` and `name<<DELIMITER` blocks, the two forms GITHUB_OUTPUT takes. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = lines[i].indexOf('=');
    if (eq > 0) outputs[lines[i].slice(0, eq)] = lines[i].slice(eq + 1);
  }
  return outputs;
}

/** As in GitHub expressions: a string is true unless empty; comparisons give booleans. */
function truthy(value: string | boolean): boolean {
  return typeof value === 'boolean' ? value : value !== '';
}

/** Evaluates the expression subset: a || b, a && b, a == b, a != b, 'string', context.path. */
function evaluate(expression: string, context: (name: string) => string): string | boolean {
  const tokens = expression.match(/'(?:[^']|'')*'|==|!=|&&|\|\||[\w.-]+|\S/g) ?? [];
  let i = 0;
  const operand = (): string => {
    const token = tokens[i++];
    if (token === undefined) throw new Error(`incomplete expression: ${expression}`);
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^[a-z][\w-]*(\.[\w-]+)+$/i.test(token)) return context(token);
    throw new Error(`unsupported expression in action.yml: ${expression}`);
  };
  const comparison = (): string | boolean => {
    const left = operand();
    const op = tokens[i];
    if (op !== '==' && op !== '!=') return left;
    i++;
    // GitHub compares strings ignoring case.
    const equal = left.toLowerCase() === operand().toLowerCase();
    return op === '==' ? equal : !equal;
  };
  const conjunction = (): string | boolean => {
    let value = comparison();
    while (tokens[i] === '&&') {
      i++;
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  let value = conjunction();
  while (tokens[i] === '||') {
    i++;
    const right = conjunction();
    value = truthy(value) ? value : right;
  }
  if (i !== tokens.length) throw new Error(`unsupported expression in action.yml: ${expression}`);
  return value;
}

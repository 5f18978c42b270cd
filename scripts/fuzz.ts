// Long property-based runs of the robustness invariants (test/robustness/properties.ts).
// Usage: npm run fuzz -- [--runs N] [--seed S] [--path P] [--only TEXT]
//   --runs  runs per property (default 1000)
//   --seed  replay a seed printed by a failed run or by the mocha suite (default: random, printed)
//   --path  with --seed, replay exactly the failing case fast-check reported
//   --only  run only the properties whose name contains TEXT
import fc from 'fast-check';
import { PROPERTIES } from '../test/robustness/properties';

interface FuzzArgs {
  runs: number;
  seed: number;
  path?: string;
  only?: string;
}

function parseArgs(argv: string[]): FuzzArgs {
  const args: FuzzArgs = { runs: 1000, seed: Math.floor(Math.random() * 0x7fffffff) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined || !['--runs', '--seed', '--path', '--only'].includes(flag)) {
      throw new Error(`unknown or incomplete option "${flag}"; expected --runs N, --seed S, --path P or --only TEXT`);
    }
    i++;
    if (flag === '--path') args.path = value;
    else if (flag === '--only') args.only = value;
    else {
      const n = Number(value);
      if (!Number.isInteger(n) || (flag === '--runs' && n < 1)) throw new Error(`${flag} needs an integer, got "${value}"`);
      if (flag === '--runs') args.runs = n;
      else args.seed = n;
    }
  }
  return args;
}

function main(): number {
  let args: FuzzArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`fuzz: ${(err as Error).message}`);
    return 2;
  }
  const selected = PROPERTIES.filter((p) => !args.only || p.name.includes(args.only));
  if (selected.length === 0) {
    console.error(`fuzz: no property name contains "${args.only}"`);
    return 2;
  }
  console.log(`fuzz: seed ${args.seed}, ${args.runs} runs per property${args.path ? `, path ${args.path}` : ''}`);
  let failures = 0;
  for (const property of selected) {
    const began = performance.now();
    const details = property.check({ seed: args.seed, numRuns: args.runs, path: args.path });
    const ms = performance.now() - began;
    const perRun = details.numRuns > 0 ? (ms / details.numRuns).toFixed(1) : '-';
    const status = details.failed ? 'FAILED' : 'ok';
    console.log(`${status}  ${property.name}: ${details.numRuns} runs in ${(ms / 1000).toFixed(1)} s (${perRun} ms/run)`);
    if (details.failed) {
      failures++;
      console.log(fc.defaultReportMessage(details));
      console.log(`replay: npm run fuzz -- --seed ${details.seed} --path ${details.counterexamplePath ?? ''} --only "${property.name.slice(0, 30)}"`);
    }
  }
  return failures > 0 ? 1 : 0;
}

process.exitCode = main();

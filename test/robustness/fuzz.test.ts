// Bounded property-based runs for CI: a fixed seed (reproducible) plus one random seed, printed in
// the test title so a failure can be replayed with FUZZ_SEED=<seed>. Long runs: `npm run fuzz`.
import fc from 'fast-check';
import { PROPERTIES } from './properties';

const FIXED_SEED = 20261125;
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const randomSeed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);

describe('robustness: property-based runs', function () {
  // Generous: completion is asserted, not speed; the machine may be shared.
  this.timeout(240_000);

  for (const property of PROPERTIES) {
    describe(property.name, () => {
      const seeds: [string, number][] = [['fixed seed', FIXED_SEED], ['random seed', randomSeed]];
      for (const [label, seed] of seeds) {
        it(`${RUNS} runs, ${label} ${seed} (replay: FUZZ_SEED=${seed} npx mocha test/robustness/fuzz.test.ts)`, () => {
          const details = property.check({ seed, numRuns: RUNS });
          if (details.failed) throw new Error(fc.defaultReportMessage(details));
        });
      }
    });
  }
});

// Bundles the benchmark's own entry points with the same esbuild settings as the CLI, so the
// parse floor and the latency loop load code the way the shipped CLI and extension do.
import { build } from 'esbuild';
import { join } from 'node:path';

export interface BenchBundles {
  parseFloor: string;
  relint: string;
  growth: string;
}

export async function bundleBenchScripts(root: string, outDir: string): Promise<BenchBundles> {
  const bundles: BenchBundles = { parseFloor: join(outDir, 'parse-floor.js'), relint: join(outDir, 'relint.js'), growth: join(outDir, 'growth.js') };
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', legalComments: 'none' } as const;
  await Promise.all([
    build({ ...common, entryPoints: [join(root, 'bench/parse-floor.ts')], outfile: bundles.parseFloor }),
    build({ ...common, entryPoints: [join(root, 'bench/relint.ts')], outfile: bundles.relint }),
    build({ ...common, entryPoints: [join(root, 'bench/growth.ts')], outfile: bundles.growth }),
  ]);
  return bundles;
}

// `node --import tsx bench/profile.ts [--quick] [--alliance] [--relint-only]`: runs the CLI over the corpus (the
// mixed one, or with --alliance the one of Alliance drafts only) and the re-lint loop on the 300-
// and 5,000-line drafts under `node --cpu-prof`, then lists the functions with the most self time,
// mapped through the bundles' source maps back to src/ files and lines.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleBenchScripts } from './bundle';
import { prepareCorpus } from './generate';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

interface HotSpot {
  name: string;
  location: string;
  selfMs: number;
}

const sourceMaps = new Map<string, SourceMap | null>();

function sourceMapOf(url: string): SourceMap | null {
  if (!sourceMaps.has(url)) {
    const mapFile = `${fileURLToPath(url)}.map`;
    sourceMaps.set(url, existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8'))) : null);
  }
  return sourceMaps.get(url) ?? null;
}

/** Source file and line of a profiled function: through the bundle's source map when there is one. */
function locate(frame: ProfileNode['callFrame']): string {
  if (!frame.url) return '(native)';
  if (!frame.url.startsWith('file:')) return frame.url;
  const entry = sourceMapOf(frame.url)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry && entry.originalSource) {
    return `${entry.originalSource.replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1}`;
  }
  return `${fileURLToPath(frame.url)}:${frame.lineNumber + 1}`;
}

/** Self time per function, largest first. */
function hotSpots(profile: CpuProfile): { total: number; spots: HotSpot[] } {
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byKey = new Map<string, HotSpot>();
  for (const node of profile.nodes) {
    // Idle samples (a thread waiting for workers or I/O) are not work to optimise.
    if (!node.hitCount || node.callFrame.functionName === '(idle)') continue;
    const name = node.callFrame.functionName || '(anonymous)';
    const location = locate(node.callFrame);
    const key = `${name} ${location}`;
    const spot = byKey.get(key) ?? { name, location, selfMs: 0 };
    spot.selfMs += node.hitCount * interval;
    byKey.set(key, spot);
  }
  const spots = [...byKey.values()].sort((a, b) => b.selfMs - a.selfMs);
  return { total: spots.reduce((sum, s) => sum + s.selfMs, 0), spots };
}

/**
 * Total time (self + callees) of the project's own functions, so a stage such as parsing or
 * sentence splitting shows up as one figure. Recursive calls are counted once.
 */
function inclusiveOwnTime(profile: CpuProfile): HotSpot[] {
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const isChild = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const totals = new Map<string, HotSpot>();
  const walk = (node: ProfileNode, active: Set<string>): number => {
    let ms = (node.hitCount ?? 0) * interval;
    const location = node.callFrame.url.startsWith('file:') ? locate(node.callFrame) : '';
    const own = location.startsWith('src/') ? `${node.callFrame.functionName || '(anonymous)'} ${location}` : '';
    const entering = own !== '' && !active.has(own);
    if (entering) active.add(own);
    for (const id of node.children ?? []) {
      const child = nodes.get(id);
      if (child) ms += walk(child, active);
    }
    if (entering) {
      active.delete(own);
      const spot = totals.get(own) ?? { name: node.callFrame.functionName || '(anonymous)', location, selfMs: 0 };
      spot.selfMs += ms;
      totals.set(own, spot);
    }
    return ms;
  };
  for (const root of profile.nodes.filter((n) => !isChild.has(n.id))) walk(root, new Set());
  return [...totals.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/** Self time per source file (per package for dependencies). */
function byFile(spots: HotSpot[]): HotSpot[] {
  const files = new Map<string, HotSpot>();
  for (const spot of spots) {
    const file = spot.location.replace(/:\d+$/, '').replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1 (package)');
    const entry = files.get(file) ?? { name: file, location: '', selfMs: 0 };
    entry.selfMs += spot.selfMs;
    files.set(file, entry);
  }
  return [...files.values()].sort((a, b) => b.selfMs - a.selfMs);
}

/** Adds up hot spots of the same function and location. */
function merge(spots: HotSpot[]): HotSpot[] {
  const byKey = new Map<string, HotSpot>();
  for (const spot of spots) {
    const key = `${spot.name} ${spot.location}`;
    const entry = byKey.get(key) ?? { ...spot, selfMs: 0 };
    entry.selfMs += spot.selfMs;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.selfMs - a.selfMs);
}

function profileRun(label: string, args: string[], cwd: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const result = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) {
    process.stdout.write(`${label}: exit ${result.status}: ${result.stderr.split('\n')[0]}\n`);
    return;
  }
  // With worker threads there is one profile per thread; their figures are added up.
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) {
    process.stdout.write(`${label}: no profile written\n`);
    return;
  }
  const profiles = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
  const spots = merge(profiles.flatMap((p) => hotSpots(p).spots));
  const inclusive = merge(profiles.flatMap((p) => inclusiveOwnTime(p)));
  const total = spots.reduce((sum, s) => sum + s.selfMs, 0);
  const pct = (ms: number): string => `${((100 * ms) / total).toFixed(1).padStart(5)}%`;
  process.stdout.write(`\n${label} (${(total / 1000).toFixed(2)} s sampled over ${files.length} thread(s); profiles in ${dir})\n  top functions by self time:\n`);
  for (const s of spots.slice(0, 20)) process.stdout.write(`  ${pct(s.selfMs)}  ${s.name}  ${s.location}\n`);
  process.stdout.write('  by file or package:\n');
  for (const s of byFile(spots).slice(0, 12)) process.stdout.write(`  ${pct(s.selfMs)}  ${s.name}\n`);
  process.stdout.write('  project functions by total time (self + callees):\n');
  for (const s of inclusive.slice(0, 25)) process.stdout.write(`  ${pct(s.selfMs)}  ${s.name}  ${s.location}\n`);
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const kind = process.argv.includes('--alliance') ? 'alliance' : 'mixed';
  const relintOnly = process.argv.includes('--relint-only');
  const root = resolve(import.meta.dirname, '..');
  const work = join(root, 'bench/.work');
  const { dir: corpus } = prepareCorpus(root, quick, kind);
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the build failed');
  const bundles = await bundleBenchScripts(root, work);
  if (!relintOnly) profileRun(`CLI over the ${kind} corpus`, [join(root, 'dist/cli.js'), '--as-of', '2026-11-25', '--format', `json=${join(work, 'profile-findings.json')}`, '.'], corpus, join(work, 'profile-cli'));
  profileRun('re-lint of the 5,000-line draft', [bundles.relint, '--sizes', '5000', '--edits', quick ? '5' : '300', '--warmup', '2'], root, join(work, 'profile-relint'));
  profileRun('re-lint of the 300-line draft', [bundles.relint, '--sizes', '300', '--edits', quick ? '20' : '200', '--warmup', '5'], root, join(work, 'profile-relint-300'));
}

main().catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

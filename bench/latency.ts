// `npm run bench:latency [-- --edits N] [--rounds N]`: keystroke latency of the language server
// (didChange to pulled diagnostics over stdio) beside the in-process re-lint it wraps, measured in
// alternating rounds so both see the same machine load. Prints the medians over the rounds of each
// round's p50 and p95, and the same as Markdown for bench/RESULTS.md. No pass or fail.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { LatencyResult } from './relint';
import { machineDescription } from './report';
import { measureServerLatency } from './server';

const SIZES = [300, 1000, 5000];
const AS_OF = '2026-11-25';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive whole number`);
  return value;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  const edits = option('--edits', 200);
  const rounds = option('--rounds', 3);
  const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the build failed: ${build.stderr}`);
  process.stdout.write(`${machineDescription()}\n`);
  const relint: LatencyResult[][] = [];
  const server: LatencyResult[][] = [];
  for (let round = 1; round <= rounds; round++) {
    const inProcess = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench/relint.ts'), '--edits', String(edits), '--warmup', '20', '--sizes', SIZES.join(',')], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (inProcess.status !== 0) throw new Error(`relint failed: ${inProcess.stderr}`);
    relint.push(JSON.parse(inProcess.stdout.trim().split('\n').pop() ?? '[]') as LatencyResult[]);
    server.push(await measureServerLatency({ root, sizes: SIZES, edits, warmup: 20, budgetMs: Infinity, minEdits: edits, asOf: AS_OF }));
    process.stdout.write(`round ${round}/${rounds} done\n`);
  }
  const md = [
    `- ${machineDescription().replace(/^machine: /, 'Machine: ')}`,
    `- Command: \`npm run bench:latency -- --edits ${edits} --rounds ${rounds}\` (medians over the rounds of each round's p50 and p95)`,
    '',
    '| draft | in-process re-lint p50 | p95 | language server p50 | p95 | findings |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const lines of SIZES) {
    const pick = (runs: LatencyResult[][], key: 'p50' | 'p95') => median(runs.map((r) => r.find((l) => l.lines === lines)![key]));
    const findings = server[0].find((l) => l.lines === lines)!.diagnostics;
    const row = [pick(relint, 'p50'), pick(relint, 'p95'), pick(server, 'p50'), pick(server, 'p95')].map((v) => `${v.toFixed(1)} ms`);
    process.stdout.write(`${String(lines).padStart(5)} lines  re-lint p50 ${row[0]} p95 ${row[1]}  server p50 ${row[2]} p95 ${row[3]}  ${findings} findings\n`);
    md.push(`| ${lines} lines | ${row.join(' | ')} | ${findings} |`);
  }
  process.stdout.write(`\n${md.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:latency: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

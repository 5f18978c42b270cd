// Formats the benchmark's figures: a plain-text report, the same as Markdown for RESULTS.md,
// and the one-line summary.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { CorpusSummary } from './generate';
import type { LatencyResult } from './relint';
import type { ServerLatency } from './server';
import type { Summary } from './stats';

export interface ToolReport {
  name: string;
  failure?: string;
  wall?: Summary;
  cpu?: Summary;
  peakMb?: number;
}

export interface BenchFigures {
  reports: ToolReport[];
  latency: LatencyResult[] | string;
  /** Keystroke latency of the language server, didChange to diagnostics. */
  server: ServerLatency[] | string;
  options: { quick: boolean; runs: number; edits: number };
  corpus: CorpusSummary;
  asOf: string;
}

/** CPU model, cores, memory, load, Node version and date (the model from /proc/cpuinfo where it exists). */
export function machineDescription(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // Not Linux: the os module's model name will do.
  }
  const memory = (totalmem() / 2 ** 30).toFixed(1);
  // The load average tells a reader whether other work was competing for the CPU during the run.
  const load = loadavg()[0].toFixed(1);
  return `machine: ${model}, ${cpus().length} cores, ${memory} GiB, load average ${load}, Node ${process.version}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
}

/** Ratio of median wall times (or of median CPU times with `measure: 'cpu'`). */
function ratio(a: ToolReport | undefined, b: ToolReport | undefined, measure: 'wall' | 'cpu' = 'wall'): number | undefined {
  const x = a?.[measure];
  const y = b?.[measure];
  return x && y && !a.failure && !b.failure ? x.median / y.median : undefined;
}

function latencyFor<T extends { lines: number }>(latency: T[] | string, lines: number): T | undefined {
  return typeof latency === 'string' ? undefined : latency.find((l) => l.lines === lines);
}

/** The last line of the run: `bench: cli/markdownlint-cli2=R1 cli/parse-floor=R2 relint-p95-5000=Tms relint-p95-300=Tms lsp-p95-5000=Tms`. */
export function summaryLine(reports: ToolReport[], latency: BenchFigures['latency'], server: BenchFigures['server']): string {
  const byName = (name: string): ToolReport | undefined => reports.find((r) => r.name === name);
  const r = (value: number | undefined): string => (value === undefined ? 'n/a' : value.toFixed(2));
  const ms = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)}ms`);
  const cli = byName('cli');
  return [
    'bench:',
    `cli/markdownlint-cli2=${r(ratio(cli, byName('markdownlint-cli2')))}`,
    `cli/parse-floor=${r(ratio(cli, byName('parse-floor')))}`,
    `relint-p95-5000=${ms(latencyFor(latency, 5000)?.p95)}`,
    `relint-p95-300=${ms(latencyFor(latency, 300)?.p95)}`,
    `lsp-p95-5000=${ms(latencyFor(server, 5000)?.p95)}`,
  ].join(' ');
}

function verdict(value: number | undefined, limit: number): string {
  if (value === undefined) return 'not measured';
  return value <= limit ? 'met' : 'missed';
}

/** Prints the report line by line and returns it as Markdown. */
export function printReport(figures: BenchFigures, print: (line: string) => void): string {
  const { reports, latency, options, corpus } = figures;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const md: string[] = [
    `- ${machineDescription().replace(/^machine: /, 'Machine: ')}`,
    `- Command: \`npm run bench${options.quick ? ' -- --quick' : ''}\` (${options.runs} measured runs per tool after one warm-up run; ${options.edits} edits per draft size)`,
    `- Corpus: ${corpus.files} files (${corpus.allianceFiles} about the Alliance), ${corpus.lines} lines, ${(corpus.bytes / 1e6).toFixed(1)} MB; CLI run with \`--as-of ${figures.asOf}\``,
    '',
    '| tool | wall median | wall min | wall max | spread | CPU median | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  print(`whole-process timings, ${options.runs} runs each (wall median, min–max, spread = (max−min)/median; CPU median; peak RSS):`);
  for (const report of reports) {
    const peak = report.peakMb === undefined || Number.isNaN(report.peakMb) ? 'n/a' : `${report.peakMb.toFixed(0)} MB`;
    if (report.failure || !report.wall) {
      print(`  ${report.name.padEnd(18)} ${report.failure ?? 'no runs'}`);
      md.push(`| ${report.name} | ${report.failure ?? 'no runs'} | | | | | |`);
      continue;
    }
    const { median, min, max, spread } = report.wall;
    const pct = `${(spread * 100).toFixed(1)}%`;
    const cpu = report.cpu ? seconds(report.cpu.median) : 'n/a';
    print(`  ${report.name.padEnd(18)} ${seconds(median)}  (${seconds(min)}–${seconds(max)}, spread ${pct})  CPU ${cpu}  peak ${peak}`);
    md.push(`| ${report.name} | ${seconds(median)} | ${seconds(min)} | ${seconds(max)} | ${pct} | ${cpu} | ${peak} |`);
  }
  const cli = reports.find((r) => r.name === 'cli');
  const r1 = ratio(cli, reports.find((r) => r.name === 'markdownlint-cli2'));
  const r2 = ratio(cli, reports.find((r) => r.name === 'parse-floor'));
  const fmt = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(2));
  const c1 = ratio(cli, reports.find((r) => r.name === 'markdownlint-cli2'), 'cpu');
  const c2 = ratio(cli, reports.find((r) => r.name === 'parse-floor'), 'cpu');
  print(`ratios of wall time: cli/markdownlint-cli2 = ${fmt(r1)} (target ≤ 0.50, ${verdict(r1, 0.5)}); cli/parse-floor = ${fmt(r2)} (target ≤ 1.30, ${verdict(r2, 1.3)})`);
  print(`ratios of CPU time: cli/markdownlint-cli2 = ${fmt(c1)}; cli/parse-floor = ${fmt(c2)}`);
  print(`peak memory of the CLI: ${cli?.peakMb === undefined ? 'n/a' : `${cli.peakMb.toFixed(0)} MB`} (target ≤ 200 MB, ${verdict(cli?.peakMb, 200)})`);
  md.push(
    '',
    `Ratios of wall time: cli/markdownlint-cli2 = ${fmt(r1)} (target ≤ 0.50: ${verdict(r1, 0.5)}); cli/parse-floor = ${fmt(r2)} (target ≤ 1.30: ${verdict(r2, 1.3)}); CLI peak memory ≤ 200 MB: ${verdict(cli?.peakMb, 200)}.`,
    `Ratios of CPU time: cli/markdownlint-cli2 = ${fmt(c1)}; cli/parse-floor = ${fmt(c2)}.`,
  );

  md.push('', '| draft | p50 | p95 | max | findings | target (p95) |', '| --- | --- | --- | --- | --- | --- |');
  if (typeof latency === 'string') {
    print(`re-lint latency: ${latency}`);
    md.push(`| ${latency} | | | | | |`);
  } else {
    print(`re-lint after a one-character edit in the middle, ${options.edits} edits each (in process, session update + line/column conversion):`);
    for (const l of latency) {
      const limit = l.lines === 5000 ? 30 : l.lines === 300 ? 5 : undefined;
      const cut = l.edits < options.edits ? `${limit === undefined ? '' : '; '}only ${l.edits} edits, the time budget ran out` : '';
      const target = limit === undefined ? '' : `≤ ${limit} ms: ${verdict(l.p95, limit)}`;
      print(`  ${String(l.lines).padStart(5)} lines  p50 ${l.p50.toFixed(2)} ms  p95 ${l.p95.toFixed(2)} ms  max ${l.max.toFixed(2)} ms  ${l.diagnostics} findings${target || cut ? `  (${target}${cut})` : ''}`);
      md.push(`| ${l.lines} lines | ${l.p50.toFixed(2)} ms | ${l.p95.toFixed(2)} ms | ${l.max.toFixed(2)} ms | ${l.diagnostics} | ${target || (cut ? '' : '—')}${cut} |`);
    }
  }
  md.push('', '| draft (language server) | p50 | p95 | max | findings |', '| --- | --- | --- | --- | --- |');
  if (typeof figures.server === 'string') {
    print(`language-server latency: ${figures.server}`);
    md.push(`| ${figures.server} | | | | |`);
  } else {
    print('language server, didChange to diagnostics over stdio (pull, debounce 0):');
    for (const l of figures.server) {
      const cut = l.edits < options.edits ? `  (only ${l.edits} edits, the time budget ran out)` : '';
      print(`  ${String(l.lines).padStart(5)} lines  p50 ${l.p50.toFixed(2)} ms  p95 ${l.p95.toFixed(2)} ms  max ${l.max.toFixed(2)} ms  ${l.diagnostics} findings${cut}`);
      md.push(`| ${l.lines} lines | ${l.p50.toFixed(2)} ms | ${l.p95.toFixed(2)} ms | ${l.max.toFixed(2)} ms | ${l.diagnostics} |`);
    }
  }
  md.push('', `Summary line: \`${summaryLine(reports, latency, figures.server)}\``, '');
  return md.join('\n');
}

// Formats the benchmark's figures: a plain-text report, the same as Markdown for RESULTS.md,
// and the one-line summary.
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { CorpusKind, CorpusSummary } from './generate';
import type { GrowthResult } from './growth';
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

/** The three tools timed on one corpus. */
export interface CorpusReport {
  kind: CorpusKind;
  summary: CorpusSummary;
  reports: ToolReport[];
}

export interface BenchFigures {
  corpora: CorpusReport[];
  latency: LatencyResult[] | string;
  /** Keystroke latency of the language server, didChange to diagnostics. */
  server: ServerLatency[] | string;
  growth: GrowthResult[] | string;
  options: { quick: boolean; runs: number; edits: number };
  asOf: string;
}

/** Targets of the CLI's wall time: against markdownlint-cli2 and against the parse floor. */
const TARGETS: Record<CorpusKind, { markdownlint: number; floor: number }> = {
  mixed: { markdownlint: 0.5, floor: 1.3 },
  alliance: { markdownlint: 1.0, floor: 1.5 },
};
const RSS_TARGET_MB = 200;
const CORPUS_TITLES: Record<CorpusKind, string> = {
  mixed: 'mixed corpus (a fifth of the files about the Alliance)',
  alliance: 'Alliance corpus (every file a draft about the Alliance)',
};

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
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `machine: ${model}, ${cpus().length} cores, ${memory} GiB, load average ${load} (1 / 5 / 15 min), Node ${process.version}, ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`;
}

function tool(corpus: CorpusReport | undefined, name: string): ToolReport | undefined {
  return corpus?.reports.find((r) => r.name === name);
}

/** Ratio of median wall times (or of median CPU times with `measure: 'cpu'`). */
function ratio(a: ToolReport | undefined, b: ToolReport | undefined, measure: 'wall' | 'cpu' = 'wall'): number | undefined {
  const x = a?.[measure];
  const y = b?.[measure];
  return x && y && !a.failure && !b.failure ? x.median / y.median : undefined;
}

function ratios(corpus: CorpusReport | undefined, measure: 'wall' | 'cpu' = 'wall'): { markdownlint?: number; floor?: number } {
  const cli = tool(corpus, 'cli');
  return { markdownlint: ratio(cli, tool(corpus, 'markdownlint-cli2'), measure), floor: ratio(cli, tool(corpus, 'parse-floor'), measure) };
}

function latencyFor<T extends { lines: number }>(latency: T[] | string, lines: number): T | undefined {
  return typeof latency === 'string' ? undefined : latency.find((l) => l.lines === lines);
}

/** The CLI's largest peak RSS on the mixed corpus, the whole tree the memory target is about. */
function cliPeakMb(corpora: CorpusReport[]): number | undefined {
  const peak = tool(corpora.find((c) => c.kind === 'mixed'), 'cli')?.peakMb;
  return peak === undefined || Number.isNaN(peak) ? undefined : peak;
}

/**
 * The last line of the run:
 * `bench: cli/markdownlint-cli2=R cli/parse-floor=R alliance/markdownlint-cli2=R alliance/parse-floor=R relint-p95-5000=Tms relint-p95-300=Tms cli-rss=NMB`.
 */
export function summaryLine(corpora: CorpusReport[], latency: BenchFigures['latency']): string {
  const r = (value: number | undefined): string => (value === undefined ? 'n/a' : value.toFixed(2));
  const ms = (value: number | undefined): string => (value === undefined ? 'n/a' : `${value.toFixed(1)}ms`);
  const mixed = ratios(corpora.find((c) => c.kind === 'mixed'));
  const alliance = ratios(corpora.find((c) => c.kind === 'alliance'));
  const rss = cliPeakMb(corpora);
  return [
    'bench:',
    `cli/markdownlint-cli2=${r(mixed.markdownlint)}`,
    `cli/parse-floor=${r(mixed.floor)}`,
    `alliance/markdownlint-cli2=${r(alliance.markdownlint)}`,
    `alliance/parse-floor=${r(alliance.floor)}`,
    `relint-p95-5000=${ms(latencyFor(latency, 5000)?.p95)}`,
    `relint-p95-300=${ms(latencyFor(latency, 300)?.p95)}`,
    `cli-rss=${rss === undefined ? 'n/a' : `${rss.toFixed(0)}MB`}`,
  ].join(' ');
}

function verdict(value: number | undefined, limit: number): string {
  if (value === undefined) return 'not measured';
  return value <= limit ? 'met' : 'missed';
}

/** Prints the report line by line and returns it as Markdown. */
export function printReport(figures: BenchFigures, print: (line: string) => void): string {
  const { corpora, latency, growth, options } = figures;
  const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const fmt = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(2));
  const md: string[] = [
    `- ${machineDescription().replace(/^machine: /, 'Machine: ')}`,
    `- Command: \`npm run bench${options.quick ? ' -- --quick' : ''}\` (${options.runs} measured runs per tool and corpus after one warm-up run; ${options.edits} edits per draft size); CLI run with \`--as-of ${figures.asOf}\``,
  ];
  for (const corpus of corpora) {
    const { summary, reports, kind } = corpus;
    const described = `${summary.files} files (${summary.allianceFiles} about the Alliance), ${summary.lines} lines, ${(summary.bytes / 1e6).toFixed(1)} MB`;
    print(`${CORPUS_TITLES[kind]}: ${described}; whole-process timings, ${options.runs} runs each (wall median, min–max, spread = (max−min)/median; CPU median; peak RSS):`);
    md.push('', `**${CORPUS_TITLES[kind]}**: ${described}.`, '', '| tool | wall median | wall min | wall max | spread | CPU median | peak RSS |', '| --- | --- | --- | --- | --- | --- | --- |');
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
    const wall = ratios(corpus);
    const cpu = ratios(corpus, 'cpu');
    const target = TARGETS[kind];
    const line = `ratios of wall time: cli/markdownlint-cli2 = ${fmt(wall.markdownlint)} (target ≤ ${target.markdownlint.toFixed(2)}: ${verdict(wall.markdownlint, target.markdownlint)}); cli/parse-floor = ${fmt(wall.floor)} (target ≤ ${target.floor.toFixed(2)}: ${verdict(wall.floor, target.floor)})`;
    print(line);
    print(`ratios of CPU time: cli/markdownlint-cli2 = ${fmt(cpu.markdownlint)}; cli/parse-floor = ${fmt(cpu.floor)}`);
    md.push('', `${line[0].toUpperCase()}${line.slice(1)}.`, `Ratios of CPU time: cli/markdownlint-cli2 = ${fmt(cpu.markdownlint)}; cli/parse-floor = ${fmt(cpu.floor)}.`);
  }
  const rss = cliPeakMb(corpora);
  const rssLine = `peak memory of the CLI on the mixed corpus: ${rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`} (target ≤ ${RSS_TARGET_MB} MB: ${verdict(rss, RSS_TARGET_MB)})`;
  print(rssLine);
  md.push('', `${rssLine[0].toUpperCase()}${rssLine.slice(1)}.`);

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
  md.push(...growthReport(growth, print));
  md.push('', `Summary line: \`${summaryLine(corpora, latency)}\``, '');
  return md.join('\n');
}

/** The growth table: lint CPU time per size of each hostile shape, against n log n. */
function growthReport(growth: BenchFigures['growth'], print: (line: string) => void): string[] {
  const md = ['', '| shape | 1× | 2× | 4× | 8× | growth 1×→8× | allowed (2 × n log n) | verdict |', '| --- | --- | --- | --- | --- | --- | --- | --- |'];
  if (typeof growth === 'string') {
    print(`growth with draft size: ${growth}`);
    return [...md, `| ${growth} | | | | | | | |`];
  }
  print('growth with draft size (lint CPU time, least of the repetitions; fails when it grows faster than 2 × n log n):');
  for (const g of growth) {
    const cells = g.steps.map((s) => `${s.units} (${(s.chars / 1e3).toFixed(0)} kB): ${s.cpuMs.toFixed(0)} ms`);
    const verdictText = g.ok ? 'ok' : 'too fast a growth';
    print(`  ${g.shape.padEnd(20)} ${cells.join('  ')}  growth ${g.growth.toFixed(1)}× (allowed ${g.allowed.toFixed(1)}×): ${verdictText}`);
    md.push(`| ${g.shape} (${g.unit}) | ${cells.join(' | ')} | ${g.growth.toFixed(1)}× | ${g.allowed.toFixed(1)}× | ${verdictText} |`);
  }
  return md;
}

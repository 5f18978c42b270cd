// Runs whole Node processes and measures them: wall time from the parent, peak memory from a
// probe preloaded into the child. Output goes to files so terminal speed never counts.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcessRun {
  wallMs: number;
  /** Peak resident set size in MB, when the probe reported it. */
  peakMb?: number;
  /** CPU time (user + system) in ms, when the probe reported it; steadier than wall time on a busy machine. */
  cpuMs?: number;
  status: number | null;
  signal: NodeJS.Signals | null;
}

export interface TimedCommand {
  /** Script and arguments passed to `node`. */
  args: string[];
  cwd: string;
  /** Files that receive the child's standard output and standard error. */
  stdoutFile: string;
  stderrFile: string;
}

const PROBE = join(import.meta.dirname, 'rss-probe.cjs');

/** Runs `node ...args` once and measures it. */
export function runTimed(command: TimedCommand, workDir: string): ProcessRun {
  const rssFile = join(workDir, `usage-${process.pid}.json`);
  rmSync(rssFile, { force: true });
  const stdout = openSync(command.stdoutFile, 'w');
  const stderr = openSync(command.stderrFile, 'w');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', PROBE, ...command.args], {
      cwd: command.cwd,
      stdio: ['ignore', stdout, stderr],
      env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMicros: number }) : undefined;
    return { wallMs, peakMb: usage && usage.maxRssKb / 1024, cpuMs: usage && usage.cpuMicros / 1000, status: result.status, signal: result.signal };
  } finally {
    closeSync(stdout);
    closeSync(stderr);
  }
}

/** The first non-empty line of a file, for short failure messages. */
export function firstLineOf(file: string): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
}

// Applies baselines to a run's reports: findings a baseline records are left out of every report
// and of the exit code, counted, and baseline entries that match nothing any more are named. With
// --baseline-write, the run's findings are recorded first.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BaselineError, baselineKey, matchBaseline, readBaseline, writeBaseline, type Baseline, type BaselineEntry } from '../node/baseline';
import { isConfigProblem, type ConfigResolver } from './config';
import type { FileReport } from './report';

export interface BaselineRequest {
  cwd: string;
  /** --baseline FILE: used for every draft instead of the config's. */
  baseline?: string;
  /** --baseline-write FILE: recorded, then used for every draft. */
  baselineWrite?: string;
  /** --no-baseline: every finding is reported. */
  noBaseline: boolean;
}

export interface BaselineMessages {
  fail(message: string): void;
  note(message: string): void;
}

/** Stale entries listed by name; a longer list is summarised, since pruning removes them all at once. */
const MAX_STALE_LISTED = 20;

interface BaselineUse {
  baseline: Baseline;
  known: number;
  /** Drafts of this run that the baseline judged, by key. */
  judged: Set<string>;
  stale: Array<{ draft: string; entry: BaselineEntry }>;
}

/** Returns the reports with baselined findings removed, after printing what the baselines did. */
export function applyBaselines(reports: readonly FileReport[], request: BaselineRequest, resolver: ConfigResolver, messages: BaselineMessages): FileReport[] {
  if (request.noBaseline) return [...reports];
  const fromCommandLine = request.baselineWrite ?? request.baseline;
  const commandLineFile = fromCommandLine === undefined ? undefined : path.resolve(request.cwd, fromCommandLine);
  if (request.baselineWrite !== undefined && commandLineFile !== undefined && !record(commandLineFile, reports, request, messages)) return [...reports];

  const uses = new Map<string, BaselineUse | null>();
  const use = (file: string): BaselineUse | null => {
    let found = uses.get(file);
    if (found === undefined) {
      try {
        found = { baseline: readBaseline(file), known: 0, judged: new Set(), stale: [] };
      } catch (error) {
        if (!(error instanceof BaselineError)) throw error;
        messages.fail(relativeMessage(error.message, file, request.cwd));
        found = null;
      }
      uses.set(file, found);
    }
    return found;
  };

  const filtered = reports.map((report) => {
    const draft = absoluteDraftPath(report, request.cwd);
    if (draft === undefined) return report;
    const file = commandLineFile ?? configuredBaseline(draft, resolver);
    const current = file === undefined ? null : use(file);
    if (!current) return report;
    const key = baselineKey(current.baseline.file, draft);
    const match = matchBaseline(current.baseline.files.get(key), report.findings.map((f) => f.fingerprint));
    current.judged.add(key);
    current.known += match.known.filter(Boolean).length;
    current.stale.push(...match.stale.map((entry) => ({ draft: key, entry })));
    return { ...report, findings: report.findings.filter((_, i) => !match.known[i]) };
  });

  for (const current of uses.values()) {
    if (current && request.baselineWrite === undefined) summarise(current, request.cwd, messages);
  }
  return filtered;
}

/** Records the run's findings in `file`, keeping the entries of drafts this run did not lint that still exist. */
function record(file: string, reports: readonly FileReport[], request: BaselineRequest, messages: BaselineMessages): boolean {
  let previous: Baseline | undefined;
  if (fs.existsSync(file)) {
    try {
      previous = readBaseline(file);
    } catch (error) {
      if (!(error instanceof BaselineError)) throw error;
      messages.fail(`${relativeMessage(error.message, file, request.cwd)}; not overwritten, since it may hold drafts this run did not lint: fix or delete it, then run again`);
      return false;
    }
  }
  const files = new Map<string, BaselineEntry[]>();
  for (const report of reports) {
    const draft = absoluteDraftPath(report, request.cwd);
    if (draft === undefined) continue;
    files.set(
      baselineKey(file, draft),
      report.findings.map((f) => ({ rule: f.rule, fingerprint: f.fingerprint, claim: f.claim })),
    );
  }
  let kept = 0;
  for (const [key, entries] of previous?.files ?? []) {
    if (files.has(key) || !fs.existsSync(path.resolve(path.dirname(file), key))) continue;
    files.set(key, [...entries]);
    kept += entries.length;
  }
  try {
    writeBaseline(file, files);
  } catch (error) {
    if (!(error instanceof BaselineError)) throw error;
    messages.fail(relativeMessage(error.message, file, request.cwd));
    return false;
  }
  const entries = [...files.values()].reduce((sum, list) => sum + list.length, 0);
  const drafts = [...files.values()].filter((list) => list.length > 0).length;
  const keptNote = kept > 0 ? ` (${plural(kept, 'entry', 'entries')} kept for drafts this run did not lint)` : '';
  messages.note(`wrote ${displayPath(file, request.cwd)}: ${plural(entries, 'finding', 'findings')} in ${plural(drafts, 'draft', 'drafts')}${keptNote}`);
  return true;
}

/** Says how many findings a baseline hid, and which of its entries match nothing any more. */
function summarise(use: BaselineUse, cwd: string, messages: BaselineMessages): void {
  const file = use.baseline.file;
  // Entries of drafts that no longer exist are stale too; drafts that exist but were not linted
  // in this run (a pre-commit hook passes only some) are not judged.
  for (const [key, entries] of use.baseline.files) {
    if (use.judged.has(key) || fs.existsSync(path.resolve(path.dirname(file), key))) continue;
    use.stale.push(...entries.map((entry) => ({ draft: key, entry })));
  }
  const shown = displayPath(file, cwd);
  messages.note(`baseline ${shown}: ${plural(use.known, 'known finding', 'known findings')} not reported`);
  if (use.stale.length === 0) return;
  const listed = use.stale.slice(0, MAX_STALE_LISTED).map(({ draft, entry }) => `\n  ${draft}: ${entry.rule}: "${entry.claim}"`);
  const more = use.stale.length > MAX_STALE_LISTED ? `\n  … and ${use.stale.length - MAX_STALE_LISTED} more` : '';
  messages.note(
    `baseline ${shown}: ${plural(use.stale.length, 'entry matches', 'entries match')} no finding any more (fixed, or the text changed); prune with --baseline-write ${shown}:${listed.join('')}${more}`,
  );
}

function configuredBaseline(draft: string, resolver: ConfigResolver): string | undefined {
  const resolved = resolver.resolve(draft);
  return isConfigProblem(resolved) ? undefined : resolved.baseline;
}

/** Standard input without --stdin-filename has no path, so no baseline can know it. */
function absoluteDraftPath(report: FileReport, cwd: string): string | undefined {
  return report.path === '<stdin>' ? undefined : path.resolve(cwd, report.path);
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** Prints the baseline's path as the user sees it, like the draft paths. */
function relativeMessage(message: string, file: string, cwd: string): string {
  return message.split(file).join(displayPath(file, cwd));
}

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

// `npm run eval -- DIR [--as-of YYYY-MM-DD] [--strict] [--json] [-v]`: lints a labelled corpus
// (DIR/docs/*.md and DIR/labels.jsonl, one JSON record per in-scope sentence) and prints
// precision and recall per finding type. -v lists every miss and false positive with what the
// engine saw in that sentence (its claim category and kind of time, or no claim at all).
//
// Scoring: a finding matches a label when its rule maps to one of the label's expected findings
// and its range covers the label's text on the label's line; each finding goes to the label it
// covers most. One finding per root cause: an expected missing-retrieval-date is folded into an
// expected missing-citation or wrong-source-type on the same sentence (--strict scores them
// apart). Findings on unlabelled sentences count as false positives in synthetic documents
// (labelled exhaustively) and as "unlabelled" in real ones.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { claimLedger, lint, LineIndex, type ClaimRecord, type InferenceRecord } from '../src/core';
import { todayIso } from '../src/core/language/dates';
import { loadConfigForFile } from '../src/node/config';

const FINDINGS = ['missing-citation', 'wrong-source-type', 'missing-retrieval-date', 'forbidden-inference'] as const;
type FindingName = (typeof FINDINGS)[number];
const RULE_TO_FINDING: Record<string, FindingName> = {
  'missing-citation': 'missing-citation',
  'wrong-source-type': 'wrong-source-type',
  'missing-retrieval-date': 'missing-retrieval-date',
  'unsupported-inference': 'forbidden-inference',
};
const USAGE = 'usage: npm run eval -- DIR [--as-of YYYY-MM-DD] [--strict] [--json] [-v]';

interface Label {
  file: string;
  line: number;
  text: string;
  expected_findings: string[];
  ambiguous?: boolean;
  /** Derived: the document's name, the 1-based column span of the text on its line, whether an expected date was folded. */
  name: string;
  c0: number;
  c1: number;
  folded: boolean;
}

interface Result {
  file: string;
  finding: FindingName;
  sl: number;
  sc: number;
  el: number;
  ec: number;
  message: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

interface Options {
  dir: string;
  asOf: string;
  strict: boolean;
  json: boolean;
  verbose: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { dir: '', asOf: todayIso(), strict: false, json: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--as-of') options.asOf = argv[++i] ?? fail(USAGE);
    else if (a === '--strict') options.strict = true;
    else if (a === '--json') options.json = true;
    else if (a === '-v' || a === '--verbose') options.verbose = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
    else options.dir = a;
  }
  if (!options.dir) fail(USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf)) fail(`--as-of needs YYYY-MM-DD, got "${options.asOf}"`);
  return options;
}

function fail(message: string): never {
  process.stderr.write(`eval: ${message}\n`);
  process.exit(2);
}

function readLabels(dir: string, strict: boolean): Label[] {
  const lines = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split('\n').filter((l) => l.trim());
  return lines.map((line, i) => {
    let raw: Omit<Label, 'name' | 'c0' | 'c1' | 'folded'>;
    try {
      raw = JSON.parse(line);
    } catch (error) {
      fail(`labels.jsonl:${i + 1}: ${(error as Error).message}`);
    }
    const expected = raw.expected_findings;
    const folded = !strict && expected.includes('missing-retrieval-date') && (expected.includes('missing-citation') || expected.includes('wrong-source-type'));
    const lineText = readFileSync(join(dir, raw.file), 'utf8').split('\n')[raw.line - 1] ?? '';
    const c0 = lineText.indexOf(raw.text) + 1;
    return {
      ...raw,
      expected_findings: folded ? expected.filter((f) => f !== 'missing-retrieval-date') : expected,
      name: basename(raw.file),
      c0,
      c1: c0 + raw.text.length,
      folded,
    };
  });
}

/** Characters of the label's text that the result's range covers (a point counts as one). */
function overlap(r: Result, l: Label): number {
  if (r.file !== l.name || !(r.sl <= l.line && l.line <= r.el)) return 0;
  const start = r.sl === l.line ? r.sc : 1;
  let end = r.el === l.line ? r.ec : Number.MAX_SAFE_INTEGER;
  if (end <= start) end = start + 1;
  return Math.max(0, Math.min(end, l.c1) - Math.max(start, l.c0));
}

interface DocumentRun {
  results: Result[];
  claims: ClaimRecord[];
  inferences: InferenceRecord[];
  lines: LineIndex;
  synthetic: boolean;
}

function lintDocuments(dir: string, asOf: string): Map<string, DocumentRun> {
  const docs = join(dir, 'docs');
  const runs = new Map<string, DocumentRun>();
  for (const name of readdirSync(docs).filter((n) => n.endsWith('.md')).sort()) {
    const path = join(docs, name);
    const text = readFileSync(path, 'utf8');
    const { config } = loadConfigForFile(path, { stopAt: dir });
    const lines = new LineIndex(text);
    const results: Result[] = [];
    for (const d of lint(text, { config, asOf }).diagnostics) {
      const finding = RULE_TO_FINDING[d.rule];
      if (!finding) continue;
      const s = lines.positionAt(d.start);
      const e = lines.positionAt(d.end);
      results.push({ file: name, finding, sl: s.line + 1, sc: s.character + 1, el: e.line + 1, ec: e.character + 1, message: d.message });
    }
    const { claims, inferences } = claimLedger(text, { config, asOf });
    const synthetic = text.split('\n').some((l) => l.includes('CORPUS') && l.includes('synthetic'));
    runs.set(name, { results, claims, inferences, lines, synthetic });
  }
  return runs;
}

/** What the engine made of the sentence a label marks, for the confusion list. */
function engineView(run: DocumentRun | undefined, l: Label): string {
  if (!run) return 'engine: document not linted';
  const from = run.lines.offsetAt({ line: l.line - 1, character: Math.max(0, l.c0 - 1) });
  const to = from + l.text.length;
  const covered = (r: { start: number; end: number }) => Math.max(0, Math.min(r.end, to) - Math.max(r.start, from));
  const claim = run.claims.filter((c) => covered(c) > 0).sort((a, b) => covered(b) - covered(a))[0];
  const inference = run.inferences.some((i) => covered(i) > 0);
  const parts: string[] = [];
  if (claim?.explain.claim) {
    const c = claim.explain.claim;
    const cites = claim.explain.citations.map((x) => `${x.type}${x.dates.some((d) => d.iso && !d.problem) ? '+date' : ''}`).join(',');
    parts.push(`claim ${c.policy}/${c.time}${c.trigger ? ` "${c.trigger}"` : ''} cites [${cites}] → ${claim.status}`);
  } else parts.push('no claim');
  if (inference) parts.push('inference');
  return `engine: ${parts.join('; ')}`;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  const dir = resolve(options.dir);
  const labels = readLabels(dir, options.strict);
  const runs = lintDocuments(dir, options.asOf);
  const byLabel = new Map<number, Set<FindingName>>();
  const stray: Result[] = [];
  for (const run of runs.values()) {
    for (const r of run.results) {
      let best = -1;
      let bestKey = [0, 0];
      labels.forEach((l, j) => {
        const ov = overlap(r, l);
        if (ov <= 0) return;
        const key = [ov, l.expected_findings.includes(r.finding) ? 1 : 0];
        if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] > bestKey[1])) [best, bestKey] = [j, key];
      });
      if (best === -1) stray.push(r);
      else {
        if (!byLabel.has(best)) byLabel.set(best, new Set());
        byLabel.get(best)!.add(r.finding);
      }
    }
  }
  const stats = { all: tallies(), clear: tallies() };
  const misses: string[] = [];
  const falsePositives: string[] = [];
  labels.forEach((l, j) => {
    const got = byLabel.get(j) ?? new Set<FindingName>();
    for (const f of FINDINGS) {
      const expected = l.expected_findings.includes(f);
      let key: keyof Tally;
      if (expected) key = got.has(f) ? 'tp' : 'fn';
      else if (got.has(f) && !(l.folded && f === 'missing-retrieval-date')) key = 'fp';
      else continue;
      const where = `${l.name}:${l.line} ${f}${l.ambiguous ? ' (ambiguous)' : ''}: ${l.text.slice(0, 70)}\n      ${engineView(runs.get(l.name), l)}`;
      if (key === 'fn') misses.push(where);
      if (key === 'fp') falsePositives.push(`${where} | expected ${l.expected_findings.join(',') || 'nothing'}`);
      stats.all[f][key]++;
      if (!l.ambiguous) stats.clear[f][key]++;
    }
  });
  const unlabelled: Record<string, number> = {};
  for (const r of stray) {
    if (runs.get(r.file)?.synthetic) {
      stats.all[r.finding].fp++;
      stats.clear[r.finding].fp++;
      falsePositives.push(`${r.file}:${r.sl} ${r.finding} (no label): ${r.message.slice(0, 90)}`);
    } else unlabelled[r.finding] = (unlabelled[r.finding] ?? 0) + 1;
  }
  if (options.json) {
    process.stdout.write(JSON.stringify({ all: summary(stats.all), clear: summary(stats.clear), unlabelled }, null, 1) + '\n');
    return;
  }
  for (const kind of ['all', 'clear'] as const) {
    process.stdout.write(`== labels: ${kind}\n`);
    for (const [name, t] of Object.entries(summary(stats[kind]))) {
      process.stdout.write(`  ${name.padEnd(24)} tp=${String(t.tp).padStart(3)} fp=${String(t.fp).padStart(3)} fn=${String(t.fn).padStart(3)}  P=${t.precision.toFixed(2)} R=${t.recall.toFixed(2)} F1=${t.f1.toFixed(2)}\n`);
    }
  }
  process.stdout.write(`unlabelled (real documents): ${JSON.stringify(unlabelled)}\n`);
  if (options.verbose) {
    process.stdout.write(`misses (${misses.length}):\n${misses.map((m) => `  ${m}\n`).join('')}`);
    process.stdout.write(`false positives (${falsePositives.length}):\n${falsePositives.map((m) => `  ${m}\n`).join('')}`);
  }
  const micro = summary(stats.clear).micro;
  process.stdout.write(`corpus micro (clear labels): P=${micro.precision.toFixed(2)} R=${micro.recall.toFixed(2)} F1=${micro.f1.toFixed(2)}\n`);
}

function tallies(): Record<FindingName, Tally> {
  return Object.fromEntries(FINDINGS.map((f) => [f, { tp: 0, fp: 0, fn: 0 }])) as Record<FindingName, Tally>;
}

function summary(t: Record<FindingName, Tally>): Record<string, Tally & { precision: number; recall: number; f1: number }> {
  const rows: Record<string, Tally & { precision: number; recall: number; f1: number }> = {};
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const row = (c: Tally) => {
    const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
    const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
    return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
  };
  for (const f of FINDINGS) {
    rows[f] = row(t[f]);
    total.tp += t[f].tp;
    total.fp += t[f].fp;
    total.fn += t[f].fn;
  }
  rows.micro = row(total);
  return rows;
}

main();

// Growth of lint time with hostile drafts: each shape is grown 1×, 2×, 4× and 8×, and the run fails
// when time grows faster than n log n in the draft's length. Run in its own process (bundled like
// the CLI) so earlier work does not warm or fill its heap. Prints one JSON line.
// Usage: node growth.js [--scale F] [--reps N] [--shapes a,b]
import { lint } from '../src/core';

export interface GrowthShape {
  name: string;
  /** What one unit of growth adds, for the report. */
  unit: string;
  /** Units at 1×. */
  base: number;
  draft(units: number): string;
}

export interface GrowthStep {
  factor: number;
  units: number;
  chars: number;
  /** Least CPU time of the repetitions, in ms. */
  cpuMs: number;
  findings: number;
}

export interface GrowthResult {
  shape: string;
  unit: string;
  steps: GrowthStep[];
  /** Time at 8× over time at 1×. */
  growth: number;
  /** The most that growth may be: SLACK × n log n growth of the draft's length. */
  allowed: number;
  ok: boolean;
}

export const FACTORS = [1, 2, 4, 8];
/** Room for measurement noise and garbage collection above n log n; a quadratic needs 8×. */
export const SLACK = 2;

const CITED = 'IBM is a member of the AI Alliance ([members](https://thealliance.ai/members), retrieved 2026-11-01).';

export const SHAPES: GrowthShape[] = [
  {
    name: 'long paragraph',
    unit: 'short sentences on one line',
    base: 5000,
    draft: (n) => 'The AI Alliance has members. '.repeat(n) + '\n',
  },
  {
    name: 'claims on one line',
    unit: 'claims (cited, uncited, footnoted) on one line',
    base: 500,
    draft: (n) => {
      const line: string[] = [];
      const defs: string[] = [];
      for (let i = 0; i < n; i++) {
        line.push(`The AI Alliance has ${i + 100} members.`, CITED, `Meta joined the AI Alliance in ${2000 + (i % 30)}.[^m${i}]`);
        defs.push(`[^m${i}]: <https://thealliance.ai/members>, retrieved 2026-11-01.`);
      }
      return `${line.join(' ')}\n\n${defs.join('\n')}\n`;
    },
  },
  {
    name: 'deep list',
    unit: 'levels of a list nested by indentation, one item per line',
    base: 375,
    draft: (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(2 * i)}- The AI Alliance has ${i} members.`).join('\n') + '\n',
  },
  {
    name: 'wide table',
    unit: 'columns (a header, a delimiter row and two rows of claims)',
    // Wide enough at every size, even in the quick run, that rows are read as text (see defuseWideRows).
    base: 1000,
    draft: (n) => {
      const row = (cell: (i: number) => string): string => `| ${Array.from({ length: n }, (_, i) => cell(i)).join(' | ')} |`;
      return [row((i) => `h${i}`), row(() => '---'), row((i) => `The AI Alliance has ${i} members.`), row(() => CITED)].join('\n') + '\n';
    },
  },
  {
    name: 'long quotation',
    unit: 'words inside one quotation',
    base: 1000,
    draft: (n) => `The AI Alliance "${'word '.repeat(n)}" said\n`,
  },
  {
    name: 'many footnotes',
    unit: 'claims, each with its own footnote',
    base: 1000,
    draft: (n) => {
      const claims = Array.from({ length: n }, (_, i) => `The AI Alliance has ${i} members.[^f${i}]`);
      const defs = Array.from({ length: n }, (_, i) => `[^f${i}]: <https://thealliance.ai/members>, retrieved 2026-11-01.`);
      return `${claims.join('\n\n')}\n\n${defs.join('\n')}\n`;
    },
  },
];

/** n log n growth from `a` to `b` characters. */
export function nLogNGrowth(a: number, b: number): number {
  return (b * Math.log(b)) / (a * Math.log(a));
}

function cpuMsOf(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Lints each size of a shape `reps` times and keeps the least CPU time (the one least disturbed). */
export function measureShape(shape: GrowthShape, scale: number, reps: number): GrowthResult {
  const steps: GrowthStep[] = [];
  for (const factor of FACTORS) {
    const units = Math.max(1, Math.round(shape.base * scale * factor));
    const text = shape.draft(units);
    let best = Infinity;
    let findings = 0;
    for (let r = 0; r < reps; r++) {
      best = Math.min(best, cpuMsOf(() => (findings = lint(text, { asOf: '2026-11-25' }).diagnostics.length)));
    }
    steps.push({ factor, units, chars: text.length, cpuMs: best, findings });
  }
  const first = steps[0];
  const last = steps[steps.length - 1];
  const growth = last.cpuMs / Math.max(first.cpuMs, 1);
  const allowed = SLACK * nLogNGrowth(first.chars, last.chars);
  return { shape: shape.name, unit: shape.unit, steps, growth, allowed, ok: growth <= allowed };
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

if (process.argv[1]?.endsWith('growth.js')) {
  const scale = Number(option('--scale', '1'));
  const reps = Number(option('--reps', '3'));
  const names = option('--shapes', '').split(',').filter(Boolean);
  const shapes = names.length ? SHAPES.filter((s) => names.includes(s.name)) : SHAPES;
  const results = shapes.map((shape) => measureShape(shape, scale, reps));
  process.stdout.write(`${JSON.stringify(results)}\n`);
}

// Writes the benchmark corpus: a documentation tree in which about a fifth of the files write
// about the AI Alliance and the rest are ordinary docs that never mention it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { heading, ordinaryBlock, paragraph, type Block } from './blocks';
import { allianceDraft } from './draft';
import { createRandom, hashString, type Random } from './prng';

export interface CorpusOptions {
  seed: number;
  files: number;
  /** How many of the files are long (`largeFileLines` lines each) instead of 1–400 lines. */
  largeFiles: number;
  largeFileLines: number;
  /** Share of files that write about the Alliance. */
  allianceShare: number;
}

export const FULL_CORPUS: CorpusOptions = { seed: 20261125, files: 2000, largeFiles: 4, largeFileLines: 5000, allianceShare: 0.2 };
export const QUICK_CORPUS: CorpusOptions = { seed: 20261125, files: 120, largeFiles: 1, largeFileLines: 5000, allianceShare: 0.2 };
/** The same trees with every file a draft about the Alliance: a wiki about the Alliance is all claims. */
export const ALLIANCE_CORPUS: CorpusOptions = { ...FULL_CORPUS, allianceShare: 1 };
export const QUICK_ALLIANCE_CORPUS: CorpusOptions = { ...QUICK_CORPUS, allianceShare: 1 };

export type CorpusKind = 'mixed' | 'alliance';

export interface CorpusFile {
  /** Path relative to the corpus root, with forward slashes. */
  path: string;
  text: string;
  alliance: boolean;
}

export interface CorpusSummary {
  files: number;
  allianceFiles: number;
  bytes: number;
  lines: number;
}

/** A file marking a directory as a generated corpus, so regeneration may delete it. */
const MARKER = '.bench-corpus';

const FOLDERS = ['guides', 'guides/setup', 'guides/operations', 'reference/api', 'reference/cli', 'reference/config', 'blog/2025', 'blog/2026', 'handbook', 'handbook/policies', 'community', 'community/meetings', 'projects/notes', 'projects/reviews', 'research', 'release-notes'];
const STEMS = ['overview', 'install', 'usage', 'faq', 'notes', 'design', 'review', 'changelog', 'summary', 'guide', 'howto', 'policy', 'report', 'draft'];

/** Produces the corpus files one by one, without touching the disk. Same options, same bytes. */
export function* corpusFiles(options: CorpusOptions): Generator<CorpusFile> {
  // Spread the long files evenly through the tree rather than bunching them at the start.
  const largeEvery = options.largeFiles > 0 ? Math.floor(options.files / options.largeFiles) : Infinity;
  for (let index = 0; index < options.files; index++) {
    const r = createRandom(hashString(`${options.seed}:${index}`));
    const large = index % largeEvery === Math.floor(largeEvery / 2);
    // The draw happens whatever the share, so a corpus of Alliance drafts only has the same files
    // with the same line counts as the mixed one.
    const alliance = large ? options.allianceShare >= 1 || index % (2 * largeEvery) < largeEvery : r.chance(options.allianceShare);
    const lines = large ? options.largeFileLines : 1 + Math.floor(399 * r.next() ** 2.3);
    const path = `${r.pick(FOLDERS)}/${r.pick(STEMS)}-${String(index).padStart(4, '0')}.md`;
    const text = alliance ? allianceDraft(r, { lines, ordinaryShare: 0.45 }) : ordinaryDocument(r, lines);
    yield { path, text, alliance };
  }
}

/** Writes the corpus under `dir`, replacing an earlier corpus there (never any other directory). */
export function writeCorpus(dir: string, options: CorpusOptions): CorpusSummary {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!existsSync(join(dir, MARKER))) throw new Error(`${dir} exists and is not a generated corpus; refusing to overwrite it`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), `${JSON.stringify(options)}\n`);
  const summary: CorpusSummary = { files: 0, allianceFiles: 0, bytes: 0, lines: 0 };
  for (const file of corpusFiles(options)) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    summary.files++;
    if (file.alliance) summary.allianceFiles++;
    summary.bytes += Buffer.byteLength(file.text);
    summary.lines += file.text.split('\n').length - 1;
  }
  return summary;
}

/**
 * Writes a corpus the benchmark uses into bench/corpus/{full,quick}[-alliance] and readies it for the
 * tools: it becomes the root of its own repository, because the CLI honours .gitignore files up to
 * the repository root and this repository ignores bench/corpus/; and markdownlint-cli2 is told to
 * print no banner or progress.
 */
export function prepareCorpus(root: string, quick: boolean, kind: CorpusKind = 'mixed'): { dir: string; summary: CorpusSummary } {
  const dir = join(root, 'bench/corpus', `${quick ? 'quick' : 'full'}${kind === 'alliance' ? '-alliance' : ''}`);
  const options = kind === 'alliance' ? (quick ? QUICK_ALLIANCE_CORPUS : ALLIANCE_CORPUS) : quick ? QUICK_CORPUS : FULL_CORPUS;
  const summary = writeCorpus(dir, options);
  const git = spawnSync('git', ['init', '-q'], { cwd: dir, encoding: 'utf8' });
  if (git.status !== 0) process.stdout.write(`warning: git init in ${dir} failed; the CLI may skip the git-ignored corpus\n`);
  writeFileSync(join(dir, '.markdownlint-cli2.jsonc'), '{ "noBanner": true, "noProgress": true }\n');
  return { dir, summary };
}

/** Ordinary documentation of exactly `lines` lines: a title, then headings, prose, lists, tables, code. */
export function ordinaryDocument(r: Random, lines: number): string {
  const out: string[] = [...heading(r, 1)];
  let failures = 0;
  while (out.length < lines && failures < 8) {
    const block: Block = r.chance(0.15) ? heading(r, r.int(2, 3)) : ordinaryBlock(r);
    if (out.length + 1 + block.length <= lines) {
      out.push('', ...block);
      failures = 0;
    } else failures++;
  }
  while (out.length < lines) {
    const filler = paragraph(r).slice(0, lines - out.length - 1);
    out.push('', ...filler);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

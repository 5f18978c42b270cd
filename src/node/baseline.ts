// Baselines: the findings a repository already had when it adopted the linter, recorded by their
// fingerprints so that only new findings are reported. Shared by the command line and the editor:
// both read the same file (named by `--baseline` or the config's `baseline` key) and ask which of a
// draft's findings it already knows. The file format is documented in docs/ci.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { describeError } from './files';
import { FINGERPRINT_KEY, fingerprintFindings, type FingerprintSubject } from './fingerprint';
import { firstJsonErrorOffset } from './jsonError';

export const BASELINE_VERSION = 1;
/** Baselines larger than this are refused rather than parsed (about 200,000 entries). */
const MAX_BASELINE_BYTES = 50 * 1024 * 1024;
/** Claims longer than this are shortened in the file; the text is for reviewers, matching uses the fingerprint. */
const MAX_CLAIM_LENGTH = 160;

export interface BaselineEntry {
  rule: string;
  fingerprint: string;
  /** The finding's text, whitespace collapsed and shortened, so a reviewer can read a diff. */
  claim: string;
}

export interface Baseline {
  /** Absolute path of the baseline file; draft paths in it are relative to its folder. */
  file: string;
  /** Entries per draft, keyed by the draft's path relative to the baseline's folder, with `/`. */
  files: ReadonlyMap<string, readonly BaselineEntry[]>;
}

/** A baseline that cannot be used; the message reads `file:line:col: problem`. */
export class BaselineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    problem: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}`);
    this.name = 'BaselineError';
  }
}

/** Reads and checks a baseline file; throws BaselineError when it is missing or malformed. */
export function readBaseline(file: string): Baseline {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new BaselineError(file, 1, 1, 'the baseline is not a regular file');
    if (stat.size > MAX_BASELINE_BYTES) throw new BaselineError(file, 1, 1, `the baseline is larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MB`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof BaselineError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BaselineError(file, 1, 1, `no such baseline; write it with alliance-cite --baseline-write ${file}`);
    throw new BaselineError(file, 1, 1, `cannot read the baseline: ${describeError(error)}`);
  }
  return parseBaseline(bytes.toString('utf8'), file);
}

/**
 * Reads baselines for a long-running process (an editor, a server): a file is parsed again only
 * when its modification time or size changes, as config files are.
 */
export class BaselineReader {
  private readonly cache = new Map<string, { mtimeMs: number; size: number; baseline: Baseline }>();

  /** Returns the baseline in `file`; throws BaselineError as readBaseline does. */
  read(file: string): Baseline {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file);
    } catch {
      // readBaseline below reports the problem.
    }
    const hit = this.cache.get(file);
    if (stat && hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.baseline;
    this.cache.delete(file);
    const baseline = readBaseline(file);
    if (stat) this.cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, baseline });
    return baseline;
  }
}

/** Parses the text of a baseline file; `file` is its absolute path, used for messages and paths. */
export function parseBaseline(text: string, file: string): Baseline {
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const offset = firstJsonErrorOffset(text);
    const { line, column } = positionOf(text, offset < 0 ? 0 : offset);
    const found = offset >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text.slice(offset, offset + 12))}`;
    throw new BaselineError(file, line, column, `the baseline is not valid JSON (${found}); if it has merge conflicts, rewrite it with --baseline-write`);
  }
  const fail = (where: ReadonlyArray<string | number>, problem: string): never => {
    const { line, column } = locate(text, where);
    throw new BaselineError(file, line, column, problem);
  };
  if (!isPlainObject(data)) return fail([], 'a baseline is a JSON object with "version", "fingerprint" and "files"');
  if (data.version !== BASELINE_VERSION) return fail(['version'], `unsupported baseline version ${JSON.stringify(data.version)} (this alliance-cite reads version ${BASELINE_VERSION}); rewrite it with --baseline-write`);
  if (data.fingerprint !== FINGERPRINT_KEY) {
    return fail(['fingerprint'], `the baseline was made with fingerprints ${JSON.stringify(data.fingerprint)}, not "${FINGERPRINT_KEY}"; rewrite it with --baseline-write`);
  }
  if (!isPlainObject(data.files)) return fail(['files'], '"files" must be an object of draft paths');
  const files = new Map<string, BaselineEntry[]>();
  for (const [draft, list] of Object.entries(data.files)) {
    if (!Array.isArray(list)) return fail(['files', draft], `the entries of ${draft} must be an array`);
    files.set(
      draft,
      list.map((entry: unknown, index) => {
        const at = ['files', draft, index];
        if (!isPlainObject(entry)) return fail(at, 'an entry is an object with "rule", "fingerprint" and "claim"');
        if (typeof entry.rule !== 'string' || entry.rule === '') return fail(at, 'the entry has no "rule"');
        if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{32}$/.test(entry.fingerprint)) return fail(at, 'the entry\'s "fingerprint" is not 32 hexadecimal digits');
        return { rule: entry.rule, fingerprint: entry.fingerprint, claim: typeof entry.claim === 'string' ? entry.claim : '' };
      }),
    );
  }
  return { file, files };
}

/** The key of a draft in a baseline: its path relative to the baseline's folder, with `/`. */
export function baselineKey(baselineFile: string, draftFile: string): string {
  return path.relative(path.dirname(baselineFile), draftFile).split(path.sep).join('/');
}

export interface BaselineMatch {
  /** Per finding, in the order given: whether the baseline already knows it. */
  known: boolean[];
  /** Entries of the draft that matched no finding: fixed, or the claim changed. */
  stale: BaselineEntry[];
}

/** Matches one draft's findings (by fingerprint) against that draft's baseline entries. */
export function matchBaseline(entries: readonly BaselineEntry[] | undefined, fingerprints: readonly string[]): BaselineMatch {
  const unused = new Map((entries ?? []).map((entry) => [entry.fingerprint, entry]));
  const known = fingerprints.map((fingerprint) => unused.delete(fingerprint));
  return { known, stale: [...unused.values()] };
}

/**
 * For an editor or a server holding the core's diagnostics: says which of them the baseline knows.
 * Fingerprints are computed exactly as the command line computes them.
 */
export function knownInBaseline(baseline: Baseline, draftFile: string, text: string, findings: readonly FingerprintSubject[]): boolean[] {
  return matchBaseline(baseline.files.get(baselineKey(baseline.file, draftFile)), fingerprintFindings(text, findings)).known;
}

/** Shortens a finding's text for the baseline file: whitespace collapsed, at most MAX_CLAIM_LENGTH characters. */
export function claimExcerpt(claimText: string): string {
  const collapsed = claimText.replace(/\s+/g, ' ').trim();
  return collapsed.length > MAX_CLAIM_LENGTH ? `${collapsed.slice(0, MAX_CLAIM_LENGTH - 1).trimEnd()}\u2026` : collapsed;
}

/**
 * Writes a baseline: drafts sorted by path, entries by rule, claim and fingerprint, one entry per
 * line, so that the file is the same for the same findings and a diff shows one line per finding.
 * Drafts without entries are left out. The file is replaced atomically.
 */
export function writeBaseline(file: string, files: ReadonlyMap<string, readonly BaselineEntry[]>): void {
  const text = serializeBaseline(files);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, text, { flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new BaselineError(file, 1, 1, `cannot write the baseline: ${describeError(error)}`);
  }
}

export function serializeBaseline(files: ReadonlyMap<string, readonly BaselineEntry[]>): string {
  const drafts = [...files.keys()].filter((draft) => (files.get(draft)?.length ?? 0) > 0).sort(compareStrings);
  const blocks = drafts.map((draft) => {
    const entries = [...(files.get(draft) ?? [])].sort(
      (a, b) => compareStrings(a.rule, b.rule) || compareStrings(a.claim.toLowerCase(), b.claim.toLowerCase()) || compareStrings(a.fingerprint, b.fingerprint),
    );
    const lines = entries.map((e) => `      {"rule": ${JSON.stringify(e.rule)}, "fingerprint": ${JSON.stringify(e.fingerprint)}, "claim": ${JSON.stringify(e.claim)}}`);
    return `    ${JSON.stringify(draft)}: [\n${lines.join(',\n')}\n    ]`;
  });
  const body = blocks.length > 0 ? `{\n${blocks.join(',\n')}\n  }` : '{}';
  return `{\n  "version": ${BASELINE_VERSION},\n  "fingerprint": ${JSON.stringify(FINGERPRINT_KEY)},\n  "files": ${body}\n}\n`;
}

/** Orders by UTF-16 code units, independent of the locale, so every machine writes the same file. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Finds where a value sits in the JSON text (for messages), by reading the text as YAML, a superset. */
function locate(text: string, where: ReadonlyArray<string | number>): { line: number; column: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let node = doc.contents as Node | null;
  for (const key of where) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (!next) break;
    node = next as Node;
  }
  const offset = node?.range?.[0] ?? 0;
  const { line, col } = lines.linePos(offset);
  return { line: Math.max(1, line), column: Math.max(1, col) };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

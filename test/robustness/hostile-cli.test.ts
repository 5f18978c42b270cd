// Hostile files and file systems fed to the built CLI: each case ends with a clear per-file message
// or exit code 2, never a stack trace, and --fix never loses a byte (checked on disk).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AS_OF, CLAIM, CLI, ensureBuilt, makeTree, removeTree, runCli, snapshot, type CliResult } from '../cli/helpers';
import { isSubsequence } from './properties';

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** Runs the CLI and checks it ended in a controlled way: a known exit code and no stack trace. */
function runChecked(args: readonly string[], cwd: string, env?: NodeJS.ProcessEnv): CliResult {
  const result = runCli(['--as-of', AS_OF, ...args], { cwd, env });
  assert.ok(result.status === 0 || result.status === 1 || result.status === 2, `unexpected exit ${result.status}; stderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, STACK_FRAME, 'a stack trace was printed');
  assert.doesNotMatch(result.stderr, /internal error/, 'the CLI failed internally');
  return result;
}

/** Files named in a JSON report, to show which drafts were linted despite a bad neighbour. */
function reportedFiles(result: CliResult): string[] {
  const rows = JSON.parse(result.stdout) as { file: string }[];
  return [...new Set(rows.map((r) => r.file))].sort();
}

function bytesOf(root: string, file: string): Buffer {
  return fs.readFileSync(path.join(root, file));
}

const DRAFT = `# Draft\n\n${CLAIM}\n`;

describe('robustness: hostile files in the CLI', function () {
  this.timeout(120_000);
  let root: string;

  before(async () => ensureBuilt());
  afterEach(() => {
    if (root) removeTree(root);
  });

  it('skips a binary file with a note and lints the others', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]);
    root = makeTree({ 'image.md': binary, 'with-nul.md': `${CLAIM}\0\n`, 'ok.md': DRAFT });
    const result = runChecked(['--format', 'json', '--fix'], root);
    assert.match(result.stderr, /image\.md.*binary/);
    assert.match(result.stderr, /with-nul\.md.*binary/);
    assert.ok(bytesOf(root, 'image.md').equals(binary), 'the binary file was changed');
    assert.equal(bytesOf(root, 'with-nul.md').toString('utf8'), `${CLAIM}\0\n`);
    assert.ok(bytesOf(root, 'ok.md').toString('utf8').includes('TODO-verify'), 'the good draft was fixed');
  });

  it('reports invalid UTF-8 with file:line:col, exits 2, and leaves the file as it was', () => {
    const invalid = Buffer.concat([Buffer.from(`# Draft\n\nCaf`), Buffer.from([0xc3, 0x28]), Buffer.from(` ${CLAIM}\n`)]);
    root = makeTree({ 'latin.md': invalid, 'ok.md': DRAFT });
    const result = runChecked(['--format', 'json', '--fix'], root);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /latin\.md:3:4: .*UTF-8/);
    assert.ok(bytesOf(root, 'latin.md').equals(invalid), 'the invalid file was changed');
    assert.deepEqual(reportedFiles(result), ['ok.md']);
  });

  it('reports an unreadable file and lints the others', function () {
    root = makeTree({ 'locked.md': DRAFT, 'ok.md': DRAFT });
    fs.chmodSync(path.join(root, 'locked.md'), 0o000);
    // root reads every file; run as an unprivileged user so that the permission really denies.
    const asUser = process.getuid?.() === 0 ? 65534 : undefined;
    const result = runAs(asUser, ['--format', 'json'], root);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /locked\.md: cannot read: permission denied/);
    assert.deepEqual(reportedFiles(result), ['ok.md']);
  });

  it('walks into a folder named like a draft instead of reading it', () => {
    root = makeTree({ 'notes.md/inner.md': DRAFT, 'folder.markdown/.keep': '' });
    for (const args of [[], ['notes.md'], ['notes.md/'], ['*.md'], ['folder.markdown']]) {
      const result = runChecked(['--format', 'json', ...args], root);
      assert.doesNotMatch(result.stderr, /EISDIR|is a folder/, `args ${args.join(' ')}`);
      if (args[0] !== 'folder.markdown' && args[0] !== '*.md') assert.deepEqual(reportedFiles(result), ['notes.md/inner.md'], `args ${args.join(' ')}`);
    }
  });

  it('names a broken symbolic link given on the command line and exits 2', () => {
    root = makeTree({ 'ok.md': DRAFT });
    fs.symlinkSync(path.join(root, 'missing.md'), path.join(root, 'gone.md'));
    fs.symlinkSync(path.join(root, 'loop.md'), path.join(root, 'loop.md'));
    const named = runChecked(['--format', 'json', 'gone.md', 'loop.md', 'ok.md'], root);
    assert.equal(named.status, 2);
    assert.match(named.stderr, /gone\.md: broken symbolic link/);
    assert.match(named.stderr, /loop\.md: .*(symbolic links|loop)/i);
    assert.deepEqual(reportedFiles(named), ['ok.md']);
    const walked = runChecked(['--format', 'json'], root);
    assert.deepEqual(reportedFiles(walked), ['ok.md'], 'broken links met while walking are skipped');
  });

  it('refuses to fix a read-only file, exits 2, and fixes the writable one', () => {
    root = makeTree({ 'ro.md': DRAFT, 'rw.md': DRAFT });
    fs.chmodSync(path.join(root, 'ro.md'), 0o444);
    const result = runChecked(['--fix'], root);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /ro\.md: .*read-only/);
    assert.equal(bytesOf(root, 'ro.md').toString('utf8'), DRAFT, 'the read-only file was changed');
    assert.equal(fs.statSync(path.join(root, 'ro.md')).mode & 0o777, 0o444);
    assert.ok(bytesOf(root, 'rw.md').toString('utf8').includes('TODO-verify'));
  });

  // A preload hook makes "someone else" rewrite the draft right after the CLI's n-th read of it:
  // n = 1 is the read before linting, n = 2 the re-check just before the temporary file is written.
  for (const [when, nthRead] of [['after it was read', 1], ['between the write checks', 2]] as const) {
    it(`keeps another writer's change made ${when} under --fix`, () => {
      const theirs = `# Draft\n\nRewritten by someone else.\n`;
      root = makeTree({ 'changing.md': DRAFT, 'preload.cjs': changeAfterReadHook('changing.md', nthRead, theirs) });
      const before = new Set(fs.readdirSync(root));
      const result = runChecked(['--fix', 'changing.md'], root, { NODE_OPTIONS: `--require ${path.join(root, 'preload.cjs')}` });
      assert.equal(bytesOf(root, 'changing.md').toString('utf8'), theirs, 'the other writer\u2019s change was lost');
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /changing\.md: .*changed while it was being fixed/);
      assert.deepEqual(new Set(fs.readdirSync(root)), before, 'a temporary file was left behind');
    });
  }

  it('fixes CRLF, CR-only and BOM drafts keeping their bytes and line endings', () => {
    const crlf = `\uFEFF# Draft\r\n\r\n${CLAIM}\r\n`;
    const cr = `# Draft\r\r${CLAIM}\r`;
    root = makeTree({ 'crlf.md': crlf, 'cr.md': cr });
    runChecked(['--fix'], root);
    const fixedCrlf = bytesOf(root, 'crlf.md');
    assert.deepEqual([...fixedCrlf.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the BOM was lost');
    const crlfText = fixedCrlf.toString('utf8');
    assert.ok(isSubsequence(crlf, crlfText) && crlfText.includes('TODO-verify'));
    assert.ok(!/[^\r]\n/.test(crlfText), 'a bare LF was written into a CRLF draft');
    const crText = bytesOf(root, 'cr.md').toString('utf8');
    assert.ok(isSubsequence(cr, crText) && crText.includes('TODO-verify'));
    assert.ok(!crText.includes('\n'), 'an LF was written into a CR-only draft');
  });

  it('lints every hostile draft in one run without failing internally', () => {
    root = makeTree({
      'empty.md': '',
      'front-matter-only.md': '---\ntitle: Notes\n---\n',
      'bad-front-matter.md': `---\ntags: [unclosed\n---\n\n${CLAIM}\n`,
      'separators.md': `Intro.\u2028${CLAIM}\u2029More.\u0085\n`,
      'rtl.md': `مرحبا. ${CLAIM} שלום.\n`,
      'emoji 😀 name.md': `The AI Alliance 🤝 has more than 140 members 👩‍👩‍👧.\n`,
      'ok.md': DRAFT,
    });
    const before = snapshot(root);
    const result = runChecked(['--format', 'json'], root);
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stderr, /bad-front-matter\.md:[1-3]:\d+: note: .*front matter/i);
    const files = reportedFiles(result);
    for (const expected of ['bad-front-matter.md', 'emoji 😀 name.md', 'ok.md', 'rtl.md', 'separators.md']) {
      assert.ok(files.includes(expected), `no finding reported for ${expected}; reported: ${files.join(', ')}`);
    }
    assert.deepEqual(snapshot(root), before, 'linting without --fix changed a file');
  });

  it('lints drafts nested 10,000 levels deep beside ordinary ones', () => {
    root = makeTree({ 'nested.md': '> '.repeat(10_000) + CLAIM + '\n', 'lists.md': '- '.repeat(10_000) + CLAIM + '\n', 'ok.md': DRAFT });
    const result = runChecked(['--format', 'json'], root);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(reportedFiles(result), ['lists.md', 'nested.md', 'ok.md']);
  });

  for (const [name, input] of [
    ['a binary draft', Buffer.from('a\0b\n')],
    ['invalid UTF-8', Buffer.from([0x43, 0x61, 0x66, 0xc3, 0x28, 0x0a])],
  ] as const) {
    it(`--fix - passes ${name} through unchanged and says so`, () => {
      const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--fix', '-'], { input, env: { ...process.env, NO_COLOR: '' } });
      if (result.error) throw result.error;
      assert.ok(result.stdout.equals(input), `stdout was ${JSON.stringify(result.stdout.toString('latin1'))}, exit ${result.status}`);
      const stderr = result.stderr.toString('utf8');
      assert.match(stderr, /<stdin>: .*copied to standard output unchanged/);
      assert.doesNotMatch(stderr, STACK_FRAME);
    });
  }

  it('refuses a named FIFO and a link to a device instead of blocking on them', () => {
    root = makeTree({ 'ok.md': DRAFT });
    assert.equal(spawnSync('mkfifo', [path.join(root, 'pipe.md')]).status, 0, 'mkfifo failed');
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.md'));
    // Generous bound: completion is what is asserted; a blocked read never completes.
    const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--format', 'json', 'pipe.md', 'zero.md', 'ok.md'], { cwd: root, timeout: 60_000, encoding: 'utf8' });
    assert.equal(result.signal, null, 'the CLI did not finish: it blocked reading a FIFO or device');
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /pipe\.md: not a regular file \(a named pipe\)/);
    assert.match(result.stderr, /zero\.md: not a regular file \(a character device\)/);
    assert.deepEqual(reportedFiles(result), ['ok.md']);
  });

  it('skips a FIFO met while walking with a note, and lints the rest', () => {
    root = makeTree({ 'ok.md': DRAFT });
    assert.equal(spawnSync('mkfifo', [path.join(root, 'pipe.md')]).status, 0, 'mkfifo failed');
    const result = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--format', 'json'], { cwd: root, timeout: 60_000, encoding: 'utf8' });
    assert.equal(result.signal, null, 'the CLI did not finish: it blocked reading a FIFO');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, 'alliance-cite: pipe.md: skipped: not a regular file (a named pipe)\n');
    assert.deepEqual(reportedFiles(result), ['ok.md']);
  });

  // The engine has no known crash to rely on, so the CLI's test hook makes one draft throw inside
  // the same guarded call the engine runs in, on the main thread and in a worker.
  for (const threads of ['1', '3']) {
    it(`reports an engine failure on one draft by name, lints the others, and exits 2 (--threads ${threads})`, () => {
      const files: Record<string, string> = { 'crash.md': `# Draft\n\nCRASH-HERE ${CLAIM}\n` };
      for (let i = 0; i < 6; i++) files[`ok-${i}.md`] = DRAFT;
      root = makeTree(files);
      const result = runCli(['--as-of', AS_OF, '--threads', threads, '--format', 'json'], { cwd: root, env: { ALLIANCE_CITE_TEST_CRASH_ON: 'CRASH-HERE' } });
      assert.equal(result.status, 2, result.stderr);
      assert.doesNotMatch(result.stderr, STACK_FRAME, 'a stack trace was printed');
      assert.match(result.stderr, /^alliance-cite: crash\.md: internal error while linting this draft: .*The other drafts were linted.*please report it at https:\/\/github\.com\/alliance-cite\/alliance-cite\/issues/m);
      assert.deepEqual(reportedFiles(result), ['ok-0.md', 'ok-1.md', 'ok-2.md', 'ok-3.md', 'ok-4.md', 'ok-5.md']);
    });
  }

  it('--fix - copies standard input through unchanged when the engine fails on it', () => {
    root = makeTree({});
    const input = `CRASH-HERE ${CLAIM}\n`;
    const result = runCli(['--as-of', AS_OF, '--fix', '-'], { cwd: root, input, env: { ALLIANCE_CITE_TEST_CRASH_ON: 'CRASH-HERE' } });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, input);
    assert.match(result.stderr, /<stdin>: internal error while linting this draft/);
  });

});

/**
 * Source of a preload script that rewrites `name` right after the CLI's n-th read of it. Drafts
 * are read through a descriptor (opened without blocking), so descriptors are mapped to paths.
 */
function changeAfterReadHook(name: string, nthRead: number, content: string): string {
  return `const fs = require('node:fs');
const originalRead = fs.readFileSync;
const originalOpen = fs.openSync;
const paths = new Map();
let reads = 0;
fs.openSync = function (file, ...rest) {
  const fd = originalOpen.call(this, file, ...rest);
  if (typeof file === 'string') paths.set(fd, file);
  return fd;
};
fs.readFileSync = function (file, ...rest) {
  const result = originalRead.call(this, file, ...rest);
  const named = typeof file === 'number' ? paths.get(file) : file;
  if (typeof named === 'string' && named.endsWith(${JSON.stringify('/' + name)}) && ++reads === ${nthRead}) {
    fs.writeFileSync(named, ${JSON.stringify(content)});
  }
  return result;
};
`;
}

/** Runs the CLI as another user (when running as root), from a copy that user can read. */
function runAs(uid: number | undefined, args: readonly string[], cwd: string): CliResult {
  if (uid === undefined) return runChecked(args, cwd);
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-cli-bin-'));
  try {
    fs.copyFileSync(CLI, path.join(copy, 'cli.js'));
    for (const dir of [copy, cwd]) fs.chmodSync(dir, 0o755);
    const result = spawnSync(process.execPath, [path.join(copy, 'cli.js'), '--as-of', AS_OF, ...args], {
      cwd,
      uid,
      gid: uid,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '' },
    });
    if (result.error) throw result.error;
    assert.doesNotMatch(result.stderr, STACK_FRAME, 'a stack trace was printed');
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

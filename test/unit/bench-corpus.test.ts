import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { QUICK_ALLIANCE_CORPUS, QUICK_CORPUS, corpusFiles, writeCorpus } from '../../bench/generate';

/** Every file under `dir`, keyed by its relative path. */
function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

describe('benchmark corpus generator', () => {
  let scratch: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'bench-corpus-'));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes identical bytes for the same seed', () => {
    const first = join(scratch, 'first');
    const second = join(scratch, 'second');
    writeCorpus(first, QUICK_CORPUS);
    writeCorpus(second, QUICK_CORPUS);
    const a = readTree(first);
    const b = readTree(second);
    assert.equal(a.size, b.size);
    for (const [path, bytes] of a) assert.ok(b.get(path)?.equals(bytes), `${path} differs between runs`);
  });

  it('writes different text for a different seed', () => {
    const a = [...corpusFiles({ ...QUICK_CORPUS, files: 20 })].map((f) => f.text).join('');
    const b = [...corpusFiles({ ...QUICK_CORPUS, files: 20, seed: QUICK_CORPUS.seed + 1 })].map((f) => f.text).join('');
    assert.notEqual(a, b);
  });

  it('mixes Alliance drafts with ordinary docs that never mention the Alliance', () => {
    const summary = writeCorpus(join(scratch, 'corpus'), QUICK_CORPUS);
    assert.equal(summary.files, QUICK_CORPUS.files);
    assert.ok(summary.allianceFiles >= QUICK_CORPUS.files * 0.1, `only ${summary.allianceFiles} Alliance files`);
    assert.ok(summary.allianceFiles <= QUICK_CORPUS.files * 0.35, `${summary.allianceFiles} Alliance files`);
    for (const file of corpusFiles(QUICK_CORPUS)) {
      if (!file.alliance) assert.doesNotMatch(file.text, /alliance/i, `${file.path} is ordinary but mentions the Alliance`);
    }
  });

  it('writes a corpus of Alliance drafts only with the same files and line counts as the mixed one', () => {
    const shape = (options: typeof QUICK_CORPUS): [string, number][] => [...corpusFiles(options)].map((f) => [f.path, f.text.split('\n').length]);
    assert.deepEqual(shape(QUICK_ALLIANCE_CORPUS), shape(QUICK_CORPUS));
    const alliance = [...corpusFiles(QUICK_ALLIANCE_CORPUS)];
    assert.ok(alliance.every((f) => f.alliance), 'a file of the Alliance corpus is an ordinary doc');
  });

  it('gives files 1–400 lines, except the long ones, which have exactly the long length', () => {
    const counts = [...corpusFiles(QUICK_CORPUS)].map((f) => f.text.split('\n').length - 1);
    assert.equal(counts.filter((n) => n === QUICK_CORPUS.largeFileLines).length, QUICK_CORPUS.largeFiles);
    for (const n of counts.filter((c) => c !== QUICK_CORPUS.largeFileLines)) assert.ok(n >= 1 && n <= 400, `a file has ${n} lines`);
  });

  it('uses every citation style somewhere in the Alliance drafts', () => {
    const alliance = [...corpusFiles(QUICK_CORPUS)].filter((f) => f.alliance).map((f) => f.text).join('\n');
    const styles: Record<string, RegExp> = {
      inline: /\]\(https:\/\/thealliance\.ai\//,
      reference: /^\[[a-z-]+-\d+\]: https:\/\//m,
      footnote: /^\[\^[a-z-]+-\d+\]: /m,
      numbered: /^## References\n\n1\. /m,
      pandoc: /\[@[a-z-]+\]/,
      'front-matter sources': /^sources:\n {2}- id: /m,
      'retrieved column': /\| Claim \| Source \| Retrieved \|/,
      'bare URL': /, see https:\/\//,
      autolink: / <https:\/\/[^>]+>/,
      'citation stub': /TODO-verify <https:/,
    };
    for (const [name, pattern] of Object.entries(styles)) assert.match(alliance, pattern, `no ${name} citation`);
  });

  it('refuses to replace a directory that is not a generated corpus', () => {
    const precious = join(scratch, 'precious');
    writeCorpus(precious, { ...QUICK_CORPUS, files: 1 });
    rmSync(join(precious, '.bench-corpus'));
    writeFileSync(join(precious, 'keep.md'), '# mine\n');
    assert.throws(() => writeCorpus(precious, QUICK_CORPUS), /not a generated corpus/);
    assert.equal(readFileSync(join(precious, 'keep.md'), 'utf8'), '# mine\n');
  });
});

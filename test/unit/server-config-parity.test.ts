// The web build of the language server finds and loads config files through the client, with its
// own loader on URIs (src/server/uriConfig.ts). It must agree with the loader the CLI and the
// desktop server use (src/node/config.ts): same files, merged config, notes and problems.
import { strict as assert } from 'node:assert';
import { promises as fsp, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { resolveConfig } from '../../src/core/config';
import { clearConfigCache, inspectConfigForFile } from '../../src/node/config';
import { createIgnoreMatcher } from '../../src/node/files';
import { ignoreMatcher, UriConfigLoader, type FileEntry } from '../../src/server/uriConfig';

/** Reads a file URI from disk as the client answers the server's read requests. */
async function readFromDisk(uri: string): Promise<FileEntry> {
  const file = fileURLToPath(uri);
  try {
    const stat = await fsp.stat(file);
    if (stat.isDirectory()) return { kind: 'folder' };
    return { kind: 'file', text: await fsp.readFile(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { kind: 'missing', reason: code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(code) };
  }
}

const toPath = (uri: string): string => fileURLToPath(uri);

describe('config files read through the client agree with the CLI', () => {
  let root: string;

  function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  async function assertSame(draft: string, options: { configPath?: string; trusted?: boolean } = {}): Promise<void> {
    clearConfigCache();
    const node = inspectConfigForFile(draft, options);
    const loaded = await new UriConfigLoader(readFromDisk).load(pathToFileURL(path.dirname(draft)).href, {
      configUri: options.configPath ? pathToFileURL(options.configPath).href : undefined,
      trusted: options.trusted !== false,
    });
    assert.deepEqual(loaded.files.map(toPath), node.files, 'files');
    assert.deepEqual(resolveConfig(loaded.overlays), node.config, 'merged config');
    assert.deepEqual(loaded.notes, node.notes, 'notes');
    assert.deepEqual(
      loaded.problems.map((p) => ({ ...p, file: toPath(p.file) })),
      node.problems,
      'problems',
    );
    assert.equal(toPath(loaded.baseDir), node.baseDir, 'the folder ignore globs are relative to');
  }

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'alliance-cite-parity-')));
    mkdirSync(path.join(root, '.git'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without a config file', async () => {
    await assertSame(write('docs/draft.md', ''));
  });

  it('for cascading files, the nearest winning, and .yaml before .yml in one folder', async () => {
    write('.alliance-cite.yaml', 'rules:\n  missing-citation: warning\n  citation-stub: off\nlexicon:\n  projects: [Top Project]\n');
    write('.alliance-cite.yml', 'rules: {missing-citation: error}\n');
    write('docs/.alliance-cite.yml', 'rules:\n  missing-citation: info\n');
    write('docs/team/.alliance-cite.yaml', 'lexicon:\n  projects: [Team Project]\n');
    await assertSame(write('docs/team/draft.md', ''));
  });

  it('for extends chains, types declared by bases, and unknown types', async () => {
    write('shared/base.yaml', 'rules: {missing-citation: off}\nsources:\n  types: {lab-eval: {label: a lab}}\n');
    write('docs/.alliance-cite.yaml', 'extends: ../shared/base.yaml\ncategories:\n  safety/system: {approved: [lab-eval]}\n');
    await assertSame(write('docs/draft.md', ''));
    write('other/.alliance-cite.yaml', 'categories:\n  membership: {approved: [lab-eval]}\n');
    await assertSame(write('other/draft.md', ''));
  });

  it('for a missing extends file, a cycle, and a file that extends itself', async () => {
    write('a/.alliance-cite.yaml', '# shared\nextends:\n  - ./missing.yaml\n');
    await assertSame(write('a/d.md', ''));
    write('b/.alliance-cite.yaml', 'extends: cfg/b.yaml\n');
    write('b/cfg/b.yaml', 'rules: {}\nextends: [c.yaml]\n');
    write('b/cfg/c.yaml', 'extends: ../.alliance-cite.yaml\n');
    await assertSame(write('b/d.md', ''));
    write('c/.alliance-cite.yaml', 'extends: .alliance-cite.yaml\n');
    await assertSame(write('c/d.md', ''));
  });

  it('for invalid YAML and invalid values', async () => {
    write('docs/.alliance-cite.yaml', 'rules:\n  missing-citation: off\n wrong: x\n');
    await assertSame(write('docs/d.md', ''));
    write('more/.alliance-cite.yaml', 'rules:\n  missing-citation: loud\n  citation-stubb: off\n');
    await assertSame(write('more/d.md', ''));
  });

  it('for configPath, found and missing', async () => {
    write('.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    const chosen = write('elsewhere/strict.yaml', 'extends: base.yaml\nrules: {citation-stub: error}\n');
    write('elsewhere/base.yaml', 'rules: {stale-retrieval-date: error}\n');
    await assertSame(write('d.md', ''), { configPath: chosen });
    await assertSame(write('d.md', ''), { configPath: path.join(root, 'nope.yaml') });
  });

  it('in an untrusted workspace', async () => {
    write(
      '.alliance-cite.yaml',
      'rules: {missing-citation: off}\nignore: [old/**]\nlexicon: {subjects: [Evil Corp]}\nsources:\n  patterns: [{type: alliance-site, host: evil.example}]\n',
    );
    await assertSame(write('d.md', ''), { trusted: false });
    await assertSame(write('d.md', ''), { trusted: true });
  });

  it('for ignore globs of nested files, and matches drafts as the CLI does', async () => {
    write('.alliance-cite.yaml', 'ignore: ["*.tmp.md", "drafts/skip/**"]\n');
    write('docs/.alliance-cite.yaml', 'ignore: ["archive/**", "*.draft.md"]\n');
    const draft = write('docs/d.md', '');
    await assertSame(draft);
    const node = inspectConfigForFile(draft);
    const viaNode = createIgnoreMatcher(node.config.ignore, node.baseDir);
    const viaUri = ignoreMatcher(node.config.ignore, pathToFileURL(node.baseDir).href);
    for (const relative of ['x.tmp.md', 'a/b/c.tmp.md', 'drafts/skip/one.md', 'drafts/keep.md', 'docs/archive/2024/old.md', 'docs/x.draft.md', 'docs/d.md', 'archive/top.md']) {
      const file = path.join(root, relative);
      assert.equal(viaUri(pathToFileURL(file).href), viaNode(file), relative);
    }
  });

  it('for a folder named like a config file, and the repository root as the limit', async () => {
    mkdirSync(path.join(root, 'docs/.alliance-cite.yaml'), { recursive: true });
    await assertSame(write('docs/d.md', ''));
    // A config above the repository root does not apply.
    write('outer/.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    mkdirSync(path.join(root, 'outer/repo/.git'), { recursive: true });
    await assertSame(write('outer/repo/docs/d.md', ''));
  });
});

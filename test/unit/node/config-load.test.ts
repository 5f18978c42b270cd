// Finding and loading config files from disk: cascading folders, extends, untrusted workspaces,
// caching, and errors that name file:line:col.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../../src/core';
import { ConfigError, clearConfigCache, findConfigFiles, inspectConfigForFile, loadConfigForFile } from '../../../src/node/config';

describe('loadConfigForFile', () => {
  let root: string;

  function write(relative: string, text: string): string {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  function expectConfigError(run: () => unknown, file: string, line: number, column: number, text: RegExp): ConfigError {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof ConfigError, `threw ${String(error)}`);
      assert.deepEqual([error.file, error.line, error.column], [file, line, column]);
      assert.equal(error.message.startsWith(`${file}:${line}:${column}: `), true, error.message);
      assert.match(error.message, text);
      return error;
    }
    assert.fail('expected a ConfigError');
  }

  beforeEach(() => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'alliance-cite-config-')));
    mkdirSync(path.join(root, '.git'));
    clearConfigCache();
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('uses the shipped defaults when no config file exists', () => {
    const loaded = loadConfigForFile(write('docs/draft.md', ''));
    assert.deepEqual(loaded.config, defaultConfig());
    assert.deepEqual(loaded.files, []);
    assert.deepEqual(loaded.notes, []);
  });

  it('merges configs from the repository root down to the draft, the nearest winning', () => {
    const top = write('.alliance-cite.yaml', 'rules:\n  missing-citation: warning\n  citation-stub: off\nlexicon:\n  projects: [Top Project]\n');
    const mid = write('docs/.alliance-cite.yml', 'rules:\n  missing-citation: info\n');
    const near = write('docs/team/.alliance-cite.yaml', 'lexicon:\n  projects: [Team Project]\n');
    const draft = write('docs/team/draft.md', '');
    const loaded = loadConfigForFile(draft);
    assert.deepEqual(loaded.files, [top, mid, near]);
    assert.deepEqual(findConfigFiles(path.dirname(draft)), [top, mid, near]);
    assert.equal(loaded.config.rules['missing-citation'].severity, 'info');
    assert.equal(loaded.config.rules['citation-stub'].severity, 'off');
    assert.deepEqual(loaded.config.lexicon.projects.slice(-2), ['Top Project', 'Team Project']);
  });

  it('stops at the repository root and at stopAt', () => {
    const outside = path.join(path.dirname(root), `${path.basename(root)}-outside`);
    write('sub/.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    write('sub/inner/.alliance-cite.yaml', 'rules: {citation-stub: off}\n');
    const draft = write('sub/inner/draft.md', '');
    assert.equal(loadConfigForFile(draft).files.length, 2);
    assert.deepEqual(loadConfigForFile(draft, { stopAt: path.join(root, 'sub/inner') }).files, [path.join(root, 'sub/inner/.alliance-cite.yaml')]);
    assert.equal(findConfigFiles(outside).length, 0);
  });

  it('prefers .alliance-cite.yaml over .yml in one folder and says so', () => {
    const yaml = write('.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    write('.alliance-cite.yml', 'rules: {missing-citation: info}\n');
    const loaded = loadConfigForFile(write('draft.md', ''));
    assert.deepEqual(loaded.files, [yaml]);
    assert.equal(loaded.config.rules['missing-citation'].severity, 'off');
    assert.match(loaded.notes.join('\n'), /\.alliance-cite\.yml: ignored/);
  });

  it('resolves extends relative to the file, bases first', () => {
    const base = write('shared/base.yaml', 'rules: {missing-citation: off, citation-stub: off}\nsources:\n  types: {lab-eval: {label: a lab}}\n');
    const config = write('docs/.alliance-cite.yaml', 'extends: ../shared/base.yaml\nrules: {citation-stub: info}\ncategories:\n  safety/system: {approved: [lab-eval]}\n');
    const loaded = loadConfigForFile(write('docs/draft.md', ''));
    assert.deepEqual(loaded.files, [base, config]);
    assert.equal(loaded.config.rules['missing-citation'].severity, 'off');
    assert.equal(loaded.config.rules['citation-stub'].severity, 'info');
    assert.deepEqual(loaded.config.categories['safety/system'].approved, ['lab-eval'], 'a type declared by a base may be used');
  });

  it('lets a nested config use a source type declared by a config above it', () => {
    write('.alliance-cite.yaml', 'sources:\n  types: {lab-eval: {label: a lab}}\n');
    write('docs/.alliance-cite.yaml', 'sources:\n  patterns: [{type: lab-eval, host: evals.example.org}]\n');
    const loaded = loadConfigForFile(write('docs/draft.md', ''));
    assert.deepEqual(loaded.config.sources.patterns[0], { type: 'lab-eval', host: 'evals.example.org' });
  });

  it('reports an unknown source type at its position when no base declares it', () => {
    const config = write('.alliance-cite.yaml', 'extends: base.yaml\ncategories:\n  membership: {approved: [lab-eval]}\n');
    write('base.yaml', 'rules: {}\n');
    expectConfigError(() => loadConfigForFile(write('d.md', '')), config, 3, 27, /unknown source type 'lab-eval'/);
  });

  it('reports a missing extends file at the extends entry', () => {
    const config = write('.alliance-cite.yaml', '# shared settings\nextends:\n  - ./missing.yaml\n');
    expectConfigError(() => loadConfigForFile(write('d.md', '')), config, 3, 5, /extends: cannot read 'missing.yaml' \(no such file\)/);
  });

  it('reports an extends cycle at the entry that closes it', () => {
    const a = write('.alliance-cite.yaml', 'extends: cfg/b.yaml\n');
    const b = write('cfg/b.yaml', 'rules: {}\nextends: [c.yaml]\n');
    write('cfg/c.yaml', 'extends: ../.alliance-cite.yaml\n');
    const c = path.join(root, 'cfg/c.yaml');
    const error = expectConfigError(() => loadConfigForFile(write('d.md', '')), c, 1, 10, /extends cycle: \.alliance-cite\.yaml -> cfg\/b\.yaml -> cfg\/c\.yaml -> \.alliance-cite\.yaml/);
    assert.ok([a, b].every((f) => typeof f === 'string'));
    assert.equal(error.problems.length, 1);
  });

  it('sees through symbolic links that would give one file endless names', () => {
    symlinkSync('.', path.join(root, 'loop'), 'dir');
    const config = write('.alliance-cite.yaml', 'extends: loop/.alliance-cite.yaml\n');
    expectConfigError(() => loadConfigForFile(write('d.md', '')), config, 1, 10, /extends cycle/);
  });

  it('stops following extends after twenty files', () => {
    for (let i = 0; i < 30; i++) write(`chain/${i}.yaml`, `extends: ${i + 1}.yaml\n`);
    write('chain/30.yaml', 'rules: {}\n');
    const start = path.join(root, 'chain/0.yaml');
    const error = expectConfigError(() => loadConfigForFile(write('d.md', ''), { configPath: start }), path.join(root, 'chain/19.yaml'), 1, 10, /more than 20 files deep/);
    assert.equal(error.problems.length, 1);
  });

  it('reports a self-extending file', () => {
    const a = write('.alliance-cite.yaml', 'extends: .alliance-cite.yaml\n');
    expectConfigError(() => loadConfigForFile(write('d.md', '')), a, 1, 10, /extends cycle/);
  });

  it('throws the first problem of invalid YAML with its position, and collects all problems on request', () => {
    const config = write('docs/.alliance-cite.yaml', 'rules:\n  missing-citation: off\n wrong: x\n');
    const draft = write('docs/d.md', '');
    expectConfigError(() => loadConfigForFile(draft), config, 3, 1, /invalid YAML/);
    const inspected = inspectConfigForFile(draft);
    assert.ok(inspected.problems.length >= 1);
    assert.deepEqual(inspected.config, defaultConfig(), 'an unparseable file contributes nothing');
  });

  it('builds the config from the valid parts when inspecting a file with errors', () => {
    write('.alliance-cite.yaml', 'rules:\n  missing-citation: off\n  citation-stubb: off\n');
    const inspected = inspectConfigForFile(write('d.md', ''));
    assert.equal(inspected.problems.length, 1);
    assert.match(inspected.problems[0].message, /did you mean 'citation-stub'/);
    assert.equal(inspected.config.rules['missing-citation'].severity, 'off');
  });

  it('uses configPath instead of searching, with its extends', () => {
    write('.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    const chosen = write('elsewhere/strict.yaml', 'extends: base.yaml\nrules: {citation-stub: error}\n');
    const base = write('elsewhere/base.yaml', 'rules: {stale-retrieval-date: error}\n');
    const loaded = loadConfigForFile(write('d.md', ''), { configPath: chosen });
    assert.deepEqual(loaded.files, [base, chosen]);
    assert.equal(loaded.config.rules['missing-citation'].severity, 'error');
    assert.equal(loaded.config.rules['stale-retrieval-date'].severity, 'error');
  });

  it('reports a configPath that does not exist', () => {
    const missing = path.join(root, 'nope.yaml');
    expectConfigError(() => loadConfigForFile(write('d.md', ''), { configPath: missing }), missing, 1, 1, /cannot read config file \(no such file\)/);
  });

  it('keeps only rules and ignore from an untrusted workspace and says what it ignored', () => {
    const config = write(
      '.alliance-cite.yaml',
      'rules: {missing-citation: off}\nignore: [old/**]\nlexicon: {subjects: [Evil Corp]}\nsources:\n  patterns: [{type: alliance-site, host: evil.example}]\ncategories:\n  membership: {approved: [news]}\n',
    );
    const draft = write('d.md', '');
    const untrusted = loadConfigForFile(draft, { trusted: false });
    const defaults = defaultConfig();
    assert.equal(untrusted.config.rules['missing-citation'].severity, 'off');
    assert.deepEqual(untrusted.config.ignore, ['old/**']);
    assert.deepEqual(untrusted.config.lexicon, defaults.lexicon);
    assert.deepEqual(untrusted.config.sources, defaults.sources);
    assert.deepEqual(untrusted.config.categories, defaults.categories);
    assert.equal(untrusted.notes.length, 1);
    assert.match(untrusted.notes[0], new RegExp(`^${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*not trusted.*sources, categories, lexicon`));

    const trusted = loadConfigForFile(draft, { trusted: true });
    assert.equal(trusted.config.sources.patterns[0].host, 'evil.example');
    assert.deepEqual(trusted.notes, []);
  });

  it('rewrites ignore globs of nested configs relative to the top config folder', () => {
    write('.alliance-cite.yaml', 'ignore: ["*.tmp.md"]\n');
    write('docs/.alliance-cite.yaml', 'ignore: ["archive/**", "*.draft.md"]\n');
    const loaded = loadConfigForFile(write('docs/d.md', ''));
    assert.equal(loaded.baseDir, root);
    assert.deepEqual(loaded.config.ignore, ['*.tmp.md', 'docs/archive/**', 'docs/**/*.draft.md']);
  });

  it('rereads a file after it changes and reuses it while it does not', () => {
    const config = write('.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    const draft = write('d.md', '');
    assert.equal(loadConfigForFile(draft).config.rules['missing-citation'].severity, 'off');
    writeFileSync(config, 'rules: {missing-citation: info}\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(config, later, later);
    assert.equal(loadConfigForFile(draft).config.rules['missing-citation'].severity, 'info');
  });

  it('refuses an oversized config file without reading it whole', () => {
    const config = write('.alliance-cite.yaml', '');
    truncateSync(config, 4_000_000);
    expectConfigError(() => loadConfigForFile(write('d.md', '')), config, 1, 1, /larger than/);
  });

  it('ignores a folder named like a config file', () => {
    mkdirSync(path.join(root, 'docs/.alliance-cite.yaml'), { recursive: true });
    const loaded = loadConfigForFile(write('docs/d.md', ''));
    assert.deepEqual(loaded.files, []);
  });

  it('accepts a folder as the starting point', () => {
    const config = write('docs/.alliance-cite.yaml', 'rules: {missing-citation: off}\n');
    assert.deepEqual(loadConfigForFile(path.join(root, 'docs')).files, [config]);
  });
});

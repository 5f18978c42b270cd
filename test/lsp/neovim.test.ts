// Neovim (Debian's 0.7.2: push diagnostics only) as a real LSP client of `alliance-cite lsp
// --stdio`, headless and set up with the init.lua of docs/editors.md: it applies the citation stub
// through the server's code action and writes the file; the bytes on disk must be the core's fix.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyFixes, defaultConfig, LineIndex, lint } from '../../src/core';
import { ensureServerBuilt, CLI, REPO_ROOT } from './helpers';

const AS_OF = '2026-11-25';
const SCRIPT = path.join(__dirname, 'neovim.lua');

/** The Neovim setup that docs/editors.md gives writers (its first Lua block). */
function documentedInitLua(): string {
  const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'editors.md'), 'utf8');
  const section = doc.slice(doc.indexOf('\n## Neovim'));
  const block = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'docs/editors.md has a Lua block under "## Neovim"');
  return block[1];
}

interface SeenDiagnostic {
  code: string;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
}

describe('Neovim as a client of alliance-cite lsp --stdio', function () {
  this.timeout(120_000);
  let dir: string;

  before(ensureServerBuilt);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-nvim-'));
    fs.mkdirSync(path.join(dir, '.git'));
    // As a writer has it: init.lua from the docs, and `alliance-cite` on the PATH.
    fs.mkdirSync(path.join(dir, 'config', 'nvim'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'config', 'nvim', 'init.lua'), documentedInitLua());
    fs.mkdirSync(path.join(dir, 'bin'));
    fs.writeFileSync(path.join(dir, 'bin', 'alliance-cite'), `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} "$@"\n`, { mode: 0o755 });
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('shows the findings, applies the citation stub and writes the core fix to disk', () => {
    const original = '# Members\n\nIntro.\n\nThe AI Alliance has more than 140 members. It keeps growing.\n\nIBM and Meta founded the AI Alliance.\n';
    const draft = path.join(dir, 'draft.md');
    fs.writeFileSync(draft, original);
    const findings = lint(original, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
    const target = findings.find((d) => d.rule === 'missing-citation');
    assert.ok(target?.fix, 'the core offers a citation stub');
    const resultFile = path.join(dir, 'result.json');
    const lines = new LineIndex(original);
    const nvim = spawnSync(
      'nvim',
      ['--headless', '-i', 'NONE', '-n', '-c', `lua local ok, e = pcall(dofile, ${JSON.stringify(SCRIPT)}); if not ok then io.stderr:write(tostring(e) .. "\\n"); vim.cmd("cquit 1") end; vim.cmd("qall!")`],
      {
        encoding: 'utf8',
        timeout: 90_000,
        env: {
          ...process.env,
          XDG_CONFIG_HOME: path.join(dir, 'config'),
          XDG_DATA_HOME: path.join(dir, 'data'),
          XDG_STATE_HOME: path.join(dir, 'state'),
          XDG_CACHE_HOME: path.join(dir, 'cache'),
          PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
          ALLIANCE_CITE_DRAFT: draft,
          ALLIANCE_CITE_STUB_TITLE: target.fix.title,
          ALLIANCE_CITE_CLAIM_LINE: String(lines.positionAt(target.start).line),
          ALLIANCE_CITE_RESULT: resultFile,
        },
      },
    );
    if (nvim.error) assert.fail(`nvim could not run (${nvim.error.message}); install it with apt-get install -y neovim`);
    assert.equal(nvim.status, 0, `nvim failed: ${nvim.stderr}`);
    const seen = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { filetype: string; client: string; diagnostics: SeenDiagnostic[]; titles: string[]; after: SeenDiagnostic[] };
    assert.equal(seen.filetype, 'markdown');
    assert.equal(seen.client, 'alliance-cite');

    // The diagnostics Neovim shows are the core's findings, at the core's positions (ASCII: bytes = UTF-16).
    const expected = findings.map((d) => {
      const start = lines.positionAt(d.start);
      const end = lines.positionAt(d.end);
      return { code: d.rule, lnum: start.line, col: start.character, end_lnum: end.line, end_col: end.character };
    });
    assert.deepEqual(
      seen.diagnostics.map(({ code, lnum, col, end_lnum, end_col }) => ({ code, lnum, col, end_lnum, end_col })),
      expected,
    );
    assert.ok(seen.titles.includes(target.fix.title));
    assert.ok(seen.titles.some((t) => t.startsWith('Suppress missing-citation')), `offers a suppression: ${seen.titles.join(' | ')}`);

    // The file Neovim wrote holds exactly the core's fix.
    const expectedText = applyFixes(original, [target.fix]).text;
    assert.equal(fs.readFileSync(draft, 'utf8'), expectedText);
    assert.ok(expectedText.includes('TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.'));
    // And the server re-linted the edited buffer: the stub is now the finding.
    assert.ok(seen.after.some((d) => d.code === 'citation-stub'), `after the fix: ${JSON.stringify(seen.after)}`);
    const claimLine = lines.positionAt(target.start).line;
    assert.ok(!seen.after.some((d) => d.code === 'missing-citation' && d.lnum === claimLine));
    assert.deepEqual(
      seen.after.map((d) => d.code).sort(),
      lint(expectedText, { config: defaultConfig(), asOf: AS_OF }).diagnostics.map((d) => d.rule).sort(),
    );
  });
});

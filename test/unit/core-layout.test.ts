// The core's shape: pure (no `vscode`, no Node built-ins), one folder per pipeline stage with
// imports that only go to earlier stages, and one module per rule with its doc page and fixtures.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { embeddedSource } from '../../scripts/embed-data.mjs';
import { RULES } from '../../src/core';

const REPO = join(__dirname, '..', '..');
const CORE = join(REPO, 'src', 'core');
const DRAFTS = join(REPO, 'test', 'fixtures', 'drafts');

/**
 * The pipeline's order. A file may import from its own folder and from folders ranked lower.
 * Top-level `types.ts` and `text.ts` are the vocabulary every stage shares; `lint.ts`, `fixAll.ts`
 * and `index.ts` assemble the pipeline and may import anything.
 */
const STAGES: Record<string, number> = {
  'types.ts': 0,
  'text.ts': 0,
  data: 0,
  markdown: 1,
  language: 2,
  evidence: 3,
  fixes: 4,
  rules: 5,
  config: 6,
  'lint.ts': 7,
  'session.ts': 7,
  'fixAll.ts': 7,
  'ledger.ts': 7,
  'explain.ts': 7,
  'index.ts': 8,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

/** The stage a core file belongs to: its top-level folder, or the file itself at the top level. */
function stageOf(file: string): string {
  return relative(CORE, file).split(/[\\/]/)[0];
}

describe('src/core stays pure', () => {
  const files = sourceFiles(CORE);

  it('has source files to check', () => {
    assert.ok(files.length > 10);
  });

  for (const file of files) {
    it(`${file.slice(CORE.length + 1)} imports neither vscode nor Node built-ins`, () => {
      const forbidden = specifiers(file).filter((s) => s === 'vscode' || s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'util', 'process'].includes(s));
      assert.deepEqual(forbidden, [], `forbidden imports in ${file}`);
    });
  }

  it('embeds the current YAML data (run the build after editing src/core/data/*.yaml)', () => {
    const embedded = readFileSync(join(CORE, 'data', 'embedded.ts'), 'utf8');
    assert.equal(embedded, embeddedSource());
  });
});

describe('src/core is laid out as its pipeline', () => {
  const files = sourceFiles(CORE);

  it('puts every file in a known stage', () => {
    const unknown = files.map(stageOf).filter((s) => !(s in STAGES));
    assert.deepEqual([...new Set(unknown)], [], 'add the folder to STAGES in its pipeline position');
  });

  it('never imports from a later stage', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = stageOf(file);
      for (const spec of specifiers(file).filter((s) => s.startsWith('.'))) {
        const target = resolve(dirname(file), spec);
        const to = stageOf(existsSync(target) && statSync(target).isDirectory() ? join(target, 'index.ts') : target.endsWith('.ts') ? target : `${target}.ts`);
        if (to !== from && STAGES[to] > STAGES[from]) upward.push(`${relative(CORE, file)} imports ${spec} (${from} → ${to})`);
      }
    }
    assert.deepEqual(upward, []);
  });

  it('imports nothing outside src/core', () => {
    const outside = files.flatMap((file) => specifiers(file).filter((s) => s.startsWith('.') && relative(CORE, resolve(dirname(file), s)).startsWith('..')).map((s) => `${relative(CORE, file)}: ${s}`));
    assert.deepEqual(outside, []);
  });
});

describe('one module per rule', () => {
  const ruleFiles = readdirSync(join(CORE, 'rules'))
    .filter((f) => f.endsWith('.ts') && !['index.ts', 'meta.ts', 'context.ts'].includes(f))
    .map((f) => basename(f, '.ts'));

  it('registers every rule module, and has a module for every rule', () => {
    assert.deepEqual([...ruleFiles].sort(), RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    it(`${rule.id} has its module, its doc page and a fixture draft that expects it`, () => {
      const module = readFileSync(join(CORE, 'rules', `${rule.id}.ts`), 'utf8');
      assert.match(module, new RegExp(`id: '${rule.id}'`), `src/core/rules/${rule.id}.ts must declare the id '${rule.id}'`);
      assert.ok(existsSync(join(REPO, 'docs', 'rules', `${rule.id}.md`)), `docs/rules/${rule.id}.md is missing`);
      const drafts = readdirSync(DRAFTS).filter((f) => (f === `${rule.id}.md` || f.startsWith(`${rule.id}-`)) && !f.endsWith('.fixed.md'));
      assert.ok(drafts.length > 0, `test/fixtures/drafts/${rule.id}.md (or ${rule.id}-*.md) is missing`);
      const expects = drafts.some((f) => new RegExp(`expect(?:-next-line)?:[^>\\n]*\\b${rule.id}\\b`).test(readFileSync(join(DRAFTS, f), 'utf8')));
      assert.ok(expects, `no fixture draft named for ${rule.id} expects a ${rule.id} finding`);
    });
  }
});

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedSource } from '../../scripts/embed-data.mjs';

const CORE = join(__dirname, '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

describe('src/core stays pure', () => {
  const files = sourceFiles(CORE);

  it('has source files to check', () => {
    assert.ok(files.length > 10);
  });

  for (const file of files) {
    it(`${file.slice(CORE.length + 1)} imports neither vscode nor Node built-ins`, () => {
      const text = readFileSync(file, 'utf8');
      const specifiers = [...text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
      const forbidden = specifiers.filter((s) => s === 'vscode' || s.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'util', 'process'].includes(s));
      assert.deepEqual(forbidden, [], `forbidden imports in ${file}`);
    });
  }

  it('embeds the current YAML data (run the build after editing src/core/data/*.yaml)', () => {
    const embedded = readFileSync(join(CORE, 'data', 'embedded.ts'), 'utf8');
    assert.equal(embedded, embeddedSource());
  });
});

// The parse floor: finds the Markdown files under a folder, reads them and parses each with the
// same remark pipeline the core uses, and nothing else. Bundled like the CLI, so both pay the
// same start-up. Usage: node parse-floor.js FOLDER
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../src/core/markdown/parse';

function* markdownFiles(folder: string): Generator<string> {
  const entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (/\.(md|markdown)$/.test(entry.name)) yield path;
  }
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: parse-floor FOLDER\n');
  process.exit(2);
}
let files = 0;
let nodes = 0;
for (const file of markdownFiles(folder)) {
  const { root } = parseMarkdown(readFileSync(file, 'utf8'));
  // Touch the result so the parse cannot be skipped as dead code.
  nodes += root.children.length;
  files++;
}
process.stdout.write(`${files} files, ${nodes} top-level nodes\n`);

// Writes schemas/alliance-cite.schema.json from the rules' metadata and the shipped defaults.
// Run with tsx (it imports the TypeScript core): `npm run gen:schema`. A unit test fails when the
// file is out of date; `--check` exits 1 instead of writing.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from '../src/core/config/schema.ts';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'alliance-cite.schema.json');
const next = JSON.stringify(configJsonSchema(), null, 2) + '\n';
let previous = '';
try {
  previous = readFileSync(target, 'utf8');
} catch {
  // First run: nothing to compare with.
}
if (process.argv.includes('--check')) {
  if (previous !== next) {
    console.error(`${target} is out of date; run npm run gen:schema`);
    process.exit(1);
  }
} else if (previous !== next) {
  writeFileSync(target, next);
  console.log(`wrote ${target}`);
}

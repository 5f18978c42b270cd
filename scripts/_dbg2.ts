import { readFileSync } from 'node:fs';
import { buildDocumentModel } from '../src/core/lint';
const t = readFileSync(process.argv[2], 'utf8');
const m = buildDocumentModel(t);
for (const u of m.units) console.log(u.kind, u.field ?? '', JSON.stringify(u.segments.map(s => s.masked).join(' | ').slice(0, 90)), u.locators.map(l => l.url).join(','));

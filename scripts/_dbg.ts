import { readFileSync } from 'node:fs';
import { claimLedger } from '../src/core';
const t = readFileSync(process.argv[2], 'utf8');
const l = claimLedger(t, { asOf: '2026-11-25' });
for (const c of l.claims) console.log('C', c.status, c.explain.claim?.policy, c.explain.claim?.time, JSON.stringify(c.text.slice(0, 100)));
for (const i of l.inferences) console.log('I', JSON.stringify(i.explain.inference), JSON.stringify(i.text.slice(0, 100)));

import { splitSegment } from '../src/core/language/sentences';
const t = process.argv[2];
for (const s of splitSegment({ start: 0, end: t.length, masked: t })) console.log(JSON.stringify(s.text));

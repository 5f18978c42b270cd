// The baseline file on its own: a stable, sorted text; errors that name file:line:col; matching by
// fingerprint per draft; and the same fingerprints for the editor as for the command line.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { lint } from '../../src/core';
import {
  BaselineError,
  BaselineReader,
  claimExcerpt,
  knownInBaseline,
  matchBaseline,
  parseBaseline,
  serializeBaseline,
  type BaselineEntry,
} from '../../src/node/baseline';
import { fingerprintFindings } from '../../src/node/fingerprint';
import { firstJsonErrorOffset } from '../../src/node/jsonError';
import { toFindings } from '../../src/cli/report';
import { AS_OF, CLAIM, makeTree, removeTree } from './helpers';

const FILE = '/repo/.alliance-cite-baseline.json';

function entry(rule: string, fingerprint: string, claim: string): BaselineEntry {
  return { rule, fingerprint, claim };
}

const ENTRIES = new Map<string, BaselineEntry[]>([
  ['docs/b.md', [entry('missing-citation', 'b'.repeat(32), 'Zeta claim.'), entry('missing-citation', 'a'.repeat(32), 'alpha claim.')]],
  ['docs/a.md', [entry('wrong-source-type', 'c'.repeat(32), 'A claim.'), entry('missing-citation', 'd'.repeat(32), 'A "quoted" claim\u2028.')]],
  ['docs/empty.md', []],
]);

/** Throws unless `action` throws a BaselineError whose message starts with `file:line:col:`. */
function assertBaselineError(action: () => unknown, line: number, column: number, pattern: RegExp): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof BaselineError, String(error));
    assert.equal(`${error.line}:${error.column}`, `${line}:${column}`, error.message);
    assert.ok(error.message.startsWith(`${FILE}:${line}:${column}: `), error.message);
    assert.match(error.message, pattern);
    return true;
  });
}

describe('baseline file', () => {
  it('is written sorted by draft, then rule, claim and fingerprint, one entry per line, without empty drafts', () => {
    const text = serializeBaseline(ENTRIES);
    assert.equal(
      text,
      `{
  "version": 1,
  "fingerprint": "allianceCite/v1",
  "files": {
    "docs/a.md": [
      {"rule": "missing-citation", "fingerprint": "${'d'.repeat(32)}", "claim": "A \\"quoted\\" claim\u2028."},
      {"rule": "wrong-source-type", "fingerprint": "${'c'.repeat(32)}", "claim": "A claim."}
    ],
    "docs/b.md": [
      {"rule": "missing-citation", "fingerprint": "${'a'.repeat(32)}", "claim": "alpha claim."},
      {"rule": "missing-citation", "fingerprint": "${'b'.repeat(32)}", "claim": "Zeta claim."}
    ]
  }
}
`,
    );
  });

  it('is the same text whatever order the findings come in, and reads back to the same entries', () => {
    const expected = serializeBaseline(ENTRIES);
    fc.assert(
      fc.property(fc.infiniteStream(fc.double()), (randoms) => {
        const shuffle = <T>(list: readonly T[]): T[] => [...list].sort(() => randoms.next().value - 0.5);
        const shuffled = new Map(shuffle([...ENTRIES]).map(([draft, list]) => [draft, shuffle(list)]));
        const text = serializeBaseline(shuffled);
        assert.equal(text, expected);
        assert.equal(serializeBaseline(parseBaseline(text, FILE).files), expected);
      }),
      { numRuns: 50, seed: 20261125 },
    );
  });

  it('writes an empty baseline that reads back as empty', () => {
    const text = serializeBaseline(new Map());
    assert.equal(text, '{\n  "version": 1,\n  "fingerprint": "allianceCite/v1",\n  "files": {}\n}\n');
    assert.equal(parseBaseline(text, FILE).files.size, 0);
  });

  it('names the line and column of a merge conflict or other broken JSON', () => {
    const text = serializeBaseline(ENTRIES);
    const conflicted = text.replace('    "docs/b.md": [', '<<<<<<< HEAD\n    "docs/b.md": [');
    assertBaselineError(() => parseBaseline(conflicted, FILE), 9, 1, /not valid JSON \(unexpected "<<<<<<< HEAD.*merge conflicts/);
    assertBaselineError(() => parseBaseline('{\n  "version": }', FILE), 2, 14, /not valid JSON \(unexpected "}"\)/);
    assertBaselineError(() => parseBaseline('{"version": 1', FILE), 1, 14, /the text ends too early/);
  });

  it('names where a well-formed file has the wrong shape', () => {
    const good = serializeBaseline(ENTRIES);
    assertBaselineError(() => parseBaseline('[]', FILE), 1, 1, /a baseline is a JSON object/);
    assertBaselineError(() => parseBaseline(good.replace('"version": 1', '"version": 2'), FILE), 2, 14, /unsupported baseline version 2/);
    assertBaselineError(() => parseBaseline(good.replace('allianceCite/v1', 'allianceCite/v0'), FILE), 3, 18, /made with fingerprints "allianceCite\/v0"/);
    assertBaselineError(() => parseBaseline(good.replace('c'.repeat(32), 'not-hex'), FILE), 7, 7, /"fingerprint" is not 32 hexadecimal digits/);
    const notAnArray = '{"version": 1, "fingerprint": "allianceCite/v1", "files": {"docs/b.md": {"x": 1}}}';
    assertBaselineError(() => parseBaseline(notAnArray, FILE), 1, notAnArray.indexOf('{"x"') + 1, /entries of docs\/b\.md must be an array/);
  });

  it('reads a baseline with a byte order mark', () => {
    assert.equal(parseBaseline(`\uFEFF${serializeBaseline(ENTRIES)}`, FILE).files.get('docs/a.md')?.length, 2);
  });

  it('matches each entry at most once and returns the ones that matched nothing', () => {
    const entries = [entry('missing-citation', 'a'.repeat(32), 'one'), entry('missing-citation', 'b'.repeat(32), 'two')];
    const match = matchBaseline(entries, ['a'.repeat(32), 'a'.repeat(32), 'c'.repeat(32)]);
    assert.deepEqual(match.known, [true, false, false]);
    assert.deepEqual(match.stale, [entries[1]]);
    assert.deepEqual(matchBaseline(undefined, ['a'.repeat(32)]), { known: [false], stale: [] });
  });

  it('cuts long claims for the file, whitespace collapsed', () => {
    assert.equal(claimExcerpt('  The AI\n  Alliance   has\tmembers. '), 'The AI Alliance has members.');
    const long = claimExcerpt('word '.repeat(100));
    assert.equal(long.length, 160);
    assert.ok(long.endsWith('\u2026'));
  });

  it('gives the editor the same fingerprints as the command line', () => {
    const text = `# Draft\n\n${CLAIM}\n\nThe AI Alliance was founded by IBM and Meta.\n\n${CLAIM}\n`;
    const diagnostics = lint(text, { asOf: AS_OF }).diagnostics;
    assert.ok(diagnostics.length >= 3, 'test setup: expected three findings');
    const findings = toFindings(text, diagnostics);
    const reversed = [...diagnostics].reverse();
    assert.deepEqual(fingerprintFindings(text, reversed).reverse().sort(), findings.map((f) => f.fingerprint).sort());
    // The baseline knows every finding but the first; the editor must see exactly that.
    const baseline = { file: FILE, files: new Map([['docs/draft.md', findings.slice(1).map((f) => entry(f.rule, f.fingerprint, f.claim))]]) };
    const known = knownInBaseline(baseline, '/repo/docs/draft.md', text, diagnostics);
    const firstInDocument = diagnostics.indexOf(diagnostics.reduce((a, b) => (b.start < a.start ? b : a)));
    assert.deepEqual(known, diagnostics.map((_, i) => i !== firstInDocument));
    assert.deepEqual(knownInBaseline(baseline, '/repo/docs/other.md', text, diagnostics), diagnostics.map(() => false));
  });
});

describe('firstJsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid, for valid JSON and mutations of it', () => {
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', '{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1', '-', '.', 'e', ' ', '\n'))
      .map(([json, at, insert]) => {
        const position = json.length === 0 ? 0 : at % (json.length + 1);
        return json.slice(0, position) + insert + json.slice(position + (at % 2));
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        const offset = firstJsonErrorOffset(text);
        assert.equal(offset === -1, valid, `${JSON.stringify(text)}: offset ${offset}`);
        if (!valid) assert.ok(offset >= 0 && offset <= text.length);
      }),
      { numRuns: 3000, seed: 20261125 },
    );
  });
});

describe('BaselineReader', () => {
  let root: string;
  afterEach(() => removeTree(root));

  it('parses a file again only when it changes, and reports a missing one', () => {
    root = makeTree({ 'known.json': serializeBaseline(ENTRIES) });
    const file = path.join(root, 'known.json');
    const reader = new BaselineReader();
    const first = reader.read(file);
    assert.equal(reader.read(file), first, 'an unchanged file was parsed again');
    fs.writeFileSync(file, serializeBaseline(new Map([['docs/a.md', ENTRIES.get('docs/a.md') ?? []]])));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = reader.read(file);
    assert.notEqual(second, first);
    assert.deepEqual([...second.files.keys()], ['docs/a.md']);
    fs.rmSync(file);
    assert.throws(() => reader.read(file), /no such baseline; write it with alliance-cite --baseline-write/);
  });
});

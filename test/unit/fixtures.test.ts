// Lints every draft of the fixture corpus and compares the findings with the expectations written
// inside the draft: `<!-- expect: RULE [CATEGORY]; … -->` at the end of a line the claim spans,
// `<!-- expect-next-line: … -->` alone on the line before, or `# expect: …` as a YAML comment in
// front matter. Drafts with a `NAME.fixed.md` beside them are also checked against that golden
// fix-all output; UPDATE_GOLDEN=1 rewrites the goldens. See test/fixtures/drafts/README.md.
// The examples on each rule's page under docs/rules/ are linted here too.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CATEGORIES, RULES, RULE_IDS, LineIndex, defaultConfig, fixAll, lint, type Diagnostic, type LintOptions, type SourceStatus } from '../../src/core';

const DRAFTS_DIR = path.resolve(__dirname, '../fixtures/drafts');
const RULE_DOCS_DIR = path.resolve(__dirname, '../../docs/rules');
const AS_OF = '2026-11-25';
const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';

interface Expectation {
  /** 0-based line of the comment. */
  line: number;
  rule: string;
  category?: string;
}

interface Mismatch {
  unexpected: Diagnostic[];
  missing: Expectation[];
}

const EXPECT_HTML = /<!--\s*expect:([\s\S]*?)-->/g;
// For lines that cannot carry a trailing comment (a link reference definition): the comment sits
// alone on the line before.
const EXPECT_NEXT_LINE = /<!--\s*expect-next-line:([\s\S]*?)-->/g;
const EXPECT_YAML = /#\s*expect:(.*)$/;

/** Splits text into lines the way LineIndex counts them (\r\n, \n or \r). */
function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}

/** Returns the 0-based last line of a leading YAML front matter block, or -1 if there is none. */
function frontMatterEnd(lines: string[]): number {
  if (lines[0]?.replace(/^\uFEFF/, '') !== '---') return -1;
  for (let i = 1; i < lines.length; i++) if (lines[i] === '---' || lines[i] === '...') return i;
  return -1;
}

/** Reads the expectation comments of a draft; a malformed one fails with file:line. */
function readExpectations(file: string, text: string): Expectation[] {
  const lines = splitLines(text);
  const fmEnd = frontMatterEnd(lines);
  const out: Expectation[] = [];
  lines.forEach((lineText, line) => {
    const bodies: { body: string; line: number }[] = [];
    for (const m of lineText.matchAll(EXPECT_HTML)) bodies.push({ body: m[1], line });
    for (const m of lineText.matchAll(EXPECT_NEXT_LINE)) bodies.push({ body: m[1], line: line + 1 });
    if (line > 0 && line < fmEnd) {
      const y = EXPECT_YAML.exec(lineText);
      if (y) bodies.push({ body: y[1], line });
    }
    for (const { body, line: target } of bodies) {
      for (const item of body.split(';').map((s) => s.trim()).filter(Boolean)) {
        const [rule, category, ...rest] = item.split(/\s+/);
        const where = `${file}:${line + 1}`;
        if (!(RULE_IDS as readonly string[]).includes(rule)) throw new Error(`${where}: unknown rule id "${rule}" in expect comment`);
        if (category !== undefined && !(CATEGORIES as readonly string[]).includes(category)) throw new Error(`${where}: unknown category "${category}" in expect comment`);
        if (rest.length > 0) throw new Error(`${where}: expected "RULE [CATEGORY]", got "${item}"`);
        out.push({ line: target, rule, category });
      }
    }
  });
  return out;
}

/** The 0-based lines a finding spans (its end offset is exclusive). */
function lineRange(index: LineIndex, d: Diagnostic): [number, number] {
  return [index.positionAt(d.start).line, index.positionAt(Math.max(d.start, d.end - 1)).line];
}

function accepts(index: LineIndex, d: Diagnostic, e: Expectation): boolean {
  const [first, last] = lineRange(index, d);
  return e.rule === d.rule && first <= e.line && e.line <= last && (e.category === undefined || e.category === d.category);
}

/** Pairs findings with expectations one to one (maximum bipartite matching), returning what is left over. */
function matchFindings(text: string, diagnostics: Diagnostic[], expectations: Expectation[]): Mismatch {
  const index = new LineIndex(text);
  const owner: (number | undefined)[] = expectations.map(() => undefined);
  const tryAssign = (di: number, seen: Set<number>): boolean => {
    for (let ei = 0; ei < expectations.length; ei++) {
      if (seen.has(ei) || !accepts(index, diagnostics[di], expectations[ei])) continue;
      seen.add(ei);
      const current = owner[ei];
      if (current === undefined || tryAssign(current, seen)) {
        owner[ei] = di;
        return true;
      }
    }
    return false;
  };
  diagnostics.forEach((_, di) => tryAssign(di, new Set()));
  // Augmenting paths may re-home a finding, so recompute which findings ended up matched.
  const owned = new Set(owner.filter((o): o is number => o !== undefined));
  return {
    unexpected: diagnostics.filter((_, di) => !owned.has(di)),
    missing: expectations.filter((_, ei) => owner[ei] === undefined),
  };
}

function quote(s: string, max = 140): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A readable diff: `+` a finding nobody expected, `-` an expectation no finding met. */
function formatMismatch(file: string, text: string, mismatch: Mismatch): string {
  const index = new LineIndex(text);
  const lines = splitLines(text);
  const rows: { line: number; text: string }[] = [];
  for (const d of mismatch.unexpected) {
    const [first, last] = lineRange(index, d);
    const span = first === last ? `${first + 1}` : `${first + 1}-${last + 1}`;
    rows.push({ line: first, text: `  + ${file}:${span} ${d.rule} ${d.category ?? '-'}: ${d.message}\n      "${quote(text.slice(d.start, d.end))}"` });
  }
  for (const e of mismatch.missing) {
    rows.push({ line: e.line, text: `  - ${file}:${e.line + 1} expected ${e.rule} ${e.category ?? ''}\n      "${quote((lines[e.line] ?? '').replace(EXPECT_HTML, ''))}"` });
  }
  rows.sort((a, b) => a.line - b.line);
  return `${file}: ${mismatch.unexpected.length} unexpected, ${mismatch.missing.length} missing\n${rows.map((r) => r.text).join('\n')}`;
}

/** True if `after` can be made from `before` by insertions only (the writer's text is untouched). */
function onlyInsertions(before: string, after: string): boolean {
  let i = 0;
  for (let j = 0; j < after.length && i < before.length; j++) if (after[j] === before[i]) i++;
  return i === before.length;
}

/** Lines removed (`-`) and added (`+`) between two texts, from a longest-common-subsequence diff. */
function lineDiff(expected: string, actual: string, limit = 12): string {
  // Split on \n only, so a missing or extra \r shows up as a changed line.
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while ((i < a.length || j < b.length) && out.length < limit) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      out.push(`  + ${j + 1}: ${JSON.stringify(b[j++])}`);
    } else {
      out.push(`  - ${i + 1}: ${JSON.stringify(a[i++])}`);
    }
  }
  return out.join('\n');
}

const drafts = readdirSync(DRAFTS_DIR)
  .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md') && f !== 'README.md')
  .sort();

// What `alliance-cite check-sources` would find at some fixture URLs. Every draft and rule-page
// example is linted with these facts and with unreachable-source (off by default) turned on, as
// that command does; URLs not listed were not checked.
const SOURCE_STATUS: ReadonlyMap<string, SourceStatus> = new Map(Object.entries(JSON.parse(readFileSync(path.join(DRAFTS_DIR, 'source-status.json'), 'utf8')) as Record<string, SourceStatus>));

function options(): LintOptions {
  const config = defaultConfig();
  config.rules['unreachable-source'].severity = 'warning';
  return { config, asOf: AS_OF, sourceStatus: SOURCE_STATUS };
}

describe('fixture drafts', () => {
  it('has a corpus of at least 45 drafts, some with golden fix-all output', () => {
    assert.ok(drafts.length >= 45, `only ${drafts.length} drafts in ${DRAFTS_DIR}`);
    const goldens = drafts.filter((f) => existsSync(path.join(DRAFTS_DIR, f.replace(/\.md$/, '.fixed.md'))));
    assert.ok(goldens.length >= 8, `only ${goldens.length} golden files`);
  });

  for (const file of drafts) {
    const full = path.join(DRAFTS_DIR, file);
    const text = readFileSync(full, 'utf8');

    it(`${file}: findings match the expect comments`, () => {
      const expectations = readExpectations(file, text);
      const { diagnostics } = lint(text, options());
      const mismatch = matchFindings(text, diagnostics, expectations);
      if (mismatch.unexpected.length > 0 || mismatch.missing.length > 0) assert.fail(formatMismatch(file, text, mismatch));
    });

    const goldenPath = full.replace(/\.md$/, '.fixed.md');
    if (!existsSync(goldenPath)) continue;
    it(`${file}: fix-all output equals ${path.basename(goldenPath)} and leaves nothing fixable`, () => {
      const fixed = fixAll(text, options()).text;
      assert.ok(onlyInsertions(text, fixed), 'fix-all changed the writer\u2019s text instead of only inserting stubs');
      if (UPDATE_GOLDEN) writeFileSync(goldenPath, fixed, 'utf8');
      const golden = readFileSync(goldenPath);
      if (!Buffer.from(fixed, 'utf8').equals(golden)) {
        const name = path.basename(goldenPath);
        assert.fail(`fix-all output differs from ${name} (- golden, + actual; UPDATE_GOLDEN=1 rewrites it, then review the diff):\n${lineDiff(golden.toString('utf8'), fixed)}`);
      }
      const before = lint(text, options()).notes.map((n) => n.message);
      const after = lint(fixed, options());
      // A fix must not damage the draft, e.g. by writing into YAML front matter.
      assert.deepEqual(after.notes.map((n) => n.message), before, 'fix-all introduced problems in the draft');
      const stillFixable = after.diagnostics.filter((d) => d.fix);
      assert.deepEqual(stillFixable.map((d) => `${d.rule}: ${quote(fixed.slice(d.start, d.end))}`), [], 'fixable findings remain after fix-all');
    });
  }
});

// Each rule's page shows examples that fire and examples that do not; they are run here so the
// documentation cannot drift from the engine.
const EXAMPLE = /^(Fires|Does not fire|With the lint date [^,\n]*, fires):\s*\n\s*\n```markdown\n([\s\S]*?)```/gm;

describe('rule documentation', () => {
  for (const rule of RULES) {
    const file = path.join(RULE_DOCS_DIR, `${rule.id}.md`);

    it(`docs/rules/${rule.id}.md states the rule's metadata and runs its examples`, () => {
      assert.ok(existsSync(file), `missing ${file}`);
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith(`# ${rule.id}\n`), 'the page must start with the rule id as its title');
      assert.ok(text.includes(`- Default severity: ${rule.defaultSeverity}`), `the page must state the default severity ${rule.defaultSeverity}`);
      assert.ok(text.includes(`- Fixable: ${rule.fixable ? 'yes' : 'no'}`), `the page must say whether the rule is fixable (${rule.fixable})`);
      for (const heading of ['## What it checks', '## Why', '## Examples', '## How to fix', '## Options', '## Disable']) {
        assert.ok(text.includes(`\n${heading}\n`), `the page lacks "${heading}"`);
      }
      const examples = [...text.matchAll(EXAMPLE)];
      assert.ok(examples.some((m) => !m[1].startsWith('Does')), 'the page needs an example that fires');
      assert.ok(examples.some((m) => m[1].startsWith('Does')), 'the page needs an example that does not fire');
      for (const [, kind, example] of examples) {
        const found = lint(example, options()).diagnostics.filter((d) => d.rule === rule.id);
        const fires = !kind.startsWith('Does');
        if (fires) assert.ok(found.length > 0, `an example under "${kind}" produces no ${rule.id} finding:\n${example}`);
        else assert.deepEqual(found.map((d) => quote(example.slice(d.start, d.end))), [], `an example under "${kind}" produces ${rule.id} findings`);
      }
    });
  }
});

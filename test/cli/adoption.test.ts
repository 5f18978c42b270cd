// Adopting the linter in a repository that already has hundreds of findings: record them in a
// baseline, keep working on the drafts (text added elsewhere, paragraphs moved, a sentence
// rewrapped), add one new uncited claim, and the run fails on exactly that one.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AS_OF, ensureBuilt, makeTree, removeTree, runCli } from './helpers';

const DRAFTS = 60;
const COMPANIES = ['Acme Labs', 'Globex', 'Initech', 'Umbrella Research', 'Hooli', 'Stark Industries'];

/** One existing draft with eight findings: uncited claims, an undated citation, a forbidden inference, a repeated claim. */
function existingDraft(i: number): string {
  const company = COMPANIES[i % COMPANIES.length];
  const members = 100 + i;
  return [
    `# Draft ${i}`,
    `The AI Alliance has more than ${members} members. Its members meet every quarter in working groups.`,
    'The AI Alliance was founded by IBM and Meta in December 2023.',
    `${company} is a member of the AI Alliance ([members](https://thealliance.ai/members)).`,
    `As an AI Alliance member, ${company}'s model is safe.`,
    `The AI Alliance's governance is led by a steering committee of ${i % 20} members.`,
    `The AI Alliance has more than ${members} members.`,
  ].join('\n\n') + '\n';
}

function draftName(i: number): string {
  return `docs/part-${i % 4}/draft-${String(i).padStart(3, '0')}.md`;
}

interface Row {
  file: string;
  line: number;
  rule: string;
}

describe('adopting alliance-cite with a baseline', function () {
  this.timeout(300_000);
  let root: string;
  before(ensureBuilt);
  after(() => removeTree(root));

  it('fails on exactly the one new claim after edits, moves and rewraps', () => {
    const files: Record<string, string> = { '.alliance-cite.yaml': 'baseline: .alliance-cite-baseline.json\n' };
    for (let i = 0; i < DRAFTS; i++) files[draftName(i)] = existingDraft(i);
    root = makeTree(files);
    const lint = (...args: string[]) => runCli(['--as-of', AS_OF, '--format', 'json', ...args], { cwd: root });

    const today = lint('--no-baseline');
    const existing = (JSON.parse(today.stdout) as Row[]).length;
    assert.equal(today.status, 1);
    assert.ok(existing >= 400, `test setup: expected hundreds of findings, got ${existing}`);

    const written = lint('--baseline-write', '.alliance-cite-baseline.json');
    assert.equal(written.status, 0, written.stderr);
    assert.equal(written.stderr, `alliance-cite: wrote .alliance-cite-baseline.json: ${existing} findings in ${DRAFTS} drafts\n`);

    const edit = (i: number, change: (text: string) => string): void => {
      const file = path.join(root, draftName(i));
      const before = fs.readFileSync(file, 'utf8');
      const after = change(before);
      assert.notEqual(after, before, `test setup: the edit of ${draftName(i)} changed nothing`);
      fs.writeFileSync(file, after);
    };
    // Edits elsewhere: a new opening paragraph in every third draft moves every finding down.
    for (let i = 0; i < DRAFTS; i += 3) edit(i, (text) => text.replace('\n\n', '\n\nA new opening paragraph, with nothing to check.\n\nAnother one.\n\n'));
    // A moved paragraph: the forbidden inference goes to the end of its draft.
    edit(7, (text) => {
      const inference = text.split('\n\n').find((p) => p.startsWith('As an AI Alliance member'));
      return `${text.replace(`${inference}\n\n`, '')}\n${inference}\n`;
    });
    // A rewrapped paragraph: the membership sentence pair is wrapped at a narrower width.
    edit(42, (text) => text.replace('more than 142 members. Its members meet', 'more than\n142 members. Its\nmembers meet'));
    // The one new finding: an uncited membership claim.
    const newClaim = 'Initech joined the AI Alliance as a member in 2025.';
    edit(25, (text) => `${text}\n${newClaim}\n`);

    const after = lint();
    assert.equal(after.status, 1, after.stderr);
    const rows = JSON.parse(after.stdout) as Row[];
    const newLine = fs.readFileSync(path.join(root, draftName(25)), 'utf8').split('\n').indexOf(newClaim) + 1;
    assert.deepEqual(
      rows.map((r) => [r.file, r.line, r.rule]),
      [[draftName(25), newLine, 'missing-citation']],
    );
    assert.equal(after.stderr, `alliance-cite: baseline .alliance-cite-baseline.json: ${existing} known findings not reported\n`);
  });
});

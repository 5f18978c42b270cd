// `--explain`: each finding says why it was reported (stylish lines and a JSON field).
import { strict as assert } from 'node:assert';
import { AS_OF, ensureBuilt, makeTree, removeTree, runCli } from './helpers';

const DRAFT = [
  '# Brief',
  '',
  'The AI Alliance has more than 140 members ([TechNews](https://technews.example.com/ai-alliance), retrieved 2026-11-01).',
  '',
  'Because its maker is an AI Alliance member, the model is safe to deploy.',
  '',
].join('\n');

describe('CLI: --explain', function () {
  this.timeout(60_000);
  let root: string;

  before(async () => {
    await ensureBuilt();
    root = makeTree({ 'draft.md': DRAFT });
  });
  after(() => removeTree(root));

  it('prints the claim, what it accepts and what it cites under each finding', () => {
    const { stdout, status } = runCli(['--as-of', AS_OF, '--explain', 'draft.md'], { cwd: root });
    assert.equal(status, 1);
    assert.match(stdout, /claim: who is a member of the Alliance \(membership\), about the present state/);
    assert.match(stdout, /accepts: alliance-site/);
    assert.match(stdout, /cites: https:\/\/technews\.example\.com\/ai-alliance \(unknown, not approved\), retrieved 2026-11-01/);
    assert.match(stdout, /inference: affiliation-safety: "[^"]*member[^"]*" as evidence of "safe"/);
  });

  it('adds an explain field to JSON findings only when asked', () => {
    const plain = JSON.parse(runCli(['--as-of', AS_OF, '--format', 'json', 'draft.md'], { cwd: root }).stdout);
    assert.ok(plain.length > 0);
    assert.ok(plain.every((f: Record<string, unknown>) => !('explain' in f)));
    const explained = JSON.parse(runCli(['--as-of', AS_OF, '--format', 'json', '--explain', 'draft.md'], { cwd: root }).stdout);
    const wrong = explained.find((f: { rule: string }) => f.rule === 'wrong-source-type');
    assert.equal(wrong.explain.claim.category, 'membership');
    assert.equal(wrong.explain.claim.time, 'current');
    assert.deepEqual(
      wrong.explain.citations.map((c: { type: string; approved: boolean; dates: { iso: string }[] }) => [c.type, c.approved, c.dates.map((d) => d.iso)]),
      [['unknown', false, ['2026-11-01']]],
    );
    const inference = explained.find((f: { rule: string }) => f.rule === 'unsupported-inference');
    assert.equal(inference.explain.inference.kind, 'affiliation-safety');
  });
});

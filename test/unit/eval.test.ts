// The evaluation harness (`npm run eval`) scores a labelled corpus the way the project's judge
// does; here on a tiny corpus of its own, so that the scoring rules are held by a test.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const CORPUS = path.join(REPO, 'test', 'fixtures', 'eval-corpus');

function evaluate(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'scripts', 'eval.ts'), CORPUS, '--as-of', '2026-11-25', ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('evaluation harness', function () {
  this.timeout(60_000);

  it('scores findings against labels, folds a date into a missing citation and counts unlabelled findings in synthetic documents', () => {
    const scores = JSON.parse(evaluate('--json'));
    // Line 4: missing-citation (its expected date folded), line 6: missing-retrieval-date, line 12: an
    // unlabelled claim in a synthetic document (a false positive); the ambiguous question is missed.
    assert.deepEqual(pick(scores.all['missing-citation']), { tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(pick(scores.clear['missing-citation']), { tp: 1, fp: 1, fn: 0 });
    assert.deepEqual(pick(scores.clear['missing-retrieval-date']), { tp: 1, fp: 0, fn: 0 });
    assert.deepEqual(pick(scores.clear.micro), { tp: 2, fp: 1, fn: 0 });
  });

  it('scores an expected date apart with --strict', () => {
    const scores = JSON.parse(evaluate('--json', '--strict'));
    assert.deepEqual(pick(scores.clear['missing-retrieval-date']), { tp: 1, fp: 0, fn: 1 });
  });

  it('lists each miss and false positive with what the engine saw', () => {
    const out = evaluate('-v');
    assert.match(out, /misses \(1\):\n {2}sample\.md:10 missing-citation \(ambiguous\): Will the Alliance publish its roadmap\?\n {6}engine: no claim/);
    assert.match(out, /sample\.md:12 missing-citation \(no label\)/);
  });
});

function pick(t: { tp: number; fp: number; fn: number }) {
  return { tp: t.tp, fp: t.fp, fn: t.fn };
}

// The claims ledger: every claim of a draft with its explanation and its most pressing problem.
import { strict as assert } from 'node:assert';
import { claimLedger } from '../../src/core';

const AS_OF = '2026-11-25';

describe('claimLedger', () => {
  it('gives each claim its status, kind of time and citations', () => {
    const draft = [
      'The AI Alliance has more than 140 members.',
      'The AI Alliance has more than 140 members ([TechNews](https://technews.example.com/a), retrieved 2026-11-01).',
      'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members)).',
      'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2024-01-01).',
      'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2026-11-20).',
      'The AI Alliance has more than 140 members.[^m]',
      '',
      '[^m]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.',
      '',
    ].join('\n\n');
    const { claims } = claimLedger(draft, { asOf: AS_OF });
    assert.deepEqual(
      claims.map((c) => c.status),
      ['uncited', 'wrong-type', 'undated', 'stale', 'fine', 'unverified'],
    );
    assert.ok(claims.every((c) => c.explain.claim?.category === 'membership' && c.explain.claim.time === 'current'));
    assert.deepEqual(claims[1].explain.citations.map((c) => [c.type, c.approved]), [['unknown', false]]);
    assert.equal(claims[0].text, 'The AI Alliance has more than 140 members.');
  });

  it('lists forbidden inferences with what they are made of', () => {
    const { inferences } = claimLedger('Because its maker is an AI Alliance member, the model is safe to deploy.\n', { asOf: AS_OF });
    assert.equal(inferences.length, 1);
    assert.equal(inferences[0].explain.inference?.kind, 'affiliation-safety');
    assert.equal(inferences[0].explain.inference?.quality, 'safe');
  });
});

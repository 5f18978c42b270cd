// The claims ledger: every claim of a draft with its explanation and its most pressing problem.
import { strict as assert } from 'node:assert';
import { addDays, claimLedger, defaultConfig, freshUntil } from '../../src/core';

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

  it('does not take the stub of the next citation for the claim\u2019s own', () => {
    const draft = [
      'IBM and Meta launched the AI Alliance on December 5, 2023 ([Meta](https://ai.meta.com/blog/ai-alliance/)).',
      '',
      'The AI Alliance has more than 200 members.[^m]',
      '',
      '[^v]: <https://thealliance.ai/members>, retrieved 2026-11-20.',
      '[^m]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.',
      '',
    ].join('\n');
    const withVerified = draft.replace('members.[^m]', 'members.[^v] And it has more than 210 members.[^m]');
    assert.deepEqual(claimLedger(draft, { asOf: AS_OF }).claims.map((c) => c.status), ['fine', 'unverified']);
    assert.deepEqual(claimLedger(withVerified, { asOf: AS_OF }).claims.map((c) => c.status), ['fine', 'fine', 'unverified']);
    const inline = 'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2026-11-25 (TODO-verify)).\n';
    assert.deepEqual(claimLedger(inline, { asOf: AS_OF }).claims.map((c) => c.status), ['unverified']);
  });

  it('lists forbidden inferences with what they are made of', () => {
    const { inferences } = claimLedger('Because its maker is an AI Alliance member, the model is safe to deploy.\n', { asOf: AS_OF });
    assert.equal(inferences.length, 1);
    assert.equal(inferences[0].explain.inference?.kind, 'affiliation-safety');
    assert.equal(inferences[0].explain.inference?.quality, 'safe');
  });
});

describe('freshUntil', () => {
  const ledger = (draft: string) => claimLedger(draft, { asOf: AS_OF }).claims;

  it('is the newest approved retrieval date plus the category\u2019s maximum age', () => {
    const [claim] = ledger('The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2026-01-10; [list](https://thealliance.ai/members/list), retrieved 2026-03-01).\n');
    assert.equal(freshUntil(claim), '2027-03-01');
  });

  it('follows a category\u2019s maxAgeDays and the rule\u2019s override', () => {
    const [claim] = ledger('The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2026-11-01).\n');
    const config = defaultConfig();
    config.categories.membership.maxAgeDays = 30;
    assert.equal(freshUntil(claim, config), '2026-12-01');
    config.rules['stale-retrieval-date'].options = { maxAgeDays: 10 };
    assert.equal(freshUntil(claim, config), '2026-11-11');
  });

  it('is undefined for claims that need no date or have no valid one', () => {
    const claims = ledger(
      [
        'IBM and Meta launched the AI Alliance on December 5, 2023 ([Meta](https://ai.meta.com/blog/ai-alliance/), retrieved 2024-01-10).',
        'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members)).',
        'The AI Alliance has more than 140 members ([members](https://thealliance.ai/members), retrieved 2027-01-01).',
        'The AI Alliance has more than 140 members ([TechNews](https://technews.example.com/a), retrieved 2026-11-01).',
      ].join('\n\n'),
    );
    assert.deepEqual(claims.map((c) => freshUntil(c)), [undefined, undefined, undefined, undefined]);
  });

  it('adds calendar days across month and leap-year ends', () => {
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});

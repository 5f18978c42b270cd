// User-supplied patterns can never stall the linter: regular expressions are refused, globs are
// matched by a state-set walk, lexicon entries are literal phrases.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { defaultConfig } from '../../../src/core';
import {
  checkHostPattern,
  checkPathGlob,
  compileHostPattern,
  compilePathGlob,
  literalPhraseRegExp,
  parseConfigText,
} from '../../../src/core/config';

describe('pattern safety', () => {
  it('refuses the classic catastrophic regular expression as a path, naming file, line and column', () => {
    const text = 'sources:\n  patterns:\n    - {type: news, host: example.org, path: "/(a+)+$"}\n';
    const { errors, overlay } = parseConfigText(text, 'evil.yaml');
    assert.equal(errors.length, 1);
    assert.deepEqual([errors[0].file, errors[0].line, errors[0].column], ['evil.yaml', 3, 45]);
    assert.match(errors[0].message, /looks like a regular expression/);
    assert.equal(overlay.sources?.patterns?.length ?? 0, 0, 'the refused pattern is not used');
  });

  it('refuses regex syntax in every form it may take', () => {
    for (const p of ['/(a|aa)*', '/[a-z]+', '/a{1,99}', '/\\d+', '/x?', '^/a', '/a$']) {
      assert.ok(checkPathGlob(p), p);
    }
    for (const h of ['(a+)+.example.org', '^example.org$', 'ex[a]mple.org', 'a|b.org']) assert.ok(checkHostPattern(h), h);
  });

  it('matches a many-wildcard glob against a long path in linear steps', () => {
    // As a backtracking regular expression (.*a.*a.*…b) this would not finish; the state-set
    // walk answers at once.
    const glob = '/**a**a**a**a**a**a**a**a**a**a**b';
    assert.equal(checkPathGlob(glob), undefined);
    const match = compilePathGlob(glob);
    assert.equal(match('/' + 'a'.repeat(50_000)), false);
    assert.equal(match('/' + 'a'.repeat(50_000) + 'b'), true);
  });

  it('takes a regex-looking lexicon entry literally', () => {
    const { errors, overlay } = parseConfigText('lexicon:\n  hedges: ["(a+)+$"]\n', 'c.yaml');
    assert.deepEqual(errors, []);
    const re = literalPhraseRegExp(overlay.lexicon!.hedges![0]);
    assert.equal(re.test('a'.repeat(50_000) + '!'), false);
    re.lastIndex = 0;
    assert.equal(re.test('it says (a+)+$ here'), true);
  });

  it('matches phrases on word boundaries with any white space between words', () => {
    const re = literalPhraseRegExp('AI Alliance');
    assert.deepEqual('The AI\nAlliance and the AI Alliances'.match(re), ['AI\nAlliance']);
  });
});

describe('glob matching', () => {
  it('keeps * within a segment and lets ** cross segments', () => {
    assert.equal(compilePathGlob('/news/*')('/news/2024'), true);
    assert.equal(compilePathGlob('/news/*')('/news/2024/12'), false);
    assert.equal(compilePathGlob('/news/**')('/news/2024/12'), true);
    assert.equal(compilePathGlob('/Members')('/members/'), true, 'case-insensitive, trailing slash allowed');
    assert.equal(compilePathGlob('/members')('/members-old'), false, 'anchored');
  });

  it('matches hosts exactly, with subdomains, or by first label', () => {
    assert.equal(compileHostPattern('*.example.org')('example.org'), true);
    assert.equal(compileHostPattern('*.example.org')('a.b.example.org'), true);
    assert.equal(compileHostPattern('*.example.org')('badexample.org'), false);
    assert.equal(compileHostPattern('news.*')('news.example.com'), true);
    assert.equal(compileHostPattern('news.*')('newsroom.example.com'), false);
    assert.equal(compileHostPattern('example.org')('www.example.org'), true);
  });

  it('agrees with the equivalent regular expression on short inputs', () => {
    // The reference: `**` is .*, `*` is [^/]*, anchored, optional trailing slash.
    const reference = (glob: string) =>
      new RegExp(`^${glob.replace(/\*\*|\*|[.-]/g, (t) => (t === '**' ? '.*' : t === '*' ? '[^/]*' : `\\${t}`))}/?$`, 'i');
    const globs = fc.stringMatching(/^\/[ab/*.-]{0,8}$/).filter((g) => !g.includes('***'));
    const paths = fc.stringMatching(/^\/[abAB/.-]{0,10}$/);
    fc.assert(
      fc.property(globs, paths, (glob, path) => compilePathGlob(glob)(path) === reference(glob).test(path)),
      { numRuns: 2000, seed: 20261125 },
    );
  });

  it('accepts every built-in pattern', () => {
    for (const p of defaultConfig().sources.patterns) {
      assert.equal(checkHostPattern(p.host), undefined, p.host);
      if (p.path) assert.equal(checkPathGlob(p.path), undefined, p.path);
    }
  });
});

// Parsing valid config text: what each section contributes, positions, and lenient forms.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultConfig, RULES } from '../../../src/core';
import { parseConfigFile, parseConfigText, resolveConfig, STARTER_CONFIG } from '../../../src/core/config';

const FULL = readFileSync(path.resolve(__dirname, '../../fixtures/config/valid/full.yaml'), 'utf8');

describe('parseConfigText', () => {
  it('reads every section of a valid file', () => {
    const { overlay, errors } = parseConfigText(FULL, 'full.yaml', { knownSourceTypes: [] });
    assert.deepEqual(errors, []);
    assert.deepEqual(overlay.extends, ['base.yaml']);
    assert.deepEqual(overlay.rules, {
      'missing-retrieval-date': { severity: 'error' },
      'citation-stub': { severity: 'off' },
      'stale-retrieval-date': { severity: 'info', options: { maxAgeDays: 90 } },
    });
    assert.equal(overlay.sources?.types?.['lab-eval']?.canonical?.default, 'https://evals.example.org/reports');
    assert.deepEqual(overlay.sources?.patterns?.[0], { type: 'lab-eval', host: '*.evals.example.org', path: '/reports/**' });
    assert.deepEqual(overlay.categories?.['safety/system']?.approved, ['lab-eval', 'safety-eval', 'regulator']);
    assert.deepEqual(overlay.lexicon?.subjects, ["the Alliance's steering committee", 'AI Alliance', 'AIA'], 'top-level subjects append to lexicon.subjects');
    assert.deepEqual(overlay.lexicon?.categories, { membership: ['signed on as a member'] });
    assert.deepEqual(overlay.ignore, ['drafts/archive/**', '*.draft.md']);
  });

  it('accepts an empty file, a comment-only file and empty sections', () => {
    for (const text of ['', '# nothing yet\n', 'rules:\nsources:\n  patterns:\nignore:\n']) {
      const { overlay, errors } = parseConfigText(text, 'c.yaml');
      assert.deepEqual(errors, [], JSON.stringify(text));
      assert.deepEqual(resolveConfig([overlay]), defaultConfig(), JSON.stringify(text));
    }
  });

  it('accepts extends as a single string', () => {
    const parsed = parseConfigFile('# base\nextends: ../shared/.alliance-cite.yaml\n', 'c.yaml');
    assert.deepEqual(parsed.overlay.extends, ['../shared/.alliance-cite.yaml']);
    assert.deepEqual(parsed.extendsEntries, [{ path: '../shared/.alliance-cite.yaml', line: 2, column: 10 }]);
  });

  it('reports positions of extends entries in a list', () => {
    const parsed = parseConfigFile('extends:\n  - a.yaml\n  - b/c.yml\n', 'c.yaml');
    assert.deepEqual(parsed.extendsEntries.map((e) => [e.path, e.line, e.column]), [['a.yaml', 2, 5], ['b/c.yml', 3, 5]]);
  });

  it('counts lines and columns the same with CRLF line ends and a byte-order mark', () => {
    const text = '\uFEFFrules:\r\n  missing-citation: loud\r\n';
    const { errors } = parseConfigText(text, 'c.yaml');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 2);
    assert.equal(errors[0].column, 21);
  });

  it('leaves source types unchecked when the file extends others, unless told what they declare', () => {
    const text = 'extends: base.yaml\ncategories:\n  membership: {approved: [lab-eval]}\n';
    assert.deepEqual(parseConfigText(text, 'c.yaml').errors, []);
    const checked = parseConfigText(text, 'c.yaml', { knownSourceTypes: [] }).errors;
    assert.equal(checked.length, 1);
    assert.match(checked[0].message, /unknown source type 'lab-eval'/);
    assert.deepEqual(parseConfigText(text, 'c.yaml', { knownSourceTypes: ['lab-eval'] }).errors, []);
  });

  it('lets a file use the source types it declares itself', () => {
    const text = 'sources:\n  types:\n    lab-eval: {label: our lab}\ncategories:\n  safety/system: {approved: [lab-eval]}\n';
    assert.deepEqual(parseConfigText(text, 'c.yaml').errors, []);
  });

  it('keeps the valid entries of a file with errors, and drops a pattern with any bad field whole', () => {
    const text = 'rules:\n  missing-citation: off\n  wrong-source-type: loud\nsources:\n  patterns:\n    - {type: news, host: a.example, path: "/(x+)+"}\n    - {type: news, host: b.example}\n';
    const { overlay, errors } = parseConfigText(text, 'c.yaml');
    assert.equal(errors.length, 2);
    assert.deepEqual(overlay.rules, { 'missing-citation': { severity: 'off' } });
    assert.deepEqual(overlay.sources?.patterns, [{ type: 'news', host: 'b.example' }]);
  });

  it('follows aliases but stops a file that expands exponentially', () => {
    const ok = parseConfigText('ignore: &globs [a/**, b/**]\nlexicon:\n  projects: [x]\n', 'c.yaml');
    assert.deepEqual(ok.errors, []);
    let bomb = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 8; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const { errors } = parseConfigText(bomb, 'bomb.yaml');
    assert.ok(errors.length > 0);
    assert.ok(errors.every((e) => e.line >= 1 && e.column >= 1));
  });

  it('reports values nested too deeply for the YAML parser without throwing', () => {
    const extreme = parseConfigText(`x: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`, 'c.yaml');
    assert.ok(extreme.errors.length > 0);
    assert.ok(extreme.errors.every((e) => /^invalid YAML: values are nested too deeply$/.test(e.message) && e.line === 1), JSON.stringify(extreme.errors[0]));
  });

  it('reports binary content as an unexpected value instead of failing', () => {
    const { errors } = parseConfigText('\u0000\u0001\u0002\uFFFD', 'c.yaml');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /expected a mapping/);
  });

  it('refuses an oversized file without parsing it', () => {
    const { errors } = parseConfigText(`# ${'x'.repeat(1_000_001)}\n`, 'big.yaml');
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /larger than/);
  });

  it('reports a bad value of every kind with what is expected', () => {
    const { errors } = parseConfigText('ignore: [1, true, ""]\n', 'c.yaml');
    assert.deepEqual(
      errors.map((e) => e.message),
      ["ignore[0]: expected a non-empty string; found 1", 'ignore[1]: expected a non-empty string; found true', "ignore[2]: expected a non-empty string; found ''"],
    );
  });
});

describe('parseConfigText on arbitrary text', () => {
  it('never throws and places every problem on a real line and column', () => {
    const pieces = fc.constantFrom('rules', 'sources', 'patterns', 'host', 'path', 'lexicon', 'extends', ':', ' ', '  ', '\n', '\r\n', '- ', '[', ']', '{', '}', ',', '#', '&a', '*a', '!', '|', '>', '"', "'", 'off', 'warn', '1', '~', '\uFEFF', '\u0000', '😀');
    const text = fc.array(pieces, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (source) => {
        const { errors } = parseConfigText(source, 'fuzz.yaml');
        const lineCount = source.split(/\r\n|\n|\r/).length;
        return errors.every((e) => e.file === 'fuzz.yaml' && e.line >= 1 && e.line <= lineCount + 1 && e.column >= 1 && e.message.length > 0);
      }),
      { numRuns: 600, seed: 20261125 },
    );
  });
});

describe('STARTER_CONFIG', () => {
  it('is valid and shows every section', () => {
    assert.deepEqual(parseConfigText(STARTER_CONFIG, 'starter.yaml').errors, []);
    for (const key of ['extends', 'rules', 'sources', 'categories', 'lexicon', 'ignore']) {
      assert.match(STARTER_CONFIG, new RegExp(`^${key}:`, 'm'), key);
    }
  });

  it('lists every rule with its default severity, so it changes nothing', () => {
    const { overlay } = parseConfigText(STARTER_CONFIG, 'starter.yaml');
    assert.deepEqual(Object.keys(overlay.rules ?? {}).sort(), Object.keys(defaultConfig().rules).sort());
    assert.deepEqual(resolveConfig([overlay]), defaultConfig());
  });

  it('points to the config reference at its web address, beside the rule pages, and as installed', () => {
    const rulePage = RULES[0].docsUrl;
    const reference = `${rulePage.slice(0, rulePage.indexOf('/docs/rules/'))}/docs/config.md`;
    assert.ok(STARTER_CONFIG.includes(`Full reference: ${reference}`), STARTER_CONFIG.slice(0, 300));
    assert.ok(existsSync(path.resolve(__dirname, '../../../docs/config.md')), 'the reference the package installs');
    assert.match(STARTER_CONFIG, /installed with alliance-cite as docs\/config\.md/);
  });
});

// Merging config files onto the shipped defaults, and command-line or editor overrides on top.
import { strict as assert } from 'node:assert';
import { defaultConfig } from '../../../src/core';
import { applyOverrides, mergeConfig, parseConfigText, resolveConfig, type ConfigOverlay } from '../../../src/core/config';

function overlay(text: string): ConfigOverlay {
  const { overlay: result, errors } = parseConfigText(text, 'test.yaml', { knownSourceTypes: ['lab-eval'] });
  assert.deepEqual(errors, []);
  return result;
}

describe('mergeConfig', () => {
  it('replaces a rule severity and keeps its options when only the severity is given', () => {
    const base = resolveConfig([overlay('rules:\n  stale-retrieval-date: {severity: error, options: {maxAgeDays: 30}}\n')]);
    const next = mergeConfig(base, overlay('rules:\n  stale-retrieval-date: info\n'));
    assert.deepEqual(next.rules['stale-retrieval-date'], { severity: 'info', options: { maxAgeDays: 30 } });
    assert.equal(next.rules['missing-citation'].severity, 'error', 'other rules keep their defaults');
  });

  it('replaces options when given', () => {
    const base = resolveConfig([overlay('rules:\n  stale-retrieval-date: {options: {maxAgeDays: 30}}\n')]);
    const next = mergeConfig(base, overlay('rules:\n  stale-retrieval-date: {options: {}}\n'));
    assert.deepEqual(next.rules['stale-retrieval-date'], { severity: 'warning', options: {} });
  });

  it('puts a file’s source patterns before those it builds on, so they are checked first', () => {
    const defaults = defaultConfig();
    const first = overlay('sources:\n  patterns: [{type: news, host: one.example}]\n');
    const second = overlay('sources:\n  patterns: [{type: wikipedia, host: two.example}]\n');
    const merged = resolveConfig([first, second]);
    assert.deepEqual(merged.sources.patterns.slice(0, 2).map((p) => p.host), ['two.example', 'one.example']);
    assert.deepEqual(merged.sources.patterns.slice(2), defaults.sources.patterns);
  });

  it('merges source types per name and canonical URLs per key', () => {
    const merged = resolveConfig([overlay('sources:\n  types:\n    alliance-site: {canonical: {membership: "https://thealliance.ai/members/all"}}\n    lab-eval: {label: a lab}\n')]);
    const site = merged.sources.types['alliance-site'];
    assert.equal(site.label, defaultConfig().sources.types['alliance-site'].label);
    assert.equal(site.canonical?.membership, 'https://thealliance.ai/members/all');
    assert.equal(site.canonical?.default, 'https://thealliance.ai/');
    assert.deepEqual(merged.sources.types['lab-eval'], { label: 'a lab' });
  });

  it('merges category policies per key and replaces the approved list', () => {
    const merged = resolveConfig([overlay('categories:\n  membership: {maxAgeDays: 30}\n  safety/system: {approved: [lab-eval]}\n')]);
    assert.deepEqual(merged.categories.membership, { ...defaultConfig().categories.membership, maxAgeDays: 30 });
    assert.deepEqual(merged.categories['safety/system'].approved, ['lab-eval']);
  });

  it('appends lexicon entries without duplicates, comparing case-insensitively', () => {
    const defaults = defaultConfig();
    const merged = resolveConfig([
      overlay('lexicon:\n  projects: [Tapestry, Our Project]\n  categories: {membership: [signed on]}\n'),
      overlay('lexicon:\n  projects: [our project, Another]\n  categories: {membership: [Signed On, joined up]}\n'),
    ]);
    assert.deepEqual(merged.lexicon.projects, [...defaults.lexicon.projects, 'Our Project', 'Another']);
    assert.deepEqual(merged.lexicon.categories.membership.slice(-2), ['signed on', 'joined up']);
    assert.deepEqual(merged.lexicon.subjects, defaults.lexicon.subjects);
  });

  it('appends ignore globs', () => {
    const merged = resolveConfig([overlay('ignore: [a/**]\n'), overlay('ignore: [b/**, a/**]\n')]);
    assert.deepEqual(merged.ignore, ['a/**', 'b/**']);
  });

  it('never modifies the config it merges onto', () => {
    const base = defaultConfig();
    const snapshot = structuredClone(base);
    mergeConfig(base, overlay('rules: {missing-citation: off}\nlexicon: {hedges: [rumoured]}\nsources: {patterns: [{type: news, host: x.example}]}\n'));
    assert.deepEqual(base, snapshot);
  });

  it('resolves no files to the shipped defaults', () => {
    assert.deepEqual(resolveConfig([]), defaultConfig());
  });
});

describe('applyOverrides', () => {
  it('sets rule severities and every maximum age', () => {
    const config = applyOverrides(defaultConfig(), { rules: { 'missing-citation': 'off', 'citation-stub': 'error' }, maxAgeDays: 30 });
    assert.equal(config.rules['missing-citation'].severity, 'off');
    assert.equal(config.rules['citation-stub'].severity, 'error');
    assert.ok(Object.values(config.categories).every((p) => p.maxAgeDays === 30));
  });

  it('returns a new config and leaves its input alone', () => {
    const base = defaultConfig();
    applyOverrides(base, { rules: { 'missing-citation': 'off' }, maxAgeDays: 1 });
    assert.deepEqual(base, defaultConfig());
  });
});

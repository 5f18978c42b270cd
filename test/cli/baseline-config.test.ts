// The `baseline` config key: a path relative to the config file that names it, nearest config
// winning, checked like every other key, and ignored in an untrusted workspace.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseConfigText } from '../../src/core/config';
import { clearConfigCache, loadConfigForFile } from '../../src/node/config';
import { makeTree, removeTree } from './helpers';

describe('baseline config key', () => {
  let root: string;
  afterEach(() => {
    removeTree(root);
    clearConfigCache();
  });

  it('resolves against the folder of the config that names it; the nearest one wins', () => {
    root = makeTree({
      '.alliance-cite.yaml': 'baseline: ci/known.json\n',
      'shared/base.yaml': 'baseline: team-known.json\n',
      'docs/team/.alliance-cite.yaml': 'extends: ../../shared/base.yaml\n',
      'docs/other/.alliance-cite.yaml': 'rules:\n  citation-stub: off\n',
      'docs/team/a.md': '',
      'docs/other/b.md': '',
    });
    assert.equal(loadConfigForFile(path.join(root, 'docs/other/b.md')).baseline, path.join(root, 'ci/known.json'));
    assert.equal(loadConfigForFile(path.join(root, 'docs/team/a.md')).baseline, path.join(root, 'shared/team-known.json'));
    assert.equal(loadConfigForFile(path.join(root, 'docs/team/a.md'), { configPath: path.join(root, 'docs/other/.alliance-cite.yaml') }).baseline, undefined);
  });

  it('is not applied in an untrusted workspace, and the note says so', () => {
    root = makeTree({ '.alliance-cite.yaml': 'baseline: known.json\n', 'a.md': '' });
    const loaded = loadConfigForFile(path.join(root, 'a.md'), { trusted: false });
    assert.equal(loaded.baseline, undefined);
    assert.match(loaded.notes.join('\n'), /its baseline settings are ignored/);
  });

  it('must be a non-empty string, reported with line and column', () => {
    assert.deepEqual(parseConfigText('baseline: ci/known.json\n', 'c.yaml'), { overlay: { baseline: 'ci/known.json' }, errors: [] });
    for (const text of ['baseline: 5\n', 'baseline: ""\n', 'baseline: [a]\n']) {
      const { errors } = parseConfigText(text, 'c.yaml');
      assert.equal(errors.length, 1, text);
      assert.equal(`${errors[0].line}:${errors[0].column}`, '1:11', `${text}: ${errors[0].message}`);
    }
  });
});

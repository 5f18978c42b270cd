// The claims view: every claim of the workspace by status, then file; a click goes to the sentence.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClaimsNode } from '../../../src/vscode/claimsView';
import { activateExtension, closeAll, writeDraft, type ExtensionApi } from '../support/helpers';

describe('claims view', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(closeAll);

  /** The tree as VS Code reads it: status nodes, their files, their claims. */
  function tree(): { status: string; files: { label: string; claims: vscode.TreeItem[] }[] }[] {
    const provider = api.claims.provider;
    const children = (node?: ClaimsNode) => provider.getChildren(node) as ClaimsNode[];
    return children().flatMap((status) =>
      status.kind !== 'status'
        ? []
        : [
            {
              status: String(provider.getTreeItem(status).label),
              files: children(status).map((file) => ({ label: String(provider.getTreeItem(file).label), claims: children(file).map((c) => provider.getTreeItem(c) as vscode.TreeItem) })),
            },
          ],
    );
  }

  it('lists every claim by status and file, with its category, citation and date, and goes to the sentence', async () => {
    const claims = path.join('claims-view', 'ledger.md');
    const text = [
      'The AI Alliance has more than 140 members.',
      '',
      'Meta is a member of the AI Alliance.[^1]',
      '',
      'Tapestry is an AI Alliance project.[^2]',
      '',
      'IBM is a member of the **AI Alliance** ([directory](https://thealliance.ai/members), retrieved 2026-11-01).',
      '',
      '[^1]: <https://thealliance.ai/members>, retrieved 2025-12-10.',
      '[^2]: TODO-verify <https://github.com/The-AI-Alliance/tapestry>, retrieved 2026-11-20.',
      '',
    ].join('\n');
    const uri = writeDraft(claims, text);
    await api.claims.refresh();
    const ours = tree()
      .map((s) => ({ status: s.status, files: s.files.filter((f) => f.label === 'claims-view/ledger.md') }))
      .filter((s) => s.files.length > 0);
    assert.deepEqual(
      ours.map((s) => [s.status, s.files[0].claims.map((c) => c.label)]),
      [
        ['Uncited', ['The AI Alliance has more than 140 members.']],
        ['Unverified stub', ['Tapestry is an AI Alliance project.']],
        ['Stale within 30 days', ['Meta is a member of the AI Alliance.']],
        // Labels read as the sentence reads: no link targets, no emphasis marks.
        ['Fine', ['IBM is a member of the AI Alliance (directory, retrieved 2026-11-01).']],
      ],
    );
    const soon = ours[2].files[0].claims[0];
    assert.equal(soon.description, 'membership \u00b7 alliance-site \u00b7 retrieved 2025-12-10');
    const tooltip = String(soon.tooltip);
    assert.match(tooltip, /who is a member of the Alliance/);
    assert.match(tooltip, /https:\/\/thealliance\.ai\/members/);
    assert.match(tooltip, /Fresh until 2026-12-10/);
    assert.equal(ours[0].files[0].claims[0].description, 'membership \u00b7 needs alliance-site');

    // A click goes to the sentence.
    const command = soon.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor.document.getText(editor.selection), 'Meta is a member of the AI Alliance.');
  });
});

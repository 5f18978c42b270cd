// Hover on a flagged claim.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, openDraft } from '../support/helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

describe('hover', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAll);

  it('shows the claim category, the approved source types and what is missing', async () => {
    const { editor } = await openDraft('hover.md', 'Intro.\n\nThe AI Alliance has more than 140 members.\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(2, 10));
    const text = hoverText(hovers);
    assert.match(text, /membership claim/);
    assert.match(text, /`alliance-site`/);
    assert.match(text, /missing-citation/);
    const ours = hovers.find((h) => hoverText([h]).includes('alliance-cite'));
    assert.ok(ours?.range, 'the hover covers the claim');
    assert.equal(editor.document.getText(ours.range), 'The AI Alliance has more than 140 members.');
  });

  it('adds nothing outside claims', async () => {
    const { editor } = await openDraft('hover-outside.md', 'Intro.\n\nThe AI Alliance has more than 140 members.\n');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(0, 2));
    assert.ok(!hoverText(hovers).includes('alliance-cite'));
  });
});

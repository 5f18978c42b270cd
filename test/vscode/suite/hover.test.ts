// Hover on a flagged claim: what the diagnostic does not say, with links that open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, coreLint, openDraft } from '../support/helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; hover?: vscode.Hover }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const ours = hovers.find((h) => /\*\*(Claim about|Forbidden inference|Source to check)/.test(hoverText([h])));
  return { text: ours ? hoverText([ours]) : '', hover: ours };
}

describe('hover', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAll);

  it('shows the category in words, the accepted sources and the examined citation as links, not the diagnostic again', async () => {
    const text = 'Intro.\n\nThe AI Alliance has more than 140 members ([coverage](https://techcrunch.com/2024/03/01/ai-alliance)).\n';
    const { editor } = await openDraft('hover.md', text);
    const { text: shown, hover } = await hoverAt(editor.document.uri, new vscode.Position(2, 10));
    assert.match(shown, /Claim about who is a member of the Alliance/);
    assert.match(shown, /\]\(<https:\/\/thealliance\.ai\/members>\)/, 'the accepted source, as a link');
    assert.match(shown, /\]\(<https:\/\/techcrunch\.com\/2024\/03\/01\/ai-alliance>\) — news, not approved/, 'the examined citation');
    for (const finding of coreLint(text).diagnostics) assert.ok(!shown.includes(finding.message.slice(0, 30)), `does not repeat "${finding.message}"`);
    assert.ok(hover?.range, 'the hover covers the claim');
    assert.equal(editor.document.getText(hover.range), 'The AI Alliance has more than 140 members ([coverage](https://techcrunch.com/2024/03/01/ai-alliance)).');
  });

  it('explains two findings on one sentence in a few lines', async () => {
    const text = 'Because Granite comes from a founding member of the AI Alliance, it is safe to deploy in schools.\n';
    const { editor } = await openDraft('hover-two.md', text);
    const { text: shown } = await hoverAt(editor.document.uri, new vscode.Position(0, 20));
    assert.match(shown, /Claim about whether a system is safe/);
    assert.ok(!shown.includes('safety/system'), 'the category in words, not its key');
    assert.match(shown, /Forbidden inference/);
    assert.ok(shown.split('\n').length <= 5, `short:\n${shown}`);
    for (const finding of coreLint(text).diagnostics) assert.ok(!shown.includes(finding.rule.replace(/-/g, '\\-')), `the rule ${finding.rule} is VS Code's to show, beside the message`);
  });

  it('adds nothing outside claims', async () => {
    const { editor } = await openDraft('hover-outside.md', 'Intro.\n\nThe AI Alliance has more than 140 members.\n');
    const { text } = await hoverAt(editor.document.uri, new vscode.Position(0, 2));
    assert.equal(text, '');
  });
});

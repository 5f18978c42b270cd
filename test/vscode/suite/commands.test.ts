// Commands: lint the workspace, open or create the config file, show the output.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { starterConfigText } from '../../../src/core/config';
import { activateExtension, closeAll, coreLint, ruleOf, waitForDiagnostics, workspaceDir, writeDraft } from '../support/helpers';

describe('commands', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(closeAll);

  it('lints drafts that are not open into the Problems panel', async () => {
    const text = 'Intro.\n\nIBM and Meta founded the AI Alliance.\n';
    const uri = writeDraft(path.join('docs', 'closed.md'), text);
    assert.ok(vscode.workspace.textDocuments.every((d) => d.uri.toString() !== uri.toString()));
    const expected = coreLint(text).diagnostics;
    assert.ok(expected.length > 0);
    await vscode.commands.executeCommand('alliance-cite.lintWorkspace');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
    assert.deepEqual(
      diagnostics.map((d) => ruleOf(d)),
      expected.map((d) => d.rule),
    );
  });

  it('gives a draft its workspace-lint findings back when it is closed', async () => {
    const text = 'Intro.\n\nIBM and Meta founded the AI Alliance.\n\nThe AI Alliance has more than 140 members.\n';
    const uri = writeDraft(path.join('docs', 'reopened.md'), text);
    const expected = coreLint(text).diagnostics.map((d) => d.rule);
    await vscode.commands.executeCommand('alliance-cite.lintWorkspace');
    const sameAsCore = (d: vscode.Diagnostic[]) => JSON.stringify(d.map((x) => ruleOf(x))) === JSON.stringify(expected);
    await waitForDiagnostics(uri, sameAsCore, 'the workspace findings');
    // Opened and edited (not saved): the open draft's own findings, one more than on disk.
    const editor = await vscode.window.showTextDocument(uri);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Meta is a member of the AI Alliance.\n\n'));
    await waitForDiagnostics(uri, (d) => d.length === expected.length + 1, 'the findings of the edited draft');
    // Closed without saving: the findings of the file on disk come back, as the workspace lint found them.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitForDiagnostics(uri, sameAsCore, 'the findings back after closing');
  });

  it('creates a starter config file when there is none, and opens it', async () => {
    const file = path.join(workspaceDir(), '.alliance-cite.yaml');
    fs.rmSync(file, { force: true });
    await vscode.commands.executeCommand('alliance-cite.openConfig');
    assert.ok(fs.existsSync(file), 'the config file was created');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file);
    assert.equal(fs.readFileSync(file, 'utf8'), starterConfigText());
    fs.rmSync(file);
  });

  it('opens the config file that governs the active draft', async () => {
    const nested = path.join(workspaceDir(), 'nested', '.alliance-cite.yaml');
    fs.mkdirSync(path.dirname(nested), { recursive: true });
    fs.writeFileSync(nested, 'rules:\n  citation-stub: off\n');
    await vscode.window.showTextDocument(writeDraft(path.join('nested', 'draft.md'), 'Intro.\n'));
    await vscode.commands.executeCommand('alliance-cite.openConfig');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, nested);
    assert.equal(fs.readFileSync(nested, 'utf8'), 'rules:\n  citation-stub: off\n', 'the existing file is left as it was');
    fs.rmSync(path.dirname(nested), { recursive: true });
  });

  it('shows the output channel without failing', async () => {
    await vscode.commands.executeCommand('alliance-cite.showOutput');
  });
});

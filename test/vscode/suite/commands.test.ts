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

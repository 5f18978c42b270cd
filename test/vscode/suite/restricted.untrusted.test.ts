// Restricted Mode: run by the code-server launcher in a second workbench whose workspace is not
// trusted. Workspace config files may set rule severities there, but not source patterns.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, ruleOf, waitForDiagnostics, workspaceDir, writeDraft } from '../support/helpers';

describe('restricted mode', () => {
  before(async () => {
    await activateExtension();
  });

  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('ignores source patterns from the workspace config but applies its rule severities', async () => {
    fs.writeFileSync(
      path.join(workspaceDir(), '.alliance-cite.yaml'),
      'rules:\n  missing-citation: warning\nsources:\n  patterns:\n    - type: alliance-site\n      host: example.org\n',
    );
    const uri = writeDraft(
      'restricted.md',
      'The AI Alliance has more than 140 members.[^1]\n\n[^1]: <https://example.org/members>, retrieved 2026-11-20.\n\nMeta is a member of the AI Alliance.\n',
    );
    await vscode.window.showTextDocument(uri);
    const diagnostics = await waitForDiagnostics(uri, (d) => d.length === 2, 'two findings');
    const wrongSource = diagnostics.find((d) => ruleOf(d) === 'wrong-source-type');
    assert.ok(wrongSource, 'example.org is not made an Alliance source by an untrusted config');
    assert.equal(wrongSource.severity, vscode.DiagnosticSeverity.Error);
    const missing = diagnostics.find((d) => ruleOf(d) === 'missing-citation');
    assert.equal(missing?.severity, vscode.DiagnosticSeverity.Warning, 'the severity from the untrusted config applies');
  });
});

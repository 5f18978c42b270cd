// Settings and config files change what is reported, and re-lint open drafts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAll, nextLint, openDraft, ours, ruleOf, setSetting, waitFor, waitForDiagnostics, workspaceDir, writeDraft } from '../support/helpers';

const CLAIM = 'The AI Alliance has more than 140 members.';

describe('config', () => {
  const configFile = (): string => path.join(workspaceDir(), '.alliance-cite.yaml');

  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAll();
    await setSetting('rules', undefined);
    await setSetting('maxRetrievalAgeDays', undefined);
    await setSetting('enable', undefined);
    await setSetting('fileExtensions', undefined);
    fs.rmSync(configFile(), { force: true });
  });

  it('applies severity overrides from the settings and re-lints', async () => {
    const { editor } = await openDraft('settings.md', `${CLAIM}\n`);
    const uri = editor.document.uri;
    await setSetting('rules', { 'missing-citation': 'warning' });
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Warning), 'a warning');
    await setSetting('rules', { 'missing-citation': 'off' });
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation off');
  });

  it('clears findings when disabled and brings them back when enabled', async () => {
    const { editor } = await openDraft('enable.md', `${CLAIM}\n`);
    const uri = editor.document.uri;
    await setSetting('enable', false);
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics while disabled');
    await setSetting('enable', undefined);
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation again');
  });

  it('lints other file extensions only when configured', async () => {
    const api = await activateExtension();
    const uri = writeDraft('notebook.qmd', `${CLAIM}\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.notEqual(document.languageId, 'markdown');
    assert.deepEqual(ours(uri), []);
    const linted = nextLint(api, uri);
    await setSetting('fileExtensions', ['.qmd']);
    await linted;
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation in a .qmd draft');
  });

  it('applies the maximum retrieval age from the settings', async () => {
    const text = `${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>, retrieved 2026-10-01.\n`;
    const uri = vscode.Uri.file(path.join(workspaceDir(), 'age.md'));
    fs.writeFileSync(uri.fsPath, text);
    await vscode.window.showTextDocument(uri);
    await setSetting('maxRetrievalAgeDays', 30);
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'stale-retrieval-date'), 'stale-retrieval-date');
  });

  it('re-lints open drafts when .alliance-cite.yaml changes', async () => {
    const { editor } = await openDraft('config-file.md', `${CLAIM}\n`);
    const uri = editor.document.uri;
    fs.writeFileSync(configFile(), 'rules:\n  missing-citation: off\n');
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation off by config file');
    fs.writeFileSync(configFile(), 'rules:\n  missing-citation: info\n');
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Information),
      'missing-citation as info',
    );
    fs.rmSync(configFile());
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Error), 'the default severity');
  });

  it('leaves drafts alone that the config ignores', async () => {
    const api = await activateExtension();
    fs.writeFileSync(configFile(), 'ignore:\n  - drafts/skip/**\n');
    const uri = writeDraft('drafts/skip/ignored.md', `${CLAIM}\n`);
    const linted = nextLint(api, uri);
    await vscode.window.showTextDocument(uri);
    await linted;
    assert.deepEqual(ours(uri), []);
  });

  it('shows a broken config on the config file, on each draft, on closed drafts and in the status bar', async () => {
    const api = await activateExtension();
    const closed = writeDraft(path.join('elsewhere', 'closed-draft.md'), `Intro.\n\n${CLAIM}\n`);
    await vscode.commands.executeCommand('alliance-cite.lintWorkspace');
    await waitForDiagnostics(closed, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'the closed draft linted');
    const { editor } = await openDraft('broken-config.md', `${CLAIM}\n`);
    const config = vscode.Uri.file(configFile());
    fs.writeFileSync(config.fsPath, 'rules:\n  missing-citation: loud\n');
    const problems = await waitForDiagnostics(config, (d) => d.length > 0, 'a problem on the config file');
    assert.equal(problems[0].range.start.line, 1);
    assert.match(problems[0].message, /loud/);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    // The draft says it is not checked, instead of looking clean; so does the closed draft.
    for (const uri of [editor.document.uri, closed]) {
      const [warning] = await waitForDiagnostics(uri, (d) => d.length === 1 && ruleOf(d[0]) === 'config-problem', `the config warning on ${path.basename(uri.fsPath)}`);
      assert.equal(warning.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(warning.message, /not checked.*loud/);
      assert.equal(warning.relatedInformation?.[0]?.location.uri.fsPath, config.fsPath);
      assert.equal(warning.relatedInformation?.[0]?.location.range.start.line, 1);
    }
    // The status bar item opens the config file at the problem.
    const status = await waitFor(() => {
      const now = api.statusBar();
      return now.text.includes('config error') ? now : undefined;
    }, 'the status bar to show the config error');
    assert.equal(status.command?.command, 'alliance-cite.openConfigProblem');
    await vscode.commands.executeCommand(status.command.command, ...(status.command.arguments ?? []));
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.fsPath, config.fsPath);
    assert.deepEqual([active.selection.active.line, active.selection.active.character], [1, 20]);
    // Fixed: the findings are back, on the draft (shown again: the config took its tab) and on the closed draft.
    await vscode.window.showTextDocument(editor.document);
    fs.writeFileSync(config.fsPath, 'rules:\n  missing-citation: error\n');
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'the findings back');
    await waitForDiagnostics(closed, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'the closed draft linted again');
  });
});

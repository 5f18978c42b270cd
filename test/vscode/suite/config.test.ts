// Settings and config files change what is reported, and re-lint open drafts.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAll, nextLint, openDraft, ours, ruleOf, setSetting, waitForDiagnostics, workspaceDir, writeDraft } from '../support/helpers';

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

  it('reports a broken config file at its line and column instead of linting with it', async () => {
    const { editor } = await openDraft('broken-config.md', `${CLAIM}\n`);
    const config = vscode.Uri.file(configFile());
    fs.writeFileSync(config.fsPath, 'rules:\n  missing-citation: loud\n');
    const problems = await waitForDiagnostics(config, (d) => d.length > 0, 'a problem on the config file');
    assert.equal(problems[0].range.start.line, 1);
    assert.match(problems[0].message, /loud/);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'no findings while the config is broken');
  });
});

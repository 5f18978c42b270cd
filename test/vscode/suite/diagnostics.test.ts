// Diagnostics in a real editor: ranges, codes, related information, on-type linting.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RULES } from '../../../src/core';
import {
  activateExtension,
  closeAll,
  coreLint,
  EXTENSION_ID,
  nextLint,
  offsetRange,
  openDraft,
  ours,
  ruleOf,
  REPO,
  setSetting,
  waitFor,
  waitForDiagnostics,
  type ExtensionApi,
} from '../support/helpers';

const CLAIM = 'The AI Alliance has more than 140 members.';

describe('diagnostics', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await closeAll();
    await setSetting('run', undefined);
    await setSetting('onTypeMaxChars', undefined);
  });

  it('marks an uncited membership claim with missing-citation over the claim sentence', async () => {
    const text = `# Members\n\n${CLAIM} It keeps growing.\n`;
    const { editor, diagnostics } = await openDraft('uncited.md', text);
    const expected = coreLint(text).diagnostics;
    assert.equal(diagnostics.length, expected.length);
    const missing = diagnostics.find((d) => ruleOf(d) === 'missing-citation');
    assert.ok(missing, 'missing-citation is published');
    const claimStart = text.indexOf(CLAIM);
    assert.deepEqual(missing.range, offsetRange(editor.document, claimStart, claimStart + CLAIM.length));
    assert.equal(editor.document.getText(missing.range), CLAIM);
    assert.equal(missing.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(missing.source, 'alliance-cite');
    const code = missing.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, 'missing-citation');
    // The rule's page as installed with the extension: the version the writer runs, offline.
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(code.target.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', 'missing-citation.md').toString());
    assert.equal(fs.readFileSync(code.target.fsPath, 'utf8'), fs.readFileSync(path.join(REPO, 'docs', 'rules', 'missing-citation.md'), 'utf8'));
    assert.ok(RULES.find((r) => r.id === 'missing-citation')!.docsUrl.endsWith('/docs/rules/missing-citation.md'), 'the same page as on the web');
  });

  it('opens a rule page from its link as a rendered preview inside VS Code', async () => {
    const { diagnostics } = await openDraft('rule-page.md', `${CLAIM}\n`);
    const target = (diagnostics[0].code as { target: vscode.Uri }).target;
    // What the Problems panel does with the link: hand it to the opener.
    await vscode.commands.executeCommand('vscode.open', target);
    const preview = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview')),
      'a Markdown preview of the rule page',
    );
    assert.match(preview.label, /missing-citation\.md/);
    await waitFor(() => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString()) ? undefined : true), 'the source tab replaced by the preview');
  });

  it('publishes exactly the core findings, with ranges in UTF-16 positions on CRLF text', async () => {
    const text = `# Draft \u00E9t\u00E9 \u{1F4DD}\r\n\r\nWe met \u{1F600} today. ${CLAIM}\r\n\r\nSee the [site](https://thealliance.ai).\r\n`;
    const { editor, diagnostics } = await openDraft('crlf-emoji.md', text);
    const expected = coreLint(text).diagnostics;
    const actual = diagnostics.map((d) => ({ rule: ruleOf(d), range: d.range, message: d.message }));
    const wanted = expected.map((d) => ({ rule: d.rule, range: offsetRange(editor.document, d.start, d.end), message: d.message }));
    assert.deepEqual(actual, wanted);
    const claim = diagnostics.find((d) => ruleOf(d) === 'missing-citation');
    assert.ok(claim);
    assert.equal(editor.document.getText(claim.range), CLAIM);
    // "We met \u{1F600} today. " is 17 UTF-16 code units (the emoji counts two).
    assert.deepEqual([claim.range.start.line, claim.range.start.character], [2, 17]);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
  });

  it('points related information at the footnote definition it examined', async () => {
    const text = `${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>\n`;
    const { editor, diagnostics } = await openDraft('footnote.md', text);
    const undated = diagnostics.find((d) => ruleOf(d) === 'missing-retrieval-date');
    assert.ok(undated, 'missing-retrieval-date is published');
    const related = undated.relatedInformation ?? [];
    assert.equal(related.length, 1);
    assert.equal(related[0].location.uri.toString(), editor.document.uri.toString());
    assert.equal(editor.document.getText(related[0].location.range), '[^1]: <https://thealliance.ai/members>');
    assert.match(related[0].message, /\[\^1\]/);
  });

  it('re-lints while typing and keeps only the result for the latest text', async () => {
    const text = '# Draft\n\nNothing to check here.\n';
    const { editor } = await openDraft('typing.md', `${text}${CLAIM}\n`);
    const end = editor.document.positionAt(editor.document.getText().length);
    // Several quick edits: an intermediate text has findings the final text does not.
    await editor.edit((b) => b.insert(end, 'Reportedly, IBM and Meta founded the AI Alliance.\n'));
    await editor.edit((b) => b.replace(new vscode.Range(2, 0, editor.document.lineCount - 1, 0), 'Nothing to check here.\n'));
    const final = editor.document.getText();
    assert.equal(coreLint(final).diagnostics.length, 0, 'the final text has no findings');
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'no diagnostics after the claims were removed');
    await editor.edit((b) => b.insert(editor.document.positionAt(final.length), `${CLAIM}\n`));
    const back = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation again');
    assert.equal(editor.document.getText(back.find((d) => ruleOf(d) === 'missing-citation')!.range), CLAIM);
  });

  it('lints on save only when run is onSave', async () => {
    await setSetting('run', 'onSave');
    const { editor } = await openDraft('on-save.md', `${CLAIM}\n`);
    const uri = editor.document.uri;
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\nIBM and Meta founded the AI Alliance on December 5, 2023.\n'));
    assert.equal(api.isLintPending(uri), false, 'typing schedules no lint');
    assert.equal(ours(uri).length, coreLint(`${CLAIM}\n`).diagnostics.length, 'the diagnostics are those of the opened text');
    const linted = nextLint(api, uri);
    await editor.document.save();
    await linted;
    const expected = coreLint(editor.document.getText()).diagnostics.length;
    assert.ok(expected > 1, 'the saved text has more findings');
    await waitForDiagnostics(uri, (d) => d.length === expected, `${expected} diagnostics after save`);
  });

  it('falls back to on-save linting for drafts above onTypeMaxChars', async () => {
    await setSetting('onTypeMaxChars', 1000);
    const filler = 'This paragraph talks about the weather and nothing else. '.repeat(30);
    const { editor } = await openDraft('large.md', `${CLAIM}\n\n${filler}\n`);
    const uri = editor.document.uri;
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Meta is a member of the AI Alliance.\n\n'));
    assert.equal(api.isLintPending(uri), false, 'typing in a large draft schedules no lint');
    const linted = nextLint(api, uri);
    await editor.document.save();
    await linted;
    const expected = coreLint(editor.document.getText()).diagnostics.length;
    await waitForDiagnostics(uri, (d) => d.length === expected, `${expected} diagnostics after save`);
  });
});

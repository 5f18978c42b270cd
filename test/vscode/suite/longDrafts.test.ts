// Drafts with more findings than the editor shows, and findings a baseline records.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { serializeBaseline, type BaselineEntry } from '../../../src/node/baseline';
import { fingerprintFindings } from '../../../src/node/fingerprint';
import { activateExtension, closeAll, coreLint, openDraft, ruleOf, setSetting, waitFor, waitForDiagnostics, workspaceDir, writeDraft, type ExtensionApi } from '../support/helpers';

describe('long drafts and baselines', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await closeAll();
    await setSetting('maxProblems', undefined);
    await setSetting('baseline', undefined);
    fs.rmSync(path.join(workspaceDir(), 'baselined'), { recursive: true, force: true });
  });

  it('shows at most maxProblems findings, those in view first, and says how many there are', async () => {
    await setSetting('maxProblems', 10);
    const claims = Array.from({ length: 40 }, (_, i) => `The AI Alliance has more than ${100 + i} members.`);
    const text = `${claims.join('\n\n')}\n`;
    const uri = writeDraft('many-findings.md', text);
    const editor = await vscode.window.showTextDocument(uri);
    const first = await waitForDiagnostics(uri, (d) => d.length === 10, 'ten findings');
    assert.deepEqual(first.map((d) => d.range.start.line).slice(0, 3), [0, 2, 4], 'the findings in view first');
    const status = await waitFor(() => (api.statusBar().text.includes('shown') ? api.statusBar() : undefined), 'the status bar to say how many are shown');
    assert.match(status.text, /\$\(error\) 40 \$\(warning\) 0 alliance-cite · 10 shown/);
    assert.match(status.tooltip, /shows 10 of 40 findings/);
    // Scrolled to the end: the findings there are shown.
    editor.revealRange(new vscode.Range(78, 0, 78, 0), vscode.TextEditorRevealType.InCenter);
    await waitForDiagnostics(uri, (d) => d.length === 10 && d.some((x) => x.range.start.line === 78), 'the findings of the lines in view');
  });

  it('shows findings the baseline records as hints, or hides them', async () => {
    const dir = path.join(workspaceDir(), 'baselined');
    fs.mkdirSync(dir, { recursive: true });
    const old = 'The AI Alliance has more than 140 members.\n';
    fs.writeFileSync(path.join(dir, '.alliance-cite.yaml'), 'baseline: known.json\n');
    // The baseline as `alliance-cite --baseline-write` writes it: the draft's findings, fingerprinted.
    const findings = coreLint(old).diagnostics;
    const entries: BaselineEntry[] = findings.map((f, i) => ({ rule: f.rule, fingerprint: fingerprintFindings(old, findings)[i], claim: old.slice(f.start, f.end) }));
    fs.writeFileSync(path.join(dir, 'known.json'), serializeBaseline(new Map([['post.md', entries]])));
    const text = `${old}\nMeta is a member of the AI Alliance.\n`;
    const { editor } = await openDraft(path.join('baselined', 'post.md'), text);
    const shown = await waitForDiagnostics(editor.document.uri, (d) => d.length === 2 && d.some((x) => x.severity === vscode.DiagnosticSeverity.Hint), 'a hint and an error');
    const hint = shown.find((d) => d.severity === vscode.DiagnosticSeverity.Hint)!;
    assert.equal(hint.range.start.line, 0);
    assert.match(hint.message, /recorded in the baseline/);
    assert.equal(ruleOf(shown.find((d) => d.severity === vscode.DiagnosticSeverity.Error)!), 'missing-citation');
    await setSetting('baseline', 'hide');
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 1 && d[0].range.start.line === 2, 'the new finding only');
  });
});

// Quick-fixes and fix-all in a real editor; every applied fix is checked byte-for-byte against the
// core's own application of the same fix.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { applyFixes, defaultConfig, fixAll, markVerified, type Fix } from '../../../src/core';
import {
  activateExtension,
  AS_OF,
  closeAll,
  codeActionsAt,
  coreLint,
  openDraft,
  readDraft,
  REPO,
  ruleOf,
  waitForDiagnostics,
} from '../support/helpers';

const CLAIM = 'The AI Alliance has more than 140 members.';
const FIX_ALL_TITLE = 'Fix all alliance-cite problems in this file';

/** Returns the core finding of a rule in a text (the one the editor shows). */
function finding(text: string, rule: string) {
  const found = coreLint(text).diagnostics.find((d) => d.rule === rule);
  assert.ok(found, `the core reports ${rule}`);
  return found;
}

/**
 * Opens a draft, puts the cursor in the finding (as a writer who presses Ctrl+. there), finds the
 * quick-fix with a fix's title and applies it, with its command, as VS Code does.
 */
async function applyQuickFix(name: string, text: string, rule: string, pick: (f: ReturnType<typeof finding>) => Fix) {
  const { editor } = await openDraft(name, text);
  const target = finding(text, rule);
  const fix = pick(target);
  const cursor = editor.document.positionAt(target.start + 3);
  editor.selection = new vscode.Selection(cursor, cursor);
  const range = new vscode.Range(editor.document.positionAt(target.start), editor.document.positionAt(target.end));
  const actions = await codeActionsAt(editor.document.uri, range, (a) => a.some((x) => x.title === fix.title));
  const action = actions.find((a) => a.title === fix.title)!;
  assert.ok(action.edit, 'the action carries its edit');
  assert.equal(await vscode.workspace.applyEdit(action.edit), true);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  return { editor, fix, actions, action, expected: applyFixes(text, [fix]).text };
}

describe('quick-fixes', () => {
  before(async () => {
    await activateExtension();
  });

  afterEach(async () => {
    await closeAll();
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('offers the preferred citation stub first, then the other fixes, for an uncited claim', async () => {
    const text = `${CLAIM}\n`;
    const { editor } = await openDraft('offer.md', text);
    const target = finding(text, 'missing-citation');
    assert.ok(target.fix, 'the core has a safe fix');
    const range = new vscode.Range(0, 5, 0, 5);
    const actions = await codeActionsAt(editor.document.uri, range, (a) => a.some((x) => x.title === target.fix!.title));
    const titles = actions.map((a) => a.title);
    const preferred = actions.find((a) => a.title === target.fix!.title)!;
    assert.equal(preferred.isPreferred, true);
    assert.equal(preferred.kind?.value, vscode.CodeActionKind.QuickFix.value);
    for (const suggestion of target.suggestions) {
      assert.ok(titles.includes(suggestion.title), `offers "${suggestion.title}"`);
      if (suggestion.title !== target.fix.title) assert.ok(titles.indexOf(target.fix.title) < titles.indexOf(suggestion.title), 'the preferred fix comes first');
    }
    assert.ok(actions.some((a) => a.title === FIX_ALL_TITLE));
  });

  it('inserts a footnote citation stub byte-for-byte and leaves the cursor at the claim', async () => {
    // A long draft: the definition goes far below the claim, out of view.
    const filler = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} about the weather.`).join('\n\n');
    const text = `# Members\n\n${CLAIM} More text follows.\n\n${filler}\n`;
    const { editor, action, expected } = await applyQuickFix('stub.md', text, 'missing-citation', (f) => f.fix!);
    assert.equal(editor.document.getText(), expected);
    assert.match(expected, /\[\^membership-1\]: TODO-verify <https:\/\/thealliance\.ai\/members>, retrieved 2026-11-25\./);
    assert.ok(editor.selection.isEmpty, 'nothing is selected');
    assert.equal(editor.selection.active.line, 2, 'the cursor is still on the claim');
    assert.equal(editor.selection.active.character, 3);
    assert.ok(editor.visibleRanges.some((r) => r.contains(new vscode.Position(2, 0))), 'the claim is still in view');
    assert.equal(action.command?.command, 'alliance-cite.stubAdded', 'the status bar says where the stub went');
    assert.equal(action.command?.arguments?.[0]?.range.start.line, expected.split('\n').findIndex((l) => l.startsWith('[^membership-1]:')));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation gone');
  });

  it('keeps CRLF line breaks when inserting a stub into a CRLF draft', async () => {
    const text = `Intro.\r\n\r\n${CLAIM}\r\n`;
    const { editor, expected } = await applyQuickFix('crlf-stub.md', text, 'missing-citation', (f) => f.fix!);
    assert.equal(editor.document.getText(), expected);
    assert.ok(!/[^\r]\n/.test(expected), 'every line break is CRLF');
  });

  it('inserts the stub verbatim after an indented last line', async () => {
    const text = `Intro.\n\n- Facts:\n  - ${CLAIM}`;
    const { editor, expected } = await applyQuickFix('indented.md', text, 'missing-citation', (f) => f.fix!);
    assert.equal(editor.document.getText(), expected);
    assert.equal(editor.selection.active.line, 3, 'the cursor is still on the claim');
  });

  it('offers one stub per approved source type, the preferred first', async () => {
    const text = 'Tapestry is an AI Alliance project.\n';
    const { editor } = await openDraft('project.md', text);
    const target = finding(text, 'missing-citation');
    const stubs = target.suggestions.filter((s) => s.title.startsWith('Insert a citation stub'));
    assert.ok(stubs.length > 1, 'the core offers several approved sources for a project claim');
    const actions = await codeActionsAt(editor.document.uri, new vscode.Range(0, 0, 0, 0), (a) => stubs.every((s) => a.some((x) => x.title === s.title)));
    const titles = actions.map((a) => a.title).filter((t) => t.startsWith('Insert a citation stub'));
    assert.deepEqual(titles, stubs.map((s) => s.title));
    assert.equal(titles[0], target.fix?.title);
  });

  it('adds a retrieval date to an undated citation byte-for-byte', async () => {
    const text = `${CLAIM}[^1]\n\n[^1]: <https://thealliance.ai/members>\n`;
    const { editor, expected } = await applyQuickFix('date.md', text, 'missing-retrieval-date', (f) => f.fix!);
    assert.equal(editor.document.getText(), expected);
    assert.ok(expected.includes(`<https://thealliance.ai/members>, retrieved ${AS_OF} (TODO-verify)`));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'missing-retrieval-date'), 'missing-retrieval-date gone');
  });

  it('applies an alternative citation stub (a suggestion) byte-for-byte', async () => {
    const text = `${CLAIM}[^1]\n\n[^1]: <https://en.wikipedia.org/wiki/AI_Alliance>, retrieved 2026-11-01.\n`;
    const pick = (f: ReturnType<typeof finding>) => {
      const stub = f.suggestions.find((s) => !s.edits.some((e) => e.text.includes('alliance-cite-disable')));
      assert.ok(stub, 'the core suggests a stub');
      return stub;
    };
    const { editor, expected } = await applyQuickFix('alternative.md', text, 'wrong-source-type', pick);
    assert.equal(editor.document.getText(), expected);
  });

  it('suppresses a rule for one line with a disable comment that the linter honours', async () => {
    const text = `Intro.\n\n${CLAIM}\n`;
    const pick = (f: ReturnType<typeof finding>) => {
      const suppress = f.suggestions.find((s) => s.edits.some((e) => e.text.includes('alliance-cite-disable-line')));
      assert.ok(suppress, 'the core offers a suppress fix');
      return suppress;
    };
    const { editor, expected } = await applyQuickFix('suppress.md', text, 'missing-citation', pick);
    assert.equal(editor.document.getText(), expected);
    assert.ok(expected.includes(' <!-- alliance-cite-disable-line missing-citation -->\n'));
    await waitForDiagnostics(editor.document.uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation suppressed');
  });

  it('offers one suppression per rule, as a trailing comment, on the example draft', async () => {
    const text = fs.readFileSync(path.join(REPO, 'examples', 'alliance-draft.md'), 'utf8');
    const { editor } = await openDraft('example-suppress.md', text);
    const line = text.split('\n').findIndex((l) => l.startsWith('Because Granite'));
    const rules = coreLint(text).diagnostics.filter((d) => editor.document.positionAt(d.start).line === line).map((d) => d.rule);
    assert.ok(rules.length >= 2, 'the safety sentence has several findings');
    const actions = await codeActionsAt(editor.document.uri, new vscode.Range(line, 10, line, 10), (a) => a.some((x) => x.title.startsWith('Suppress')));
    const suppress = actions.filter((a) => a.title.startsWith('Suppress'));
    assert.deepEqual(suppress.map((a) => a.title).sort(), [...new Set(rules)].map((r) => `Suppress ${r} for this line`).sort(), 'one entry per rule');
    for (const action of suppress) {
      const edits = action.edit!.get(editor.document.uri);
      assert.equal(edits.length, 1);
      assert.match(edits[0].newText, /^ <!-- alliance-cite-disable-line [a-z-]+ -->$/);
      assert.equal(edits[0].range.start.line, line);
    }
    assert.ok(!actions.some((a) => JSON.stringify(a.edit?.entries() ?? []).includes('disable-next-line')), 'no other form');
  });

  it('offers one suppression for two findings of one rule on one line', async () => {
    const text = `Intro.\n\n${CLAIM} Meta is a member of the AI Alliance.\n`;
    const { editor } = await openDraft('two-on-a-line.md', text);
    assert.equal(coreLint(text).diagnostics.filter((d) => d.rule === 'missing-citation').length, 2);
    const actions = await codeActionsAt(editor.document.uri, new vscode.Range(2, 0, 2, 80), (a) => a.some((x) => x.title.startsWith('Suppress')));
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Suppress')).map((a) => a.title),
      ['Suppress missing-citation for this line'],
    );
  });

  it('offers "Mark as verified" on a TODO-verify stub, preferred, and no suppression', async () => {
    const text = `${CLAIM}[^membership-1]\n\n[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-20.\n`;
    const { editor } = await openDraft('verify.md', text);
    const title = `Mark as verified (retrieved ${AS_OF})`;
    const actions = await codeActionsAt(editor.document.uri, new vscode.Range(2, 5, 2, 5), (a) => a.some((x) => x.title === title));
    assert.ok(!actions.some((a) => a.title.startsWith('Suppress')), `no suppression: ${actions.map((a) => a.title).join(' | ')}`);
    const verify = actions.find((a) => a.title === title)!;
    assert.equal(verify.isPreferred, true);
    assert.equal(await vscode.workspace.applyEdit(verify.edit!), true);
    const expected = applyFixes(text, [markVerified(text, text.indexOf('TODO-verify'), { asOf: AS_OF, config: defaultConfig() })!]).text;
    assert.equal(editor.document.getText(), expected);
    assert.ok(!expected.includes('TODO-verify') && expected.includes(`retrieved ${AS_OF}.`));
    await waitForDiagnostics(editor.document.uri, (d) => d.length === 0, 'the stub finding gone');
  });

  it('offers to open the source a claim cites', async () => {
    const text = `According to the [member directory](https://thealliance.ai/members), Meta is a member of the AI Alliance.\n`;
    const { editor } = await openDraft('source.md', text);
    const actions = await codeActionsAt(editor.document.uri, new vscode.Range(0, 80, 0, 80), (a) => a.some((x) => x.title.startsWith('Open the source')));
    const open = actions.find((a) => a.title === 'Open the source: thealliance.ai/members');
    assert.ok(open?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(open.command.command, 'alliance-cite.server.openSource');
    assert.deepEqual(open.command.arguments, ['https://thealliance.ai/members']);
  });

  it('fixes all problems in the file with the command, as the core fix-all does', async () => {
    const text = `${CLAIM}\n\nIBM and Meta founded the AI Alliance in December 2023.\n\nMeta is a member of the AI Alliance.[^m]\n\n[^m]: <https://thealliance.ai/members>\n`;
    const { editor } = await openDraft('fix-all.md', text);
    await vscode.commands.executeCommand('alliance-cite.fixAll');
    const expected = fixAll(text, { config: defaultConfig(), asOf: AS_OF }).text;
    assert.notEqual(expected, text);
    assert.equal(editor.document.getText(), expected);
  });

  it('offers fix-all as source.fixAll.allianceCite', async () => {
    const text = `${CLAIM}\n`;
    const { editor } = await openDraft('source-fix-all.md', text);
    const range = new vscode.Range(0, 0, 0, 0);
    const actions = await codeActionsAt(editor.document.uri, range, (a) => a.some((x) => x.title === FIX_ALL_TITLE), 'source.fixAll');
    const action = actions.find((a) => a.title === FIX_ALL_TITLE)!;
    assert.equal(action.kind?.value, 'source.fixAll.allianceCite');
  });

  it('fixes all on save through editor.codeActionsOnSave', async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', { 'source.fixAll.allianceCite': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    const text = `Intro.\n`;
    const { editor } = await openDraft('on-save-fix.md', `${text}${CLAIM}\n`);
    await editor.edit((b) => b.insert(new vscode.Position(2, 0), `\nMeta is a member of the AI Alliance.\n`));
    const edited = editor.document.getText();
    assert.equal(await editor.document.save(), true);
    const expected = fixAll(edited, { config: defaultConfig(), asOf: AS_OF }).text;
    assert.notEqual(expected, edited);
    assert.equal(readDraft(editor.document.uri), expected);
    assert.equal(editor.document.getText(), expected);
  });
});

// The extension as it runs in vscode.dev and github.dev: its web build in VS Code's web worker
// extension host, the language server in a worker of its own, config files and closed drafts
// read through the client. Checked against the core's own results for the same text.
import * as vscode from 'vscode';
import { applyFixes, defaultConfig, lint, type LintResult } from '../../../src/core';

const EXTENSION_ID = 'alliance-cite.alliance-cite';
/** The fixture workspace's settings pin this date. */
const AS_OF = '2026-11-25';
const WAIT_MS = 20_000;
const CLAIM = 'The AI Alliance has more than 140 members.';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function equal<T>(actual: T, expected: T, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function coreLint(text: string): LintResult {
  return lint(text, { config: defaultConfig(), asOf: AS_OF });
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'alliance-cite');
}

function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

function folder(): vscode.Uri {
  const first = vscode.workspace.workspaceFolders?.[0];
  check(first, 'the suite needs a workspace folder');
  return first.uri;
}

async function writeFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Resolves with our diagnostics of a URI once they satisfy the predicate (waits on events, no sleeps). */
function waitForDiagnostics(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      const current = ours(uri);
      if (!predicate(current)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) done();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for ${what}; have [${ours(uri).map(ruleOf).join(', ')}]`));
    }, WAIT_MS);
    done();
  });
}

/** Polls the code action providers until ours answer. */
async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, predicate: (a: vscode.CodeAction[]) => boolean): Promise<vscode.CodeAction[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
    if (predicate(actions)) return actions;
    if (Date.now() > deadline) throw new Error(`timed out waiting for code actions; got ${actions.map((a) => a.title).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function defineTests(): void {
  describe('the web build in the web worker extension host', () => {
    before(async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      check(extension, `${EXTENSION_ID} is not in this host`);
      await extension.activate();
    });

    afterEach(async () => {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('runs in a web worker: there is no Node process object', () => {
      check(typeof process === 'undefined', `typeof process is ${typeof process}`);
      check(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'a worker global scope');
    });

    it('lints an open draft with exactly the core findings', async () => {
      const text = `# Members\n\n${CLAIM} It keeps growing.\n\nIBM and Meta founded the AI Alliance.\n`;
      const uri = await writeFile('web-open.md', text);
      const editor = await vscode.window.showTextDocument(uri);
      const expected = coreLint(text).diagnostics;
      check(expected.length > 1, 'the draft has findings');
      const diagnostics = await waitForDiagnostics(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
      equal(
        diagnostics.map((d) => [ruleOf(d), editor.document.offsetAt(d.range.start), editor.document.offsetAt(d.range.end)]),
        expected.map((d) => [d.rule, d.start, d.end]),
        'rules and ranges',
      );
    });

    it('applies a citation stub quick-fix byte-for-byte and lands on TODO-verify', async () => {
      const text = `# Members\n\n${CLAIM} More text follows.\n`;
      const uri = await writeFile('web-stub.md', text);
      const editor = await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation');
      const finding = coreLint(text).diagnostics.find((d) => d.rule === 'missing-citation');
      check(finding?.fix?.placeholder, 'the core offers a stub with a placeholder');
      const fix = finding.fix;
      const range = new vscode.Range(editor.document.positionAt(finding.start), editor.document.positionAt(finding.end));
      const actions = await codeActionsAt(uri, range, (a) => a.some((x) => x.title === fix.title));
      const action = actions.find((a) => a.title === fix.title);
      check(action?.edit, 'the stub action carries its edit');
      check(await vscode.workspace.applyEdit(action.edit), 'the edit applies');
      if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      const expected = applyFixes(text, [fix]).text;
      equal(editor.document.getText(), expected, 'the draft after the fix');
      check(expected.includes('TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.'), 'the stub is dated as of the setting');
      equal(editor.document.getText(editor.selection), expected.slice(fix.placeholder!.start, fix.placeholder!.end), 'the selection');
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation gone');
    });

    it('reads the workspace config file through the client, and re-lints when it changes', async () => {
      const uri = await writeFile('web-config.md', `${CLAIM}\n`);
      await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Error), 'an error');
      const config = await writeFile('.alliance-cite.yaml', 'rules:\n  missing-citation: warning\n');
      try {
        await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Warning), 'a warning');
      } finally {
        await vscode.workspace.fs.delete(config);
      }
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'missing-citation' && x.severity === vscode.DiagnosticSeverity.Error), 'the default severity again');
    });

    it('lints closed drafts of the workspace, found and read through the client', async () => {
      const text = 'Intro.\n\nIBM and Meta founded the AI Alliance.\n';
      const uri = await writeFile('web-docs/closed.md', text);
      const expected = coreLint(text).diagnostics.map((d) => d.rule);
      check(expected.length > 0, 'the closed draft has findings');
      await vscode.commands.executeCommand('alliance-cite.lintWorkspace');
      const diagnostics = await waitForDiagnostics(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
      equal(diagnostics.map(ruleOf), expected, 'the rules');
    });
  });
}

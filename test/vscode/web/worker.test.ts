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

    it('applies a citation stub quick-fix byte-for-byte and leaves the cursor at the claim', async () => {
      const text = `# Members\n\n${CLAIM} More text follows.\n`;
      const uri = await writeFile('web-stub.md', text);
      const editor = await vscode.window.showTextDocument(uri);
      editor.selection = new vscode.Selection(2, 4, 2, 4);
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
      equal([editor.selection.active.line, editor.selection.active.character, editor.selection.isEmpty], [2, 4, true], 'the cursor where it was');
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'missing-citation'), 'missing-citation gone');
    });

    it('marks a stub as verified, offers no suppression for it, and offers one per rule elsewhere', async () => {
      const text = `${CLAIM} Meta is a member of the AI Alliance.\n\nTapestry is an AI Alliance project.[^t]\n\n[^t]: TODO-verify <https://github.com/The-AI-Alliance/tapestry>, retrieved 2026-11-20.\n`;
      const uri = await writeFile('web-verify.md', text);
      const editor = await vscode.window.showTextDocument(uri);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'citation-stub'), 'citation-stub');
      const onLine = await codeActionsAt(uri, new vscode.Range(0, 0, 0, 80), (a) => a.some((x) => x.title.startsWith('Suppress')));
      equal(onLine.filter((a) => a.title.startsWith('Suppress')).map((a) => a.title), ['Suppress missing-citation for this line'], 'one suppression for two claims of one rule');
      const title = `Mark as verified (retrieved ${AS_OF})`;
      const onStub = await codeActionsAt(uri, new vscode.Range(4, 3, 4, 3), (a) => a.some((x) => x.title === title));
      check(!onStub.some((a) => a.title.startsWith('Suppress')), 'no suppression of a stub');
      const verify = onStub.find((a) => a.title === title)!;
      check(verify.isPreferred === true, 'Mark as verified is preferred');
      check(await vscode.workspace.applyEdit(verify.edit!), 'the edit applies');
      equal(editor.document.getText().split('\n')[4], `[^t]: <https://github.com/The-AI-Alliance/tapestry>, retrieved ${AS_OF}.`, 'the verified stub');
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'citation-stub'), 'citation-stub gone');
    });

    it('lists the claims of the workspace in the claims view, computed by the server in its worker', async () => {
      await writeFile('web-claims/ledger.md', `${CLAIM}\n\nMeta is a member of the AI Alliance.[^1]\n\n[^1]: <https://thealliance.ai/members>, retrieved 2026-11-01.\n`);
      const api = vscode.extensions.getExtension<{ claims: { refresh(): Promise<void>; provider: { getChildren(node?: unknown): unknown[]; getTreeItem(node: unknown): vscode.TreeItem } } }>(EXTENSION_ID)!.exports;
      await api.claims.refresh();
      const seen: string[] = [];
      for (const status of api.claims.provider.getChildren()) {
        for (const file of api.claims.provider.getChildren(status)) {
          if (api.claims.provider.getTreeItem(file).label !== 'web-claims/ledger.md') continue;
          for (const claim of api.claims.provider.getChildren(file)) seen.push(`${String(api.claims.provider.getTreeItem(status).label)}: ${String(api.claims.provider.getTreeItem(claim).label)}`);
        }
      }
      equal(seen, [`Uncited: ${CLAIM}`, 'Fine: Meta is a member of the AI Alliance.'], 'the claims by status');
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

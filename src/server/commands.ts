// The server's commands (`workspace/executeCommand`): select a fix's placeholder, fix all in a
// draft, lint the workspace. Any LSP client may send them; the VS Code client does for its own.
import { ResponseError, ErrorCodes, type CancellationToken, type ClientCapabilities, type Connection, type ExecuteCommandParams, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdit } from './codeActions';
import type { DraftLinter, Log } from './linter';
import { SERVER_COMMANDS, type FixAllResult, type PlaceholderTarget } from './protocol';
import { guard, invalidParams, isRecord } from './requests';
import { lintWorkspace, type WorkspaceLintHost } from './workspace';

export interface CommandContext {
  connection: Connection;
  capabilities(): ClientCapabilities;
  document(uri: string): TextDocument | undefined;
  linter: DraftLinter;
  log: Log;
  workspace(): WorkspaceLintHost;
}

export async function executeCommand(context: CommandContext, params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<unknown> {
  const args: unknown[] = Array.isArray(params.arguments) ? params.arguments : [];
  switch (params.command) {
    case SERVER_COMMANDS.selectPlaceholder:
      return await selectPlaceholder(context, args[0]);
    case SERVER_COMMANDS.fixAll:
      return await guard(context.log, 'Fixing all problems', () => applyFixAll(context, args[0], token));
    case SERVER_COMMANDS.lintWorkspace:
      return await guard(context.log, 'Linting the workspace', () => lintWorkspace(context.workspace(), token, progress));
    default:
      throw invalidParams(`Unknown command "${params.command}"; this server runs ${Object.values(SERVER_COMMANDS).join(', ')}.`);
  }
}

/** Selects a fix's placeholder in the client's editor, where the client can show a document with a selection. */
async function selectPlaceholder(context: CommandContext, target: unknown): Promise<null> {
  const placeholder = target as PlaceholderTarget | undefined;
  if (!isRecord(placeholder) || typeof placeholder.uri !== 'string' || !isRecord(placeholder.range)) {
    throw invalidParams(`${SERVER_COMMANDS.selectPlaceholder} needs a placeholder target ({uri, range}).`);
  }
  if (context.capabilities().window?.showDocument?.support) {
    await context.connection.window.showDocument({ uri: placeholder.uri, selection: placeholder.range, takeFocus: true });
  }
  return null;
}

/** Applies every safe fix of an open draft through the client, on the version it was computed for. */
async function applyFixAll(context: CommandContext, target: unknown, token: CancellationToken): Promise<FixAllResult> {
  if (typeof target !== 'string') throw invalidParams(`${SERVER_COMMANDS.fixAll} needs the URI of an open draft.`);
  if (!context.document(target)) throw invalidParams(`${target} is not open in the editor.`);
  const linted = await context.linter.current(target, token, true);
  if (!linted) return { status: 'not-a-draft', fixed: 0 };
  const all = fixAllEdit(linted);
  if (!all) return { status: 'nothing', fixed: 0 };
  const edit = context.capabilities().workspace?.workspaceEdit?.documentChanges
    ? { documentChanges: [{ textDocument: { uri: target, version: linted.version }, edits: [all.edit] }] }
    : { changes: { [target]: [all.edit] } };
  const applied = await context.connection.workspace.applyEdit({ label: 'Fix all alliance-cite problems', edit });
  if (!applied.applied) throw new ResponseError(ErrorCodes.InternalError, `The editor did not apply the fixes${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
  return { status: 'fixed', fixed: all.fixed };
}

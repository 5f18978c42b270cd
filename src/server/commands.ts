// The server's commands (`workspace/executeCommand`): open a source or a config problem, tell
// what an action did, fix all in a draft, lint the workspace. Any LSP client
// may send them; the VS Code client does for its own.
import { ResponseError, ErrorCodes, MessageType, ShowMessageNotification, type CancellationToken, type ClientCapabilities, type Connection, type ExecuteCommandParams, type Location, type WorkDoneProgressReporter } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllEdit } from './codeActions';
import type { DraftLinter, Log } from './linter';
import { SERVER_COMMANDS, type FixAllResult } from './protocol';
import { guard, invalidParams, isRecord } from './requests';
import { isWebUrl } from './sources';
import { lintWorkspace, type WorkspaceLintHost, type WorkspaceResults } from './workspace';

export interface CommandContext {
  connection: Connection;
  capabilities(): ClientCapabilities;
  document(uri: string): TextDocument | undefined;
  linter: DraftLinter;
  log: Log;
  workspace(): WorkspaceLintHost;
  workspaceResults: WorkspaceResults;
}

export async function executeCommand(context: CommandContext, params: ExecuteCommandParams, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<unknown> {
  const args: unknown[] = Array.isArray(params.arguments) ? params.arguments : [];
  switch (params.command) {
    case SERVER_COMMANDS.openSource:
      return await openSource(context, args[0]);
    case SERVER_COMMANDS.openLocation:
      return await openLocation(context, args[0]);
    case SERVER_COMMANDS.announce:
      if (typeof args[0] !== 'string') throw invalidParams(`${SERVER_COMMANDS.announce} needs a message.`);
      void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `alliance-cite: ${args[0]}` });
      return null;
    case SERVER_COMMANDS.fixAll:
      return await guard(context.log, 'Fixing all problems', () => applyFixAll(context, args[0], token));
    case SERVER_COMMANDS.lintWorkspace:
      return await guard(context.log, 'Linting the workspace', () => lintWorkspace(context.workspace(), context.workspaceResults, token, progress));
    default:
      throw invalidParams(`Unknown command "${params.command}"; this server runs ${Object.values(SERVER_COMMANDS).join(', ')}.`);
  }
}

/** Opens a cited web page in the writer's browser, where the client can. */
async function openSource(context: CommandContext, url: unknown): Promise<{ opened: boolean }> {
  if (typeof url !== 'string' || !isWebUrl(url)) throw invalidParams(`${SERVER_COMMANDS.openSource} needs an http(s) URL.`);
  if (!context.capabilities().window?.showDocument?.support) {
    void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: `alliance-cite: the source is ${url}` });
    return { opened: false };
  }
  const result = await context.connection.window.showDocument({ uri: url, external: true });
  return { opened: result.success };
}

/** Opens a file at a position (a config file's problem), where the client can. */
async function openLocation(context: CommandContext, target: unknown): Promise<{ opened: boolean }> {
  const location = target as Location | undefined;
  if (!isRecord(location) || typeof location.uri !== 'string' || !isRecord(location.range)) throw invalidParams(`${SERVER_COMMANDS.openLocation} needs a location ({uri, range}).`);
  if (!context.capabilities().window?.showDocument?.support) return { opened: false };
  const result = await context.connection.window.showDocument({ uri: location.uri, selection: location.range, takeFocus: true });
  return { opened: result.success };
}

/** Applies every safe fix of an open draft through the client, on the version it was computed for. */
async function applyFixAll(context: CommandContext, target: unknown, token: CancellationToken): Promise<FixAllResult> {
  if (typeof target !== 'string') throw invalidParams(`${SERVER_COMMANDS.fixAll} needs the URI of an open draft.`);
  if (!context.document(target)) throw invalidParams(`${target} is not open in the editor.`);
  const linted = await context.linter.current(target, token, true);
  if (!linted) return { status: 'not-a-draft', fixed: 0, summary: 'This is not a draft alliance-cite checks.' };
  const all = fixAllEdit(linted);
  if (!all) return { status: 'nothing', fixed: 0, summary: 'Nothing in this draft can be fixed automatically.' };
  const edit = context.capabilities().workspace?.workspaceEdit?.documentChanges
    ? { documentChanges: [{ textDocument: { uri: target, version: linted.version }, edits: [all.edit] }] }
    : { changes: { [target]: [all.edit] } };
  const applied = await context.connection.workspace.applyEdit({ label: 'Fix all alliance-cite problems', edit });
  if (!applied.applied) throw new ResponseError(ErrorCodes.InternalError, `The editor did not apply the fixes${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
  return { status: 'fixed', fixed: all.fixed, summary: all.summary };
}

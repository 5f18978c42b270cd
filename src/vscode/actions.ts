// The command a stub quick-fix runs after its edit (the server names it for this client): the
// cursor stays at the claim, and the status bar says for a while on which line the stub went and
// what to do with it, instead of a notification to dismiss.
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, stubMessage, type StubTarget } from '../server/protocol';

/** How long the status bar tells where a stub went. */
const STUB_MESSAGE_MS = 12_000;

export function registerStubAdded(): vscode.Disposable {
  return vscode.commands.registerCommand(CLIENT_COMMANDS.stubAdded, (target: StubTarget | undefined) => {
    if (!target?.range) return;
    vscode.window.setStatusBarMessage(`$(bookmark) alliance-cite: ${stubMessage(target)}`, STUB_MESSAGE_MS);
  });
}

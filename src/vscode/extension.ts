// Desktop entry point (`main`): the language server runs in its own Node process, so linting
// never blocks the extension host.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateClient, CLIENT_ID, type AllianceCiteApi } from './client';

export type { AllianceCiteApi } from './client';

export function activate(context: vscode.ExtensionContext): Promise<AllianceCiteApi> {
  const module = context.asAbsolutePath('dist/server.js');
  return activateClient(context, async (options) => new LanguageClient(CLIENT_ID, 'alliance-cite', { module, transport: TransportKind.ipc }, options));
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}

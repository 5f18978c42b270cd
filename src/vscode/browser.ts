// Web entry point (`browser`, for vscode.dev and github.dev): the language server runs in a web
// worker and reads config files through this client.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, type AllianceCiteApi } from './client';

/** The worker constructor of the web extension host (not in the Node typings this project uses). */
declare const Worker: new (url: string, options?: { name?: string }) => ConstructorParameters<typeof LanguageClient>[3];

export function activate(context: vscode.ExtensionContext): Promise<AllianceCiteApi> {
  return activateClient(context, async (options) => new LanguageClient(CLIENT_ID, 'alliance-cite', options, await startWorker(context)));
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}

/**
 * Starts dist/web/server.js in a worker. The host starts workers only from web URLs, so a server
 * script elsewhere (e.g. an extension folder on a remote machine) is read through the file system
 * and started from a blob.
 */
async function startWorker(context: vscode.ExtensionContext): Promise<ConstructorParameters<typeof LanguageClient>[3]> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const options = { name: 'alliance-cite language server' };
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true), options);
  const bytes = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })), options);
}

// Web entry point (`browser`, for vscode.dev and github.dev): the language server runs in a web
// worker and reads config files through this client.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports, type ServerOptions } from 'vscode-languageclient/browser';
import { activateClient, CLIENT_ID, type AllianceCiteApi } from './client';

/** A worker as the client takes it (the DOM typings are not part of this project's). */
type ServerWorker = Exclude<ServerOptions, () => unknown>;
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

export function activate(context: vscode.ExtensionContext): Promise<AllianceCiteApi> {
  return activateClient(context, async (options) => new LanguageClient(CLIENT_ID, 'alliance-cite', () => connectWorker(context), options));
}

export function deactivate(): void {
  // The client is stopped through the context's subscriptions.
}

/**
 * Connects to the server's worker. The transports are built here: the host's Worker constructor
 * returns workers that are not `instanceof Worker`, which the client would take for transports.
 */
async function connectWorker(context: vscode.ExtensionContext): Promise<MessageTransports> {
  const worker = await startWorker(context);
  return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/**
 * Starts dist/web/server.js in a worker. The host starts workers only from web URLs, so a server
 * script elsewhere (e.g. an extension folder on a remote machine) is read through the file system
 * and started from a blob.
 */
async function startWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  const options = { name: 'alliance-cite language server' };
  if (script.scheme === 'http' || script.scheme === 'https') return new Worker(script.toString(true), options);
  const bytes = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' })), options);
}

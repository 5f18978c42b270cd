// Entry point of dist/web/server.js: the server in a web worker (vscode.dev, github.dev), reading
// config files and drafts through the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { clientPlatform } from './clientPlatform';
import { startServer } from './server';

/** The worker's global scope, where messages from the client arrive. */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startServer(connection, (c) => clientPlatform(c));

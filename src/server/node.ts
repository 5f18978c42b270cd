// Starts the server on Node: over the transport named on the command line (`--node-ipc` when the
// VS Code client forks it, `--stdio`, `--socket=N`), or over standard input and output for
// `alliance-cite lsp --stdio`.
import { createConnection } from 'vscode-languageserver/node';
import { nodePlatform } from './nodePlatform';
import { startServer } from './server';

export function startNodeServer(transport: 'argv' | 'stdio' = 'argv'): void {
  const connection = transport === 'stdio' ? createConnection(process.stdin, process.stdout) : createConnection();
  startServer(connection, () => nodePlatform());
}

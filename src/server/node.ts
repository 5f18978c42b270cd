// Starts the server on Node: over the transport named on the command line (`--node-ipc` when the
// VS Code client forks it, `--stdio`, `--socket=N`), or over standard input and output for
// `alliance-cite lsp --stdio`.
import { format } from 'node:util';
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { nodePlatform } from './nodePlatform';
import { startServer } from './server';

export function startNodeServer(transport: 'argv' | 'stdio' = 'argv'): void {
  if (transport === 'argv') {
    startServer(createConnection(), () => nodePlatform());
    return;
  }
  const reader = new StreamMessageReader(process.stdin);
  const connection = createConnection(reader, new StreamMessageWriter(process.stdout));
  // Standard output carries the protocol: whatever a dependency prints goes to the client's log.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  // A message that is not JSON-RPC cannot be answered (it has no id): say so, and read on.
  reader.onError((error) => connection.console.error(`Ignored a malformed message: ${error.message.split('\n')[0]}`));
  const server = startServer(connection, () => nodePlatform());
  // The editor closed the pipe: end as the protocol says, 0 after a shutdown request, else 1.
  process.stdin.on('end', () => process.exit(server.shutdownRequested() ? 0 : 1));
}

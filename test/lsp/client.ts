// A small LSP client for the protocol tests: starts `alliance-cite lsp --stdio` as editors do and
// speaks JSON-RPC to it with vscode-languageserver-protocol's own connection, answering the
// server's requests (settings, registrations, refresh, edits) the way a client would.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowDocumentParams,
} from 'vscode-languageserver-protocol/node';
import { CLI } from './helpers';

export interface TestClient {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** The `alliance-cite` settings the client answers `workspace/configuration` with. */
  settings: Record<string, unknown>;
  published: PublishDiagnosticsParams[];
  registrations: Registration[];
  logs: string[];
  refreshes: number;
  edits: ApplyWorkspaceEditParams[];
  /** Documents the server asked the client to show (`window/showDocument`). */
  shown: ShowDocumentParams[];
  /** Messages the server showed the writer (`window/showMessage`). */
  messages: string[];
  open(uri: string, text: string, languageId?: string): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  close(uri: string): Promise<void>;
  /** Resolves with the first value `find` returns once messages have arrived (waits on messages, no sleeps). */
  until<T>(find: () => T | undefined, what: string): Promise<T>;
  /** Resolves with the first published diagnostics that satisfy the predicate (waits on messages, no sleeps). */
  nextPublish(predicate: (p: PublishDiagnosticsParams) => boolean, what: string): Promise<PublishDiagnosticsParams>;
  /** Resolves with the first log message that satisfies the predicate. */
  nextLog(predicate: (message: string) => boolean, what: string): Promise<string>;
  /** Resolves once the server asked for a diagnostics refresh more than `count` times. */
  refreshAfter(count: number): Promise<void>;
  stop(): Promise<void>;
}

const WAIT_MS = 15_000;

export async function startClient(options: { root: string; pull: boolean; settings?: Record<string, unknown>; initializationOptions?: Record<string, unknown> }): Promise<TestClient> {
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  const client: TestClient = {
    connection,
    process: child,
    settings: { asOf: '2026-11-25', ...options.settings },
    published: [],
    registrations: [],
    logs: [],
    refreshes: 0,
    edits: [],
    shown: [],
    messages: [],
    open: (uri, text, languageId = 'markdown') =>
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } }),
    change: (uri, version, text) =>
      connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    until: (find, what) => waitFor(find, what),
    nextPublish: (predicate, what) => waitFor(() => client.published.find(predicate), what),
    nextLog: (predicate, what) => waitFor(() => client.logs.find(predicate), what),
    refreshAfter: async (count) => {
      await waitFor(() => (client.refreshes > count ? true : undefined), 'a diagnostics refresh request');
    },
    stop: async () => {
      if (child.exitCode === null) {
        await connection.sendRequest('shutdown').catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        await new Promise((resolve) => child.once('exit', resolve));
      }
      connection.dispose();
    },
  };
  function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`timed out waiting for ${what}; logs: ${client.logs.join(' | ')}`));
      }, WAIT_MS);
      listeners.add(check);
      check();
    });
  }
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    client.published.push(params);
    notify();
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    client.logs.push(params.message);
    notify();
  });
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'alliance-cite' ? client.settings : null)));
  connection.onRequest(RegistrationRequest.type, (params) => {
    client.registrations.push(...params.registrations);
  });
  connection.onRequest(DiagnosticRefreshRequest.type, () => {
    client.refreshes++;
    notify();
  });
  connection.onRequest(ShowDocumentRequest.type, (params) => {
    client.shown.push(params);
    notify();
    return { success: true };
  });
  connection.onNotification(ShowMessageNotification.type, (params) => {
    client.messages.push(params.message);
    notify();
  });
  connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    client.edits.push(params);
    return { applied: true };
  });
  connection.listen();
  const capabilities: ClientCapabilities = {
    window: { showDocument: { support: true } },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceEdit: { documentChanges: true },
      diagnostics: options.pull ? { refreshSupport: true } : undefined,
    },
    textDocument: options.pull ? { diagnostic: { dynamicRegistration: false } } : { publishDiagnostics: { versionSupport: true } },
  };
  const root = pathToFileURL(options.root).href;
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'root' }], capabilities, initializationOptions: options.initializationOptions });
  await connection.sendNotification(InitializedNotification.type, {});
  return client;
}

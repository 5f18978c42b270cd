// The language server: the same core as the CLI behind the Language Server Protocol, for VS Code
// (desktop and web) and any other editor. Diagnostics are pulled by clients that can
// (`textDocument/diagnostic`) and pushed to the others; code actions, hover and the workspace
// lint are computed here, so every client gets the same answers.
import {
  CancellationTokenSource,
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type FileSystemWatcher,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { starterConfigText } from '../core/config';
import { codeActions, fixAllEdit, kindsIntersect } from './codeActions';
import type { ConfigProblem, Platform } from './configSource';
import { hoverAt } from './hover';
import { DraftLinter, type Log } from './linter';
import {
  CONFIG_FILE_REQUEST,
  FIX_ALL_KIND,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  type ConfigFileParams,
  type ConfigFileResult,
  type FixAllResult,
  type InitializationOptions,
  type PlaceholderTarget,
  type TrustParams,
} from './protocol';
import { parseSettings, SECTION, settingsProblems, type Settings } from './settings';
import { folderOf } from './uriConfig';
import { lintWorkspace } from './workspace';

/** Where the server runs: makes the platform once the client's options are known. */
export type PlatformFactory = (connection: Connection, options: InitializationOptions) => Platform;

export interface RunningServer {
  /** Whether the client asked the server to shut down (before it exits). */
  shutdownRequested(): boolean;
}

export function startServer(connection: Connection, makePlatform: PlatformFactory): RunningServer {
  let shutdown = false;
  const documents = new TextDocuments(TextDocument);
  const log: Log = {
    info: (message) => connection.console.info(message),
    warn: (message) => connection.console.warn(message),
    error: (message) => connection.console.error(message),
  };
  let capabilities: ClientCapabilities = {};
  let options: InitializationOptions = {};
  let platform: Platform | undefined;
  let trusted = true;
  let folders: string[] = [];
  let globalSettings: unknown;
  const settingsCache = new Map<string, Promise<Settings>>();
  /** Config files with published problems, and closed drafts with pushed workspace findings. */
  const configProblemUris = new Set<string>();
  const workspacePushed = new Set<string>();
  const watchedOutside = new Set<string>();
  const pushes = new Map<string, CancellationTokenSource>();
  const openedVersions = new Map<string, number>();

  const pulls = (): boolean => capabilities.textDocument?.diagnostic !== undefined;
  const usesConfigurationRequest = (): boolean => capabilities.workspace?.configuration === true;

  function settingsFor(uri: string): Promise<Settings> {
    if (!usesConfigurationRequest()) return Promise.resolve(parseSettings(globalSettings));
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
        (section: unknown) => parseSettings(section ?? globalSettings),
        () => parseSettings(globalSettings),
      );
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  function requirePlatform(): Platform {
    if (!platform) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server has not been initialized.');
    return platform;
  }

  const watchingPlatform = (): Platform => {
    const inner = requirePlatform();
    return {
      ...inner,
      resolveConfig: async (request) => {
        const outcome = await inner.resolveConfig(request);
        if (outcome.ok) watchOutside(outcome.value.files);
        return outcome;
      },
    };
  };

  const linter = new DraftLinter({
    document: (uri) => documents.get(uri),
    settings: settingsFor,
    get platform() {
      return watchingPlatform();
    },
    trusted: () => trusted,
    folders: () => folders,
    log,
    status: (status) => {
      if (options.statusNotifications) void connection.sendNotification(STATUS_NOTIFICATION, status);
    },
    configProblem: publishConfigProblem,
  });

  /** Shows every located problem of a config that could not be used on the config file itself. */
  function publishConfigProblem(problem: ConfigProblem): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const located of problem.located) {
      const line = Math.max(0, located.line - 1);
      const character = Math.max(0, located.column - 1);
      const diagnostic: Diagnostic = {
        range: { start: { line, character }, end: { line, character: character + 1 } },
        message: located.message,
        severity: 1,
        source: 'alliance-cite',
      };
      byUri.set(located.uri, [...(byUri.get(located.uri) ?? []), diagnostic]);
    }
    for (const [uri, diagnostics] of byUri) {
      configProblemUris.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /** Watches config files outside the workspace folders (e.g. `configPath`), where the client's glob does not reach. */
  function watchOutside(files: readonly string[]): void {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const relative = capabilities.workspace.didChangeWatchedFiles.relativePatternSupport === true;
    const fresh = files.filter((f) => !watchedOutside.has(f) && folderOf(f, folders) === undefined);
    if (fresh.length === 0 || !relative) return;
    for (const file of fresh) watchedOutside.add(file);
    const watchers: FileSystemWatcher[] = fresh.map((file) => {
      const slash = file.lastIndexOf('/');
      return { globPattern: { baseUri: file.slice(0, slash), pattern: file.slice(slash + 1) } };
    });
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** Re-reads settings and config files, then lints every open draft again. */
  function reload(): void {
    settingsCache.clear();
    platform?.forgetConfigFiles();
    for (const uri of configProblemUris) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configProblemUris.clear();
    linter.configChanged();
    void reportSettingsProblems();
    relintOpenDocuments();
  }

  function relintOpenDocuments(): void {
    if (pulls()) {
      if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) schedulePush(document.uri);
  }

  async function reportSettingsProblems(): Promise<void> {
    const section = usesConfigurationRequest() ? await connection.workspace.getConfiguration(SECTION).catch(() => undefined) : globalSettings;
    for (const problem of settingsProblems(section)) log.warn(problem);
  }

  /** Lints a document for a client without pull diagnostics and publishes the result, unless a newer change overtook it. */
  function schedulePush(uri: string): void {
    pushes.get(uri)?.cancel();
    const source = new CancellationTokenSource();
    pushes.set(uri, source);
    linter.report(uri, linter.lastResultId(uri), source.token).then(
      (report) => {
        if (source.token.isCancellationRequested) return;
        pushes.delete(uri);
        if (report.kind === 'full') void connection.sendDiagnostics({ uri, version: documents.get(uri)?.version, diagnostics: report.items });
      },
      (error: unknown) => {
        if (!source.token.isCancellationRequested) log.error(`Linting ${uri} failed: ${describe(error)}`);
      },
    );
  }

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities;
    options = isRecord(params.initializationOptions) ? (params.initializationOptions as InitializationOptions) : {};
    trusted = options.trusted !== false;
    globalSettings = isRecord(options[SECTION]) ? options[SECTION] : undefined;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    platform = makePlatform(connection, options);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
        diagnosticProvider: pulls() ? { identifier: 'alliance-cite', interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'alliance-cite', version },
    };
  });

  connection.onInitialized(() => {
    const workspace = capabilities.workspace;
    if (workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION });
    }
    if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.alliance-cite.{yaml,yml}' }] });
    }
    if (workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        folders = [...folders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
        reload();
      });
    }
    void reportSettingsProblems();
    if (!trusted) log.warn('This workspace is not trusted: lexicon entries and source patterns from its .alliance-cite.yaml files are ignored; the shipped ones apply.');
  });

  connection.onDidChangeConfiguration((params) => {
    const settings: unknown = isRecord(params.settings) ? params.settings[SECTION] : undefined;
    if (isRecord(settings)) globalSettings = settings;
    reload();
  });

  connection.onDidChangeWatchedFiles(() => reload());
  connection.onNotification(TRUST_NOTIFICATION, (params: TrustParams) => {
    trusted = params?.trusted !== false;
    if (trusted) log.info('The workspace is now trusted: its config files apply in full.');
    reload();
  });

  documents.onDidOpen(({ document }) => {
    openedVersions.set(document.uri, document.version);
    linter.opened(document.uri);
    if (workspacePushed.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!pulls()) schedulePush(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    // Opening a document also reports a content change; only real edits count as typing.
    if (openedVersions.get(document.uri) === document.version) return;
    openedVersions.delete(document.uri);
    linter.changed(document.uri);
    if (!pulls()) schedulePush(document.uri);
  });
  documents.onDidSave(({ document }) => {
    linter.saved(document.uri);
    if (!pulls()) schedulePush(document.uri);
    else if (!options.pullsOnSave && capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
  });
  documents.onDidClose(({ document }) => {
    openedVersions.delete(document.uri);
    linter.closed(document.uri);
    pushes.get(document.uri)?.cancel();
    pushes.delete(document.uri);
    if (!pulls()) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/diagnostic');
    const report = await guard(`Linting ${uri}`, () => linter.report(uri, params.previousResultId, token));
    return report.kind === 'full' ? { kind: 'full', resultId: report.resultId, items: report.items } : { kind: 'unchanged', resultId: report.resultId };
  });

  connection.onCodeAction(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/codeAction');
    if (!isRecord(params.range) || !isRecord(params.context) || !Array.isArray(params.context.diagnostics)) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/codeAction needs a range and a context with diagnostics.');
    }
    const fixAllOnly = params.context.only?.some((kind) => kindsIntersect(FIX_ALL_KIND, kind)) ?? false;
    const linted = await guard(`Computing code actions for ${uri}`, () => linter.current(uri, token, fixAllOnly));
    return linted ? codeActions(linted, params) : [];
  });

  connection.onHover(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/hover');
    if (!isRecord(params.position)) throw new ResponseError(ErrorCodes.InvalidParams, 'textDocument/hover needs a position.');
    const linted = await guard(`Hover for ${uri}`, () => linter.current(uri, token));
    return linted ? (hoverAt(linted, params.position) ?? null) : null;
  });

  connection.onExecuteCommand(async (params, token, progress) => {
    const args: unknown[] = Array.isArray(params.arguments) ? params.arguments : [];
    switch (params.command) {
      case SERVER_COMMANDS.selectPlaceholder:
        return await selectPlaceholder(args[0]);
      case SERVER_COMMANDS.fixAll:
        return await guard('Fixing all problems', () => applyFixAll(args[0], token));
      case SERVER_COMMANDS.lintWorkspace:
        return await guard('Linting the workspace', () =>
          lintWorkspace(
            {
              platform: requirePlatform(),
              linter,
              folders: () => folders,
              settings: settingsFor,
              trusted: () => trusted,
              isOpen: (uri) => documents.get(uri) !== undefined,
              publish: (uri, diagnostics) => {
                if (pulls()) workspacePushed.add(uri);
                void connection.sendDiagnostics({ uri, diagnostics });
              },
              configProblem: publishConfigProblem,
              log,
            },
            token,
            progress,
          ),
        );
      default:
        throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command "${params.command}"; this server runs ${Object.values(SERVER_COMMANDS).join(', ')}.`);
    }
  });

  connection.onRequest(CONFIG_FILE_REQUEST, async (params: ConfigFileParams): Promise<ConfigFileResult> => {
    if (!isRecord(params) || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${CONFIG_FILE_REQUEST} needs a uri.`);
    const outcome = await requirePlatform().resolveConfig({ uri: params.uri, settings: await settingsFor(params.uri), trusted, folders });
    return { uri: outcome.ok ? outcome.value.files.at(-1) : outcome.problem.uri, starter: starterConfigText() };
  });

  async function selectPlaceholder(target: unknown): Promise<null> {
    const placeholder = target as PlaceholderTarget | undefined;
    if (!isRecord(placeholder) || typeof placeholder.uri !== 'string' || !isRecord(placeholder.range)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `${SERVER_COMMANDS.selectPlaceholder} needs a placeholder target ({uri, range}).`);
    }
    if (capabilities.window?.showDocument?.support) await connection.window.showDocument({ uri: placeholder.uri, selection: placeholder.range, takeFocus: true });
    return null;
  }

  async function applyFixAll(target: unknown, token: CancellationToken): Promise<FixAllResult> {
    if (typeof target !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${SERVER_COMMANDS.fixAll} needs the URI of an open draft.`);
    const document = documents.get(target);
    if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${target} is not open in the editor.`);
    const linted = await linter.current(target, token, true);
    if (!linted) return { status: 'not-a-draft', fixed: 0 };
    const all = fixAllEdit(linted);
    if (!all) return { status: 'nothing', fixed: 0 };
    const edit = capabilities.workspace?.workspaceEdit?.documentChanges
      ? { documentChanges: [{ textDocument: { uri: target, version: linted.version }, edits: [all.edit] }] }
      : { changes: { [target]: [all.edit] } };
    const applied = await connection.workspace.applyEdit({ label: 'Fix all alliance-cite problems', edit });
    if (!applied.applied) throw new ResponseError(ErrorCodes.InternalError, `The editor did not apply the fixes${applied.failureReason ? `: ${applied.failureReason}` : ''}.`);
    return { status: 'fixed', fixed: all.fixed };
  }

  /** Runs a handler; a failure other than cancellation is logged and answered with a clear error. */
  async function guard<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log.error(`${what} failed: ${describe(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `${what} failed: ${describe(error)}`);
    }
  }

  connection.onShutdown(() => {
    shutdown = true;
    for (const source of pushes.values()) source.cancel();
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownRequested: () => shutdown };
}

/** The document URI of a request, or a clear error when the request has none. */
function textDocumentUri(params: unknown, method: string): string {
  const textDocument = isRecord(params) ? params.textDocument : undefined;
  if (!isRecord(textDocument) || typeof textDocument.uri !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs textDocument.uri.`);
  }
  return textDocument.uri;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The language server: the same core as the CLI behind the Language Server Protocol, for VS Code
// (desktop and web) and any other editor. Diagnostics are pulled by clients that can
// (`textDocument/diagnostic`) and pushed to the others; code actions, hover and the workspace
// lint are computed here, so every client gets the same answers.
import {
  CancellationTokenSource,
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { starterConfigText } from '../core/config';
import { workspaceClaims } from './claims';
import { codeActions, kindsIntersect } from './codeActions';
import { executeCommand } from './commands';
import { ConfigFiles } from './configFiles';
import type { Platform } from './configSource';
import { hoverAt } from './hover';
import { DraftLinter, type Log } from './linter';
import {
  CLAIMS_REQUEST,
  CONFIG_FILE_REQUEST,
  FIX_ALL_KIND,
  HIDDEN_NOTIFICATION,
  SERVER_COMMANDS,
  STATUS_NOTIFICATION,
  TRUST_NOTIFICATION,
  VISIBLE_RANGES_NOTIFICATION,
  type ConfigFileParams,
  type ConfigFileResult,
  type HiddenParams,
  type InitializationOptions,
  type TrustParams,
  type VisibleRangesParams,
} from './protocol';
import { describe, guard, invalidParams, isRecord, textDocumentUri } from './requests';
import { parseSettings, SECTION, settingsProblems, type Settings } from './settings';
import { lintClosed, WorkspaceResults, type WorkspaceLintHost } from './workspace';

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
  const configFiles = new ConfigFiles(connection, () => capabilities);
  /** Closed drafts with findings pushed by the workspace lint (cleared when the client opens them and pulls). */
  const workspacePushed = new Set<string>();
  const pushes = new Map<string, CancellationTokenSource>();
  const workspaceResults = new WorkspaceResults();
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
        if (outcome.ok) {
          configFiles.watchOutside(outcome.value.files, folders);
          if (outcome.value.baseline) configFiles.watchFiles([outcome.value.baseline]);
        }
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
    configProblem: (problem) => configFiles.publishProblem(problem),
  });

  /** Re-reads settings and config files, then lints every open draft again. */
  function reload(): void {
    settingsCache.clear();
    platform?.forgetConfigFiles();
    configFiles.clearProblems();
    linter.configChanged();
    void reportSettingsProblems();
    relintOpenDocuments();
    // Closed drafts the workspace lint reported on are linted again: no stale findings stay.
    if (workspaceResults.ran) void workspaceResults.refresh(workspaceHost());
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
    configFiles.watchWorkspace();
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
    const uri = document.uri;
    openedVersions.delete(uri);
    linter.closed(uri);
    pushes.get(uri)?.cancel();
    pushes.delete(uri);
    if (!restoreWorkspaceFindings(uri) && !pulls()) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  /** Gives a draft the workspace lint reported on its findings back (linted again from its file); false for other documents. */
  function restoreWorkspaceFindings(uri: string): boolean {
    if (!workspaceResults.ran || !workspaceResults.drafts.has(uri)) return false;
    lintClosed(workspaceHost(), uri).catch((error: unknown) => {
      log.error(`Linting ${uri} failed: ${describe(error)}`);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    });
    return true;
  }

  connection.onNotification(HIDDEN_NOTIFICATION, (params: HiddenParams) => {
    if (isRecord(params) && typeof params.uri === 'string') restoreWorkspaceFindings(params.uri);
  });

  connection.onNotification(VISIBLE_RANGES_NOTIFICATION, (params: VisibleRangesParams) => {
    if (!isRecord(params) || typeof params.uri !== 'string' || !Array.isArray(params.ranges)) return;
    const ranges = params.ranges.filter((r) => isRecord(r) && isRecord(r.start) && isRecord(r.end) && typeof r.start.line === 'number' && typeof r.end.line === 'number');
    if (!linter.setVisibleRanges(params.uri, ranges)) return;
    if (!pulls()) schedulePush(params.uri);
    else if (capabilities.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh();
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/diagnostic');
    // The client shows this document's pulled findings now: the pushed ones would show twice.
    if (workspacePushed.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    const report = await guard(log, `Linting ${uri}`, () => linter.report(uri, params.previousResultId, token));
    return report.kind === 'full' ? { kind: 'full', resultId: report.resultId, items: report.items } : { kind: 'unchanged', resultId: report.resultId };
  });

  connection.onCodeAction(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/codeAction');
    if (!isRecord(params.range) || !isRecord(params.context) || !Array.isArray(params.context.diagnostics)) {
      throw invalidParams('textDocument/codeAction needs a range and a context with diagnostics.');
    }
    const fixAllOnly = params.context.only?.some((kind) => kindsIntersect(FIX_ALL_KIND, kind)) ?? false;
    const linted = await guard(log, `Computing code actions for ${uri}`, () => linter.current(uri, token, fixAllOnly));
    return linted ? codeActions(linted, params, options.stubNotices === true) : [];
  });

  connection.onHover(async (params, token) => {
    const uri = textDocumentUri(params, 'textDocument/hover');
    if (!isRecord(params.position)) throw invalidParams('textDocument/hover needs a position.');
    const linted = await guard(log, `Hover for ${uri}`, () => linter.current(uri, token));
    return linted ? (hoverAt(linted, params.position) ?? null) : null;
  });

  const workspaceHost = (): WorkspaceLintHost => ({
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
    configProblem: (problem) => configFiles.publishProblem(problem),
    log,
  });
  connection.onExecuteCommand((params, token, progress) =>
    executeCommand({ connection, capabilities: () => capabilities, document: (uri) => documents.get(uri), linter, log, workspace: workspaceHost, workspaceResults }, params, token, progress),
  );

  connection.onRequest(CLAIMS_REQUEST, (params: unknown, token) =>
    guard(log, 'Listing the claims', () =>
      workspaceClaims(
        { platform: watchingPlatform(), folders: () => folders, settings: settingsFor, trusted: () => trusted, openDocuments: () => documents.all(), document: (uri) => documents.get(uri) },
        params,
        token,
      ),
    ),
  );

  connection.onRequest(CONFIG_FILE_REQUEST, async (params: ConfigFileParams): Promise<ConfigFileResult> => {
    if (!isRecord(params) || typeof params.uri !== 'string') throw invalidParams(`${CONFIG_FILE_REQUEST} needs a uri.`);
    const outcome = await requirePlatform().resolveConfig({ uri: params.uri, settings: await settingsFor(params.uri), trusted, folders });
    return { uri: outcome.ok ? outcome.value.files.at(-1) : outcome.problem.uri, starter: starterConfigText() };
  });

  connection.onShutdown(() => {
    shutdown = true;
    for (const source of pushes.values()) source.cancel();
  });

  documents.listen(connection);
  connection.listen();
  return { shutdownRequested: () => shutdown };
}

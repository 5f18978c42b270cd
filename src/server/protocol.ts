// The server's own messages and commands, beyond the standard protocol. Shared by the server and
// the VS Code client; plain data only, so it imports neither `vscode` nor `node:*`.

/** Commands the server executes (`workspace/executeCommand`); any LSP client may send them. */
export const SERVER_COMMANDS = {
  /** Arguments: none. Lints every draft of the workspace folders; closed drafts get pushed diagnostics. */
  lintWorkspace: 'alliance-cite.server.lintWorkspace',
  /** Arguments: `[uri]`. Applies every safe fix of an open draft through `workspace/applyEdit`. */
  fixAll: 'alliance-cite.server.fixAll',
  /** Arguments: `[PlaceholderTarget]`. Selects a fix's placeholder through `window/showDocument`. */
  selectPlaceholder: 'alliance-cite.server.selectPlaceholder',
} as const;

/** The code action kind of fix-all, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.allianceCite';

/** Where a quick-fix's placeholder (`TODO-verify`) lies, for the client to select or to turn into a snippet. */
export interface PlaceholderTarget {
  uri: string;
  /** The placeholder's range in the document after the fix. */
  range: LspRange;
  /**
   * Where the placeholder lies inside one of the fix's text edits (its index in the edit list,
   * and UTF-16 offsets into its new text), when the edit would be inserted verbatim as a snippet.
   */
  snippet?: { edit: number; start: number; end: number };
}

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Why a draft is linted on save only: the setting, its size, or a slow lint while typing. */
export type OnSaveReason = 'setting' | 'size' | 'slow';

/** Server → client notification: what the server made of a document at its last report. */
export const STATUS_NOTIFICATION = 'alliance-cite/status';
export interface DocumentStatus {
  uri: string;
  /** False when the document is not linted (not a draft, or disabled). */
  draft: boolean;
  onSave?: OnSaveReason;
  /** The config could not be used: its first problem, and the file it is in. */
  configError?: { message: string; file?: string };
}

/** Client → server notification: the workspace was trusted (or not). */
export const TRUST_NOTIFICATION = 'alliance-cite/didChangeTrust';
export interface TrustParams {
  trusted: boolean;
}

/** Client → server request: the config file that governs a document or folder, if any. */
export const CONFIG_FILE_REQUEST = 'alliance-cite/configFile';
export interface ConfigFileParams {
  /** A draft, or a path inside a workspace folder (config files are searched from its folder). */
  uri: string;
}
export interface ConfigFileResult {
  /** The explicit `configPath`, the nearest config file, or the file with a problem. */
  uri?: string;
  /** The commented starter config, for a new file. */
  starter: string;
}

/** Server → client request (web only): the text of a file, read through the editor's file system. */
export const READ_FILE_REQUEST = 'alliance-cite/readFile';
export interface ReadFileParams {
  uri: string;
}
export type ReadFileResult = { kind: 'file'; text: string } | { kind: 'folder' } | { kind: 'missing'; reason: string };

/** Server → client request (web only): the drafts of a workspace folder, found by the editor. */
export const FIND_FILES_REQUEST = 'alliance-cite/findFiles';
export interface FindFilesParams {
  folder: string;
  /** Glob patterns relative to the folder. */
  include: string[];
}
export interface FindFilesResult {
  uris: string[];
}

/**
 * What the client passes in `initializationOptions`. Other editors may pass the settings only,
 * under the section name (`{"alliance-cite": {"asOf": "2026-11-25"}}`), as Helix does with `config`.
 */
export interface InitializationOptions {
  /** Whether the workspace is trusted (default true: other editors have no Restricted Mode). */
  trusted?: boolean;
  /** Settings, for clients that do not answer `workspace/configuration`. */
  'alliance-cite'?: unknown;
  /** The client pulls diagnostics again after a save by itself, so the server need not ask. */
  pullsOnSave?: boolean;
  /** The client handles STATUS_NOTIFICATION (other clients are not sent it). */
  statusNotifications?: boolean;
}

/** Result of SERVER_COMMANDS.fixAll. */
export interface FixAllResult {
  status: 'fixed' | 'nothing' | 'not-a-draft';
  fixed: number;
}

/** Result of SERVER_COMMANDS.lintWorkspace. */
export interface LintWorkspaceResult {
  linted: number;
  total: number;
  findings: number;
  cancelled: boolean;
}

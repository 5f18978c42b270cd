// The server's own messages and commands, beyond the standard protocol. Shared by the server and
// the VS Code client; plain data (and its wording) only, so it imports neither `vscode` nor `node:*`.

/** Commands the server executes (`workspace/executeCommand`); any LSP client may send them. */
export const SERVER_COMMANDS = {
  /** Arguments: none. Lints every draft of the workspace folders; closed drafts get pushed diagnostics. */
  lintWorkspace: 'alliance-cite.server.lintWorkspace',
  /** Arguments: `[uri]`. Applies every safe fix of an open draft through `workspace/applyEdit`. */
  fixAll: 'alliance-cite.server.fixAll',
  /** Arguments: `[url]`. Opens a cited source in the browser (`window/showDocument` with `external`). */
  openSource: 'alliance-cite.server.openSource',
  /** Arguments: `[Location]`. Opens a file at a position, such as a config file's problem (`window/showDocument`). */
  openLocation: 'alliance-cite.server.openLocation',
  /** Arguments: `[message]`. Tells the writer what an action did (`window/showMessage`). */
  announce: 'alliance-cite.server.announce',
} as const;

/**
 * Commands of the VS Code client that the server's code actions name (only for a client that
 * says it has them, in `initializationOptions`).
 */
export const CLIENT_COMMANDS = {
  /** Arguments: `[StubTarget]`. Says where a stub quick-fix put its stub; the cursor stays at the claim. */
  stubAdded: 'alliance-cite.stubAdded',
} as const;

/** The code action kind of fix-all, for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.allianceCite';

/** Where a quick-fix put its stub's `TODO-verify` marker, so the client can say so without moving the cursor. */
export interface StubTarget {
  uri: string;
  /** The marker's range in the document after the fix. */
  range: LspRange;
  /** What was added, for the message: a citation stub or a retrieval date. */
  kind: 'citation-stub' | 'date-stub';
}

/** "Citation stub added on line 24 (TODO-verify)": short enough for a status bar. */
export function stubMessage(stub: StubTarget): string {
  const what = stub.kind === 'date-stub' ? 'Retrieval date' : 'Citation stub';
  return `${what} added on line ${stub.range.start.line + 1} (TODO-verify)`;
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
  /** The config could not be used: its first problem, and where it is (1-based line and column; `problem` without the place). */
  configError?: { message: string; file?: string; line?: number; column?: number; problem?: string };
  /** More findings than the editor is sent (`maxProblems`): how many there are, and how many are shown. */
  truncated?: { total: number; shown: number; errors: number; warnings: number };
}

/**
 * Client → server notification: the lines of a draft the writer sees. When a draft has more
 * findings than `maxProblems`, those in view are sent first.
 */
export const VISIBLE_RANGES_NOTIFICATION = 'alliance-cite/visibleRanges';
export interface VisibleRangesParams {
  uri: string;
  ranges: LspRange[];
}

/**
 * Client → server notification: the editor no longer shows a document (its last tab closed),
 * though it may keep it open. VS Code drops the pulled findings of such a document; a draft the
 * workspace lint reported on gets its findings back, as for a closed one.
 */
export const HIDDEN_NOTIFICATION = 'alliance-cite/didHideDocument';
export interface HiddenParams {
  uri: string;
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
  /** The client has CLIENT_COMMANDS.stubAdded: stub quick-fixes name it as their command. */
  stubNotices?: boolean;
}

/** Result of SERVER_COMMANDS.fixAll. */
export interface FixAllResult {
  status: 'fixed' | 'nothing' | 'not-a-draft';
  fixed: number;
  /** What was done, in a sentence for the writer ("Added 7 citation stubs (TODO-verify) — review them."). */
  summary: string;
}

/** Result of SERVER_COMMANDS.lintWorkspace. */
export interface LintWorkspaceResult {
  linted: number;
  total: number;
  findings: number;
  /** Drafts with at least one finding. */
  withFindings: number;
  errors: number;
  warnings: number;
  /** Drafts not linted because their config has a problem. */
  configErrors: number;
  cancelled: boolean;
  /** What was done, in a sentence for the writer. */
  summary: string;
}

/** Client → server request: every claim of the workspace's drafts (or of the given ones), with its status. */
export const CLAIMS_REQUEST = 'alliance-cite/claims';
export interface ClaimsParams {
  /** Only these drafts (open or on disk); without it, every draft of the workspace folders and every open draft. */
  uris?: string[];
  /** Fine claims that go stale within this many days are singled out (`stale-soon`). */
  staleWithinDays?: number;
}
export type ClaimStatusName = 'uncited' | 'wrong-type' | 'invalid-date' | 'undated' | 'unverified' | 'stale' | 'stale-soon' | 'fine';
export interface ClaimsResult {
  asOf: string;
  staleWithinDays?: number;
  files: ClaimsFile[];
}
export interface ClaimsFile {
  uri: string;
  claims: ClaimItem[];
  /** The draft was not read: its config has a problem, or it could not be read. */
  problem?: string;
}
export interface ClaimItem {
  range: LspRange;
  /** The sentence, whitespace collapsed. */
  text: string;
  status: ClaimStatusName;
  category: string;
  /** The category in words, e.g. "who is a member of the Alliance". */
  categoryWords: string;
  time: 'current' | 'historical' | 'timeless';
  /** Source types the claim accepts. */
  accepts: string[];
  citations: { url?: string; kind: string; type: string; approved: boolean; dates: { raw: string; iso?: string; problem?: string }[] }[];
  /** The last day the claim is fresh, for dated current-state claims. */
  freshUntil?: string;
}

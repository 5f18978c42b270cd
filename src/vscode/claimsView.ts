// The "Claims" view: every claim of the workspace's drafts, grouped by status (uncited, wrong
// source type, undated, unverified stub, stale, stale within N days, fine), then by file, each
// with its category, citation, source type and retrieval date; clicking one goes to the sentence.
// The server computes the list (custom request), so the view works on the web too.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CLAIMS_REQUEST, type ClaimItem, type ClaimsFile, type ClaimsParams, type ClaimsResult, type ClaimStatusName } from '../server/protocol';

export const CLAIMS_VIEW = 'alliance-cite.claims';
export const REFRESH_CLAIMS = 'alliance-cite.refreshClaims';
/** Arguments: a URI and an LSP range (plain data: a tree item's command arguments are serialised). */
export const OPEN_CLAIM = 'alliance-cite.openClaim';

const STATUS_ORDER: readonly ClaimStatusName[] = ['uncited', 'wrong-type', 'invalid-date', 'undated', 'unverified', 'stale', 'stale-soon', 'fine'];
const NEEDS_WORK: ReadonlySet<ClaimStatusName> = new Set(['uncited', 'wrong-type', 'invalid-date', 'undated', 'unverified', 'stale']);

function statusTitle(status: ClaimStatusName, days: number): string {
  switch (status) {
    case 'uncited':
      return 'Uncited';
    case 'wrong-type':
      return 'Wrong source type';
    case 'invalid-date':
      return 'Invalid retrieval date';
    case 'undated':
      return 'Undated';
    case 'unverified':
      return 'Unverified stub';
    case 'stale':
      return 'Stale';
    case 'stale-soon':
      return `Stale within ${days} days`;
    case 'fine':
      return 'Fine';
  }
}

const STATUS_ICON: Record<ClaimStatusName, [string, string]> = {
  uncited: ['error', 'problemsErrorIcon.foreground'],
  'wrong-type': ['error', 'problemsErrorIcon.foreground'],
  'invalid-date': ['error', 'problemsErrorIcon.foreground'],
  undated: ['warning', 'problemsWarningIcon.foreground'],
  unverified: ['question', 'problemsWarningIcon.foreground'],
  stale: ['history', 'problemsWarningIcon.foreground'],
  'stale-soon': ['clock', 'problemsInfoIcon.foreground'],
  fine: ['pass', 'testing.iconPassed'],
};

export type ClaimsNode =
  | { kind: 'status'; status: ClaimStatusName; count: number }
  | { kind: 'file'; status: ClaimStatusName; uri: string; claims: ClaimItem[] }
  | { kind: 'claim'; uri: string; claim: ClaimItem }
  | { kind: 'problem'; uri: string; problem: string };

export class ClaimsView implements vscode.TreeDataProvider<ClaimsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ClaimsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private files = new Map<string, ClaimsFile>();
  private loaded = false;
  private asOf = '';
  private view: vscode.TreeView<ClaimsNode> | undefined;
  private pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly client: BaseLanguageClient,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Creates the tree view and keeps it current: on show, on refresh, when drafts are linted or saved. */
  register(onDidLint: vscode.Event<vscode.Uri>): vscode.Disposable {
    this.view = vscode.window.createTreeView(CLAIMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      this.view.onDidChangeVisibility((e) => {
        if (e.visible && !this.loaded) void this.refresh();
      }),
      onDidLint((uri) => this.schedule(uri)),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('alliance-cite')) void this.refreshIfShown();
      }),
    );
    return this;
  }

  /** The number of days ahead that fine claims are checked for going stale (`alliance-cite.claims.staleWithinDays`). */
  private staleWithinDays(): number {
    const days = vscode.workspace.getConfiguration('alliance-cite').get<number>('claims.staleWithinDays', 30);
    return Number.isInteger(days) && days >= 0 && days <= 3660 ? days : 30;
  }

  /** Lists every claim of the workspace again. */
  async refresh(): Promise<void> {
    const result = await this.request({});
    if (!result) return;
    this.files = new Map(result.files.map((f) => [f.uri, f]));
    this.loaded = true;
    this.update();
  }

  private async refreshIfShown(): Promise<void> {
    if (this.view?.visible) await this.refresh();
    else this.loaded = false;
  }

  /** Lists one draft's claims again soon (typing settles first). */
  private schedule(uri: vscode.Uri): void {
    if (!this.loaded) return;
    this.pending.add(uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refreshPending(), 500);
  }

  private async refreshPending(): Promise<void> {
    const uris = [...this.pending];
    this.pending.clear();
    if (uris.length === 0) return;
    const result = await this.request({ uris: uris.map((u) => this.client.code2ProtocolConverter.asUri(vscode.Uri.parse(u))) });
    if (!result) return;
    for (const uri of uris) this.files.delete(uri);
    for (const file of result.files) this.files.set(vscode.Uri.parse(file.uri).toString(), file);
    this.update();
  }

  private async request(params: Omit<ClaimsParams, 'staleWithinDays'>): Promise<ClaimsResult | undefined> {
    try {
      const result: ClaimsResult = await this.client.sendRequest(CLAIMS_REQUEST, { ...params, staleWithinDays: this.staleWithinDays() } satisfies ClaimsParams);
      this.asOf = result.asOf;
      return { ...result, files: result.files.map((f) => ({ ...f, uri: vscode.Uri.parse(f.uri).toString() })) };
    } catch (error) {
      this.output.error(`Listing the claims failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private update(): void {
    const claims = [...this.files.values()].flatMap((f) => f.claims);
    const needWork = claims.filter((c) => NEEDS_WORK.has(c.status)).length;
    if (this.view) {
      this.view.badge = needWork > 0 ? { value: needWork, tooltip: `${needWork} claims need a source, a date or a check` } : undefined;
      this.view.message = claims.length === 0 && this.problems().length === 0 ? 'No claims about the AI Alliance in the drafts of this workspace.' : undefined;
      this.view.description = this.asOf ? `as of ${this.asOf}` : undefined;
    }
    this.changed.fire(undefined);
  }

  private problems(): ClaimsFile[] {
    return [...this.files.values()].filter((f) => f.problem);
  }

  getChildren(node?: ClaimsNode): ClaimsNode[] {
    if (!node) {
      const problems: ClaimsNode[] = this.problems().map((f) => ({ kind: 'problem', uri: f.uri, problem: f.problem! }));
      const statuses = STATUS_ORDER.map((status): ClaimsNode => ({ kind: 'status', status, count: this.claimsOf(status).length })).filter((n) => n.kind === 'status' && n.count > 0);
      return [...problems, ...statuses];
    }
    if (node.kind === 'status') {
      return [...this.files.values()]
        .map((f): ClaimsNode => ({ kind: 'file', status: node.status, uri: f.uri, claims: f.claims.filter((c) => c.status === node.status) }))
        .filter((n) => n.kind === 'file' && n.claims.length > 0)
        .sort((a, b) => (a.kind === 'file' && b.kind === 'file' ? relative(a.uri).localeCompare(relative(b.uri)) : 0));
    }
    if (node.kind === 'file') return node.claims.map((claim) => ({ kind: 'claim', uri: node.uri, claim }));
    return [];
  }

  private claimsOf(status: ClaimStatusName): ClaimItem[] {
    return [...this.files.values()].flatMap((f) => f.claims.filter((c) => c.status === status));
  }

  getTreeItem(node: ClaimsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'status': {
        const item = new vscode.TreeItem(statusTitle(node.status, this.staleWithinDays()), node.status === 'fine' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `status:${node.status}`;
        item.description = `${node.count}`;
        item.iconPath = icon(node.status);
        return item;
      }
      case 'file': {
        // A label, not a resource: the file's problem decorations would read as this group's counts.
        const item = new vscode.TreeItem(relative(node.uri), vscode.TreeItemCollapsibleState.Expanded);
        item.id = `file:${node.status}:${node.uri}`;
        item.description = `${node.claims.length}`;
        item.tooltip = vscode.Uri.parse(node.uri).toString(true);
        item.iconPath = vscode.ThemeIcon.File;
        return item;
      }
      case 'claim':
        return claimItem(node.uri, node.claim, this.asOf);
      case 'problem': {
        const item = new vscode.TreeItem(relative(node.uri), vscode.TreeItemCollapsibleState.None);
        item.description = node.problem;
        item.tooltip = node.problem;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
        item.command = { title: 'Open', command: 'vscode.open', arguments: [vscode.Uri.parse(node.uri)] };
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

/** One claim: the sentence, then what it cites (or needs) and its date; a click selects the sentence. */
export function claimItem(uri: string, claim: ClaimItem, asOf: string): vscode.TreeItem {
  const plain = plainText(claim.text);
  const label = plain.length > 90 ? `${plain.slice(0, 89)}\u2026` : plain;
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  const cite = claim.citations.find((c) => c.approved) ?? claim.citations[0];
  const date = cite?.dates.find((d) => d.iso && !d.problem)?.iso;
  const parts = [claim.category, cite ? `${cite.type}${cite.approved ? '' : ' (not approved)'}` : `needs ${claim.accepts.join(' or ') || 'a source'}`];
  if (date) parts.push(`retrieved ${date}`);
  else if (cite && claim.time === 'current') parts.push('no date');
  item.description = parts.join(' \u00b7 ');
  const lines = [claim.text, '', `Claim about ${claim.categoryWords} (${claim.category}); accepts ${claim.accepts.join(', ') || 'no source type'}.`];
  for (const c of claim.citations) {
    const dates = c.dates.length === 0 ? 'no retrieval date' : c.dates.map((d) => (d.problem ? `"${d.raw}" (${d.problem})` : `retrieved ${d.iso}`)).join(', ');
    lines.push(`Cites ${c.url ?? `a ${c.kind} without a URL`} (${c.type}, ${c.approved ? 'approved' : 'not approved'}), ${dates}.`);
  }
  if (claim.citations.length === 0) lines.push('Cites nothing in scope.');
  if (claim.freshUntil) lines.push(`Fresh until ${claim.freshUntil}${asOf ? ` (as of ${asOf})` : ''}.`);
  const tooltip = lines.join('\n');
  item.tooltip = tooltip;
  item.iconPath = icon(claim.status);
  item.command = { title: 'Go to the claim', command: OPEN_CLAIM, arguments: [uri, claim.range] };
  return item;
}

/** Opens a draft with a claim's sentence selected. */
export async function openClaim(uri: string, range: ClaimItem['range']): Promise<void> {
  const selection = new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
  await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection });
}

/** A sentence as it reads: link text without its target, no footnote markers or emphasis marks. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\*\*|__|`/g, '')
    // Single * or _ only where they open or close emphasis, not inside words (AI_Alliance).
    .replace(/(^|\s)[*_](?=\S)/g, '$1')
    .replace(/(\S)[*_](?=\s|[.,;:!?)]|$)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function icon(status: ClaimStatusName): vscode.ThemeIcon {
  const [id, color] = STATUS_ICON[status];
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

function relative(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
}

// The claims of the workspace for the claims view: every claim of every draft (open drafts as
// they stand in the editor, the others from their files) with its category, citations, source
// types, retrieval dates and status, from the core's claims ledger, as `alliance-cite report`
// lists them. Computed here, so the view works wherever the server runs (desktop and web).
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { addDays, claimLedger, freshUntil } from '../core';
import type { Platform } from './configSource';
import { Positions } from './convert';
import type { ClaimItem, ClaimsFile, ClaimsParams, ClaimsResult } from './protocol';
import { invalidParams, isRecord } from './requests';
import { isDraft, type Settings } from './settings';

export interface ClaimsHost {
  platform: Platform;
  folders(): readonly string[];
  settings(uri: string): Promise<Settings>;
  trusted(): boolean;
  /** The open documents (their text is what the writer sees, saved or not). */
  openDocuments(): TextDocument[];
  document(uri: string): TextDocument | undefined;
}

/** The longest period the view looks ahead for claims that go stale. */
const MAX_STALE_WITHIN_DAYS = 3660;

export async function workspaceClaims(host: ClaimsHost, params: unknown, token: CancellationToken): Promise<ClaimsResult> {
  const request = checkParams(params);
  const uris = request.uris ?? (await allDrafts(host));
  const files: ClaimsFile[] = [];
  // The day claims are judged as of: the settings' asOf (of the first workspace folder), or today.
  const first = host.folders()[0] ?? uris[0];
  const asOf = (first ? (await host.settings(first)).asOf : undefined) ?? today();
  for (const uri of uris) {
    if (token.isCancellationRequested) break;
    const settings = await host.settings(uri);
    const file = await fileClaims(host, uri, settings, request.staleWithinDays);
    if (file) files.push(file);
    // Yield between files so that other requests are answered while a large workspace is read.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { asOf, staleWithinDays: request.staleWithinDays, files };
}

function checkParams(params: unknown): ClaimsParams {
  if (params !== undefined && params !== null && !isRecord(params)) throw invalidParams('alliance-cite/claims takes {uris?, staleWithinDays?}.');
  const p = (params ?? {}) as Record<string, unknown>;
  if (p.uris !== undefined && !(Array.isArray(p.uris) && p.uris.every((u) => typeof u === 'string'))) throw invalidParams('alliance-cite/claims: uris must be a list of URIs.');
  const days = p.staleWithinDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= MAX_STALE_WITHIN_DAYS)) {
    throw invalidParams(`alliance-cite/claims: staleWithinDays must be a whole number of days from 0 to ${MAX_STALE_WITHIN_DAYS}.`);
  }
  return { uris: p.uris as string[] | undefined, staleWithinDays: days as number | undefined };
}

/** Every draft of the workspace folders and every open draft, each once, in a stable order. */
async function allDrafts(host: ClaimsHost): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of host.folders()) {
    const settings = await host.settings(folder);
    for (const uri of await host.platform.findDrafts(folder, settings, host.trusted(), host.folders())) found.add(uri);
  }
  for (const document of host.openDocuments()) {
    const settings = await host.settings(document.uri);
    if (settings.enable && isDraft(document, settings)) found.add(document.uri);
  }
  return [...found].sort();
}

async function fileClaims(host: ClaimsHost, uri: string, settings: Settings, staleWithinDays: number | undefined): Promise<ClaimsFile | undefined> {
  const outcome = await host.platform.resolveConfig({ uri, settings, trusted: host.trusted(), folders: host.folders() });
  if (!outcome.ok) return { uri, claims: [], problem: `not read: ${outcome.problem.message}` };
  if (outcome.value.ignores(uri)) return undefined;
  let text: string;
  try {
    text = host.document(uri)?.getText() ?? (await host.platform.readText(uri));
  } catch (error) {
    return { uri, claims: [], problem: `not read: ${error instanceof Error ? error.message : String(error)}` };
  }
  const config = outcome.value.config;
  const asOf = settings.asOf ?? today();
  const horizon = staleWithinDays === undefined ? undefined : addDays(asOf, staleWithinDays);
  const positions = new Positions(text);
  const claims = claimLedger(text, { config, asOf }).claims.flatMap((record): ClaimItem[] => {
    const claim = record.explain.claim;
    if (!claim) return [];
    const fresh = freshUntil(record, config);
    // Stale on the day after `fresh`: within the period when that day is no later than its end.
    const soon = record.status === 'fine' && fresh !== undefined && horizon !== undefined && addDays(fresh, 1) <= horizon;
    return [
      {
        range: positions.range(record.start, record.end),
        text: record.text.replace(/\s+/g, ' ').trim(),
        status: soon ? 'stale-soon' : record.status,
        category: claim.category,
        categoryWords: claim.policyLabel,
        time: claim.time,
        accepts: claim.approved,
        citations: record.explain.citations.map((c) => ({ url: c.url, kind: c.kind, type: c.type, approved: c.approved, dates: c.dates })),
        freshUntil: fresh,
      },
    ];
  });
  return { uri, claims };
}

/** Today in UTC (YYYY-MM-DD), as the core judges dates without `asOf`. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

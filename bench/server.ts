// Language-server latency: `alliance-cite lsp --stdio` as VS Code drives it. For drafts of 300,
// 1,000 and 5,000 lines, a client types one character at a time in the middle of a prose line
// (an incremental didChange) and pulls the diagnostics at once (debounce 0), timing each
// keystroke from sending didChange to receiving the report: the server's lint, the conversion of
// every finding and JSON-RPC both ways.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  ConfigurationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../src/core';
import { allianceDraft } from './draft';
import type { LatencyResult } from './relint';
import { createRandom } from './prng';
import { percentile } from './stats';
import { middleOffset, TYPED } from './typing';

/** Keystroke latency as the in-process re-lint reports it; `diagnostics` counts the server's last report. */
export type ServerLatency = LatencyResult;

export interface ServerLatencyOptions {
  root: string;
  sizes: number[];
  edits: number;
  warmup: number;
  /** Per draft size; the run stops early (after at least `minEdits`) once it is spent. */
  budgetMs: number;
  minEdits: number;
  asOf: string;
}

export async function measureServerLatency(options: ServerLatencyOptions): Promise<ServerLatency[]> {
  const child = spawn(process.execPath, [join(options.root, 'dist/cli.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ asOf: options.asOf, debounceMs: 0 })));
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {} } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const results: ServerLatency[] = [];
    for (const lines of options.sizes) results.push(await measureSize(connection, lines, options));
    return results;
  } finally {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}

async function measureSize(connection: ReturnType<typeof createProtocolConnection>, lines: number, options: ServerLatencyOptions): Promise<ServerLatency> {
  const uri = `untitled:bench-${lines}.md`;
  let text = allianceDraft(createRandom(lines), { lines, ordinaryShare: 0.25 });
  let version = 1;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  let report = (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  let cursor = middleOffset(text);
  const timings: number[] = [];
  const begun = performance.now();
  for (let i = 0; i < options.warmup + options.edits && !(timings.length >= options.minEdits && performance.now() - begun > options.budgetMs); i++) {
    const position = new LineIndex(text).positionAt(cursor);
    const typed = TYPED[i % TYPED.length];
    text = text.slice(0, cursor) + typed + text.slice(cursor);
    cursor++;
    const started = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: position, end: position }, text: typed }],
    });
    const next = await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: report.resultId });
    const elapsed = performance.now() - started;
    if (next.kind === 'full') report = next as FullDocumentDiagnosticReport;
    if (i >= options.warmup) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  return { lines, edits: timings.length, p50: percentile(timings, 50), p95: percentile(timings, 95), max: timings[timings.length - 1], diagnostics: report.items.length };
}

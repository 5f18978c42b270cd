// The language server at the protocol level, over stdio as editors start it: pull and push
// diagnostics, cancellation of a pull that waits for typing to pause, stale results dropped,
// config and settings changes, and malformed requests (a clear error; the server keeps running).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { defaultConfig, fixAll, lint } from '../../src/core';
import { startClient, type TestClient } from './client';
import { ensureServerBuilt } from './helpers';

const AS_OF = '2026-11-25';
const CLAIM = 'The AI Alliance has more than 140 members.';
const FOUNDING = 'IBM and Meta founded the AI Alliance.';

function coreRules(text: string): string[] {
  return lint(text, { config: defaultConfig(), asOf: AS_OF }).diagnostics.map((d) => d.rule);
}

function rules(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a response error, got ${String(error)}`);
    return error;
  }
  assert.fail('the request succeeded');
}

describe('the language server over stdio', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;

  before(ensureServerBuilt);

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-lsp-')));
    fs.mkdirSync(path.join(dir, '.git'));
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('a client that pulls diagnostics', () => {
    const pull = (target: string, previousResultId?: string, token?: CancellationTokenSource) =>
      client!.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: target }, previousResultId }, token?.token);

    it('answers with the core findings, then "unchanged" while nothing changed', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `${CLAIM}\n\n${FOUNDING}\n`;
      await client.open(uri('a.md'), text);
      const first = (await pull(uri('a.md'))) as FullDocumentDiagnosticReport;
      assert.equal(first.kind, 'full');
      assert.deepEqual(rules(first.items), coreRules(text));
      assert.ok(first.resultId);
      const again = await pull(uri('a.md'), first.resultId);
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
      assert.equal(client.published.length, 0, 'nothing is pushed to a client that pulls');
    });

    it('cancels a pull that waits for typing to pause, and lints only the latest text', async () => {
      client = await startClient({ root: dir, pull: true, settings: { debounceMs: 5_000 } });
      await client.open(uri('b.md'), 'Intro.\n');
      const opened = (await pull(uri('b.md'))) as FullDocumentDiagnosticReport;
      assert.deepEqual(opened.items, []);
      await client.change(uri('b.md'), 2, `${CLAIM}\n`);
      const source = new CancellationTokenSource();
      const waiting = pull(uri('b.md'), opened.resultId, source);
      source.cancel();
      const error = await rejection(waiting);
      assert.equal(error.code, LSPErrorCodes.RequestCancelled);
      // The writer typed on; with a short pause configured, the next pull lints the final text.
      client.settings.debounceMs = 0;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.change(uri('b.md'), 3, `${CLAIM}\n\n${FOUNDING}\n`);
      const latest = (await pull(uri('b.md'), opened.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(latest.kind, 'full');
      assert.deepEqual(rules(latest.items), coreRules(`${CLAIM}\n\n${FOUNDING}\n`));
    });

    it('asks for a refresh and applies a config file and settings when they change', async () => {
      client = await startClient({ root: dir, pull: true });
      await client.open(uri('c.md'), `${CLAIM}\n`);
      const first = (await pull(uri('c.md'))) as FullDocumentDiagnosticReport;
      assert.equal(first.items[0].severity, 1);
      assert.ok(
        client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method),
        'the server watches config files',
      );

      fs.writeFileSync(path.join(dir, '.alliance-cite.yaml'), 'rules:\n  missing-citation: warning\n');
      const refreshes = client.refreshes;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.alliance-cite.yaml'), type: FileChangeType.Created }] });
      await client.refreshAfter(refreshes);
      const fromFile = (await pull(uri('c.md'), first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(fromFile.kind, 'full');
      assert.equal(fromFile.items[0].severity, 2, 'the config file makes it a warning');

      client.settings.rules = { 'missing-citation': 'off' };
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.refreshAfter(refreshes + 1);
      const fromSettings = (await pull(uri('c.md'), fromFile.resultId)) as FullDocumentDiagnosticReport;
      assert.deepEqual(fromSettings.items, [], 'the setting turns the rule off');
    });

    it('reports a broken config file at its line and column, and says on the draft that it is not checked', async () => {
      fs.writeFileSync(path.join(dir, '.alliance-cite.yaml'), 'rules:\n  missing-citation: loud\n');
      client = await startClient({ root: dir, pull: true });
      await client.open(uri('d.md'), `${CLAIM}\n`);
      const report = (await pull(uri('d.md'))) as FullDocumentDiagnosticReport;
      assert.equal(report.items.length, 1, 'one warning instead of findings linted with a config that cannot be used');
      const [warning] = report.items;
      assert.equal(warning.severity, 2);
      assert.equal(warning.code, 'config-problem');
      assert.match(String(warning.message), /^This draft is not checked until its config is fixed: \.alliance-cite\.yaml:2:21: .*loud/);
      assert.deepEqual(warning.relatedInformation?.[0]?.location, { uri: uri('.alliance-cite.yaml'), range: { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } } });
      const onConfig = await client.nextPublish((p) => p.uri === uri('.alliance-cite.yaml') && p.diagnostics.length > 0, 'a problem on the config file');
      assert.equal(onConfig.diagnostics[0].range.start.line, 1);
      assert.match(String(onConfig.diagnostics[0].message), /loud/);
    });
  });

  describe('a client that only takes pushed diagnostics', () => {
    it('publishes the findings of the latest text only, however fast the changes come', async () => {
      client = await startClient({ root: dir, pull: false, settings: { debounceMs: 200 } });
      await client.open(uri('e.md'), `${CLAIM}\n`);
      await client.nextPublish((p) => p.uri === uri('e.md') && p.version === 1, 'the diagnostics of the opened text');
      const texts = [`${CLAIM}\n\nMore.\n`, `${FOUNDING}\n`, 'Intro.\n', `${CLAIM}\n\n${FOUNDING}\n`];
      for (let i = 0; i < texts.length; i++) await client.change(uri('e.md'), i + 2, texts[i]);
      const final = await client.nextPublish((p) => p.uri === uri('e.md') && p.version === texts.length + 1, 'the diagnostics of the final text');
      assert.deepEqual(rules(final.diagnostics), coreRules(texts.at(-1)!));
      const afterOpen = client.published.filter((p) => p.uri === uri('e.md') && p.version !== 1);
      assert.deepEqual(
        afterOpen.map((p) => p.version),
        [texts.length + 1],
        'no result of an intermediate text was published',
      );
    });

    it('applies fix-all through workspace/applyEdit, as the core fixes the text', async () => {
      client = await startClient({ root: dir, pull: false });
      const text = `${CLAIM}\n\n${FOUNDING}\n`;
      await client.open(uri('f.md'), text);
      const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'alliance-cite.server.fixAll', arguments: [uri('f.md')] });
      assert.equal(result.status, 'fixed');
      assert.equal(client.edits.length, 1);
      const change = client.edits[0].edit.documentChanges?.[0];
      assert.ok(change && 'edits' in change, 'a versioned text edit');
      assert.equal(change.textDocument.version, 1);
      const [edit] = change.edits;
      assert.ok('newText' in edit, 'a plain text edit');
      const lines = text.split('\n');
      const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
      const applied = text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
      assert.equal(applied, fixAll(text, { config: defaultConfig(), asOf: AS_OF }).text);
    });
  });

  describe('malformed input', () => {
    it('answers bad requests with a clear error and keeps serving', async () => {
      client = await startClient({ root: dir, pull: false });
      await client.open(uri('g.md'), `${CLAIM}\n`);
      const send = (method: string, params: unknown) => client!.connection.sendRequest(method, params);

      const noDocument = await rejection(send(CodeActionRequest.method, {}));
      assert.equal(noDocument.code, ErrorCodes.InvalidParams);
      assert.equal(noDocument.message, 'textDocument/codeAction needs textDocument.uri.');
      const noRange = await rejection(send(CodeActionRequest.method, { textDocument: { uri: uri('g.md') } }));
      assert.match(noRange.message, /needs a range and a context/);
      const noPosition = await rejection(send(HoverRequest.method, { textDocument: { uri: uri('g.md') } }));
      assert.match(noPosition.message, /needs a position/);
      const unknownCommand = await rejection(send(ExecuteCommandRequest.method, { command: 'alliance-cite.nope' }));
      assert.match(unknownCommand.message, /Unknown command "alliance-cite\.nope"/);
      const badArgument = await rejection(send(ExecuteCommandRequest.method, { command: 'alliance-cite.server.fixAll', arguments: [42] }));
      assert.match(badArgument.message, /needs the URI of an open draft/);
      const unknownMethod = await rejection(send('alliance-cite/nope', {}));
      assert.equal(unknownMethod.code, ErrorCodes.MethodNotFound);

      // Bytes that are not JSON at all: logged, and the next request is answered.
      const body = '{"jsonrpc": "2.0", "id": 99, "method": ';
      client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const logged = await client.nextLog((l) => l.startsWith('Ignored a malformed message'), 'a log line about the malformed message');
      assert.match(logged, /JSON/);
      for (const log of client.logs) assert.ok(!/\n\s+at /.test(log), `no stack trace in the log: ${log}`);

      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('g.md') }, position: { line: 0, character: 4 } });
      const contents = hover?.contents;
      assert.ok(contents && typeof contents === 'object' && 'kind' in contents, 'Markdown hover contents');
      assert.match(contents.value, /Claim about who is a member of the Alliance/);
      assert.equal(client.process.exitCode, null, 'the server is still running');
    });
  });
});

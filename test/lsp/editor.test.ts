// What every editor gets from the language server beyond diagnostics, over stdio as editors start
// it: one suppression per rule and none for a stub, "Mark as verified" and "Open the source", a
// hover that says what the diagnostic does not, fix-all and the workspace lint saying what they
// did, closed drafts keeping their workspace-lint findings, a broken config shown on its drafts,
// at most `maxProblems` findings (those in view first), baselined findings as hints, and the
// claims of the workspace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  ResponseError,
  type CodeAction,
  type FullDocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { applyFixes, defaultConfig, lint, LineIndex, markVerified } from '../../src/core';
import { startClient, type TestClient } from './client';
import { CLI, ensureServerBuilt } from './helpers';

const AS_OF = '2026-11-25';
const CLAIM = 'The AI Alliance has more than 140 members.';
const CLAIM2 = 'Meta is a member of the AI Alliance.';
const SAFETY = 'Because Granite comes from a founding member of the AI Alliance, it is safe to deploy in schools.';

/** The text after applying LSP edits (changes of one document) to it. */
function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].sort((a, b) => lines.offsetAt(b.range.start) - lines.offsetAt(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

function lineRange(text: string, line: number): Range {
  const lines = text.split('\n');
  return { start: { line, character: 0 }, end: { line, character: lines[line].length } };
}

describe('the language server for editors', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;
  const uri = (name: string): string => pathToFileURL(path.join(dir, name)).href;
  const actions = async (target: string, range: Range): Promise<CodeAction[]> =>
    ((await client!.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: target }, range, context: { diagnostics: [] } })) ?? []) as CodeAction[];
  const pull = async (target: string): Promise<FullDocumentDiagnosticReport> =>
    (await client!.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: target } })) as FullDocumentDiagnosticReport;
  const hoverText = async (target: string, line: number, character: number): Promise<string> => {
    const hover = await client!.connection.sendRequest(HoverRequest.type, { textDocument: { uri: target }, position: { line, character } });
    const contents = hover?.contents;
    assert.ok(contents && typeof contents === 'object' && 'kind' in contents, 'Markdown hover contents');
    return contents.value;
  };

  before(ensureServerBuilt);

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-editor-')));
    fs.mkdirSync(path.join(dir, '.git'));
  });

  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('code actions', () => {
    it('offers one suppression per rule, in the trailing form only', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `Intro.\n\n${CLAIM} ${CLAIM2}\n\n${SAFETY}\n`;
      await client.open(uri('a.md'), text);
      const both = await actions(uri('a.md'), lineRange(text, 2));
      const suppress = both.filter((a) => a.title.startsWith('Suppress'));
      assert.deepEqual(
        suppress.map((a) => a.title),
        ['Suppress missing-citation for this line'],
        'two uncited claims on one line: one entry',
      );
      const safety = (await actions(uri('a.md'), lineRange(text, 4))).filter((a) => a.title.startsWith('Suppress'));
      assert.deepEqual(safety.map((a) => a.title).sort(), ['Suppress missing-citation for this line', 'Suppress unsupported-inference for this line']);
      for (const action of [...suppress, ...safety]) {
        const edits = action.edit?.changes?.[uri('a.md')] ?? [];
        assert.equal(edits.length, 1);
        assert.match(edits[0].newText, /^ <!-- alliance-cite-disable-line [a-z-]+ -->$/, 'a comment at the end of the line, never a line above');
      }
      // The suppression is last: the fixes and the sources come first.
      assert.ok(both.findIndex((a) => a.title.startsWith('Suppress')) > both.findIndex((a) => a.title.startsWith('Insert a citation stub')));
    });

    it('offers "Mark as verified" on a stub, preferred, and no suppression', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `${CLAIM}[^membership-1]\n\n[^membership-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-20.\n`;
      await client.open(uri('b.md'), text);
      const offered = await actions(uri('b.md'), lineRange(text, 2));
      const titles = offered.map((a) => a.title);
      assert.ok(!titles.some((t) => t.startsWith('Suppress')), `no suppression of a stub: ${titles.join(' | ')}`);
      const verify = offered.find((a) => a.title === `Mark as verified (retrieved ${AS_OF})`);
      assert.ok(verify, `offers Mark as verified: ${titles.join(' | ')}`);
      assert.equal(verify.isPreferred, true);
      const expected = applyFixes(text, [markVerified(text, text.indexOf('TODO-verify'), { asOf: AS_OF, config: defaultConfig() })!]).text;
      const after = applyEdits(text, verify.edit?.changes?.[uri('b.md')] ?? []);
      assert.equal(after, expected);
      assert.equal(after, `${CLAIM}[^membership-1]\n\n[^membership-1]: <https://thealliance.ai/members>, retrieved ${AS_OF}.\n`);
      assert.deepEqual(lint(after, { config: defaultConfig(), asOf: AS_OF }).diagnostics, [], 'nothing left to report');
    });

    it('opens the source a claim cites, and the source of a stub, in the browser', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `According to the [member directory](https://thealliance.ai/members), ${CLAIM2.toLowerCase()}\n\nThe Alliance is governed by a board.[^g]\n\n[^g]: TODO-verify <https://thealliance.ai/about>, retrieved 2026-11-20.\n`;
      await client.open(uri('c.md'), text);
      const onClaim = await actions(uri('c.md'), lineRange(text, 0));
      const open = onClaim.find((a) => a.title === 'Open the source: thealliance.ai/members');
      assert.ok(open?.command, `offers the cited source: ${onClaim.map((a) => a.title).join(' | ')}`);
      assert.equal(open.edit, undefined, 'opening a source changes nothing in the draft');
      await client.connection.sendRequest(ExecuteCommandRequest.type, open.command);
      assert.deepEqual(client.shown.at(-1), { uri: 'https://thealliance.ai/members', external: true });
      const onStub = await actions(uri('c.md'), lineRange(text, 4));
      assert.ok(onStub.some((a) => a.title === 'Open the source: thealliance.ai/about' && a.command?.arguments?.[0] === 'https://thealliance.ai/about'));
      const refused = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'alliance-cite.server.openSource', arguments: ['javascript:alert(1)'] }).catch((e: unknown) => e);
      assert.ok(refused instanceof ResponseError && refused.code === ErrorCodes.InvalidParams, 'only web addresses are opened');
    });

    it('says what fix-all did, from the command and from the quick-fix', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `${CLAIM}\n\n${CLAIM2}\n\nIBM and Meta founded the AI Alliance.\n`;
      await client.open(uri('d.md'), text);
      const quick = (await actions(uri('d.md'), lineRange(text, 0))).find((a) => a.title === 'Fix all alliance-cite problems in this file');
      assert.ok(quick?.command, 'fix-all from the menu names a command that tells');
      await client.connection.sendRequest(ExecuteCommandRequest.type, quick.command);
      const message = await client.until(() => client!.messages.at(-1), 'a message');
      assert.equal(message, 'alliance-cite: Added 3 citation stubs (TODO-verify) \u2014 review them.');
      const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'alliance-cite.server.fixAll', arguments: [uri('d.md')] });
      assert.equal(result.summary, 'Added 3 citation stubs (TODO-verify) \u2014 review them.');
    });
  });

  describe('hover', () => {
    it('says what the diagnostic does not: the category in words, the sources as links, the citation examined', async () => {
      client = await startClient({ root: dir, pull: true });
      const text = `${CLAIM} ([coverage](https://techcrunch.com/2024/03/01/ai-alliance))\n\n${SAFETY}\n`;
      await client.open(uri('e.md'), text);
      const findings = lint(text, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
      const cited = await hoverText(uri('e.md'), 0, 5);
      for (const f of findings) assert.ok(!cited.includes(f.message.slice(0, 30)), 'the diagnostic message is not repeated');
      assert.match(cited, /Claim about who is a member of the Alliance/);
      assert.match(cited, /\[the AI Alliance site \\\(thealliance\\\.ai\\\)\]\(<https:\/\/thealliance\.ai\/members>\)/, 'the accepted source as a link');
      assert.match(cited, /\[techcrunch\\\.com\/2024\/03\/01\/ai\\-alliance\]\(<https:\/\/techcrunch\.com\/2024\/03\/01\/ai-alliance>\) — news, not approved/);
      const safety = await hoverText(uri('e.md'), 2, 10);
      assert.ok(!safety.includes('safety/system'), 'the category in words, not its key');
      assert.match(safety, /Claim about whether a system is safe/);
      assert.match(safety, /Forbidden inference/);
      assert.ok(safety.split('\n').length <= 5, `short enough not to scroll:\n${safety}`);
    });
  });

  describe('the workspace', () => {
    const CLOSED = `Intro.\n\n${CLAIM}\n\n${CLAIM2}\n`;

    it('gives a closed draft its workspace-lint findings back, and marks them when the config breaks', async () => {
      fs.writeFileSync(path.join(dir, 'closed.md'), CLOSED);
      client = await startClient({ root: dir, pull: false });
      const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'alliance-cite.server.lintWorkspace', arguments: [] });
      assert.equal(result.summary, 'Linted 1 draft: 2 findings in 1 draft (2 errors, 0 warnings).');
      const findings = (p: { uri: string; diagnostics: unknown[] }) => p.uri === uri('closed.md') && p.diagnostics.length === 2;
      await client.nextPublish(findings, 'the findings of the closed draft');
      await client.open(uri('closed.md'), CLOSED);
      await client.nextPublish((p) => p.uri === uri('closed.md') && p.version === 1, 'the findings of the open draft');
      const before = client.published.length;
      await client.close(uri('closed.md'));
      const back = await client.until(() => client!.published.slice(before).find((p) => p.uri === uri('closed.md')), 'what the closed draft shows');
      assert.equal(back.diagnostics.length, 2, 'the findings are back after closing, not cleared');

      fs.writeFileSync(path.join(dir, '.alliance-cite.yaml'), 'rules:\n  missing-citation: loud\n');
      const mark = client.published.length;
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri('.alliance-cite.yaml'), type: FileChangeType.Created }] });
      const warned = await client.until(() => client!.published.slice(mark).find((p) => p.uri === uri('closed.md')), 'the closed draft linted again');
      assert.equal(warned.diagnostics.length, 1, `no stale findings stay: ${JSON.stringify(client.published.slice(mark))}`);
      assert.equal(warned.diagnostics[0].code, 'config-problem');
    });

    it('lists the claims of the workspace with their status, category, citation and freshness', async () => {
      const saved = `${CLAIM}[^1]\n\n${CLAIM2}\n\n[^1]: <https://thealliance.ai/members>, retrieved 2025-12-10.\n`;
      fs.writeFileSync(path.join(dir, 'saved.md'), saved);
      client = await startClient({ root: dir, pull: true });
      await client.open(uri('open.md'), `Intro.\n\nTapestry is an AI Alliance project.[^t]\n\n[^t]: TODO-verify <https://github.com/The-AI-Alliance/tapestry>, retrieved 2026-11-20.\n`);
      const claims = await client.connection.sendRequest<{ asOf: string; files: { uri: string; claims: { status: string; text: string; categoryWords: string; range: Range; freshUntil?: string; citations: { url?: string }[] }[] }[] }>(
        'alliance-cite/claims',
        { staleWithinDays: 30 },
      );
      assert.equal(claims.asOf, AS_OF);
      assert.deepEqual(claims.files.map((f) => f.uri), [uri('open.md'), uri('saved.md')]);
      const [open, closed] = claims.files;
      assert.deepEqual(open.claims.map((c) => [c.status, c.text]), [['unverified', 'Tapestry is an AI Alliance project.']]);
      assert.deepEqual(open.claims[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 35 } });
      assert.deepEqual(closed.claims.map((c) => c.status), ['stale-soon', 'uncited']);
      assert.equal(closed.claims[0].freshUntil, '2026-12-10');
      assert.equal(closed.claims[0].categoryWords, 'who is a member of the Alliance');
      assert.equal(closed.claims[0].citations[0].url, 'https://thealliance.ai/members');
      const bad = await client.connection.sendRequest('alliance-cite/claims', { staleWithinDays: -3 }).catch((e: unknown) => e);
      assert.ok(bad instanceof ResponseError && /staleWithinDays must be a whole number/.test(bad.message));
    });
  });

  describe('long drafts and baselines', () => {
    it('sends at most maxProblems findings, those in view and errors first, and says so once', async () => {
      client = await startClient({ root: dir, pull: true, settings: { maxProblems: 3 } });
      const undated = Array.from({ length: 4 }, (_, i) => `The AI Alliance has more than ${130 + i} members ([site](https://thealliance.ai/members)).`);
      const uncited = Array.from({ length: 4 }, (_, i) => `The AI Alliance has more than ${140 + i} members.`);
      const text = `${[...undated, ...uncited].join('\n\n')}\n`;
      const all = lint(text, { config: defaultConfig(), asOf: AS_OF }).diagnostics;
      assert.deepEqual(all.map((d) => d.severity), ['warning', 'warning', 'warning', 'warning', 'error', 'error', 'error', 'error']);
      await client.open(uri('long.md'), text);
      const first = await pull(uri('long.md'));
      assert.deepEqual(first.items.map((d) => d.severity), [1, 1, 1], 'errors first');
      const logged = await client.nextLog((l) => l.includes('has 8 findings'), 'a note that some findings are not shown');
      assert.match(logged, /sent 3 of them/);
      const refreshes = client.refreshes;
      await client.connection.sendNotification('alliance-cite/visibleRanges', { uri: uri('long.md'), ranges: [{ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }] });
      await client.refreshAfter(refreshes);
      const inView = await pull(uri('long.md'));
      assert.deepEqual(inView.items.map((d) => [d.range.start.line, d.severity]), [[0, 2], [2, 2], [8, 1]], 'the findings in view, then an error');
      await pull(uri('long.md'));
      assert.equal(client.logs.filter((l) => l.includes('has 8 findings')).length, 1, 'said once');
    });

    it('shows findings the baseline records as hints, or hides them, as the CLI reads the baseline', async () => {
      fs.writeFileSync(path.join(dir, '.alliance-cite.yaml'), 'baseline: .alliance-cite-baseline.json\n');
      fs.writeFileSync(path.join(dir, 'old.md'), `${CLAIM}\n`);
      const written = spawnSync(process.execPath, [CLI, '--as-of', AS_OF, '--baseline-write', '.alliance-cite-baseline.json', 'old.md'], { cwd: dir, encoding: 'utf8' });
      assert.ok(fs.existsSync(path.join(dir, '.alliance-cite-baseline.json')), `the CLI wrote the baseline: ${written.stderr}`);
      client = await startClient({ root: dir, pull: true });
      const text = `${CLAIM}\n\n${CLAIM2}\n`;
      await client.open(uri('old.md'), text);
      const report = await pull(uri('old.md'));
      assert.deepEqual(
        report.items.map((d) => [d.range.start.line, d.severity, String(d.code)]),
        [
          [0, 4, 'missing-citation'],
          [2, 1, 'missing-citation'],
        ],
      );
      assert.match(String(report.items[0].message), /\(recorded in the baseline\)$/);
      client.settings.baseline = 'hide';
      const refreshes = client.refreshes;
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await client.refreshAfter(refreshes);
      assert.deepEqual((await pull(uri('old.md'))).items.map((d) => d.range.start.line), [2], 'the new finding only');
    });
  });
});

// Runs inside the VS Code extension host (started by bench/editor.ts): types into drafts of 300,
// 1,000 and 5,000 lines, one character at a time, waiting after each keystroke for its lint, and
// measures the extension host's CPU time per keystroke with process.cpuUsage(). The same typing
// into the same draft with alliance-cite.enable off is the baseline: what VS Code itself spends.
// The drafts are `.qmd` files, linted through the `fileExtensions` setting, so VS Code's built-in
// Markdown extension stays out: its own work after each change runs on timers, and would make the
// figures depend on how long each keystroke waits for its lint.
import * as fs from 'node:fs';
import { Session } from 'node:inspector';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allianceDraft } from '../draft';
import { createRandom } from '../prng';
import { percentile } from '../stats';
import { middleOffset, TYPED } from '../typing';

interface Report {
  uri: vscode.Uri;
  version: number | undefined;
}

interface Api {
  readonly onDidReport?: vscode.Event<Report>;
  /** Builds without onDidReport (which linted in the extension host) fire this after every lint. */
  readonly onDidLint: vscode.Event<vscode.Uri>;
}

export interface EditorMeasurement {
  lines: number;
  /** `off`: alliance-cite.enable is false (the baseline). */
  kind: 'linted' | 'off';
  edits: number;
  /** Extension-host CPU time (user + system) per keystroke, in milliseconds. */
  cpuPerKeystroke: number;
  /** Keystroke to the server's report arriving in the extension host. */
  p50: number;
  p95: number;
  diagnostics: number;
}

const SIZES = [300, 1000, 5000];
const EDITS = Number(process.env.ALLIANCE_CITE_BENCH_EDITS ?? 40);
const WARMUP = 5;
const WAIT_MS = 30_000;

function onReport(api: Api, listener: (report: Report) => void): vscode.Disposable {
  return api.onDidReport ? api.onDidReport(listener) : api.onDidLint((uri) => listener({ uri, version: undefined }));
}

function nextReport(api: Api, uri: vscode.Uri, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no report for ${path.basename(uri.fsPath)} version ${version}`));
    }, WAIT_MS);
    const subscription = onReport(api, (report) => {
      if (report.uri.toString() !== uri.toString() || (report.version ?? version) < version) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

async function measure(api: Api, folder: vscode.Uri, lines: number, kind: EditorMeasurement['kind']): Promise<EditorMeasurement> {
  const text = allianceDraft(createRandom(lines), { lines, ordinaryShare: 0.25 });
  const uri = vscode.Uri.joinPath(folder, `bench-${lines}-${kind}.qmd`);
  fs.writeFileSync(uri.fsPath, text);
  await vscode.workspace.getConfiguration('alliance-cite').update('enable', kind === 'linted' ? undefined : false, vscode.ConfigurationTarget.Workspace);
  const document = await vscode.workspace.openTextDocument(uri);
  const opened = kind === 'linted' ? nextReport(api, uri, document.version) : undefined;
  const editor = await vscode.window.showTextDocument(document);
  await opened;
  let cursor = middleOffset(text);
  const latencies: number[] = [];
  const profile = process.env.ALLIANCE_CITE_BENCH_PROFILE && kind === 'linted' ? await startProfile() : undefined;
  let cpu = process.cpuUsage();
  for (let i = 0; i < WARMUP + EDITS; i++) {
    if (i === WARMUP) cpu = process.cpuUsage();
    // With the extension off there is no lint to wait for: the edit itself is the keystroke.
    const report = kind === 'linted' ? nextReport(api, uri, document.version + 1) : undefined;
    const started = performance.now();
    const at = editor.document.positionAt(cursor);
    await editor.edit((b) => b.insert(at, TYPED[i % TYPED.length]), { undoStopBefore: false, undoStopAfter: false });
    cursor++;
    await report;
    if (i >= WARMUP) latencies.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  if (profile) await profile.stop(path.join(process.env.ALLIANCE_CITE_BENCH_PROFILE!, `editor-${lines}.cpuprofile`));
  const diagnostics = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'alliance-cite').length;
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  latencies.sort((a, b) => a - b);
  return {
    lines,
    kind,
    edits: EDITS,
    cpuPerKeystroke: (used.user + used.system) / 1000 / EDITS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    diagnostics,
  };
}

/** Profiles the extension host (what `--profile` asks for), to see where its time per keystroke goes. */
async function startProfile(): Promise<{ stop(file: string): Promise<void> }> {
  const session = new Session();
  session.connect();
  const post = (method: string) => new Promise<unknown>((resolve, reject) => session.post(method, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.start');
  return {
    stop: async (file) => {
      const { profile } = (await post('Profiler.stop')) as { profile: unknown };
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<Api>('alliance-cite.alliance-cite');
  if (!extension) throw new Error('the extension is not in this host');
  const api = await extension.activate();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the bench needs a workspace folder');
  // Every keystroke is linted: the worst case for the extension host, which converts each report.
  await vscode.workspace.getConfiguration('alliance-cite').update('debounceMs', 0, vscode.ConfigurationTarget.Workspace);
  await vscode.workspace.getConfiguration('alliance-cite').update('fileExtensions', ['.qmd'], vscode.ConfigurationTarget.Workspace);
  const results: EditorMeasurement[] = [];
  for (const lines of SIZES) {
    for (const kind of ['linted', 'off'] as const) results.push(await measure(api, folder, lines, kind));
  }
  const out = process.env.ALLIANCE_CITE_BENCH_RESULT;
  if (!out) throw new Error('ALLIANCE_CITE_BENCH_RESULT is not set');
  fs.writeFileSync(out, JSON.stringify(results, null, 2));
}

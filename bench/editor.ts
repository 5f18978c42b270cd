// `npm run bench:editor [-- --edits N] [--extension DIR] [--profile]`: the extension host's time per keystroke,
// measured in a real VS Code (code-server's workbench in headless Chromium, as the extension-host
// tests run). --extension measures another build of the extension (e.g. an older commit's);
// --profile writes CPU profiles of the extension host to bench/.work/editor-LINES.cpuprofile.
// bench/editor/suite.ts runs inside the extension host; this starts the workbench, collects its
// figures and prints them (and as Markdown in bench/.work/editor-last-run.md). No pass or fail.
import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { ensureTools, launchChromium, prepareRun, REPO, RESULTS_DIR, startCodeServer, workbenchUrl } from '../test/vscode/harness';
import type { EditorMeasurement } from './editor/suite';
import { machineDescription } from './report';

const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<number> {
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const edits = Number(option('--edits') ?? 40);
  if (!Number.isInteger(edits) || edits < 1) throw new Error('--edits needs a positive whole number');
  const extension = path.resolve(option('--extension') ?? REPO);
  if (!fs.existsSync(path.join(extension, 'dist', 'extension.js'))) throw new Error(`${extension}/dist/extension.js is missing; build it first`);
  // Inside the extension's folder, where the host looks for its tests.
  const suite = path.join(extension, 'out', 'bench', 'editor', 'suite.js');
  await build({ entryPoints: [path.join(REPO, 'bench', 'editor', 'suite.ts')], outfile: suite, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['vscode'], logLevel: 'warning' });
  process.stdout.write(`${machineDescription()}\n`);
  const tools = ensureTools();
  const run = prepareRun('bench-editor');
  const resultFile = path.join(run.root, 'bench.json');
  run.env.ALLIANCE_CITE_BENCH_RESULT = resultFile;
  run.env.ALLIANCE_CITE_BENCH_EDITS = String(edits);
  if (process.argv.includes('--profile')) run.env.ALLIANCE_CITE_BENCH_PROFILE = path.join(REPO, 'bench', '.work');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const server = await startCodeServer(tools, run, { logFile: path.join(RESULTS_DIR, 'code-server-bench.log') });
  let context: BrowserContext | undefined;
  let results: EditorMeasurement[] | undefined;
  try {
    context = await launchChromium(run);
    const page = context.pages()[0] ?? (await context.newPage());
    const exit = new Promise<number>((resolve) => void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code)));
    await page.goto(workbenchUrl(server, run.workspace, { extensionDevelopmentPath: extension, extensionTestsPath: suite }));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([exit, new Promise((resolve) => (timer = setTimeout(resolve, TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (fs.existsSync(resultFile)) results = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as EditorMeasurement[];
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
    run.remove();
  }
  if (!results) {
    console.error('bench:editor: the extension host reported no figures; see test-results/code-server-bench.log');
    return 1;
  }
  const md = [
    `- ${machineDescription().replace(/^machine: /, 'Machine: ')}`,
    `- Command: \`npm run bench:editor -- --edits ${edits}${extension === REPO ? '' : ` --extension ${extension}`}\` (code-server's workbench, debounce 0: every keystroke linted and reported)`,
    '',
    '| draft | alliance-cite | extension-host CPU per keystroke | keystroke to findings p50 | p95 | findings |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  console.log(`extension host, ${edits} keystrokes per draft, each waiting for its lint (${extension}):`);
  for (const r of results) {
    const file = r.kind === 'linted' ? 'linted' : 'alliance-cite off (baseline)';
    console.log(`  ${String(r.lines).padStart(5)} lines  ${file.padEnd(22)} CPU ${r.cpuPerKeystroke.toFixed(2)} ms/keystroke  report p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  ${r.diagnostics} findings`);
    md.push(`| ${r.lines} lines | ${file} | ${r.cpuPerKeystroke.toFixed(2)} ms | ${r.p50.toFixed(1)} ms | ${r.p95.toFixed(1)} ms | ${r.diagnostics} |`);
  }
  fs.mkdirSync(path.join(REPO, 'bench', '.work'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'bench', '.work', 'editor-last-run.md'), `${md.join('\n')}\n`);
  console.log('(figures as Markdown in bench/.work/editor-last-run.md)');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:editor: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

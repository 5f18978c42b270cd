// Packs the package as `npm publish` would and installs the tarball into an empty project, once per
// test process, for the tests that run what users install: the package test and the action test.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, REPO_ROOT } from './helpers';

export interface PackedInstall {
  tarball: string;
  /** Paths inside the tarball, without the leading `package/`, sorted. */
  packedFiles: string[];
  /** An otherwise empty npm project with the tarball installed. */
  project: string;
  /** Scratch folder holding the tarball and the project; removed when the process exits. */
  scratch: string;
}

let packed: PackedInstall | undefined;

/** Runs a command and throws with its output unless it succeeds. */
export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): string {
  const result = spawnSync(command, args, { cwd: options.cwd, encoding: 'utf8', env: { ...process.env, ...options.env } });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/**
 * Packs the already built dist/ (scripts are skipped, so the test does not rebuild under other
 * tests' feet; `npm test` builds first) and installs the tarball offline: the package has no
 * dependencies, so nothing needs the registry.
 */
export async function packAndInstall(): Promise<PackedInstall> {
  if (packed) return packed;
  await ensureBuilt();
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alliance-cite-pack-')));
  process.on('exit', () => fs.rmSync(scratch, { recursive: true, force: true }));
  const report = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: REPO_ROOT })) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const tarball = path.join(scratch, report[0].filename);
  const project = path.join(scratch, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'adopting-project', version: '1.0.0', private: true }, null, 2));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], { cwd: project });
  packed = { tarball, packedFiles: report[0].files.map((f) => f.path).sort(), project, scratch };
  return packed;
}

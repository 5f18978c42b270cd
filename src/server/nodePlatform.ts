// The server's platform on Node: config files, drafts and closed files come from the disk exactly
// as the CLI reads them (src/node/), so the editor and the CLI report the same findings.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { applyOverrides } from '../core/config';
import { BaselineError, BaselineReader, knownInBaseline } from '../node/baseline';
import { clearConfigCache, ConfigError, loadConfigForFile, type LoadedConfig } from '../node/config';
import { createIgnoreMatcher, DEFAULT_PATTERN, findDrafts } from '../node/files';
import type { ConfigOutcome, ConfigRequest, Platform } from './configSource';
import { folderOf } from './uriConfig';

export function nodePlatform(): Platform {
  const baselines = new BaselineReader();
  return {
    resolveConfig: async (request) => resolveOnDisk(request),
    forgetConfigFiles: clearConfigCache,
    findDrafts: async (folder, settings, trusted, folders) => {
      const root = URI.parse(folder);
      if (root.scheme !== 'file') return [];
      const extensions = settings.fileExtensions.map((e) => `**/*${e}`);
      const result = findDrafts({
        cwd: root.fsPath,
        patterns: [DEFAULT_PATTERN, ...extensions],
        isIgnoredByConfig: (file) => {
          const outcome = resolveOnDisk({ uri: URI.file(file).toString(), settings, trusted, folders });
          return outcome.ok && outcome.value.ignores(URI.file(file).toString());
        },
      });
      return result.files.map((file) => URI.file(file).toString());
    },
    readText: async (uri) => new TextDecoder().decode(await fs.promises.readFile(URI.parse(uri).fsPath)),
    baselineKnown: (baseline, draft, text, findings) => {
      const target = URI.parse(draft);
      if (target.scheme !== 'file') return findings.map(() => false);
      try {
        return knownInBaseline(baselines.read(URI.parse(baseline).fsPath), target.fsPath, text, findings);
      } catch (error) {
        return { problem: error instanceof BaselineError ? error.message : String(error) };
      }
    },
  };
}

/** Resolves the config of a draft on disk, with the editor settings on top; never throws. */
function resolveOnDisk(request: ConfigRequest): ConfigOutcome {
  try {
    const loaded = loadConfigForFile(draftPath(request), { configPath: explicitConfigPath(request), trusted: request.trusted });
    const config = applyOverrides(loaded.config, { rules: request.settings.rules, maxAgeDays: request.settings.maxRetrievalAgeDays });
    const matcher = createIgnoreMatcher(config.ignore, loaded.baseDir);
    return {
      ok: true,
      value: {
        config,
        files: loaded.files.map((f) => URI.file(f).toString()),
        notes: loaded.notes,
        ignores: (uri) => {
          const target = URI.parse(uri);
          return target.scheme === 'file' && matcher(target.fsPath);
        },
        fingerprint: fingerprint(loaded),
        baseline: loaded.baseline === undefined ? undefined : URI.file(loaded.baseline).toString(),
      },
    };
  } catch (error) {
    if (error instanceof ConfigError) {
      return {
        ok: false,
        problem: {
          message: error.message,
          uri: URI.file(error.file).toString(),
          located: error.problems.map((p) => ({ message: p.message, uri: URI.file(p.file).toString(), line: p.line, column: p.column })),
        },
      };
    }
    return { ok: false, problem: { message: error instanceof Error ? error.message : String(error), located: [] } };
  }
}

/** Identifies the contents of the config files by their paths, sizes and modification times. */
function fingerprint(loaded: LoadedConfig): string {
  return loaded.files
    .map((file) => {
      try {
        const stat = fs.statSync(file);
        return `${file}@${stat.mtimeMs}:${stat.size}`;
      } catch {
        return file;
      }
    })
    .join('|');
}

/** The path config files are searched from: the draft's own, or the workspace folder for other drafts (untitled). */
function draftPath(request: ConfigRequest): string {
  const uri = URI.parse(request.uri);
  if (uri.scheme === 'file') return uri.fsPath;
  const folder = request.folders.map((f) => URI.parse(f)).find((f) => f.scheme === 'file');
  return path.join(folder ? folder.fsPath : process.cwd(), 'untitled.md');
}

/** The `configPath` setting as an absolute path: as given, or relative to the draft's workspace folder. */
function explicitConfigPath(request: ConfigRequest): string | undefined {
  const configPath = request.settings.configPath;
  if (!configPath) return undefined;
  if (path.isAbsolute(configPath)) return configPath;
  const folder = folderOf(request.uri, request.folders) ?? request.folders[0];
  const base = folder && URI.parse(folder).scheme === 'file' ? URI.parse(folder).fsPath : path.dirname(draftPath(request));
  return path.resolve(base, configPath);
}

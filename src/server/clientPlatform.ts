// The server's platform where it cannot reach a file system (a web worker): config files, drafts
// and closed files are read through the client, which uses the editor's own file system (and so
// works in virtual workspaces such as github.dev).
import type { Connection } from 'vscode-languageserver';
import { DRAFT_GLOB, type Platform } from './configSource';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from './protocol';
import { UriConfigLoader } from './uriConfig';

export function clientPlatform(connection: Connection): Platform {
  const read = (uri: string) => connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { uri } satisfies ReadFileParams);
  const loader = new UriConfigLoader(read);
  return {
    resolveConfig: (request) => loader.resolve(request),
    forgetConfigFiles: () => loader.forget(),
    findDrafts: async (folder, settings, trusted, folders) => {
      const include = [DRAFT_GLOB, ...settings.fileExtensions.map((e) => `**/*${e}`)];
      const { uris } = await connection.sendRequest<FindFilesResult>(FIND_FILES_REQUEST, { folder, include } satisfies FindFilesParams);
      const drafts: string[] = [];
      for (const uri of uris) {
        const outcome = await loader.resolve({ uri, settings, trusted, folders });
        if (!(outcome.ok && outcome.value.ignores(uri))) drafts.push(uri);
      }
      return drafts;
    },
    readText: async (uri) => {
      const entry = await read(uri);
      if (entry.kind !== 'file') throw new Error(`cannot read ${uri} (${entry.kind === 'missing' ? entry.reason : 'a folder'})`);
      return entry.text;
    },
  };
}

// Answers the server's requests for files where it cannot read them itself (the web build): the
// editor's file system reaches local, remote and virtual workspaces alike.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES_REQUEST, READ_FILE_REQUEST, type FindFilesParams, type FindFilesResult, type ReadFileParams, type ReadFileResult } from '../server/protocol';

/** Largest file handed to the server (a config file is far smaller; a draft rarely is larger). */
const MAX_BYTES = 16 * 1024 * 1024;

export function registerFileAccess(client: BaseLanguageClient): void {
  client.onRequest(READ_FILE_REQUEST, async ({ uri }: ReadFileParams): Promise<ReadFileResult> => {
    const target = vscode.Uri.parse(uri);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(target);
    } catch {
      return { kind: 'missing', reason: 'no such file' };
    }
    if (stat.type & vscode.FileType.Directory) return { kind: 'folder' };
    if (stat.size > MAX_BYTES) return { kind: 'missing', reason: `larger than ${MAX_BYTES} bytes` };
    try {
      return { kind: 'file', text: new TextDecoder().decode(await vscode.workspace.fs.readFile(target)) };
    } catch (error) {
      return { kind: 'missing', reason: error instanceof vscode.FileSystemError ? error.code : 'cannot be read' };
    }
  });
  client.onRequest(FIND_FILES_REQUEST, async ({ folder, include }: FindFilesParams): Promise<FindFilesResult> => {
    const pattern = new vscode.RelativePattern(vscode.Uri.parse(folder), include.length === 1 ? include[0] : `{${include.join(',')}}`);
    const found = await vscode.workspace.findFiles(pattern);
    return { uris: found.map((u) => u.toString()).sort() };
  });
}

// `alliance-cite lsp --stdio`: the language server over standard input and output, for editors
// other than VS Code (Neovim, Helix, Zed, Emacs). See docs/editors.md.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './args';

export const LSP_USAGE = `Usage: alliance-cite lsp --stdio

Runs the alliance-cite language server over standard input and output, for any editor with a
Language Server Protocol client. Settings come from the editor (the "alliance-cite" section) and
from .alliance-cite.yaml files, as for the command line. See docs/editors.md.
`;

/** Checks the arguments after `lsp`; returns whether help was asked for. Throws UsageError on a mistake. */
export function parseLspArgs(argv: readonly string[]): { help: boolean } {
  let stdio = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return { help: true };
    if (arg === '--stdio') stdio = true;
    // Some clients pass their process id so the server can stop when they do; the server reads it itself.
    else if (/^--clientProcessId=\d+$/.test(arg)) continue;
    else throw new UsageError(`lsp: unknown argument ${arg} (the server speaks over --stdio only)`);
  }
  if (!stdio) throw new UsageError('lsp needs --stdio: the server speaks over standard input and output');
  return { help: false };
}

/** Starts the server; the returned promise never settles (the server ends the process on `exit`). */
export async function runLsp(argv: readonly string[], stdout: NodeJS.WritableStream): Promise<number> {
  if (parseLspArgs(argv).help) {
    stdout.write(LSP_USAGE);
    return 0;
  }
  // The server is its own bundle, shared with the VS Code extension, beside this one in dist/.
  const bundle = join(__dirname, 'server.js');
  if (!existsSync(bundle)) throw new Error(`the language server is missing (${bundle}); run npm run build`);
  const server = require(bundle) as typeof import('../server/main');
  server.startNodeServer('stdio');
  return await new Promise<number>(() => undefined);
}

// Turns the server's citation-stub edits into snippet edits, so the cursor lands on `TODO-verify`
// when the quick-fix is applied. The server says where the placeholder is (the arguments of its
// select-placeholder command); where a snippet would not insert the text verbatim, the command
// stays and selects the placeholder after the edit instead.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { SERVER_COMMANDS, type PlaceholderTarget } from '../server/protocol';

export function snippetMiddleware(): Pick<Middleware, 'provideCodeActions'> {
  return {
    provideCodeActions: async (document, range, context, token, next) => {
      const actions = await next(document, range, context, token);
      for (const action of actions ?? []) {
        if (action instanceof vscode.CodeAction) withSnippet(action);
      }
      return actions;
    },
  };
}

function withSnippet(action: vscode.CodeAction): void {
  const target = action.command?.command === SERVER_COMMANDS.selectPlaceholder ? (action.command.arguments?.[0] as PlaceholderTarget | undefined) : undefined;
  if (!target?.snippet || !action.edit) return;
  const uri = vscode.Uri.parse(target.uri);
  const edits = action.edit.get(uri);
  const holder = edits[target.snippet.edit];
  if (!holder || action.edit.size !== 1 || target.snippet.end > holder.newText.length) return;
  const text = new vscode.SnippetString();
  text.appendText(holder.newText.slice(0, target.snippet.start));
  text.appendPlaceholder(holder.newText.slice(target.snippet.start, target.snippet.end));
  text.appendText(holder.newText.slice(target.snippet.end));
  const edit = new vscode.WorkspaceEdit();
  edit.set(
    uri,
    edits.map((e, i) => (i === target.snippet!.edit ? vscode.SnippetTextEdit.replace(e.range, text) : e)),
  );
  action.edit = edit;
  action.command = undefined;
}

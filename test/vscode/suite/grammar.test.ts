// The injection grammar, tokenized with the TextMate engine and Markdown grammar of the running
// VS Code (both ship inside it).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, EXTENSION_ID } from '../support/helpers';

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections(scopeName: string): string[] | undefined;
  }) => { loadGrammar(scopeName: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
  INITIAL: unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  createOnigScanner(patterns: string[]): unknown;
  createOnigString(text: string): unknown;
}

/** Loads a module that ships inside VS Code (plain folder in code-server, asar in desktop builds). */
function requireFromVsCode<T>(name: string): { module: T; dir: string } {
  const candidates = [path.join(vscode.env.appRoot, 'node_modules', name), path.join(vscode.env.appRoot, 'node_modules.asar', name)];
  for (const dir of candidates) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return { module: require(dir) as T, dir };
  }
  throw new Error(`${name} not found in ${vscode.env.appRoot}`);
}

function grammarPath(scopeName: string): string {
  for (const extension of vscode.extensions.all) {
    const grammars = (extension.packageJSON?.contributes?.grammars ?? []) as { scopeName?: string; path?: string }[];
    const match = grammars.find((g) => g.scopeName === scopeName && g.path);
    if (match?.path) return path.join(extension.extensionPath, match.path);
  }
  throw new Error(`no extension contributes the grammar ${scopeName}`);
}

describe('injection grammar', () => {
  let grammar: Grammar;
  let textmate: TextMate;

  before(async () => {
    await activateExtension();
    textmate = requireFromVsCode<TextMate>('vscode-textmate').module;
    const onig = requireFromVsCode<Oniguruma>('vscode-oniguruma');
    const wasm = fs.readFileSync(path.join(onig.dir, 'release', 'onig.wasm'));
    await onig.module.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const injection = 'alliance-cite.markdown.injection';
    const registry = new textmate.Registry({
      onigLib: Promise.resolve({ createOnigScanner: onig.module.createOnigScanner, createOnigString: onig.module.createOnigString }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'text.html.markdown' && scopeName !== injection) return null;
        const file = grammarPath(scopeName);
        return textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
      },
      getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [injection] : undefined),
    });
    const loaded = await registry.loadGrammar('text.html.markdown');
    assert.ok(loaded, 'the Markdown grammar loads');
    grammar = loaded;
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON.contributes.grammars.length > 0);
  });

  /** Returns the scopes of the token covering `needle` on a tokenized Markdown text. */
  function scopesOf(markdown: string, needle: string): string[] {
    let state = textmate.INITIAL;
    for (const line of markdown.split('\n')) {
      const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
      state = ruleStack;
      const at = line.indexOf(needle);
      if (at === -1) continue;
      const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
      assert.ok(token);
      return token.scopes;
    }
    throw new Error(`${needle} not found`);
  }

  it('marks the unverified stub marker', () => {
    const scopes = scopesOf('Text.[^m-1]\n\n[^m-1]: TODO-verify <https://thealliance.ai/members>, retrieved 2026-11-25.\n', 'TODO-verify');
    assert.ok(scopes.includes('invalid.illegal.unverified.alliance-cite'), scopes.join(' '));
  });

  it('marks retrieval-date phrases', () => {
    const markdown = 'See <https://thealliance.ai/members>, retrieved November 25, 2026.\n';
    assert.ok(scopesOf(markdown, 'retrieved').includes('keyword.other.retrieved.alliance-cite'));
    assert.ok(scopesOf(markdown, 'November').includes('constant.other.date.alliance-cite'));
  });

  it('marks disable comments and their rule ids', () => {
    const markdown = 'Intro.\n\n<!-- alliance-cite-disable-next-line missing-citation -->\nThe AI Alliance has 140 members.\n';
    assert.ok(scopesOf(markdown, 'alliance-cite-disable-next-line').includes('keyword.control.directive.alliance-cite'));
    assert.ok(scopesOf(markdown, 'missing-citation').includes('variable.parameter.rule.alliance-cite'));
  });

  it('leaves fenced code alone', () => {
    const scopes = scopesOf('```text\nTODO-verify\n```\n', 'TODO-verify');
    assert.ok(!scopes.includes('invalid.illegal.unverified.alliance-cite'), scopes.join(' '));
  });
});

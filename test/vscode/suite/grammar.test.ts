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
  tokenizeLine2(line: string, state: unknown): { tokens: Uint32Array; ruleStack: unknown };
}
interface ThemeSetting {
  scope?: string | string[];
  settings: { foreground?: string; fontStyle?: string };
}
interface TextMate {
  Registry: new (options: {
    onigLib: Promise<unknown>;
    loadGrammar(scopeName: string): Promise<unknown>;
    getInjections(scopeName: string): string[] | undefined;
  }) => { loadGrammar(scopeName: string): Promise<Grammar | null>; setTheme(theme: { name?: string; settings: ThemeSetting[] }): void; getColorMap(): string[] };
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

/** The colour themes that ship with VS Code, each with its token colours (its `include` chain resolved). */
function builtInThemes(): { label: string; settings: ThemeSetting[] }[] {
  const extension = vscode.extensions.getExtension('vscode.theme-defaults');
  assert.ok(extension, 'VS Code ships its default themes');
  const themes = (extension.packageJSON.contributes?.themes ?? []) as { label: string; path: string }[];
  const read = (file: string): ThemeSetting[] => {
    const theme = JSON.parse(fs.readFileSync(file, 'utf8')) as { include?: string; tokenColors?: ThemeSetting[]; colors?: Record<string, string> };
    const base = theme.include ? read(path.join(path.dirname(file), theme.include)) : [];
    const foreground = theme.colors?.['editor.foreground'];
    return [...(foreground ? [{ settings: { foreground } }] : []), ...base, ...(theme.tokenColors ?? [])];
  };
  return themes.map((t) => ({ label: t.label, settings: read(path.join(extension.extensionPath, t.path)) }));
}

/** Whether a colour reads as red (the colour of errors in every theme): a red hue, saturated enough to tell. */
function reddish(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max - min < 0.25 || max !== r) return false;
  const hue = (60 * (g - b)) / (max - min);
  return hue > -25 && hue < 25;
}

describe('injection grammar', () => {
  let grammar: Grammar;
  let textmate: TextMate;
  let registry: InstanceType<TextMate['Registry']>;

  before(async () => {
    await activateExtension();
    textmate = requireFromVsCode<TextMate>('vscode-textmate').module;
    const onig = requireFromVsCode<Oniguruma>('vscode-oniguruma');
    const wasm = fs.readFileSync(path.join(onig.dir, 'release', 'onig.wasm'));
    await onig.module.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const injection = 'alliance-cite.markdown.injection';
    registry = new textmate.Registry({
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
    assert.ok(scopesOf(markdown, 'retrieved').includes('constant.language.retrieved.alliance-cite'));
    assert.ok(scopesOf(markdown, 'November').includes('constant.other.date.alliance-cite'));
  });

  it('colours "retrieved" like a plain keyword in every built-in theme, never red like an error', () => {
    const line = 'See <https://thealliance.ai/members>, retrieved 2026-11-25.';
    const at = line.indexOf('retrieved');
    const themes = builtInThemes();
    assert.ok(themes.length >= 4, 'the built-in themes were read');
    const red: string[] = [];
    for (const theme of themes) {
      registry.setTheme({ name: theme.label, settings: theme.settings });
      const colors = registry.getColorMap();
      const { tokens } = grammar.tokenizeLine2(line, textmate.INITIAL);
      let metadata = 0;
      for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= at) metadata = tokens[i + 1];
      // vscode-textmate packs the foreground colour index into bits 15 to 23 of the metadata.
      const color = colors[(metadata & 0x00ff8000) >>> 15] ?? '';
      if (reddish(color)) red.push(`${theme.label}: ${color}`);
    }
    assert.deepEqual(red, [], 'themes that colour "retrieved" red');
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

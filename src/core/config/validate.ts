// Parses and validates the text of one `.alliance-cite.yaml` into a partial configuration.
import { isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { defaultConfig } from './defaults';
import type { RuleId, RuleSeverity } from '../types';
import { configJsonSchema, type JsonSchema } from './schema';
import { didYouMean } from './suggest';
import type { ConfigOverlay, ConfigProblem, ParsedConfig, RuleOverlay, SourceTypeReference } from './types';
import { INVALID, SchemaWalk } from './walk';

/** Config files larger than this are refused rather than parsed. */
export const MAX_CONFIG_LENGTH = 1_000_000;

let schemaCache: JsonSchema | undefined;

function schema(): JsonSchema {
  schemaCache ??= configJsonSchema();
  return schemaCache;
}

export interface ParseOptions {
  /**
   * Source types declared by the files this one builds on (beyond the shipped ones). When given,
   * references are checked even if the file has `extends`.
   */
  knownSourceTypes?: Iterable<string>;
}

/**
 * Parses a config file and reports every problem with its line and column. Source types the file
 * names are checked against the shipped types, its own, and `knownSourceTypes`; a file with
 * `extends` is only checked when `knownSourceTypes` says what its bases declare.
 */
export function parseConfigText(text: string, fileName: string, options: ParseOptions = {}): { overlay: ConfigOverlay; errors: ConfigProblem[] } {
  const parsed = parseConfigFile(text, fileName);
  const errors = [...parsed.errors];
  if (options.knownSourceTypes || parsed.extendsEntries.length === 0) {
    errors.push(...checkSourceTypeReferences(parsed, fileName, options.knownSourceTypes ?? []));
  }
  return { overlay: parsed.overlay, errors: sortProblems(errors) };
}

/** Parses a config file without judging the source types it refers to (see `checkSourceTypeReferences`). */
export function parseConfigFile(text: string, fileName: string): ParsedConfig {
  const empty: ParsedConfig = { overlay: {}, errors: [], extendsEntries: [], sourceTypeReferences: [] };
  if (text.length > MAX_CONFIG_LENGTH) {
    return { ...empty, errors: [{ file: fileName, line: 1, column: 1, message: `config file is larger than ${MAX_CONFIG_LENGTH} characters` }] };
  }
  const lines = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    return { ...empty, errors: [{ file: fileName, line: 1, column: 1, message: `invalid YAML: ${yamlMessage(String(error))}` }] };
  }
  const yamlProblems = [...doc.errors, ...doc.warnings].map((error) => {
    const { line, col } = lines.linePos(error.pos[0]);
    return { file: fileName, line: Math.max(1, line), column: Math.max(1, col), message: `invalid YAML: ${yamlMessage(error.message)}` };
  });
  // A file that is not valid YAML is reported as such; guessing at its structure would only add noise.
  if (yamlProblems.length > 0) return { ...empty, errors: sortProblems(yamlProblems) };
  const walk = new SchemaWalk(fileName, doc, lines);
  const root = doc.contents as Node | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return empty;
  const value = walk.check(root, schema(), '', 0);
  const raw = value === INVALID || value === undefined ? {} : (value as Record<string, unknown>);
  return {
    overlay: toOverlay(raw),
    errors: sortProblems(walk.problems),
    extendsEntries: raw.extends === undefined ? [] : extendsEntries(root, walk),
    sourceTypeReferences: walk.sourceTypeReferences,
  };
}

/** Reports source types a file names that neither the shipped defaults, its bases, nor the file itself declare. */
export function checkSourceTypeReferences(parsed: ParsedConfig, fileName: string, knownSourceTypes: Iterable<string>): ConfigProblem[] {
  const known = new Set([...Object.keys(defaultConfig().sources.types), ...knownSourceTypes, ...Object.keys(parsed.overlay.sources?.types ?? {})]);
  return parsed.sourceTypeReferences
    .filter((ref) => !known.has(ref.name))
    .map((ref: SourceTypeReference) => ({
      file: fileName,
      line: ref.line,
      column: ref.column,
      message: unknownTypeMessage(ref, known),
    }));
}

function unknownTypeMessage(ref: SourceTypeReference, known: Set<string>): string {
  const hint = didYouMean(ref.name, known);
  const choices = hint ? '' : `, or use one of: ${[...known].join(', ')}`;
  return `${ref.where}: unknown source type '${ref.name}'${hint}; declare it under sources.types${choices}`;
}

function toOverlay(raw: Record<string, unknown>): ConfigOverlay {
  const overlay: ConfigOverlay = {};
  if (raw.extends !== undefined) overlay.extends = typeof raw.extends === 'string' ? [raw.extends] : (raw.extends as string[]);
  if (raw.rules) {
    const rules: Partial<Record<RuleId, RuleOverlay>> = {};
    for (const [id, setting] of Object.entries(raw.rules as Record<string, unknown>)) {
      rules[id as RuleId] = typeof setting === 'string' ? { severity: setting as RuleSeverity } : (setting as RuleOverlay);
    }
    overlay.rules = rules;
  }
  if (raw.sources) overlay.sources = raw.sources as ConfigOverlay['sources'];
  if (raw.categories) overlay.categories = raw.categories as ConfigOverlay['categories'];
  if (raw.lexicon || raw.subjects) {
    const lexicon = { ...((raw.lexicon as ConfigOverlay['lexicon']) ?? {}) };
    if (raw.subjects) lexicon.subjects = [...(lexicon.subjects ?? []), ...(raw.subjects as string[])];
    overlay.lexicon = lexicon;
  }
  if (raw.ignore) overlay.ignore = raw.ignore as string[];
  if (typeof raw.baseline === 'string') overlay.baseline = raw.baseline;
  return overlay;
}

function extendsEntries(root: Node, walk: SchemaWalk): ParsedConfig['extendsEntries'] {
  const node = (root as unknown as { get(key: string, keep: true): unknown }).get('extends', true);
  const items = isSeq(node) ? node.items : [node];
  return items.flatMap((item) =>
    isScalar(item) && typeof item.value === 'string' ? [{ path: item.value, ...walk.position(item.range?.[0] ?? 0) }] : [],
  );
}

function yamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
  return /call stack/i.test(first) ? 'values are nested too deeply' : first;
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}

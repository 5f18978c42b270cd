// Validates a YAML node tree against the config JSON Schema, keeping node positions so every
// problem names a line and column. Returns the valid parts as plain data.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import { FORMAT, type JsonSchema } from './schema';
import { checkHostPattern, checkPathGlob } from '../evidence/patterns';
import { checkPhrase } from '../language/phrases';
import { didYouMean } from './suggest';
import type { ConfigProblem, SourceTypeReference } from './types';

export const INVALID = Symbol('invalid');
export type Checked = unknown | typeof INVALID;

type Kind = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';

/** Upper bound on visited nodes, so aliases that expand exponentially cannot stall validation. */
const NODE_BUDGET = 100_000;
/** The schema is a few levels deep; anything far deeper is a mistake, reported before it costs stack. */
const MAX_DEPTH = 64;

export class SchemaWalk {
  readonly problems: ConfigProblem[] = [];
  readonly sourceTypeReferences: SourceTypeReference[] = [];
  private budget = NODE_BUDGET;
  private exhausted = false;
  private depth = 0;

  constructor(
    private readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): { line: number; column: number } {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(1, line), column: Math.max(1, col) };
  }

  report(offset: number, path: string, message: string): void {
    this.problems.push({ file: this.file, ...this.position(offset), message: path ? `${path}: ${message}` : message });
  }

  /** Validates `node` (null when a key has no value) against `schema`; `offset` locates problems. */
  check(node: unknown, schema: JsonSchema, path: string, offset: number): Checked {
    if (this.depth >= MAX_DEPTH) {
      this.report(nodeOffset(node, offset), path, `values are nested more than ${MAX_DEPTH} levels deep`);
      return INVALID;
    }
    this.depth++;
    try {
      return this.checkNode(node, schema, path, offset);
    } finally {
      this.depth--;
    }
  }

  private checkNode(node: unknown, schema: JsonSchema, path: string, offset: number): Checked {
    if (--this.budget < 0) {
      if (!this.exhausted) this.report(offset, path, 'the file expands to too many values (check its aliases)');
      this.exhausted = true;
      return INVALID;
    }
    let target = node;
    if (isAlias(target)) target = target.resolve(this.doc);
    const at = nodeOffset(target, offset);
    const kind = kindOf(target);
    // An empty section (`rules:` followed only by comments) means "nothing here".
    if (kind === 'null' && expects(schema, 'object', 'array')) return undefined;
    let branch = schema;
    if (schema.anyOf) {
      const fitting = schema.anyOf.find((b) => accepts(b, kind));
      if (!fitting) {
        this.report(at, path, `expected ${describe(schema)}; found ${found(target)}`);
        return INVALID;
      }
      branch = fitting;
    }
    if (branch.enum) {
      const value = isScalar(target) ? target.value : undefined;
      if (!branch.enum.includes(value)) {
        const hint = typeof value === 'string' ? didYouMean(value, branch.enum.map(String)) : '';
        this.report(at, path, `expected ${describe(branch)}; found ${found(target)}${hint}`);
        return INVALID;
      }
      return value;
    }
    if (branch.type && !accepts(branch, kind)) {
      this.report(at, path, `expected ${describe(branch)}; found ${found(target)}`);
      return INVALID;
    }
    if (isMap(target)) return this.checkObject(target.items as Pair[], branch, path, at);
    if (isSeq(target)) return this.checkArray(target.items, branch, path, at);
    if (isScalar(target)) return this.checkScalar(target.value, branch, path, at);
    this.report(at, path, `expected ${describe(branch)}; found ${found(target)}`);
    return INVALID;
  }

  private checkObject(pairs: Pair[], schema: JsonSchema, path: string, offset: number): Checked {
    const result: Record<string, unknown> = {};
    let valid = true;
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null;
      const keyAt = nodeOffset(keyNode, offset);
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
        this.report(keyAt, path, 'keys must be plain names');
        valid = false;
        continue;
      }
      const key = String(keyNode.value);
      const childPath = path ? `${path}.${key}` : key;
      let childSchema = schema.properties?.[key];
      if (!childSchema) {
        if (schema.additionalProperties === false) {
          this.report(keyAt, path, unknownKeyMessage(key, path, Object.keys(schema.properties ?? {})));
          valid = false;
          continue;
        }
        const allowedNames = schema.propertyNames?.enum?.map(String);
        if (allowedNames && !allowedNames.includes(key)) {
          this.report(keyAt, path, unknownKeyMessage(key, path, allowedNames));
          valid = false;
          continue;
        }
        if (schema.propertyNames && this.checkScalar(key, schema.propertyNames, childPath, keyAt, true) === INVALID) {
          valid = false;
          continue;
        }
        childSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {};
      }
      const value = this.check(pair.value, childSchema, childPath, keyAt);
      if (value === INVALID) valid = false;
      // Defined rather than assigned, so a key such as __proto__ stays an ordinary key.
      else if (value !== undefined) Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    for (const key of schema.required ?? []) {
      if (!(key in result) && !pairs.some((p) => isScalar(p.key) && String(p.key.value) === key)) {
        this.report(offset, path, `missing '${key}' (${describe(schema.properties?.[key] ?? {})})`);
        valid = false;
      }
    }
    // An entry with required keys is used whole or not at all (a pattern without its path would
    // match more than the writer meant).
    if (!valid && schema.required) return INVALID;
    return result;
  }

  private checkArray(items: unknown[], schema: JsonSchema, path: string, offset: number): Checked {
    if (schema.maxItems !== undefined && items.length > schema.maxItems) {
      this.report(offset, path, `expected at most ${schema.maxItems} entries; found ${items.length}`);
      return INVALID;
    }
    if (schema.minItems !== undefined && items.length < schema.minItems) {
      this.report(offset, path, `expected at least ${schema.minItems} ${schema.minItems === 1 ? 'entry' : 'entries'}; found none`);
      return INVALID;
    }
    const result: unknown[] = [];
    items.forEach((item, i) => {
      // Unlike an empty section, an empty list entry (`- ` alone) is a slip worth reporting.
      if (kindOf(isAlias(item) ? item.resolve(this.doc) : item) === 'null' && schema.items?.type) {
        this.report(nodeOffset(item, offset), `${path}[${i}]`, `expected ${describe(schema.items)}; found nothing`);
        return;
      }
      const value = this.check(item, schema.items ?? {}, `${path}[${i}]`, offset);
      if (value !== INVALID && value !== undefined) result.push(value);
    });
    return result;
  }

  private checkScalar(value: unknown, schema: JsonSchema, path: string, offset: number, isKey = false): Checked {
    if (typeof value === 'number') {
      if (schema.minimum !== undefined && value < schema.minimum) return this.fail(offset, path, schema, value);
      if (schema.maximum !== undefined && value > schema.maximum) return this.fail(offset, path, schema, value);
      return value;
    }
    if (typeof value !== 'string') return value;
    if (schema.minLength !== undefined && value.length < schema.minLength) return this.fail(offset, path, schema, value);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      this.report(offset, path, `expected at most ${schema.maxLength} characters; found ${value.length}`);
      return INVALID;
    }
    const problem = checkFormat(schema.format, value) ?? (schema.pattern && !schema.format ? checkPattern(schema.pattern, value) : undefined);
    if (problem) {
      this.report(offset, path, problem);
      return INVALID;
    }
    if (schema.format === FORMAT.sourceType && !isKey) {
      this.sourceTypeReferences.push({ name: value, where: path, ...this.position(offset) });
    }
    return value;
  }

  private fail(offset: number, path: string, schema: JsonSchema, value: unknown): typeof INVALID {
    this.report(offset, path, `expected ${describe(schema)}; found ${typeof value === 'string' ? `'${value}'` : String(value)}`);
    return INVALID;
  }
}

function checkFormat(format: string | undefined, value: string): string | undefined {
  switch (format) {
    case FORMAT.hostPattern:
      return checkHostPattern(value);
    case FORMAT.pathGlob:
      return checkPathGlob(value);
    case FORMAT.phrase:
      return checkPhrase(value);
    case FORMAT.sourceType:
      return /^[a-z][a-z0-9-]*$/.test(value) ? undefined : `'${value}' is not a source type name (lower-case words joined by hyphens, e.g. safety-eval)`;
    case FORMAT.url:
      return /^https?:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/i.test(value) ? undefined : `expected an http(s) URL such as https://example.org/page; found '${value}'`;
    case FORMAT.date:
      return isIsoDate(value) ? undefined : `expected a date written YYYY-MM-DD (e.g. 2026-06-25); found '${value}'`;
    default:
      return undefined;
  }
}

function checkPattern(pattern: string, value: string): string | undefined {
  return new RegExp(pattern, 'u').test(value) ? undefined : `'${value}' does not have the expected form (${pattern})`;
}

/** Whether a string is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

function unknownKeyMessage(key: string, path: string, known: string[]): string {
  const hint = didYouMean(key, known);
  const list = known.join(', ');
  if (path === 'rules') return `unknown rule id '${key}'${hint}${hint ? '' : `; rule ids: ${list}`}`;
  if (path === 'categories') return `unknown policy key '${key}'${hint}${hint ? '' : `; policy keys: ${list}`}`;
  if (path === 'lexicon.categories') return `unknown claim category '${key}'${hint}${hint ? '' : `; categories: ${list}`}`;
  if (path.startsWith('rules.') && path.endsWith('.options')) {
    const rule = path.slice('rules.'.length, -'.options'.length);
    return `unknown option '${key}' for rule ${rule}${hint}${list ? `; options: ${list}` : '; this rule takes no options'}`;
  }
  return `unknown key '${key}'${hint}; expected ${known.length === 1 ? list : `one of: ${list}`}`;
}

function nodeOffset(node: unknown, fallback: number): number {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : fallback;
}

function kindOf(node: unknown): Kind {
  if (isMap(node)) return 'object';
  if (isSeq(node)) return 'array';
  return kindOfValue(isScalar(node) ? node.value : null);
}

function kindOfValue(value: unknown): Kind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function accepts(schema: JsonSchema, kind: Kind): boolean {
  if (schema.enum) return schema.enum.some((v) => kindOfValue(v) === kind);
  if (!schema.type) return true;
  return schema.type === kind || (schema.type === 'number' && kind === 'integer');
}

function expects(schema: JsonSchema, ...kinds: Kind[]): boolean {
  const types = schema.anyOf ? schema.anyOf.map((b) => b.type) : [schema.type];
  return types.some((t) => t !== undefined && (kinds as string[]).includes(t));
}

/** Says in words what a schema accepts. */
export function describe(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(describe).join(', or ');
  if (schema.enum) return `one of ${schema.enum.map(String).join(', ')}`;
  switch (schema.type) {
    case 'object':
      return schema.properties && Object.keys(schema.properties).length > 0
        ? `a mapping with ${Object.keys(schema.properties).join(', ')}`
        : 'a mapping';
    case 'array':
      return `a list${schema.items ? ` of ${plural(describe(schema.items))}` : ''}`;
    case 'integer':
    case 'number': {
      const noun = schema.type === 'integer' ? 'a whole number' : 'a number';
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `${noun} from ${schema.minimum} to ${schema.maximum}`;
      if (schema.minimum !== undefined) return `${noun} of at least ${schema.minimum}`;
      return noun;
    }
    case 'boolean':
      return 'true or false';
    case 'string':
      return describeString(schema);
    default:
      return 'a value';
  }
}

function describeString(schema: JsonSchema): string {
  switch (schema.format) {
    case FORMAT.hostPattern:
      return 'a host pattern';
    case FORMAT.pathGlob:
      return 'a path glob';
    case FORMAT.phrase:
      return 'a phrase';
    case FORMAT.sourceType:
      return 'a source type name';
    case FORMAT.url:
      return 'a URL';
    case FORMAT.date:
      return 'a date (YYYY-MM-DD)';
    default:
      return schema.minLength ? 'a non-empty string' : 'a string';
  }
}

/** Turns "a mapping with type, host" into "mappings with type, host". */
function plural(phrase: string): string {
  const bare = phrase.replace(/^an? /, '');
  const cut = bare.search(/ with | \(/);
  const head = cut < 0 ? bare : bare.slice(0, cut);
  const tail = cut < 0 ? '' : bare.slice(cut);
  return `${head.endsWith('s') ? head : `${head}s`}${tail}`;
}

function found(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  const value = isScalar(node) ? node.value : null;
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  return String(value);
}

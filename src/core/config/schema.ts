// The JSON Schema of `.alliance-cite.yaml`, generated from the rules' metadata and the shipped
// defaults. Editors use it (via `contributes.yamlValidation`) and `parseConfigText` validates with it.
import { defaultConfig } from './defaults';
import { RULES } from '../rules';
import { CATEGORIES } from '../types';

/** The subset of JSON Schema (draft-07) this project writes and validates. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null';
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  /** Checked by this project's validator; other tools treat unknown formats as annotations. */
  format?: string;
  pattern?: string;
  default?: unknown;
}

export const SCHEMA_ID = 'https://github.com/alliance-cite/alliance-cite/blob/main/schemas/alliance-cite.schema.json';
export const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;
export const MAX_LIST_LENGTH = 5000;

// Formats this project checks itself (see validate.ts); the names say what they accept.
export const FORMAT = {
  hostPattern: 'alliance-cite-host-pattern',
  pathGlob: 'alliance-cite-path-glob',
  phrase: 'alliance-cite-phrase',
  sourceType: 'alliance-cite-source-type',
  url: 'uri',
  date: 'date',
} as const;

const SOURCE_TYPE_NAME = '^[a-z][a-z0-9-]*$';

function phraseList(description: string): JsonSchema {
  return {
    description,
    type: 'array',
    maxItems: MAX_LIST_LENGTH,
    items: { type: 'string', minLength: 1, maxLength: 200, format: FORMAT.phrase },
  };
}

function ruleSchema(rule: (typeof RULES)[number]): JsonSchema {
  const severity: JsonSchema = { description: 'off, info, warning or error.', enum: [...SEVERITIES] };
  return {
    description: `${rule.description} Default: ${rule.defaultSeverity}. Docs: ${rule.docsUrl}`,
    anyOf: [
      severity,
      {
        type: 'object',
        additionalProperties: false,
        properties: { severity, options: rule.optionsSchema as JsonSchema },
      },
    ],
  };
}

function categoryPolicySchema(key: string): JsonSchema {
  return {
    description: `Source policy for ${key} claims.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      approved: {
        description: 'Source types that satisfy such a claim (replaces the list it overrides).',
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'string', format: FORMAT.sourceType, pattern: SOURCE_TYPE_NAME },
      },
      requireRetrievalDate: { description: 'Whether current-state claims need a retrieval date.', type: 'boolean' },
      maxAgeDays: { description: 'Maximum age of a retrieval date, in days.', type: 'integer', minimum: 1, maximum: 36500 },
    },
  };
}

/** Returns the JSON Schema of a config file, derived from the rules and the shipped defaults. */
export function configJsonSchema(): JsonSchema {
  const defaults = defaultConfig();
  const lexiconCategories = [...new Set([...CATEGORIES, ...Object.keys(defaults.lexicon.categories)])];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'alliance-cite configuration (.alliance-cite.yaml)',
    type: 'object',
    additionalProperties: false,
    properties: {
      extends: {
        description: 'Config files this one builds on, relative to this file; this file wins.',
        anyOf: [
          { type: 'string', minLength: 1 },
          { type: 'array', maxItems: 50, items: { type: 'string', minLength: 1 } },
        ],
      },
      rules: {
        description: 'Rule severities (off, info, warning, error) or {severity, options}.',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(RULES.map((rule) => [rule.id, ruleSchema(rule)])),
      },
      sources: {
        description: 'Source types and the URL patterns that assign them.',
        type: 'object',
        additionalProperties: false,
        properties: {
          types: {
            description: 'Source types by name; a built-in type may be relabelled.',
            type: 'object',
            propertyNames: { format: FORMAT.sourceType, pattern: SOURCE_TYPE_NAME, maxLength: 64 },
            additionalProperties: {
              type: 'object',
              additionalProperties: false,
              properties: {
                label: { description: 'Name used in messages, e.g. "our evaluation lab".', type: 'string', minLength: 1, maxLength: 200 },
                canonical: {
                  description: 'URLs offered by citation stubs, keyed by policy key or "default".',
                  type: 'object',
                  propertyNames: { enum: ['default', ...Object.keys(defaults.categories)] },
                  additionalProperties: { type: 'string', format: FORMAT.url, maxLength: 2000 },
                },
              },
            },
          },
          relative: {
            description: 'Source type of a link without a host (LICENSE, ../docs/x.md): a file of the repository the draft lives in.',
            type: 'string',
            format: FORMAT.sourceType,
            pattern: SOURCE_TYPE_NAME,
          },
          template: {
            description: 'Source type of a site-template link ({{site.baseurl}}/about): a page of the site that renders the draft.',
            type: 'string',
            format: FORMAT.sourceType,
            pattern: SOURCE_TYPE_NAME,
          },
          patterns: {
            description: 'URL patterns checked in order before the built-in ones; the first match wins.',
            type: 'array',
            maxItems: MAX_LIST_LENGTH,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['type', 'host'],
              properties: {
                type: { description: 'Source type assigned to matching URLs.', type: 'string', format: FORMAT.sourceType, pattern: SOURCE_TYPE_NAME },
                host: { description: 'example.org, *.example.org (with subdomains) or news.* (any host starting with news.).', type: 'string', format: FORMAT.hostPattern },
                path: { description: 'Path glob starting with /: * within a segment, ** across segments.', type: 'string', format: FORMAT.pathGlob },
              },
            },
          },
        },
      },
      categories: {
        description: 'Source policy per claim category (or narrower policy key).',
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(Object.keys(defaults.categories).map((key) => [key, categoryPolicySchema(key)])),
      },
      lexicon: {
        description: 'Literal words and phrases added to the claim detector (never regular expressions).',
        type: 'object',
        additionalProperties: false,
        properties: {
          subjects: phraseList('Names and aliases of the AI Alliance.'),
          lookalikes: phraseList('Organisations that are not the AI Alliance.'),
          projects: phraseList('Alliance projects.'),
          hedges: phraseList('Hedging words (a hedged claim is still a claim).'),
          categories: {
            description: 'Trigger phrases per claim category.',
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(lexiconCategories.map((c) => [c, phraseList(`Phrases that make a sentence a ${c} claim.`)])),
          },
        },
      },
      subjects: phraseList('Shorthand for lexicon.subjects.'),
      ignore: {
        description: 'Globs of files not to lint, relative to the folder of this config file.',
        type: 'array',
        maxItems: MAX_LIST_LENGTH,
        items: { type: 'string', minLength: 1, maxLength: 500 },
      },
      baseline: {
        description: 'Baseline file of known findings (written by alliance-cite --baseline-write), relative to the folder of this config file; the nearest config that names one wins.',
        type: 'string',
        minLength: 1,
        maxLength: 1000,
      },
    },
  };
}

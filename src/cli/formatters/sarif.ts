// SARIF 2.1.0 for GitHub code scanning: every rule in the tool driver, and one result per
// finding with a 1-based region, the claim category and a fingerprint that survives
// unrelated edits (it hashes the rule, the claim text and its occurrence, never line numbers).
import { pathToFileURL } from 'node:url';
import { RULES, type RuleMeta, type Severity } from '../../core';
import type { FileReport } from '../report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/alliance-cite/alliance-cite';
/** Bump the suffix if the fingerprint recipe ever changes, so old alerts are not matched wrongly. */
export const FINGERPRINT_KEY = 'allianceCite/v1';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifContext {
  version: string;
  /** Folder the file paths are relative to (the repository root in CI). */
  cwd: string;
}

export function formatSarif(reports: readonly FileReport[], context: SarifContext): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const results = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUriPath(report.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
      properties: { category: f.category ?? 'none', fixable: f.fixable },
    })),
  );
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'alliance-cite',
            semanticVersion: context.version,
            version: context.version,
            informationUri: INFORMATION_URI,
            rules: RULES.map(describeRule),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(rule: RuleMeta) {
  return {
    id: rule.id,
    name: toPascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri: rule.docsUrl,
    help: { text: `${rule.description} See ${rule.docsUrl}` },
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['citations', 'documentation'], fixable: rule.fixable },
  };
}

/** Percent-encodes each segment of a relative path, keeping the `/` separators. */
function encodeUriPath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function toPascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase());
}

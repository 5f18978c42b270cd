// SARIF 2.1.0 for GitHub code scanning: every rule in the tool driver, and one result per
// finding with a 1-based region, the claim category and a fingerprint that survives
// unrelated edits (it hashes the rule, the claim text and its occurrence, never line numbers).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findRepositoryRoot } from '../../node/files';
import { FINGERPRINT_KEY } from '../../node/fingerprint';
import { RULES, type RuleMeta, type Severity } from '../../core';
import type { FileReport } from '../report';

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/alliance-cite/alliance-cite';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifContext {
  version: string;
  /** Folder the report paths are relative to. */
  cwd: string;
  /** Folder SARIF paths are made relative to; default: GITHUB_WORKSPACE, else the repository root. */
  sourceRoot?: string;
}

export function formatSarif(reports: readonly FileReport[], context: SarifContext): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  // Code scanning matches paths against the checkout, so they are made relative to its root.
  const sourceRoot = context.sourceRoot || process.env.GITHUB_WORKSPACE || findRepositoryRoot(context.cwd) || context.cwd;
  const results = reports.flatMap((report) =>
    report.findings.map((f) => ({
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(report.path, context.cwd, sourceRoot),
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
        originalUriBaseIds: { '%SRCROOT%': { uri: folderUri(sourceRoot) } },
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
    // A rule that is off unless a command turns it on (unreachable-source) is disabled, at the level it is turned on with.
    defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false, level: LEVEL.warning } : { level: LEVEL[rule.defaultSeverity] },
    properties: { tags: ['citations', 'documentation'], fixable: rule.fixable },
  };
}

function artifactLocation(reportPath: string, cwd: string, sourceRoot: string): { uri: string; uriBaseId?: string } {
  if (reportPath === '<stdin>') return { uri: 'stdin' };
  const absolute = path.resolve(cwd, reportPath);
  const relative = path.relative(sourceRoot, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: encodeUriPath(relative.split(path.sep).join('/')), uriBaseId: '%SRCROOT%' };
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

// Public API of the core: one function in (text + config), diagnostics and fixes out.
// The core imports neither `vscode` nor `node:*`, so it runs in the CLI, the extension and a browser.
export * from './types';
export { lint, createLintSession, mayHaveFindings, type LintSession } from './lint';
export { applyFixes, type ApplyResult } from './fixes/apply';
export { fixAll, type FixAllResult } from './fixAll';
export { LineIndex } from './text';
export { explanationLines } from './explain';
export { addDays, claimLedger, freshUntil, type ClaimRecord, type ClaimStatus, type InferenceRecord, type Ledger } from './ledger';
export { RULES, ruleById, type RuleMeta } from './rules';
export { archiveSearchUrl } from './rules/unreachable-source';
export { defaultConfig } from './config/defaults';
export { markVerified, type MarkVerifiedOptions } from './fixes/verify';

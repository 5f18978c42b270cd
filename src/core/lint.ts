import { analyse, type Analysis } from './evidence/analysis';
import { todayIso } from './language/dates';
import { sharedDefaultConfig } from './config/defaults';
import type { Directive, DocumentModel } from './markdown/model';
import { parseInChunks } from './markdown/parse';
import { buildModel } from './markdown/prose';
import { CLAIM_RULES, DOCUMENT_RULES, type Finding, type RuleContext } from './rules';
import { stubContext } from './fixes/stubs';
import { LineIndex } from './text';
import type { Config, Diagnostic, LintOptions, LintResult, RuleId } from './types';
import { compileLexicon } from './language/lexicon';
import { createUnitSession, type LintSession } from './session';
import { hasPhrase } from './language/phrases';

export type { LintSession } from './session';

/** Lints one Markdown draft: claims without approved, dated citations and forbidden inferences. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const config = options.config ?? (sharedDefaultConfig() as Config);
  if (!mayHaveFindings(text, config)) return { diagnostics: [], notes: [] };
  return lintModel(buildDocumentModel(text), config, options.asOf ?? todayIso(), options.sourceStatus);
}

/**
 * A draft that names neither the Alliance (nor a look-alike, project, OSAID) nor holds a stub or a
 * suppression comment cannot produce a finding: claims and inferences need those words, so the
 * parse is skipped. This is what keeps whole-tree runs close to the cost of reading the files.
 */
export function mayHaveFindings(text: string, config: Config): boolean {
  if (/alliance|osaid|open[\s-]source\s+(?:ai|initiative)|\bOSI\b|todo-verify/i.test(text)) return true;
  const lex = compileLexicon(config.lexicon);
  return hasPhrase(lex.subjects, text) || hasPhrase(lex.projects, text);
}

/** Runs the rules over a built document model. */
export function lintModel(model: DocumentModel, config: Config, asOf: string, sourceStatus?: LintOptions['sourceStatus']): LintResult {
  const { findings, lines } = runRules(model, config, asOf, sourceStatus);
  return reportFindings(model, config, findings, lines);
}

/** Applies severities and suppression comments to a run's findings, and puts them in document order. */
export function reportFindings(model: DocumentModel, config: Config, findings: Finding[], lines: LineIndex): LintResult {
  const diagnostics: Diagnostic[] = [];
  const suppressed = suppressionFilter(model.directives, lines);
  for (const f of findings) {
    const setting = config.rules[f.rule];
    const severity = setting?.severity ?? 'warning';
    if (severity === 'off' || suppressed(f.rule, f.start)) continue;
    diagnostics.push({ ...f, severity });
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { diagnostics, notes: model.notes };
}

export interface RuleRun {
  analysis: Analysis;
  ctx: RuleContext;
  lines: LineIndex;
  /** Every rule's findings, before severities and suppression comments apply. */
  findings: Finding[];
}

/** Analyses a document model and runs every rule over it. */
export function runRules(model: DocumentModel, config: Config, asOf: string, sourceStatus?: LintOptions['sourceStatus']): RuleRun {
  const analysis = analyse(model, config);
  const lines = new LineIndex(model.text);
  const ctx: RuleContext = { analysis, config, asOf, stubs: stubContext(analysis, asOf, lines), sourceStatus };
  const findings: Finding[] = [];
  // Claim by claim, each rule in the registry's order: stub labels are handed out in text order.
  for (const claim of analysis.claims) for (const rule of CLAIM_RULES) findings.push(...rule.checkClaim!(ctx, claim));
  for (const rule of DOCUMENT_RULES) findings.push(...rule.checkDocument!(ctx));
  return { analysis, ctx, lines, findings };
}

/** Parses a draft into its document model, chunk by chunk, so a long draft's parse never holds more than a chunk's tree. */
export function buildDocumentModel(text: string): DocumentModel {
  return buildModel(text, parseInChunks(text), text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/** Builds a predicate telling whether a rule is suppressed at an offset by disable comments. */
function suppressionFilter(directives: Directive[], lines: LineIndex): (rule: RuleId, offset: number) => boolean {
  if (directives.length === 0) return () => false;
  const applies = (d: Directive, rule: RuleId) => d.rules.length === 0 || d.rules.includes(rule);
  // Sorted once by what each comment covers, so a finding looks only at its own line's comments.
  const fileWide: Directive[] = [];
  const byLine = new Map<number, Directive[]>();
  const ranges: Directive[] = [];
  const onLine = (line: number, d: Directive): void => {
    const list = byLine.get(line);
    if (list) list.push(d);
    else byLine.set(line, [d]);
  };
  for (const d of directives) {
    if (d.kind === 'disable-file') fileWide.push(d);
    else if (d.kind === 'disable-line') onLine(lines.positionAt(d.start).line, d);
    else if (d.kind === 'disable-next-line') onLine(lines.positionAt(d.end).line + 1, d);
    else ranges.push(d);
  }
  return (rule, offset) => {
    if (fileWide.some((d) => applies(d, rule))) return true;
    if (byLine.get(lines.positionAt(offset).line)?.some((d) => applies(d, rule))) return true;
    // The last `disable` or `enable` before the offset decides.
    let disabled = false;
    for (const d of ranges) if (d.start <= offset && applies(d, rule)) disabled = d.kind === 'disable';
    return disabled;
  };
}

/** Creates a session for an editor buffer that is re-linted after every change. */
export function createLintSession(options: LintOptions = {}): LintSession {
  // One config object for the session's life: compiled lexicons and source patterns are cached per object.
  const config = options.config ?? (sharedDefaultConfig() as Config);
  // Without a fixed date, "today" is read at each update: a session left open past midnight moves on.
  let current: { asOf: string; session: LintSession } | undefined;
  const sessionFor = (asOf: string): LintSession => {
    const whole: LintOptions = { ...options, config, asOf };
    return createUnitSession({
      config,
      asOf,
      sourceStatus: options.sourceStatus,
      lintWhole: (text) => lint(text, whole),
      mayHaveFindings: (text) => mayHaveFindings(text, config),
      report: (model, findings, lines) => reportFindings(model, config, findings, lines),
      runAll: (model) => runRules(model, config, asOf, options.sourceStatus),
    });
  };
  return {
    update(text) {
      const asOf = options.asOf ?? todayIso();
      if (current?.asOf !== asOf) current = { asOf, session: sessionFor(asOf) };
      return current.session.update(text);
    },
  };
}

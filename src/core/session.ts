// An editor session: the draft is re-linted after every change, and only the units (paragraphs,
// list items, table rows, headings…) the change touched are judged again. What an unchanged unit
// yielded — its findings, the forbidden inferences in it, the state the walk leaves it with — is
// kept from the last lint and moved by the length of the edit. A unit is reused only when all it
// depends on is as before: the unit itself (its block was not parsed again), the state the walk
// arrives with, the draft-wide facts the judge reads (about the Alliance, first-party, its
// projects, its date) and the tables citations resolve against (link and footnote definitions,
// numbered references, front-matter sources). Fixes are built when first asked for, by a full run
// of the rules over the same document model, so typing never pays for them.
import { analyse, type InferenceFinding, type UnitReuse, type WalkState } from './evidence/analysis';
import type { DocumentContext } from './language/document';
import type { DocumentModel, Unit } from './markdown/model';
import { reparse, type ParseSnapshot } from './markdown/incremental';
import { CHUNK_THRESHOLD, parseMarkdown } from './markdown/parse';
import { buildModel } from './markdown/prose';
import { stubContext } from './fixes/stubs';
import { CLAIM_RULES, DOCUMENT_RULES, type Finding, type RuleContext } from './rules';
import { editBetween, LineIndex, type Edit } from './text';
import type { Config, Diagnostic, Explanation, LintOptions, LintResult } from './types';

/** An old offset in the new text; undefined when it touches the changed range (it cannot be moved safely). */
function moved(edit: Edit, offset: number): number | undefined {
  if (offset < edit.at) return offset;
  if (offset > edit.oldEnd) return offset + edit.delta;
  return undefined;
}

/** A new offset in the old text's terms, for comparing tables across an edit. */
function unmoved(edit: Edit, offset: number): string {
  if (offset < edit.at) return String(offset);
  if (offset > edit.oldEnd + edit.delta) return String(offset - edit.delta);
  return `?${offset}`;
}

/** What a unit yielded at the last lint, in the offsets of that lint's text. */
interface UnitEntry {
  start: number;
  end: number;
  inSourceList: boolean;
  section: string;
  before: WalkState;
  after: WalkState;
  /** The claim rules' findings on the unit's claims, their fixes left out. */
  findings: Finding[];
  inferences: InferenceFinding[];
}

/**
 * The tables citations resolve against, with offsets given by `offset`: two lints whose tables
 * read the same resolve every unchanged citation the same way.
 */
function tablesKey(model: DocumentModel, offset: (o: number) => string): string {
  const parts: string[] = [];
  for (const d of model.definitions.values()) parts.push(`d${d.id}\u0001${d.url}\u0001${d.title ?? ''}\u0001${offset(d.start)}\u0001${offset(d.end)}`);
  for (const f of model.footnotes.values()) parts.push(`f${f.id}\u0001${offset(f.start)}\u0001${offset(f.end)}\u0001${offset(f.contentEnd)}\u0001${f.urls.join(' ')}\u0001${offset(f.textStart)}\u0001${f.text}`);
  for (const n of model.numbered.values()) parts.push(`n${n.n}\u0001${offset(n.start)}\u0001${offset(n.end)}\u0001${n.urls.join(' ')}\u0001${offset(n.textStart)}\u0001${n.text}`);
  const fm = model.frontMatter;
  if (fm) {
    parts.push(`m${offset(fm.start)}\u0001${offset(fm.end)}\u0001${fm.date ?? ''}\u0001${fm.title ?? ''}\u0001${fm.sourcesKey ?? ''}\u0001${fm.sourcesInsertAt === undefined ? '' : offset(fm.sourcesInsertAt)}\u0001${fm.sourcesIndent ?? ''}\u0001${fm.sourcesStyle ?? ''}`);
    for (const s of fm.sources.values()) {
      const r = s.retrieved ? `${s.retrieved.raw}\u0001${offset(s.retrieved.start)}\u0001${offset(s.retrieved.end)}` : '';
      parts.push(`s${s.id}\u0001${s.url ?? ''}\u0001${s.type ?? ''}\u0001${r}\u0001${offset(s.start)}\u0001${offset(s.end)}`);
    }
  }
  return parts.join('\u0000');
}

function documentKey(doc: DocumentContext): string {
  return `${+doc.aboutAlliance}${+doc.aboutOsaid}${+doc.firstParty}${doc.documentYear ?? ''}`;
}

function sameState(a: WalkState, b: WalkState): boolean {
  return (
    a.question === b.question &&
    a.previousAboutAlliance === b.previousAboutAlliance &&
    a.previousSubjectAlliance === b.previousSubjectAlliance &&
    a.projectSectionDepth === b.projectSectionDepth &&
    (a.leadIn === b.leadIn || JSON.stringify(a.leadIn) === JSON.stringify(b.leadIn))
  );
}

/** Spans moved by an edit (an unmoved one kept as it is), or undefined if any touches the change. */
function movedSpans<T extends { start: number; end: number }>(edit: Edit, spans: readonly T[]): T[] | undefined {
  const out: T[] = [];
  for (const span of spans) {
    const start = moved(edit, span.start);
    const end = moved(edit, span.end);
    if (start === undefined || end === undefined) return undefined;
    out.push(start === span.start && end === span.end ? span : { ...span, start, end });
  }
  return out;
}

/** A finding moved by an edit, or undefined if any of its offsets touches the change. */
function movedFinding(edit: Edit, f: Finding): Finding | undefined {
  const start = moved(edit, f.start);
  const end = moved(edit, f.end);
  const related = movedSpans(edit, f.related);
  if (start === undefined || end === undefined || !related) return undefined;
  let explain: Explanation | undefined = f.explain;
  if (explain) {
    const citations = movedSpans(edit, explain.citations);
    if (!citations) return undefined;
    if (citations.some((c, i) => c !== explain!.citations[i])) explain = { ...explain, citations };
  }
  if (start === f.start && end === f.end && related.every((r, i) => r === f.related[i]) && explain === f.explain) return f;
  return { ...f, start, end, related, explain };
}

/** An inference moved by an edit, or undefined if its sentence touches the change. */
function movedInference(edit: Edit, i: InferenceFinding): InferenceFinding | undefined {
  const start = moved(edit, i.sentence.start);
  const end = moved(edit, i.sentence.end);
  const scopeEnd = moved(edit, i.sentence.scopeEnd);
  if (start === undefined || end === undefined || scopeEnd === undefined) return undefined;
  if (start === i.sentence.start && end === i.sentence.end && scopeEnd === i.sentence.scopeEnd) return i;
  return { ...i, sentence: { ...i.sentence, start, end, scopeEnd } };
}

/** The entry moved into the new text, or undefined when something in it cannot be moved. */
function movedEntry(edit: Edit, e: UnitEntry): UnitEntry | undefined {
  const start = moved(edit, e.start);
  const end = moved(edit, e.end);
  if (start === undefined || end === undefined) return undefined;
  const findings: Finding[] = [];
  for (const f of e.findings) {
    const m = movedFinding(edit, f);
    if (!m) return undefined;
    findings.push(m);
  }
  const inferences: InferenceFinding[] = [];
  for (const i of e.inferences) {
    const m = movedInference(edit, i);
    if (!m) return undefined;
    inferences.push(m);
  }
  if (start === e.start && end === e.end && findings.every((f, i) => f === e.findings[i]) && inferences.every((x, i) => x === e.inferences[i])) return e;
  return { ...e, start, end, findings, inferences };
}

/** A finding without its fixes, keeping the place of its `fix` and `suggestions` keys. */
function withoutFixes(f: Finding): Finding {
  const bare = { ...f, suggestions: [] };
  if ('fix' in bare) bare.fix = undefined;
  return bare;
}

export interface LintSession {
  /** Lints the new text, reusing what it can from the previous call. */
  update(text: string): LintResult;
}

export interface SessionDeps {
  config: Config;
  asOf: string;
  sourceStatus?: LintOptions['sourceStatus'];
  /** Lints a whole draft from scratch (drafts too long for re-parsing, or a fresh start). */
  lintWhole(text: string): LintResult;
  /** Whether a draft can hold a finding at all. */
  mayHaveFindings(text: string): boolean;
  /** Severities and suppression comments applied to a run's findings, in document order. */
  report(model: DocumentModel, findings: Finding[], lines: LineIndex): LintResult;
  /** Every rule's findings, fixes included, over a whole document model. */
  runAll(model: DocumentModel): { findings: Finding[]; lines: LineIndex };
}

/** Creates a session that re-judges only what each change touched. */
export function createUnitSession(deps: SessionDeps): LintSession {
  let snapshot: ParseSnapshot | undefined;
  let lastResult: LintResult | undefined;
  let entries = new Map<Unit, UnitEntry>();
  let tables = '';
  let docKey = '';
  let lex: DocumentContext['lex'] | undefined;
  let updates = 0;
  return {
    update(text) {
      if (snapshot && text === snapshot.text && lastResult) return lastResult;
      if (!deps.mayHaveFindings(text) || text.length > CHUNK_THRESHOLD) {
        snapshot = undefined;
        entries = new Map();
        lastResult = deps.mayHaveFindings(text) ? deps.lintWhole(text) : { diagnostics: [], notes: [] };
        return lastResult;
      }
      const edit = snapshot ? editBetween(snapshot.text, text) : undefined;
      const parsed = reparse(snapshot, text, edit);
      snapshot = { text, parsed };
      const model = buildModel(text, parsed.root, parsed.base);
      const sameTables = edit !== undefined && tablesKey(model, (o) => unmoved(edit, o)) === tables;
      tables = tablesKey(model, String);
      const previous = sameTables ? entries : new Map<Unit, UnitEntry>();
      const next = new Map<Unit, UnitEntry>();
      const reusedFindings = new Map<Unit, Finding[]>();
      const inferencesOf = new Map<Unit, InferenceFinding[]>();
      let checkedDoc = false;
      let sameDoc = false;
      const reuse: UnitReuse = {
        reuse(unit, before, doc) {
          if (!checkedDoc) {
            checkedDoc = true;
            sameDoc = doc.lex === lex && documentKey(doc) === docKey;
            lex = doc.lex;
            docKey = documentKey(doc);
          }
          const old = sameDoc && edit ? previous.get(unit) : undefined;
          if (!old || old.inSourceList !== unit.inSourceList || old.section !== unit.section || !sameState(old.before, before)) return undefined;
          const entry = movedEntry(edit!, old);
          if (!entry || entry.start !== unit.start || entry.end !== unit.end) return undefined;
          next.set(unit, entry);
          reusedFindings.set(unit, entry.findings);
          inferencesOf.set(unit, entry.inferences);
          return { after: entry.after };
        },
        judged(unit, before, after, yielded) {
          inferencesOf.set(unit, yielded.inferences);
          next.set(unit, { start: unit.start, end: unit.end, inSourceList: unit.inSourceList, section: unit.section, before, after, findings: [], inferences: yielded.inferences });
        },
      };
      const analysis = analyse(model, deps.config, reuse);
      entries = next;
      const lines = new LineIndex(text);
      const ctx: RuleContext = { analysis, config: deps.config, asOf: deps.asOf, stubs: stubContext(analysis, deps.asOf, lines), sourceStatus: deps.sourceStatus };
      // The claims judged afresh: each rule in the registry's order, claim by claim, as a full run does.
      for (const claim of analysis.claims) {
        const entry = next.get(claim.unit)!;
        for (const rule of CLAIM_RULES) for (const f of rule.checkClaim!(ctx, claim)) entry.findings.push(withoutFixes(f));
      }
      const findings: Finding[] = [];
      for (const unit of model.units) {
        const own = reusedFindings.get(unit) ?? next.get(unit)?.findings;
        if (own) findings.push(...own);
      }
      // Whole-draft rules see every forbidden inference, the reused ones moved to where they are now.
      const inferences = model.units.flatMap((u) => inferencesOf.get(u) ?? []);
      const whole: RuleContext = { ...ctx, analysis: { ...analysis, claims: [], inferences }, fixes: false };
      for (const rule of DOCUMENT_RULES) for (const f of rule.checkDocument!(whole)) findings.push(withoutFixes(f));
      const result = deps.report(model, findings, lines);
      const generation = ++updates;
      result.diagnostics = lazyFixes(result.diagnostics, () => {
        // A later update moves the units this model shares with the next one: a result asked for
        // its fixes after that is linted again from a parse of its own text.
        const whole = generation === updates ? model : buildModel(text, parseMarkdown(text).root, parsed.base);
        const all = deps.runAll(whole);
        return deps.report(whole, all.findings, all.lines).diagnostics;
      });
      lastResult = result;
      return result;
    },
  };
}

/**
 * Gives each diagnostic `fix` and `suggestions` that are built on first use, by one full run of
 * the rules whose diagnostics come in the same order. Each diagnostic is a proxy over the
 * finding's own object, whose keys keep their places, so it reads (and serialises) as a fresh
 * lint's does; a proxy costs far less to make than redefining two properties per finding.
 */
function lazyFixes(diagnostics: Diagnostic[], full: () => Diagnostic[]): Diagnostic[] {
  let fresh: Diagnostic[] | undefined;
  const indexOf = new Map<Diagnostic, number>();
  const assigned = new Set<string>();
  const counterpart = (d: Diagnostic): Diagnostic => {
    fresh ??= full();
    const f = fresh[indexOf.get(d)!];
    if (f && f.rule === d.rule && f.start === d.start && f.end === d.end && f.message === d.message) return f;
    // Never expected: the full run disagrees about which findings there are.
    return fresh.find((x) => x.rule === d.rule && x.start === d.start && x.end === d.end && x.message === d.message) ?? { ...d, fix: undefined, suggestions: [] };
  };
  const handler: ProxyHandler<Diagnostic> = {
    get(target, key, receiver) {
      if ((key === 'fix' || key === 'suggestions') && key in target && !assigned.has(`${indexOf.get(target)}:${key}`)) return counterpart(target)[key];
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (key === 'fix' || key === 'suggestions') assigned.add(`${indexOf.get(target)}:${key}`);
      return Reflect.set(target, key, value, receiver);
    },
  };
  return diagnostics.map((d, i) => {
    indexOf.set(d, i);
    return new Proxy(d, handler);
  });
}

import { judgeSentence, type ClaimJudgement, type SentenceContext } from '../language/claims';
import { COMPANY_NAME, compileLexicon, namesProject, PRODUCT_NAMES, withoutLookalikes, type Lexicons } from '../language/lexicon';
import { ALLIANCE_SUBJECT, isQuotedSpeech, LEADING_ADVERBIAL } from '../language/subjects';
import { CLAIM_VERB, isHeadline } from '../language/verbs';
import { resolveCitations, type Resolution } from './citations';
import { badgeInference, findInference, rejectsInference, type InferenceMatch } from '../language/inferences';
import { hasPhrase } from '../language/phrases';
import { TITLE_FIELDS, type DocumentModel, type Unit } from '../markdown/model';
import { sentencesOf, type Sentence } from '../language/sentences';
import type { Config } from '../types';
import { documentContext, type DocumentContext } from '../language/document';
import { CACHE_BUDGET, TextCache } from '../text';

export interface ClaimFinding {
  unit: Unit;
  sentence: Sentence;
  judgement: ClaimJudgement;
  resolution: Resolution;
}

export interface InferenceFinding {
  unit: Unit;
  sentence: Sentence;
  match: InferenceMatch;
}

export interface Analysis {
  model: DocumentModel;
  claims: ClaimFinding[];
  inferences: InferenceFinding[];
  documentYear?: number;
}

// A count in a fact list ("- 180+ members, from startups to NASA") states something, however short.
const COUNTED = /\b\d[\d,.]*\+?\s*(?:members|member\s+organi[sz]ations|organi[sz]ations|companies|partners|institutions)\b/i;
const ROLE_STATEMENT = /\b(?:not|no)\s+(?:a\s+)?(?:regulator|standards\s+body|certif\w+|safety\s+approval)|\b(?:does\s+not|do\s+not|doesn['’]t|don['’]t)\s+(?:give|grant|issue|provide|vet|certify|approve|endorse|audit)\b/i;
// Another organisation opens the sentence: an acronym (IBM), an inner capital (ServiceNow), two
// capitalised words (Cleveland Clinic) or a possessive (Meta's).
const OTHER_NAME_FIRST = /^(?!(?:The|This|That|These|Those|Every|Each|All|Any|Many|Some|Most|Several|In|On|At|As|Since|After|Before|When|While|For|With|From|By|Its|Their|Our|Today|Now|Yet|But|And|So|Also|According|Being|Because|Although|Though|If|Under|Over|Across|Of|To|A|An|AI)\b)(?:[A-Z]{2,}\b|[A-Z][a-z]+[A-Z]\w*|[A-Z][\p{L}&.-]*\s+[A-Z][\p{L}&.-]*|[A-Z][\p{L}&.-]*['’]s\b)/u;
const REASON_CLAUSE = /^\s*(?:because|since|as|now\s+that|given\s+that)\s+([^,;]{10,200}),/i;
const PEER_HEADER = /^(?:consortium|consortia|coalitions?|alliances?|forums?|bod(?:y|ies)|groups?|networks?|initiatives?|peers?|(?:other|comparable|similar)\s+\w+)$/i;
const TABLE_TOPIC = /\bmember|\bjoin|\bproject|\blicen[cs]|\bfound|\bsource|\bretriev|\baccess|\bcheck|\bclaim|\bcit|\bevidence|\bstatus|\bgovern|\bsafe|\bosaid|\bopen/i;

/**
 * What the walk over the units carries from one unit to the next: the lead-in of a list, the
 * question a heading asks, and whether the previous sentence was about the Alliance or had it
 * as its subject.
 */
export interface WalkState {
  /** A claim that introduces a list ("…meets six objectives:") makes its items claims of its kind. */
  leadIn?: ClaimJudgement;
  /** A question heading ("How many members does the Alliance have?") completes a fragment answering it. */
  question?: string;
  previousAboutAlliance: boolean;
  previousSubjectAlliance: boolean;
  /** The depth of the heading that names a project, while the sentences are in its section ("### GEO-Bench"). */
  projectSectionDepth?: number;
}

/** What one unit yields: its claims and forbidden inferences. */
export interface UnitYield {
  claims: ClaimFinding[];
  inferences: InferenceFinding[];
}

/**
 * Lets a caller (an editor session) supply what a unit yielded before instead of judging it again.
 * `reuse` is asked before each unit with the state the walk arrives with; it returns the unit's
 * yield and the state after it, or undefined to have the unit judged; `judged` hears of each
 * unit judged.
 */
export interface UnitReuse {
  reuse(unit: Unit, before: WalkState, doc: DocumentContext): { after: WalkState } | undefined;
  judged(unit: Unit, before: WalkState, after: WalkState, yielded: UnitYield, doc: DocumentContext): void;
}

/** Finds the claims and forbidden inferences of a draft and resolves each claim's citations. */
export function analyse(model: DocumentModel, config: Config, reuse?: UnitReuse): Analysis {
  const doc = documentContext(model, compileLexicon(config.lexicon));
  const claims: ClaimFinding[] = [];
  const inferences: InferenceFinding[] = [];
  let state: WalkState = { previousAboutAlliance: false, previousSubjectAlliance: false };
  for (const unit of model.units) {
    const reused = reuse?.reuse(unit, state, doc);
    if (reused) {
      // A copy: the walk updates its state in place, and the caller keeps what it handed out.
      state = { ...reused.after };
      continue;
    }
    const before = reuse ? { ...state } : state;
    const yielded: UnitYield = { claims: [], inferences: [] };
    analyseUnit(model, config, doc, unit, state, yielded);
    claims.push(...yielded.claims);
    inferences.push(...yielded.inferences);
    reuse?.judged(unit, before, { ...state }, yielded, doc);
  }
  return { model, claims, inferences, documentYear: doc.documentYear };
}

/** Judges the sentences of one unit, updating the walk's state. */
function analyseUnit(model: DocumentModel, config: Config, doc: DocumentContext, unit: Unit, state: WalkState, out: UnitYield): void {
  const { lex, aboutAlliance, aboutOsaid, documentYear } = doc;
  const { claims, inferences } = out;
  let { leadIn, previousAboutAlliance, previousSubjectAlliance } = state;
  try {
    if (unit.kind === 'heading' && unit.headingDepth !== undefined) {
      if (state.projectSectionDepth !== undefined && unit.headingDepth <= state.projectSectionDepth) state.projectSectionDepth = undefined;
      const heading = unit.segments.map((s) => s.masked).join(' ').replace(/[*_`#]/g, '').trim();
      if (state.projectSectionDepth === undefined && unit.headingDepth > 1 && heading.split(/\s+/).length <= 4 && namesProject(heading, lex) && !/[?:]/.test(heading)) state.projectSectionDepth = unit.headingDepth;
    }
    const projectSection = state.projectSectionDepth !== undefined && unit.kind === 'paragraph';
    if (unit.kind !== 'list-item') leadIn = undefined;
    const answering = state.question;
    state.question = unit.kind === 'heading' ? questionOf(unit) : undefined;
    let lastJudgement: ClaimJudgement | undefined;
    if (unit.inSourceList && isBibliographic(unit)) return;
    // Rows of tables on another topic (benchmark results, prices) hold no claims; key/value tables
    // (no headers, or an infobox headed by the Alliance's name) and the Alliance's own pages' tables may.
    if (unit.kind === 'table-row' && !doc.firstParty && (unit.headers ?? []).some((h) => h.length > 0) && !(unit.headers ?? []).some((h) => TABLE_TOPIC.test(h) || hasPhrase(lex.subjects, h)) && !unit.segments.some((s) => hasPhrase(lex.subjects, s.masked) || /\bAlliance\b/.test(s.masked)) && !opensWithProject(unit)) return;
    // A comparison of consortia: a row names another group in its first cell and is about it.
    if (unit.kind === 'table-row' && PEER_HEADER.test((unit.headers?.[0] ?? '').replace(/[*_`]/g, '').trim()) && !hasPhrase(lex.subjects, unit.segments[0]?.masked ?? '') && !opensWithProject(unit)) return;
    if (unit.kind !== 'paragraph') previousAboutAlliance = false;
    let sameBlock = false;
    let lookalikeContext = false;
    // A table of rejected statements: a row whose reason cell refutes what its statement cell says.
    // A table of rejected statements, or a list item with its verdict ("… **Misleading**"): the
    // rejection in one part covers the whole row or item.
    const unitText = unit.segments.map((s) => s.masked).filter((m) => !/^[\s?—–-]*$/.test(m)).join(' | ');
    const rowRejects = (unit.kind === 'table-row' && unit.segments.length > 1) || unit.kind === 'list-item' ? rejectsInference(unitText) : false;
    // A comparison row that ticks an Alliance affiliation beside a safety or openness quality.
    // A ticked cell is read with its column's header ("Trust: AI Alliance member ✔").
    const badge = unit.kind === 'table-row' && !rowRejects ? badgeInference(headedCells(unit) ?? unitText) : undefined;
    for (const sentence of sentencesOf(unit)) {
      const named = hasPhrase(lex.subjects, sentence.text);
      const withoutNamesakes = withoutLookalikesCached(sentence.text, lex);
      const text = withoutEntryLabel(withoutNamesakes);
      // After a look-alike is named, "the Alliance" refers to it until the AI Alliance is named again.
      // A look-alike named in a roster ("…, MLCommons, MOC Alliance, NASA, …") is one name among many.
      const inRoster = withoutNamesakes !== sentence.text && /(?:,\s*[^,]{1,60}){3,}/.test(sentence.text) && !/\bAlliance\b/.test(text);
      if (withoutNamesakes !== sentence.text && !hasPhrase(lex.subjects, text) && !inRoster) lookalikeContext = true;
      else if (named) lookalikeContext = false;
      if (lookalikeContext) {
        previousAboutAlliance = false;
        continue;
      }
      // Project names stand for an Alliance affiliation ("part of the Open Agent Hub"), and their own
      // words ("Open Trusted Data Initiative") must not read as claims of trust.
      const inferenceText = text.replace(lex.projects, 'AllianceProject').replace(PRODUCT_NAMES, (name) => (COMPANY_NAME.test(name) ? name : 'AllianceProject'));
      const inference = aboutAlliance || /Alliance/.test(text) ? inferenceCache.get(inferenceText, () => findInference(inferenceText) ?? null) ?? undefined : undefined;
      const relevantInference = inference && /Alliance|\bmember|\bproject/i.test(inferenceText);
      if (relevantInference && rowRejects) continue;
      if (relevantInference) inferences.push({ unit, sentence, match: inference });
      else if (badge && !sameBlock) inferences.push({ unit, sentence, match: badge });
      const mentionsAlliance = hasPhrase(lex.subjects, text) || (aboutAlliance && /\bAlliance\b/.test(text));
      // A sentence that names an inference only to reject it is not a claim; one that also states
      // the Alliance's role ("is not a regulator, and membership is no evidence of safety") still is.
      // "…asked whether X, given that IBM co-founded the Alliance" still asserts what it takes as given.
      if ((rejectsInference(text) || rejectsInference(inferenceText)) && !ROLE_STATEMENT.test(text) && !/\bgiven\s+that\b/i.test(text)) {
        previousAboutAlliance = mentionsAlliance;
        continue;
      }
      const titleLike = unit.kind === 'heading' || (unit.kind === 'front-matter' && TITLE_FIELDS.has(unit.field ?? 'title'));
      const short = (text.match(/\p{L}+/gu) ?? []).length < 7;
      // A run-in label ("**New members.**") or a bare name in a list states nothing.
      // A link, a name or a chapter title in a list ("- Open Source AI Definition", "- 37:30 — The
      // OSAID and data") states nothing, unless its lead-in makes the items claims or it is a
      // "Key: value" line of an infobox.
      const words = (text.match(/\p{L}+/gu) ?? []).length;
      // A timeline entry ("**2024** — Membership passes 100") states something, however short.
      const label = (unit.kind === 'list-item' && !leadIn && text === withoutNamesakes && words <= 10 && !CLAIM_VERB.test(text) && !COUNTED.test(text) && !(hasPhrase(lex.subjects, text) && /[,(]/.test(text)) && !/^\W*(?:not|no|never)\b/i.test(text) && !/^\s*[A-Z][\w &/()-]{0,30}:\s+\S/.test(text.replace(/^\W+/, ''))) || (unit.kind === 'table-row' && words <= 5 && !/\d/.test(text) && !CLAIM_VERB.test(text) && !(unit.headers ?? []).some((h) => h.length > 0) && unit.segments.filter((s) => s.masked.trim()).length < 2);
      // A badge or a heading that infers a quality ("✔ Alliance-certified safe") asserts it, however short.
      const inferred = relevantInference ? inferredClaim(inference) : undefined;
      if (!inferred && (label || (titleLike ? !isHeadline(text) : short && !/\d/.test(text) && unit.kind !== 'list-item' && unit.kind !== 'table-row' && !CLAIM_VERB.test(text)))) {
        if (titleLike) previousAboutAlliance = false;
        continue;
      }
      if (unit.kind === 'footnote' && sentenceHasUrl(unit, sentence)) continue;
      const infobox = aboutAlliance && unit.kind === 'list-item' && /^[A-Z][\w &/()-]{0,30}:\s/.test(text.trim());
      // Only an answer's opening words ("More than 200", "Yes,", "Not yet") lean on the question.
      const asked = answering && !sameBlock && !CLAIM_VERB.test(text) && ANSWER_OPENING.test(text.trimStart()) ? `${answering} ${text}` : text;
      const context: SentenceContext = { aboutAlliance, aboutOsaid, previousAboutAlliance, previousSubjectAlliance, sameBlock, titleLike, infobox, tableRow: unit.kind === 'table-row', headers: unit.headers, firstParty: doc.firstParty, projectItem: opensWithProject(unit), firstInUnit: !sameBlock, projectSection };
      let judgement = cachedJudgement(asked, lex, context);
      // "Because the benchmark is now an AI Alliance project, companies … will be able to…": the
      // inference rests on a claim of its own, stated in its reason clause.
      if (!judgement && relevantInference) {
        const reason = REASON_CLAUSE.exec(asked);
        if (reason) judgement = cachedJudgement(reason[1], lex, context);
      }
      // "✔ Alliance-certified safe", "Because we helped shape the Alliance's safety work, X meets the
      // strictest bar": in the writer's own words the sentence asserts the quality it infers.
      judgement ??= inferred;
      if (!judgement && leadIn && unit.kind === 'list-item' && !sameBlock && (text.match(/\p{L}+/gu) ?? []).length >= 4) judgement = { ...leadIn, trigger: 'an item of a list its lead-in claims' };
      lastJudgement = /:\s*$/.test(text) ? judgement : undefined;
      previousSubjectAlliance = subjectIsAlliance(text.trimStart(), lex, previousSubjectAlliance);
      sameBlock = true;
      // Within one block the subject, once it is the Alliance, stays so (writers rarely repeat the name).
      previousAboutAlliance = mentionsAlliance || judgement !== undefined || (previousAboutAlliance && sameBlock);
      if (!judgement) continue;
      // A forbidden inference in someone's quoted words is reported as the inference alone; in the
      // writer's own words the sentence also asserts what it infers, which needs its own source.
      if (relevantInference && (isQuotedSpeech(text) || inferenceQuoted(text, inference))) continue;
      const resolution = resolveCitations(model, unit, sentence, config, documentYear);
      claims.push({ unit, sentence, judgement, resolution });
    }
    if (unit.kind === 'paragraph' && lastJudgement) leadIn = lastJudgement;
  } finally {
    Object.assign(state, { leadIn, previousAboutAlliance, previousSubjectAlliance });
  }
}

/** The claim a sentence makes by asserting the quality it infers from an affiliation, if it is one that needs a source. */
function inferredClaim(inference: InferenceMatch): ClaimJudgement | undefined {
  const trigger = inference.quality ?? inference.affiliation;
  if (inference.kind === 'affiliation-safety') return { category: 'safety', policy: 'safety/system', current: true, time: 'current', trigger, hedged: false, negated: false };
  if (inference.kind === 'affiliation-openness') return { category: 'open-source-ai', policy: 'open-source-ai', current: true, time: 'current', trigger, hedged: false, negated: false };
  return undefined;
}

/** A table row's cells with a tick, each prefixed by its column's header; undefined without headers. */
function headedCells(unit: Unit): string | undefined {
  if (!unit.headers?.some((h) => h.trim())) return undefined;
  return unit.segments.map((s, i) => (/[✔✓✅☑]/.test(s.masked) && unit.headers?.[i] ? `${unit.headers[i]}: ${s.masked.trim()}` : s.masked.trim())).filter((c) => c && !/^[\s?—–-]*$/.test(c)).join(' | ');
}

// Results for recently seen sentence texts: an editor re-lints mostly unchanged paragraphs.
// One cache each for every lexicon (a draft naming its own projects has a lexicon of its own),
// its entries keyed by the lexicon's number, so many drafts never hold many caches.
const lexiconNumbers = new WeakMap<Lexicons, number>();
let lexiconsNumbered = 0;
function lexiconNumber(lex: Lexicons): number {
  let n = lexiconNumbers.get(lex);
  if (n === undefined) lexiconNumbers.set(lex, (n = ++lexiconsNumbered));
  return n;
}
const lookalikeCache = new TextCache<string>(CACHE_BUDGET, (masked) => masked.length);
function withoutLookalikesCached(text: string, lex: Lexicons): string {
  return lookalikeCache.get(`${lexiconNumber(lex)}\u0000${text}`, () => withoutLookalikes(text, lex));
}
const inferenceCache = new TextCache<InferenceMatch | null>(CACHE_BUDGET);

// Judgements of recently seen sentences in the same context.
const judgementCache = new TextCache<ClaimJudgement | null>(CACHE_BUDGET, () => 64);

function cachedJudgement(text: string, lex: Lexicons, ctx: SentenceContext): ClaimJudgement | undefined {
  const key = `${lexiconNumber(lex)}\u0000${+ctx.aboutAlliance}${+!!ctx.aboutOsaid}${+ctx.previousAboutAlliance}${+!!ctx.previousSubjectAlliance}${+!!ctx.sameBlock}${+!!ctx.titleLike}${+!!ctx.infobox}${+ctx.tableRow}${+!!ctx.firstParty}${+!!ctx.projectItem}${+!!ctx.firstInUnit}${+!!ctx.projectSection}${ctx.headers?.join('\u0001') ?? ''}\u0000${text}`;
  return judgementCache.get(key, () => judgeSentence(text, lex, ctx) ?? null) ?? undefined;
}

/**
 * Whether a sentence leaves the Alliance (or one of its projects) as the referent of a following
 * "It…": it starts with it, or names it without starting with another organisation's name.
 */
function subjectIsAlliance(text: string, lex: Lexicons, before: boolean): boolean {
  const t = text.replace(LEADING_ADVERBIAL, '');
  if (ALLIANCE_SUBJECT.test(t)) return true;
  if (/^(?:it|its|they|their)\b/i.test(t)) return before;
  lex.projects.lastIndex = 0;
  const project = lex.projects.exec(t);
  if (project && project.index === 0) return true;
  if (OTHER_NAME_FIRST.test(t)) return false;
  return before || hasPhrase(lex.subjects, t) || /\bAlliance\b/.test(t);
}

// A project's repository or microsite (any owner: members' projects live under their own names).
const PROJECT_LINK = /[\w-]+\.github\.io\/[^/?#\s]+|github\.com\/[^/?#\s]+\/[^/?#\s]+|gitlab\.com\/[^/?#\s]+\/[^/?#\s]+|thealliance\.ai\/(?:core-)?projects\/|^\s*\{\{/i;

/** Whether a list item or table row opens with a link to a project: its other sentences describe it. */
function opensWithProject(unit: Unit): boolean {
  if (unit.kind !== 'list-item' && unit.kind !== 'table-row') return false;
  const first = unit.locators[0];
  const lead = unit.segments[0] ? unit.segments[0].masked.slice(0, Math.max(0, (first?.start ?? 0) - unit.segments[0].start)) : '';
  return first?.url !== undefined && PROJECT_LINK.test(first.url) && /^[\s*_|]*$/.test(lead);
}

const ANSWER_OPENING = /^(?:yes|no|not\s+(?:yet|really|necessarily)|more\s+than|over|about|around|nearly|almost|fewer|less\s+than|roughly|some|none|all|most|only|\d)/i;

/** The question a heading asks, if it asks one. */
function questionOf(unit: Unit): string | undefined {
  const text = unit.segments.map((s) => s.masked).join(' ').trim();
  return /\?\s*$/.test(text) ? text : undefined;
}

/** An entry under a References/Sources heading: it carries a URL or reads like a bibliography line. */
function isBibliographic(unit: Unit): boolean {
  const t = unit.segments.map((s) => s.masked).join(' ');
  // A "Notes" section may hold prose: sentences that state something before any link are not an entry.
  const firstLink = Math.min(...unit.locators.map((l) => l.start - unit.start), Infinity);
  if (unit.kind === 'paragraph' && firstLink > 80 && !/^[^.]{0,80}\.?\s*\(\d{4}|\bretrieved\b|\baccessed\b/i.test(t) && /[.!?;]\s+[A-Z]/.test(t) && CLAIM_VERB.test(t.slice(0, Math.min(firstLink, 200)))) return false;
  if (unit.locators.some((l) => l.url)) return true;
  return /^\s*\[\d+\]|\b(?:19|20)\d{2}\b.*[,.]|["“].+["”]|\bretrieved\b|\baccessed\b/i.test(t);
}

/** A footnote sentence that carries a URL is a bibliographic entry, not a claim. */
function sentenceHasUrl(unit: Unit, sentence: Sentence): boolean {
  return unit.locators.some((l) => l.url && l.end > sentence.start && l.start < sentence.scopeEnd) || /\bhttps?:\/\//.test(sentence.text);
}

/** Whether the words that make an inference are someone's quoted words ("…its chatbot was "approved by the AI Alliance""). */
function inferenceQuoted(text: string, inference: InferenceMatch): boolean {
  const words = inference.quality ?? inference.affiliation;
  if (!words) return false;
  if (!(text.match(/["“][^"”]{3,}["”]/g) ?? []).some((quote) => quote.includes(words))) return false;
  // Reported ("a vendor told her…", "Hot take from the replies: "…"") rather than adopted as a
  // source's wording ("as its model card puts it, "…"").
  const outside = text.replace(/["“][^"”]*["”]/g, ' ');
  return !/\bputs?\s+it\b/i.test(outside) && (REPORTING_VERB.test(outside) || /:\s*["“]/.test(text));
}

const REPORTING_VERB = /\b(?:said|says|told|tells|claimed|claims|reported|wrote|writes|called|calls|described|describes|boasted|boasts|pitched|advertised|advertises|promised|promises|insisted|insists|assured|assures)\b/i;

// A timeline entry's date ("**2024** — ", "Today — ") or a clause number ("4.1 ", "§ 3.2 ") before the sentence proper.
const ENTRY_LABEL = /^(\s*)(?:[*_]{1,2})?(?:(today|now|currently)|(?:(?:early|mid|late)[- ]?)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:[A-Z][a-z]{2,8}\.?\s+)?(?:\d{1,2},\s+)?\d{4}(?:\s*[-–]\s*\d{2,4})?|Q[1-4]\s+\d{4})(?:[*_]{1,2})?\s*(?:—|–|--?|:)\s+(?=\S)|^(\s*)(?:§\s*)?\d+(?:\.\d+)+\.?\s+(?=[A-Z"“])/i;

/** The sentence without its entry label, blanked so offsets stay; "Today — " reads as "Now, ". */
function withoutEntryLabel(text: string): string {
  const m = ENTRY_LABEL.exec(text);
  if (!m) return text;
  const blank = ' '.repeat(m[0].length);
  return (m[2] ? `Now,${blank.slice(4)}` : blank) + text.slice(m[0].length);
}

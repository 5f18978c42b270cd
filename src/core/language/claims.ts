// The sentence judge: whether a sentence makes a claim about the AI Alliance, of which category
// and kind of time, with the words that decided it (for explanations).
import type { Category, ClaimTime, PolicyKey } from '../types';
import { categoryOf, OPEN_PREDICATE, projectScoped, ROLE_SAFETY } from './categories';
import { OSAID, type Lexicons } from './lexicon';
import { hasPhrase } from './phrases';
import { isCaution, JOINING_PITCH, nonClaimKind, QUOTED_WELCOME } from './speech';
import { ALLIANCE_SUBJECT, ATTRIBUTION, CONTINUATION, ELIDED_SUBJECT, FIRST_PERSON_SUBJECT, isProjectSubject, LEADING_ADVERBIAL, SUBJECT_PRONOUN, subjectOf, withoutAttribution } from './subjects';
import { timeOf } from './time';
import { CLAIM_VERB } from './verbs';

export interface ClaimJudgement {
  category: Category;
  policy: PolicyKey;
  /** A current-state claim (needs a retrieval date where the policy says so); false for dated events. */
  current: boolean;
  time: ClaimTime;
  /** The words that made the sentence a claim of its category. */
  trigger?: string;
  /** What the sentence is about, as written ("the AI Alliance", "Tapestry", "It"…). */
  subject?: string;
  hedged: boolean;
  negated: boolean;
}

const PLAN = /\b(?:will(?!\s+not\s+(?:certify|approve|regulate|endorse|vet))|(?:i|we)['’]ll|shall|plans?\s+to|planning\s+to|\b(?:i\s+am|i['’]m|we\s+are|we['’]re)\s+planning\s+(?:an?|the|for)\b|planned|intends?\s+to|intending\s+to|(?:is|are)\s+going\s+to|hopes?\s+to|(?:is|are)\s+set\s+to|promis(?:es|ed)\s+to|pledg(?:es|ed)\s+to|vows?\s+to|would\s+like\s+to|upcoming|later\s+this\s+year|next\s+year|in\s+the\s+coming|has\s+(?:big|ambitious|bold|grand)\s+plans)\b/i;

// "…is defining what 'open' should mean": a normative word inside a clause the sentence reports on.
const EMBEDDED_NORMATIVE = /\b(?:what|how|whether|which|when|where|who)\s+[^.;,]{0,60}?\b(?:should|must|ought\s+to|needs?\s+to|ha(?:s|ve)\s+to)\b/gi;
const NORMATIVE = /\b(?:should|ought\s+to|must|need\s+to|needs\s+to|have\s+to|has\s+to)\b/i;

const NEGATION = /\b(?:not|no|never|neither|nor|none|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|didn['’]t|hasn['’]t|haven['’]t|cannot|can['’]t|without)\b/i;

const TIME_CLAUSE = /\b(?:after|since|before|when|until|once)\s+(?:the\s+)?(?:AI\s+)?Alliance\s+(?:was|were|had\s+been|has\s+been)\s+\w+/gi;

const FOUNDING_APPOSITIVE = /,\s*(?:launched|founded|co-?founded|formed|created|started|established)\s+(?:by\s+)?[^,]{0,60}\b(?:IBM|Meta)\b[^,]{0,60},/;

const PAST_EVENT = /\b(?:launched|announced|founded|co-?founded|formed|joined|unveiled|released|introduced|started|began|signed)\b/i;

export interface SentenceContext {
  aboutAlliance: boolean;
  /** The previous sentence of the same block was about the Alliance (for "It…", "The consortium…"). */
  previousAboutAlliance: boolean;
  /** The sentence is a table row (cells, no verbs): membership tables and source tables. */
  tableRow: boolean;
  /** Headings and front-matter titles: "How…", "Why we joined…" are titles, not claims. */
  titleLike?: boolean;
  /** A "Label: value" list item of a draft about the Alliance (an infobox line): its subject is the Alliance. */
  infobox?: boolean;
  /** The draft mentions the Open Source AI Definition, so openness claims are in scope even without the Alliance. */
  aboutOsaid?: boolean;
  /** The previous sentence had the Alliance as its grammatical subject (for "It…"). */
  previousSubjectAlliance?: boolean;
  /** The previous sentence is in the same block as this one. */
  sameBlock?: boolean;
  /** Header text of a table row's columns. */
  headers?: string[];
  /** The Alliance or one of its projects wrote the draft: its "we" and "our" are the Alliance's. */
  firstParty?: boolean;
  /** The list item or table row opens with a project's name or link: its sentences are about it. */
  projectItem?: boolean;
  /** The sentence is in a section whose heading names a project ("### GEO-Bench"). */
  projectSection?: boolean;
  /** The sentence opens its list item or table row. */
  firstInUnit?: boolean;
}

/**
 * Decides whether a sentence is a claim about the AI Alliance and of which category.
 * `text` is the masked sentence with look-alikes already blanked.
 */
const ALLIANCE_PAGE_SUBJECT = /^(?:the\s+)?(?:member(?:s|ship)?|projects?|governance|about)\s+(?:page|directory|list|listing|roster)\s+(?:now\s+|currently\s+|still\s+)?(?:lists?|lists|shows?|names?|includes?|counts?|says|states|describes|gives)\b/i;
const NO_ALLIANCE_REVIEW = /^there\s+(?:is|are|was|exists?)\s+no\s+(?:(?:AI\s+)?Alliance\s+)(?:[\w-]+\s+)?(?:review|certification|approval|audit|accreditation|seal|badge|vetting|endorsement|check|sign-?off)s?\b/i;
const ACROSS_PARAGRAPHS = /^(?:participants|partners|contributors|collaborators|newcomers|new\s+(?:members|joiners)|early\s+adopters|signatories)\s+(?:include|included|are|were|range)\b|^(?:[\w-]+\s+)?(?:participants|partners|contributors|collaborators|signatories)\s*:\s*\S/i;

export function judgeSentence(text: string, lex: Lexicons, ctx: SentenceContext): ClaimJudgement | undefined {
  // "Three years after the AI Alliance was launched, the argument…": the Alliance only dates the sentence.
  const main = text.replace(TIME_CLAUSE, (m) => ' '.repeat(m.length));
  const subject = subjectOf(main, lex, ctx.aboutAlliance);
  const start = main.trimStart();
  // Within a block about the Alliance the next sentences continue to be: "It…" needs the Alliance to
  // have been the subject just before; "Managed projects…", "The same page…" only that it was named.
  // "Its researchers…" right after a sentence about a member organisation is about that member.
  if (/^(?:it|its|they|their)\b/i.test(start) && ctx.previousSubjectAlliance === false && ctx.sameBlock === true && !ctx.projectItem && subject !== 'name') return undefined;
  // News writing gives each sentence its own paragraph: "Participants include…" goes on from the one before.
  const pronoun = (ctx.previousSubjectAlliance === true && SUBJECT_PRONOUN.test(start)) || (ctx.previousAboutAlliance && ((ctx.sameBlock === true && CONTINUATION.test(start) && !/^(?:it|its|they|their)\b/i.test(start)) || ACROSS_PARAGRAPHS.test(start)));
  // Fragments without a subject ("Not a regulator; no safety approvals") in a draft about the Alliance.
  const elided = ctx.aboutAlliance && ELIDED_SUBJECT.test(start);
  const projectSubject = ctx.aboutAlliance && isProjectSubject(start, lex, ctx);
  // On the Alliance's own pages "we" and "our" are the Alliance (or the project the page is about).
  const firstPerson = ctx.firstParty === true && FIRST_PERSON_SUBJECT.test(start);
  const osaid = OSAID.test(text) || OPEN_PREDICATE.test(text);
  if (!ctx.aboutAlliance && !(osaid && (OSAID.test(text) || ctx.aboutOsaid))) return undefined;
  if (JOINING_PITCH.test(text)) return undefined;
  const kind = nonClaimKind(withoutQuotedSpeech(text), ctx.titleLike) ?? quotedCaution(text);
  if (kind) {
    // "The AI Alliance, launched by IBM and Meta in December 2023, has become the most visible…":
    // an opinion that carries a founding fact in passing still asserts it.
    if ((kind === 'opinion' || kind === 'speculation') && FOUNDING_APPOSITIVE.test(text)) return { category: 'founding', policy: 'founding', current: false, time: 'historical', trigger: FOUNDING_APPOSITIVE.exec(text)?.[0].replace(/^,\s*|,$/g, ''), subject: subjectText(main, lex), hedged: false, negated: false };
    return undefined;
  }
  // "The projects page currently lists…", "The member directory shows…": the Alliance's own pages speak for it.
  const sitePage = ctx.aboutAlliance && ALLIANCE_PAGE_SUBJECT.test(start);
  const aboutTheAlliance = subject !== undefined || pronoun || elided || projectSubject || firstPerson || sitePage || ctx.infobox === true;
  // "There is no Alliance review that a product passes": the Alliance's role, stated as an absence.
  const roleDenied = ctx.aboutAlliance && NO_ALLIANCE_REVIEW.test(start);
  const category = roleDenied ? ['safety', 'safety'] as [Category, PolicyKey] : ctx.aboutAlliance ? projectScoped(categoryOf(withoutAttribution(main), lex, aboutTheAlliance, ctx), main, projectSubject, firstPerson && CLAIM_VERB.test(main), ctx.projectItem === true && ctx.firstInUnit === true) : ['open-source-ai', 'open-source-ai'] as [Category, PolicyKey];
  if (!category) return undefined;
  const [cat, policy] = category;
  const event = PAST_EVENT.test(text) && (cat === 'founding' || cat === 'membership' || cat === 'project');
  // "The Alliance will set up a governing board": a structure announced at launch is reported, not planned by the writer.
  const announcedStructure = subject !== undefined && /\b(?:governing\s+board|board|committee|steering|oversight|guidelines|charter|bylaws)\b/i.test(text);
  if (PLAN.test(text) && !event && !announcedStructure) return undefined;
  const projectRules = cat === 'governance-licensing' && /\b(?:managed|supported|member)\s+projects?\b|\bprojects\s+(?:must|should|are\s+required)/i.test(text);
  if (NORMATIVE.test(withoutQuotedSpeech(text).replace(EMBEDDED_NORMATIVE, '')) && !projectRules && !(policy === 'safety' && ROLE_SAFETY.test(text))) return undefined;
  const hedged = hasPhrase(lex.hedges, text);
  const negated = NEGATION.test(text);
  const time: ClaimTime = timeOf(main, cat, policy, !projectSubject && ALLIANCE_SUBJECT.test(start.replace(LEADING_ADVERBIAL, '')));
  return { category: cat, policy, current: time === 'current', time, trigger: triggerOf(main, lex, cat), subject: subjectText(main, lex), hedged, negated };
}

/** Text with quoted speech blanked when the sentence attributes it ("…," Clegg said): the quote is not the writer's opinion. */
function withoutQuotedSpeech(text: string): string {
  if (!ATTRIBUTION.test(text)) return text;
  return text.replace(/["“][^"”]{3,}["”]/g, (m) => ' '.repeat(m.length));
}

/** A caution in someone's attributed words ("'Membership is about collaboration, not certification,' said …"). */
function quotedCaution(text: string): 'opinion' | undefined {
  // A role at the Alliance named in the attribution ("…, Director of Community at the AI Alliance") is a claim of its own.
  if (!ATTRIBUTION.test(text) || /\bAlliance\b/.test(text.replace(/["“][^"”]*["”]/g, ' '))) return undefined;
  const quotes = text.match(/["“][^"”]{8,}["”]/g) ?? [];
  return quotes.length > 0 && quotes.every((q) => isCaution(q.slice(1, -1).replace(/,$/, '')) || QUOTED_WELCOME.test(q.slice(1).trimStart())) ? 'opinion' : undefined;
}

/** The first trigger phrase of the category in the sentence, for explanations. */
function triggerOf(text: string, lex: Lexicons, category: Category): string | undefined {
  const re = lex.categories.get(category);
  if (!re) return undefined;
  re.lastIndex = 0;
  return re.exec(text)?.[0];
}

/** How the sentence names what it is about, for explanations. */
function subjectText(text: string, lex: Lexicons): string | undefined {
  for (const re of [lex.subjects, lex.projects]) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (m) return m[0];
  }
  const m = /\b(?:the\s+)?Alliance\b|^(?:it|its|they|their|we|our)\b/i.exec(text.trimStart());
  return m?.[0];
}

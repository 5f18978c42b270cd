import type { Category, ClaimTime, Lexicon, PolicyKey } from '../types';
import { hasPhrase, phraseRegex } from './phrases';
import { nonClaimKind } from './speech';
import { timeOf } from './time';

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

const PLAN = /\b(?:will(?!\s+not\s+(?:certify|approve|regulate|endorse|vet))|shall|plans?\s+to|planning\s+to|planned|intends?\s+to|intending\s+to|(?:is|are)\s+going\s+to|hopes?\s+to|(?:is|are)\s+set\s+to|promis(?:es|ed)\s+to|pledg(?:es|ed)\s+to|vows?\s+to|would\s+like\s+to|upcoming|later\s+this\s+year|next\s+year|in\s+the\s+coming|has\s+(?:big|ambitious|bold|grand)\s+plans)\b/i;
const NORMATIVE = /\b(?:should|ought\s+to|must|need\s+to|needs\s+to|have\s+to|has\s+to)\b/i;
const NEGATION = /\b(?:not|no|never|neither|nor|none|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|doesn['’]t|don['’]t|didn['’]t|hasn['’]t|haven['’]t|cannot|can['’]t|without)\b/i;
const PRESS = /\b(?:reported|reports|wrote|writes|described|describes|called|calls|dubbed|characteri[sz]ed|covered|headlines?|coverage|according\s+to|reaction|reactions|was\s+(?:mixed|positive|negative|muted|enthusiastic|skeptical|sceptical|lukewarm))\b/i;
const PRESS_SUBJECT = /\b(?:press|media|news|newspapers?|reporters?|journalists?|outlets?|commentators?|critics|observers|analysts|reactions?|responses?|reception|Reuters|Bloomberg|TechCrunch|The\s+Verge|Wired|Axios|CNBC|Forbes|Fortune|VentureBeat|ZDNet|The\s+Register|Financial\s+Times|FT|New\s+York\s+Times|NYT|Wall\s+Street\s+Journal|WSJ|Washington\s+Post|Guardian|BBC|AP|Associated\s+Press|Politico|Semafor|MIT\s+Technology\s+Review)\b/;
const CURRENT_MARKER = /\b(?:now|currently|today|as\s+of|at\s+present|presently|still|these\s+days|has\s+since|have\s+since|so\s+far|to\s+date)\b/i;
const SYSTEM_SAFE = /\b(?:is|are|was|were|be|being|been|as|remains?|proven|deemed|considered|certified\s+as|rated)\s+(?:not\s+|now\s+|fully\s+|completely\s+|entirely\s+|inherently\s+|therefore\s+|thus\s+|also\s+|independently\s+|demonstrably\s+)*(?:safe|unsafe|vetted|trusted|trustworthy|secure|harmless|risk-free|safety[- ](?:approved|certified|tested))\b|\b(?:safe|vetted|trusted)\s+(?:to|for)\s+(?:use|deploy)|\b(?:can|could|may)\s+(?:safely\s+)?trust\s+(?:it|them|the\s+model|the\s+system)\b|\b(?:is|are|was|were|be|been)\s+(?:[\w-]+\s+){0,3}?(?:[\w]+-)?(?:vetted|safe|trusted|certified|compliant|trustworthy)\b|\bmeets?\s+(?:[\w-]+\s+){0,3}(?:compliance|regulatory|safety|security|trust|federal|government|procurement|privacy)\s+(?:requirements|obligations|standards)|(?:[\w-]+[- ])?grade\s+(?:security|safety)|\bsecurity\s+out\s+of\s+the\s+box|\b(?:safe|secure)\s+by\s+(?:design|default)|\bmeets?\s+(?:the\s+)?(?:EU\s+)?AI\s+Act\b|\b(?:is|are)\s+(?:\w+\s+)?compliant\b|\b(?:treated|regarded|considered)\s+as\s+(?:low[- ]risk|safe)\b|\b(?:found|showed|shows|reported|revealed|detected)\s+no\s+(?:critical\s+|serious\s+|major\s+)?(?:jailbreak\s+|security\s+|safety\s+)?(?:vulnerabilit\w+|issues|flaws|risks)|\bpassed\s+(?:an?\s+)?(?:independent\s+|external\s+|third-party\s+)?(?:red[- ]team\w*|safety|security)\s+(?:evaluation|audit|test|assessment|review)/i;
const ROLE_SAFETY = /\b(?:regulator|regulat\w+|standards?\s+body|legal\s+force|safety\s+approval|approv\w+|certif\w+|vets?|vetting|vouch\w*|endorse\w*|audits?|accredit\w*|enforce\w*|guarantee\w*)\b/i;
const OPEN_PREDICATE = /\b(?:is|are|was|were|be|isn['’]t|aren['’]t|qualif\w+\s+as|counts?\s+as|count\s+as|meets?|met|compl\w+\s+with|under|labell?ed|called|marketed\s+as|described\s+as|considered)\s+(?:not\s+|truly\s+|fully\s+|genuinely\s+|really\s+|an?\s+|also\s+|therefore\s+)*(?:open[- ]source|open\s+source\s+ai|osaid|open\s+by\s+the\s+osi|the\s+open\s+source\s+ai\s+definition|osi[- ]approved|open[- ]weights?)\b/i;
const OSAID = /\b(?:OSAID|Open\s+Source\s+AI\s+Definition|Open\s+Source\s+Initiative|OSI)\b/;
const PROJECT_SCOPED = /\b(?:project|repository|repo|model|dataset|data\s+set|toolkit|library|benchmark|weights|code\s+base|codebase)\b/i;
const ALLIANCE_WIDE = /\b(?:managed\s+projects?|supported\s+projects?|member\s+projects?|managed-project|all\s+projects|alliance\s+projects|projects\s+(?:managed|supported)|standard|default|policy|policies|exceptions?)\b/i;
const FOUNDING_STRONG = /\b(?:found(?:ed|ing|er|ers)|co-?found\w*|inception|inaugural|December\s+5,?\s+2023|5\s+December\s+2023|Dec\.?\s+5,?\s+2023)\b/i;
const FOUNDING_LAUNCH = /\b(?:launched|launch|launches|launching|formed|formation|established|created|creation|started|announced|announcing|unveiled|spearheaded|spearheading)\b/i;
const MISSION = /\b(?:mission|aims?\s+to|aim\s+is|goal|purpose|role\s+is|practical\s+role|vision|dedicated\s+to|committed\s+to|seeks?\s+to|exists\s+(?:to|so\s+that|for)|believes|wants|aspires?\s+to|envisions?|prioriti[sz]es|champions|stands\s+for|is\s+set\s+on|is\s+focused\s+on|focuses\s+on|advocates\s+for)\b/i;
const MEMBER_NOUN = /\bmembers\b|\bmembership\b|\bmember\s+(?:of|since|organi[sz]ations?|companies|institutions|universities|labs|firms|startups|start-ups|directory|list|count|roster)\b|\b(?:AI\s+)?Alliance\s+members?\b|\bbelongs?\s+to\s+(?:both\s+)?the\s+(?:AI\s+)?Alliance\b|\b(?:a|an|the|founding|new|general|core|newest|latest)\s+member\b|\bjoin(?:ed|s|ing)?\s+(?:the\s+)?(?:AI\s+)?Alliance\b|\bjoined\b/i;
const NON_MEMBERS = /\b(?:notably\s+)?(?:absent|missing)\s+(?:are|were|from\s+the\s+(?:list|roster|membership))\b|\bnot\s+among\s+(?:the\s+)?(?:members|founding|signatories)|\bnot\s+included\s+(?:were|are)\b|\b(?:are|were|is|was)\s+not\s+(?:part\s+of|in)\s+(?:the|this)\s+(?:effort|group|alliance|coalition|initiative|consortium)\b|\b(?:were|are)\s+not\s+(?:included|among)\b|\b(?:did\s+not|didn['’]t|declined\s+to|chose\s+not\s+to)\s+join\b|\bstayed\s+out\b/i;
// Conditions of membership are Alliance policy (governance), not who is a member.
const MEMBERSHIP_POLICY = /\b(?:requirements?\s+for\s+membership|membership\s+(?:requirements?|criteria|fees?|dues|tiers?|levels?|agreement|terms)|(?:not\s+)?a\s+requirement\s+for\s+(?:joining|membership))\b/i;
const MEMBER_COMPOSITION = /^(?:many|most|some|all|several|few|its|their|the\s+alliance['’]s|alliance)\s+members\b/i;
const PROPER_OR_NUMBER = /(?<!^)\b(?:[A-Z][\p{L}&-]+|\d[\d,.]*)/u;
const TIME_CLAUSE = /\b(?:after|since|before|when|until|once)\s+(?:the\s+)?(?:AI\s+)?Alliance\s+(?:was|were|had\s+been|has\s+been)\s+\w+/gi;
// A claim states something: prose without any of these verbs (a caption, a label, a title) is not one.
export const CLAIM_VERB = /\b(?:is|are|was|were|be|been|being|has|have|had|does|do|did|can|cannot|may|must|joins?|joined|launch\w*|announc\w*|found(?:s|ed)|co-?founded|adds?|added|includes?|included|lists?|listed|releases?|released|becomes?|became|leaves?|left|wins?|certif\w+|approves?|endorses?|manages?|managed|hosts?|hosted|supports?|supported|leads?|led|runs?|governs?|licen[cs]es|licensed|adopts?|adopted|requires?|required|uses?|used|offers?|publishes|published|maintains?|accepts?|welcomes?|counts?|reaches|grew|grows|expands?|expanded|comprises?|spans?|numbers|totals?|says|said|states?|stated|reports?|reported|describes?|described|presents?|calls?|called|develops?|developed|builds?|built|creates?|created|serves?|remains?|regulates?|vouch\w*|gives?|grants?|issues?|provides?|means|makes?|made|belongs?|sits|chairs?|stands?|allows?|allowed|advocates?|promotes?|focus(?:es)?|works?|aims?|seeks?|brings?|connects?|convenes?|funds?|sponsors?|partners?|collaborates?|contains?|features?|shows?|covers?|enables?|helps?|lets|permits?|needs?|expects?|invites?|signed|backs?|backed|operates?|coordinates?|spans?|rally|rallies|rallied|unites?|united|gathers?|gathered|assembles?|assembled)\b/i;
// A headline states a claim only with a finite verb ("AI Alliance Unveils Project Tapestry",
// "IBM and Meta Launch AI Alliance"); "Key Features of Project Tapestry" is a label.
const HEADLINE_VERB = /\b(?:is|are|was|were|has|have|had|launch(?:es|ed)|unveil(?:s|ed)|announc(?:es|ed)|join(?:s|ed)|wants?|wanted|adds|added|releas(?:es|ed)|forms|formed|founded|creat(?:es|ed)|welcom(?:es|ed)|expand(?:s|ed)|names|named|hir(?:es|ed)|appoint(?:s|ed)|backs|backed|opens|opened|debut(?:s|ed)|introduc(?:es|ed)|partner(?:s|ed)|reach(?:es|ed)|grows|grew|becomes|became|signs|signed|aims|seeks|targets|plans|hosts|hosted|leads|led|counts|lists|includes|teams\s+up|bets|pushes|calls|says|said|warns|urges|commits|pledges|gets|wins|won|turns|marks|doubles|tops|surpasses|crosses)\b/i;
const HEADLINE_PLURAL_VERB = /\b(?!(?:The|A|An|Our|Its|Their|This|New)\b)[A-Z][\w&.'’-]*\s+(?:Launch|Unveil|Announce|Join|Form|Found|Create|Welcome|Partner|Team\s+Up|Want)\b/;

/** Whether a heading or title makes a statement rather than naming a topic. */
export function isHeadline(text: string): boolean {
  // "…: what the AI Alliance can and cannot tell a buyer" asks; only what comes before states.
  text = text.split(/\b(?:what|how|why|whether|when|who|which)\b/i)[0];
  if (HEADLINE_VERB.test(text) || HEADLINE_PLURAL_VERB.test(text)) return true;
  // In sentence case a verb stays lower case ("The AI Alliance manages GEO-Bench"); in Title Case
  // a capitalised "Features" or "Focus" is as likely a noun.
  const verbs = new RegExp(CLAIM_VERB.source, 'gi');
  // …unless it sits in a relative clause ("Members we work with").
  for (const m of text.matchAll(verbs)) if (/^[a-z]/.test(m[0]) && !/\b(?:we|you|they|that|which|who|i)\s+$/i.test(text.slice(0, m.index))) return true;
  return false;
}

const FOUNDING_APPOSITIVE = /,\s*(?:launched|founded|co-?founded|formed|created|started|established)\s+(?:by\s+)?[^,]{0,60}\b(?:IBM|Meta)\b[^,]{0,60},/;

export const ALLIANCE_SUBJECT = /^(?:the\s+)?(?:AI\s+)?Alliance\b|^(?:the\s+)?(?:consortium|coalition|organi[sz]ation)\b/i;

export const LEADING_ADVERBIAL = /^(?:(?:in|by|since|on|at|after|during|over|within|until|today|now|meanwhile|since\s+then|at\s+launch)\b[^,]{0,50},\s*)/i;
const ELIDED_SUBJECT = /^(?:not|no(?=\s+\p{L})|never|does|doesn['’]t|is|isn['’]t|has|have|was|launched|founded|co-?founded|announced|includes|lists|manages|hosts|supports|counts|numbers|gives|issues|certifies|approves|regulates)\b/iu;
const PAST_EVENT = /\b(?:launched|announced|founded|co-?founded|formed|joined|unveiled|released|introduced|started|began|signed)\b/i;
const ATTRIBUTION = /\b(?:said|says|stated|states|told|wrote|writes|added|according\s+to|announced|declared)\b/i;
const CONTINUATION = /^(?:it|its|they|their|these|managed|supported|member|members|standard|alliance|projects|licen[cs]es|founding\s+(?:members|partners|roster)|the\s+(?:same|governance|members?|membership|directory|site|page|projects?|list|alliance|consortium|coalition|group|organi[sz]ation|network|initiative|standard|default|managed|official|(?:two\s+)?(?:companies|firms|founders|partners)|participants|contributors|founding\s+(?:members|partners|roster|list|lineup))|(?:a|an)\s+(?:steering|governing|technical|board))\b/i;
const SUBJECT_PRONOUN = /^(?:(?:by|in|on|at|since|after|during|over|within|until)\b[^,]{0,50}?,?\s+)?(?:it|its|they|their|the\s+(?:consortium|coalition|organi[sz]ation|group|alliance|initiative|network|community|body|collective))\b/i;

export interface Lexicons {
  subjects: RegExp;
  lookalikes: RegExp;
  projects: RegExp;
  /** The project names `projects` matches. */
  projectNames: string[];
  /** The names `subjects` and `lookalikes` match. */
  subjectNames: string[];
  lookalikeNames: string[];
  hedges: RegExp;
  categories: Map<Category, RegExp>;
}

const lexiconCache = new WeakMap<Lexicon, Lexicons>();

/** Compiles a lexicon once. */
export function compileLexicon(lexicon: Lexicon): Lexicons {
  let c = lexiconCache.get(lexicon);
  if (c) return c;
  const categories = new Map<Category, RegExp>();
  for (const [k, v] of Object.entries(lexicon.categories ?? {})) categories.set(k as Category, phraseRegex(v));
  c = {
    subjects: phraseRegex(lexicon.subjects),
    lookalikes: phraseRegex(lexicon.lookalikes),
    projects: phraseRegex(lexicon.projects),
    projectNames: [...lexicon.projects],
    subjectNames: [...lexicon.subjects],
    lookalikeNames: [...lexicon.lookalikes],
    hedges: phraseRegex(lexicon.hedges),
    categories,
  };
  lexiconCache.set(lexicon, c);
  return c;
}

// "<Capitalised name> Alliance" is another alliance, unless the word is a determiner or the like.
const NOT_A_NAME = 'AI|The|This|That|These|Those|Our|Its|Their|Every|Each|All|Any|No|Many|Some|Most|An?|As|Because|Being|Whole|Entire|Since|If|When|While|For|With|From|By|In|On|At|Of|To|And|But|Or|So|Yet|Why|How|What|Whether|Current|Former|Whole|Both|Neither|Either|Only|Even|Also|Today|Now|Joining|Inside|Within|Under|Unlike|Like|Managed|Supported|Member|Core|Founding|Affiliated|Full|Wider|Broader|Entire|Other|Such|Which|Whose|Young|Fellow|Partner';
const LOOKALIKE_PREFIX = new RegExp(`\\b(?!(?:${NOT_A_NAME})\\b)([A-Z][\\w&.-]*(?:\\s+(?:&|and|of|for)\\s+[A-Z][\\w-]*)?)\\s+Alliance\\b`, 'g');

/** Blanks look-alike organisations ("EU AI Alliance", "Cloud Security Alliance") so they are not the subject. */
export function withoutLookalikes(text: string, lex: Lexicons): string {
  let t = text.replace(lex.lookalikes, (m) => ' '.repeat(m.length));
  // "<Capitalised word> Alliance" other than "AI Alliance"/"The Alliance", and "Alliance for …".
  t = t.replace(LOOKALIKE_PREFIX, (m) => ' '.repeat(m.length));
  t = t.replace(/\b(?<!AI\s)Alliance\s+for\s+(?:the\s+)?[A-Z][\w-]*/g, (m) => ' '.repeat(m.length));
  return t;
}

/** How a sentence refers to the AI Alliance, if it does. */
export function subjectOf(text: string, lex: Lexicons, aboutAlliance: boolean): 'name' | 'alliance' | 'project' | undefined {
  if (hasPhrase(lex.subjects, text)) return 'name';
  if (aboutAlliance && /\bAlliance(?:['’]s)?\b|\bthe\s+alliance\b/.test(text)) return 'alliance';
  if (aboutAlliance && namesProject(text, lex)) return 'project';
  // In a draft about the Alliance, its members and founding roster need no name.
  if (aboutAlliance && /^(?:[\w,-]+\s+){0,3}?(?:(?:its|the|many|most|some|all)\s+)?(?:founding\s+(?:members?|roster|partners|lineup|signatories)|members|membership)\b(?!,)/i.test(text.trimStart()) && !/\bmember\s+(?:of|states?)\b(?!\s+the\s+(?:AI\s+)?Alliance)/i.test(text)) return 'alliance';
  return undefined;
}

// A product's name: capitalised words ending in what it is ("Trust and Safety User Guide",
// "Evaluation Reference Stack", "Context Forge"), "Project X", or one word with an inner capital
// or hyphen ("SemiKong", "GEO-Bench"). In a draft about the Alliance these are its projects' names.
const PRODUCT_NAME = /(?<![\p{L}\p{N}])(?:(?:[A-Z][\w&+'’.-]*\s+(?:(?:and|&|of|for|the|in|on)\s+)?){1,6}(?:Guide|Stack|Initiative|Hub|Bench|Benchmark|Toolkit|Tools|Kit|Platform|Catalog|Catalogue|Leaderboards?|Datasets?|Framework|Library|Suite|Specification|Protocol|Forge|Engine|Evals|Evaluations|Workbench|Studio|Cookbook|Playbook)|Project\s+[A-Z][\w-]+|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{2,}-[A-Z][a-z]+)(?![\p{L}\p{N}])/u;

const PRODUCT_NAME_START = new RegExp(`^(?:${PRODUCT_NAME.source.replace('(?<![\\p{L}\\p{N}])', '')})`, 'u');

/** Every product name in a text (for masking names such as "Trust and Safety User Guide"). */
export const PRODUCT_NAMES = new RegExp(PRODUCT_NAME.source, 'gu');

/**
 * A quotation attributed to someone: the sentence is mostly quoted words and names a speaker
 * ("'…,' said the CEO", "“…” — Jane Doe").
 */
export function isQuotedSpeech(text: string): boolean {
  const quoted = text.match(/["“][^"”]{8,}["”]/g);
  if (!quoted) return false;
  const inside = quoted.reduce((n, q) => n + q.length, 0);
  return inside >= text.trim().length * 0.5 && (ATTRIBUTION.test(text.replace(/["“][^"”]*["”]/g, ' ')) || /^\s*["“]/.test(text));
}

/** Whether the text names a project: one the lexicon or the draft knows, or a product's name. */
export function namesProject(text: string, lex: Lexicons): boolean {
  return hasPhrase(lex.projects, text) || PRODUCT_NAME.test(text);
}

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
  /** The sentence opens its list item or table row. */
  firstInUnit?: boolean;
}

/**
 * Decides whether a sentence is a claim about the AI Alliance and of which category.
 * `text` is the masked sentence with look-alikes already blanked.
 */
export function judgeSentence(text: string, lex: Lexicons, ctx: SentenceContext): ClaimJudgement | undefined {
  // "Three years after the AI Alliance was launched, the argument…": the Alliance only dates the sentence.
  const main = text.replace(TIME_CLAUSE, (m) => ' '.repeat(m.length));
  const subject = subjectOf(main, lex, ctx.aboutAlliance);
  const start = main.trimStart();
  // Within a block about the Alliance the next sentences continue to be: "It…" needs the Alliance to
  // have been the subject just before; "Managed projects…", "The same page…" only that it was named.
  // "Its researchers…" right after a sentence about a member organisation is about that member.
  if (/^(?:it|its|they|their)\b/i.test(start) && ctx.previousSubjectAlliance === false && ctx.sameBlock === true && !ctx.projectItem && subject !== 'name') return undefined;
  const pronoun = (ctx.previousSubjectAlliance === true && SUBJECT_PRONOUN.test(start)) || (ctx.previousAboutAlliance && ctx.sameBlock === true && CONTINUATION.test(start) && !/^(?:it|its|they|their)\b/i.test(start));
  // Fragments without a subject ("Not a regulator; no safety approvals") in a draft about the Alliance.
  const elided = ctx.aboutAlliance && ELIDED_SUBJECT.test(start);
  const projectSubject = ctx.aboutAlliance && isProjectSubject(start, lex, ctx);
  // On the Alliance's own pages "we" and "our" are the Alliance (or the project the page is about).
  const firstPerson = ctx.firstParty === true && FIRST_PERSON_SUBJECT.test(start);
  const osaid = OSAID.test(text) || OPEN_PREDICATE.test(text);
  if (!ctx.aboutAlliance && !(osaid && (OSAID.test(text) || ctx.aboutOsaid))) return undefined;
  const kind = nonClaimKind(withoutQuotedSpeech(text), ctx.titleLike);
  if (kind) {
    // "The AI Alliance, launched by IBM and Meta in December 2023, has become the most visible…":
    // an opinion that carries a founding fact in passing still asserts it.
    if ((kind === 'opinion' || kind === 'speculation') && FOUNDING_APPOSITIVE.test(text)) return { category: 'founding', policy: 'founding', current: false, time: 'historical', trigger: FOUNDING_APPOSITIVE.exec(text)?.[0].replace(/^,\s*|,$/g, ''), subject: subjectText(main, lex), hedged: false, negated: false };
    return undefined;
  }
  const aboutTheAlliance = subject !== undefined || pronoun || elided || projectSubject || firstPerson || ctx.infobox === true;
  const category = ctx.aboutAlliance ? projectScoped(categoryOf(withoutAttribution(main), lex, aboutTheAlliance, ctx), main, projectSubject, firstPerson && CLAIM_VERB.test(main)) : ['open-source-ai', 'open-source-ai'] as [Category, PolicyKey];
  if (!category) return undefined;
  const [cat, policy] = category;
  const event = PAST_EVENT.test(text) && (cat === 'founding' || cat === 'membership' || cat === 'project');
  // "The Alliance will set up a governing board": a structure announced at launch is reported, not planned by the writer.
  const announcedStructure = subject !== undefined && /\b(?:governing\s+board|board|committee|steering|oversight|guidelines|charter|bylaws)\b/i.test(text);
  if (PLAN.test(text) && !event && !announcedStructure) return undefined;
  const projectRules = cat === 'governance-licensing' && /\b(?:managed|supported|member)\s+projects?\b|\bprojects\s+(?:must|should|are\s+required)/i.test(text);
  if (NORMATIVE.test(withoutQuotedSpeech(text)) && !projectRules && !(policy === 'safety' && ROLE_SAFETY.test(text))) return undefined;
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

// "This project…", "The initiative…", "Our guide…": the project a page or item is about.
const PROJECT_ANAPHOR = /^(?:this|the|our)\s+(?:[\w-]+\s+){0,2}?(?:project|initiative|work\s*streams?|consortium|effort|programme|program)\b/i;
const PROJECT_MENTION = /\b(?:in|of|for|by|from)\s+(?:this|our)\s+(?:project|initiative)\b|\b(?:this|our)\s+project\b/i;
const FIRST_PERSON_SUBJECT = /^(?:(?:[\w,-]+\s+){0,6}?,\s*)?(?:(?:and|so|but|now|today)\s+)?(?:we|our|us)\b/i;
// Who says so, after a quotation: "…," said Jane Doe, co-founder of Quillfeather. A role at the
// Alliance named there ("chairman of the AI Alliance") is a claim of its own and stays.
const ATTRIBUTION_TAIL = /(["”’])\s*,?\s*(?:[\w'’.-]+\s+){0,6}?(?:said|says|according\s+to|wrote|writes|added|adds|told|explained|noted)\b[^"“]*$/i;
const ALLIANCE_ROLE = /\b(?:chair(?:man|woman|person)?|chief\s+[\w-]+(?:\s+[\w-]+)?|board\s+member|member\s+of\s+the\s+board|director|executive\s+director|head|president|(?:technical\s+)?lead|advis[eo]r|architect|co-?chair|steering\s+committee\s+member)\s+(?:of|to|at|for)\s+(?:the\s+)?(?:AI\s+Alliance|Alliance|Project\s+[A-Z]\w+)/i;

/** The sentence without the attribution after a quotation, unless that names a role at the Alliance. */
function withoutAttribution(text: string): string {
  const m = ATTRIBUTION_TAIL.exec(text);
  if (!m || ALLIANCE_ROLE.test(m[0])) return text;
  return text.slice(0, m.index + 1) + ' '.repeat(text.length - m.index - 1);
}

/** Whether the sentence's subject is a project: named first, pointed to, or the item's label. */
function isProjectSubject(start: string, lex: Lexicons, ctx: SentenceContext): boolean {
  const t = start.replace(/^(?:[-*•▸>]\s*|\*\*|__)+/, '').replace(LEADING_ADVERBIAL, '');
  if (PROJECT_ANAPHOR.test(t) || PROJECT_MENTION.test(t)) return true;
  lex.projects.lastIndex = 0;
  if (lex.projects.exec(t)?.index === 0) return true;
  if (PRODUCT_NAME_START.test(t)) return true;
  // In a project's row or item, "It…", "The project…" and "Principal developer: IBM" are about it.
  if (ctx.projectItem === true && /^(?:it|its|the\s+project|this\s+project|\(?[A-Z][\w ]{2,30}:\s)/i.test(t)) return true;
  // The first sentence of an item or row that opens with a project's link or name is about it.
  if (ctx.projectItem === true && ctx.firstInUnit === true) return true;
  // "- Seeks to create a hub of evaluations" inside an item that opens with the project's link.
  return ctx.projectItem === true && /^(?:[A-Z][a-z]+s|is|are|has|was)\b/.test(t) && !/^(?:It|Its|They|The|This|These|Our|We|I)\b/.test(t);
}

/**
 * A project's own sentences ("The Open Agent Hub is a community of projects…", "Tapestry is
 * meant to let institutions…") are project claims even where mission or membership words occur.
 */
function projectScoped(category: [Category, PolicyKey] | undefined, text: string, projectSubject: boolean, firstPersonClaim: boolean): [Category, PolicyKey] | undefined {
  if (!category) return projectSubject && CLAIM_VERB.test(text) ? ['project', 'project'] : firstPersonClaim ? ['project', 'project'] : undefined;
  // "It is maintained by two Alliance members": who maintains a project is a fact about the project.
  const agent = /\b(?:maintained|developed|led|run|built|created|supported|backed|funded|governed|stewarded)\s+by\b/i.test(text);
  if (projectSubject && (category[0] === 'other' || category[1] === 'safety' || (category[0] === 'membership' && (agent || !MEMBER_NOUN.test(text))))) return ['project', 'project'];
  return category;
}

// A key/value row of an event page or project page ("| **Date** | June 24, 2026 |", "| Authors | …").
const INFOBOX_KEYS: [RegExp, [Category, PolicyKey]][] = [
  [/^(?:date|dates|when|location|venue|where|place|city)$/i, ['project', 'project']],
  [/^(?:authors?|maintainers?|owners?|leads?|lead\s+developers?|principal\s+developer|developers?|contributors?|team|status|stage|maturity|work\s*groups?|steward)$/i, ['project', 'project']],
  [/^(?:licen[cs]es?|license\s+type)$/i, ['governance-licensing', 'governance-licensing/project']],
  [/^(?:founded|launched|established|founders?|founding\s+members?)$/i, ['founding', 'founding']],
  [/^(?:members?|membership|member\s+count|number\s+of\s+members)$/i, ['membership', 'membership']],
];

/** The category a key/value row's key gives it, if the key is one an infobox uses. */
function infoboxCategory(text: string, headers: string[] | undefined): [Category, PolicyKey] | undefined {
  const cell = text.split('|')[0];
  // With headers the row reads "Header: value | …"; the key is the first value.
  const key = (headers?.[0] ? cell.slice(cell.indexOf(':') + 1) : cell).replace(/[*_:`]/g, '').trim();
  return INFOBOX_KEYS.find(([re]) => re.test(key))?.[1];
}

function categoryOf(text: string, lex: Lexicons, aboutTheAlliance: boolean, ctx: SentenceContext): [Category, PolicyKey] | undefined {
  if (ctx.tableRow && ctx.aboutAlliance) {
    const row = infoboxCategory(text, ctx.headers);
    if (row) return row;
    // "| **Recordings** | [playlist](…) |": a key/value row whose key names no claim.
    if (!ctx.headers?.some((h) => h.length > 0) && /^\s*[^|]{1,40}\|[^|]*$/.test(text) && (text.split('|')[0].match(/\p{L}+/gu) ?? []).length <= 4) return undefined;
  }
  const has = (c: Category) => {
    const re = lex.categories.get(c);
    return re ? hasPhrase(re, text) : false;
  };
  // The Alliance's role stated with a negation ("is not a regulator") comes first: such sentences
  // often go on to say what the role does not imply about members' systems.
  if (aboutTheAlliance && ROLE_SAFETY.test(text) && /\b(?:not|no|never|neither|nor|doesn['’]t|isn['’]t)\b/i.test(text) && !/^(?:\S+\s+){0,3}(?:models?|systems?)\b/i.test(text)) return ['safety', 'safety'];
  // A system is (not) safe: needs independent evidence whoever the subject is.
  if (SYSTEM_SAFE.test(text) && !/\bsafe\s+harbou?r\b/i.test(text) && !/\b(?:OSAID|OSI|open[- ]source)[- ]compliant\b/i.test(text) && !/\b(?:whether|if)\b[^.;:]{0,60}\b(?:is|are|was|were)\s+(?:not\s+)?(?:safe|vetted|trusted|secure)\b/i.test(text)) {
    const system = /\b(?:models?|systems?|llms?|tools?|platforms?|weights|releases?|products?|applications?|apps?|agents?|it|they|its|their|chatbots?|assistants?|stacks?|sdks?)\b/i.test(text.replace(/\bAI\s+Alliance\b/g, '')) || /\b[A-Z][\w]*-\d|\b[A-Z][a-z]+[A-Z]\w*|\bcustomers\s+can\s+trust\b/.test(text);
    if (aboutTheAlliance && !system) return ['safety', 'safety'];
    return ['safety', 'safety/system'];
  }
  const openAsked = /\b(?:whether|if)\b[^.;]{0,80}\b(?:is|are|count|counts|qualif\w+|meets?)\b/i.test(text);
  if (!openAsked && (OPEN_PREDICATE.test(text) || (OSAID.test(text) && has('open-source-ai')))) return ['open-source-ai', 'open-source-ai'];
  const withoutMemberProjects = text.replace(/\bmember\s+projects?\b/gi, '');
  const members = MEMBER_NOUN.test(withoutMemberProjects);
  const foundingPair = /\bIBM\b.{0,40}\bMeta\b|\bMeta\b.{0,40}\bIBM\b/.test(text) && FOUNDING_LAUNCH.test(text);
  const memberClaim = members && !/\bmember\s+(?:of|states?)\b(?!\s+the\s+(?:AI\s+)?Alliance)/i.test(text) && (PROPER_OR_NUMBER.test(text) || MEMBER_COMPOSITION.test(text.trim()) || /\bthe\s+membership\b|\b(?:make|makes)\s+up\b|\baccount\s+for\b|\bmajority\b|\bpercent\b|%|\b(?:grew|grown|doubled|tripled|quadrupled|increased|rose|fell|shrank|declined|expanded)\b/i.test(text));
  // Who is not a member: "Notably absent are OpenAI, Google and Microsoft."
  if (ctx.aboutAlliance && NON_MEMBERS.test(text) && PROPER_OR_NUMBER.test(text)) return ['membership', 'membership'];
  // The Alliance's project tiers are its own governance terms: no other subject is needed.
  const tiers = /\b(?:managed|supported|member)[\s-]projects?\b/i.test(text);
  // "The repository code is distributed under the MIT License" in a draft about the Alliance: a
  // project's licence needs no named subject.
  const licence = /\b(?:licen[cs]ed|distributed|released|available|published|provided)\s+under\b/i.test(text) && /\blicen[cs]e|\bApache|\bMIT\b|\bCDLA|\bCC[- ]BY|Creative\s+Commons|\bBSD\b|\bGPL/i.test(text);
  if (MEMBERSHIP_POLICY.test(text)) return ['governance-licensing', 'governance-licensing'];
  // On the Alliance's own pages its work needs no named subject ("The following work groups are provisional").
  const ownWork = ctx.firstParty === true && has('project') && CLAIM_VERB.test(text);
  if (!aboutTheAlliance && !foundingPair && !memberClaim && !tiers && !ctx.tableRow && !licence && !ownWork) return undefined;
  if (PRESS.test(text) && PRESS_SUBJECT.test(text)) return ['other', 'other/press'];
  if (ALLIANCE_ROLE.test(text)) return ['governance-licensing', 'governance-licensing'];
  if (ROLE_SAFETY.test(text) && aboutTheAlliance && /\b(?:not|no|never|neither|nor|doesn['’]t|isn['’]t)\b/i.test(text)) return ['safety', 'safety'];
  // "Launched in 2023 by IBM and Meta, it now counts 140 members": the current state is the claim.
  if (CURRENT_MARKER.test(text) && memberClaimWords(text) && has('membership')) return ['membership', 'membership'];
  if (FOUNDING_STRONG.test(text) || foundingPair || (FOUNDING_LAUNCH.test(text) && aboutTheAlliance && !hasPhrase(lex.projects, text) && !/\bproject|initiative|platform|hub|benchmark|toolkit|dataset|working\s+group\b/i.test(text) && /\b2023\b|\bIBM\b|\bMeta\b|\bin\s+December\b/.test(text))) return ['founding', 'founding'];
  const governance = has('governance-licensing');
  if (/\b(?:is|was|became|becomes|as)\s+(?:now\s+)?an?\s+(?:AI\s+)?(?:Alliance\s+)?(?:managed|supported|member|incubat\w+|graduated|core)\s+project\b/i.test(text) && !/\blicen[cs]/i.test(text)) return ['project', 'project'];
  if (governance && /\b(?:managed|supported|member)\s+projects?\b|\blicen[cs]/i.test(text)) return governanceOf(text, lex);
  // Organisations make a membership claim when they are counted or listed ("more than 200
  // organizations", "brings together companies, universities…"), not in passing ("open institutions").
  const organisations = /\b(?:organi[sz]ations|companies|universities|institutions|startups|start-ups|collaborators|participants|signatories)\b/i.test(withoutMemberProjects) && (/\d|\b(?:includ\w*|compris\w*|spans?|span(?:ning|ned)|brings?\s+together|consists?|among|dozens|hundreds|range\s+from|from\s+\w+\s+to)\b/i.test(text) || /\b[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+)*,\s+[A-Z][\w&.-]+/.test(text));
  if (has('membership') && (members || organisations)) return ['membership', 'membership'];
  if (MISSION.test(text) && aboutTheAlliance) return ['other', 'other'];
  if (governance) return governanceOf(text, lex);
  return restOf(text, lex, aboutTheAlliance, has, members, ctx);
}

function memberClaimWords(text: string): boolean {
  return /\b(?:members|membership|member\s+organi[sz]ations|organi[sz]ations|companies|institutions)\b/i.test(text) && !/\bfounding\s+members\b/i.test(text.replace(/\b(?:now|currently|today)\b.*$/i, ''));
}

function governanceOf(text: string, lex: Lexicons): [Category, PolicyKey] {
  {
    const licence = /\blicen[cs]\w*|\bApache|\bCDLA\b|\bCC[- ]BY\b|Creative\s+Commons/i.test(text);
    const allianceWide = ALLIANCE_WIDE.test(text) || /\bAlliance['’]s\s+(?:default|standard)/i.test(text);
    const oneProject = licence && !allianceWide && (hasPhrase(lex.projects, text) || PROJECT_SCOPED.test(text));
    return ['governance-licensing', oneProject ? 'governance-licensing/project' : 'governance-licensing'];
  }
}

function restOf(text: string, lex: Lexicons, aboutTheAlliance: boolean, has: (c: Category) => boolean, members: boolean, ctx: SentenceContext): [Category, PolicyKey] | undefined {
  if (ROLE_SAFETY.test(text) && aboutTheAlliance) return ['safety', 'safety'];
  if (has('project') || namesProject(text, lex)) return ['project', 'project'];
  if (has('other') && aboutTheAlliance && (/\b(?:is|are|remains)\s+(?:an?|the)\b/i.test(text) || ALLIANCE_SUBJECT.test(text.trimStart().replace(LEADING_ADVERBIAL, '')) || /^\s*(?:it|they)\b|\b(?:describes|calls|bills|presents|defines)\s+itself\b/i.test(text))) return ['other', 'other'];
  if (ctx.tableRow && members) return ['membership', 'membership'];
  return undefined;
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

/** Whether a text names the Open Source AI Definition or the OSI. */
export function mentionsOsaid(text: string): boolean {
  return OSAID.test(text);
}

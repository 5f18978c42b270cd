// Forbidden inferences (spec §5): affiliation as evidence of safety or openness, universal
// endorsement by members, universal maturity of projects. Refutations, questions and
// prohibitions are not flagged.
import type { Category } from '../types';

export interface InferenceMatch {
  kind: 'affiliation-safety' | 'affiliation-openness' | 'universal-endorsement' | 'universal-maturity';
  category: Category;
  message: string;
  /** The words that make the inference: the affiliation (or universal subject), the quality, the link. */
  affiliation?: string;
  quality?: string;
  link?: string;
}

/** The first match of a pattern in the text, trimmed of the space a pattern may include. */
function found(re: RegExp, text: string): string | undefined {
  return re.exec(text)?.[0].trim();
}

const AFFILIATION = /\b(?:(?:part\s+of|in|listed\s+(?:in|on|by)|hosted\s+(?:by|in)|included\s+in|accepted\s+(?:into|by)|member\s+of|contributes?\s+to|built\s+(?:on|with))\s+(?:the\s+)?AllianceProject\b|(?:AI\s+)?Alliance[- ](?:member(?:ship)?s?|founders?|founding\s+members?|projects?|partners?|affiliat\w+|backed|affiliated|supported|endorsed|approved|certified|vetted|sponsored|badge|logo|participation)|(?:member(?:ship)?|founders?|founding\s+members?|participa\w+|affiliat\w+|part|projects?)\s+(?:of|in|with)\s+(?:the\s+)?(?:AI\s+)?Alliance|(?:co-?)?found(?:ed|ing)\s+the\s+(?:AI\s+)?Alliance|being\s+(?:in|inside|part\s+of)\s+the\s+(?:AI\s+)?Alliance|(?:lives?|living|sits?|hosted)\s+(?:under|in)\s+(?:the\s+)?The-(?:AI-)?Alliance\w*|(?:participat\w+|takes?\s+part|taking\s+part)\s+in\s+(?:the\s+)?(?:AI\s+)?Alliance['’]s\s+(?:[\w-]+\s+){0,5}?(?:working\s+groups?|work\s*groups?|projects?|initiatives?|programmes?|programs?|committees?)|(?:joined|joining|backed\s+by|supported\s+by|endorsed\s+by|sponsored\s+by|affiliated\s+with|(?:maintained|hosted|developed|governed|incubated|stewarded)\s+(?:under|within|at|by)|under\s+the\s+umbrella\s+of)\s+(?:the\s+)?(?:AI\s+)?Alliance|(?:an?|its|their)\s+(?:AI\s+)?Alliance\s+(?:affiliation|membership|tie|connection|pedigree)|Alliance['’]s\s+(?:backing|endorsement|imprimatur|stamp|seal)|membership|being\s+an?\s+member|(?:a|an|its)\s+member(?:'s)?\s+(?:model|system|company|developer)|(?:comes?|came|coming)\s+out\s+of\s+the\s+(?:AI\s+)?Alliance|(?:from|on|in|under)\s+the\s+(?:AI\s+)?Alliance['’]s\s+(?:github|repos?|repositories|hub|catalog|org\w*)|(?:AI\s+)?Alliance[- ](?:aligned|grade|hosted|listed|branded|model|models|release|seal|name|label)|seat\s+(?:in|at|on)\s+the\s+(?:AI\s+)?Alliance|(?:comes?|came)\s+(?:out\s+of|from)\s+an?\s+(?:AI\s+)?Alliance\s+member|(?:built|based)\s+on\s+(?:AI\s+)?Alliance\s+(?:open[- ]source\s+)?(?:components|projects|tools|code)|(?:AI\s+)?Alliance\s+(?:seal|stamp|badge|imprimatur)|(?:built|developed|born|made|created|incubated|grown|raised)\s+(?:inside|within|in|under)\s+the\s+(?:AI\s+)?Alliance(?:['’]s)?(?:\s+(?:ecosystem|community|umbrella|family))?|(?:part|member)\s+of\s+an?\s+(?:AI\s+)?Alliance\s+(?:initiative|project|program\w*|effort|work\s*group)|as\s+befits\s+an?\s+(?:AI\s+)?Alliance|listed\s+(?:among|as|in|on)\s+(?:the\s+)?(?:AI\s+)?Alliance|(?:from|in|on|into)\s+an?\s+(?:AI\s+)?Alliance\s+(?:repository|repo|project|org(?:ani[sz]ation)?)|(?:presence|hosted|listed|listing)\s+in\s+(?:this|the)\s+(?:GitHub\s+)?(?:organi[sz]ation|org)|(?:helped?|helps|helping)\s+(?:to\s+)?(?:shape|build|found|launch|lead|write|define|design|create|start|steer)\s+the\s+(?:AI\s+)?Alliance\b|(?:evaluated|tested|benchmarked|scored|checked|validated|assessed)\s+(?:with|on|against|using|by)\s+(?:the\s+)?(?:AI\s+)?Alliance(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:benchmarks?|evals?|evaluations?|tests?|tools?|suites?|harness(?:es)?))/i;
const SAFETY_QUALITY = /\b(?:(?:meets?|met|satisf\w+|passes|passed)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:safety|security)\s+(?:requirements|criteria|bar|thresholds?|standards?)|safest|safe|safer|vetted|trusted|trustworthy|secure|harmless|reliable|certified|approved|compliant|low[- ]risk|risk[- ]free|can\s+trust|safety\s+(?:credentials?|guarantees?|standards?)|can\s+be\s+confident|with\s+confidence|protection|protected|assurance|assured|peace\s+of\s+mind|conformity|conformant|pre-?clear\w*|(?:stamp|seal|badge|mark)\s+of\s+(?:safety|approval|trust|quality)|(?:[\w-]+[- ])?grade\s+(?:security|safety)|security\s+(?:out\s+of\s+the\s+box|guarantee\w*)|(?:safe|secure)\s+by\s+(?:design|default)|(?:stamp|seal|badge|mark)\s+of\s+(?:safety|approval|trust|quality)|meets?\s+(?:[\w-]+\s+){0,5}(?:obligations|requirements|standards)|without\s+(?:a\s+)?second\s+thought|skip\s+(?:[\w-]+\s+){0,3}?(?:red[- ]teaming|evaluations?|reviews?|testing|tests|due\s+diligence|audits?|checks?)|no\s+need\s+(?:to|for)\s+(?:[\w-]+\s+){0,3}?(?:test\w*|evaluat\w+|review\w*|audit\w*|red[- ]team\w*|check\w*))\b/i;
const OPEN_QUALITY = /\b(?:open[- ]source|open\s+source\s+AI|OSAID|OSI[- ]approved|open\s+by\s+(?:definition|default)|fully\s+open|truly\s+open|genuinely\s+open|open\s+under|openness)\b/i;
const LINK = /^(?:backed|supported|endorsed|vetted|certified|approved|blessed)\s+by\b|^\W*if\b|\b(?:tells?|telling|signals?|signalled|signaled|signalling|signaling)\s+(?:(?:our|your|the|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:customers|buyers|users|clients|regulators|partners|everyone|you|us)\s+that\b|\bsignals?\s+that\b|\b(?:as\s+an?|as\s+befits|inherits?|effectively|because|since|so|therefore|thus|hence|which\s+is\s+why|that['’]s\s+why|like\s+(?:all|every|any)|means?|meaning|guarantee\w*|ensur\w+|prov\w+|shows?|showing|demonstrat\w+|impl\w+|by\s+virtue|thanks\s+to|which\s+makes|makes?\s+(?:it|them)|given\s+(?:that|its|their)|qualif\w+|evidence|confirms?|certif\w+|attests?|vouch\w*|automatically|by\s+definition|being)\b|[- ](?:backed|approved|certified|vetted|endorsed)\b/i;
// A refutation says so in words ("a myth", "as if it were"), or negates what links the
// affiliation to the quality ("does not make a model safe", "is no evidence of", "not every member").
const REFUTING_WORDS = /^not\b|\bas\s+(?:if|though)\b|\bnot\s+(?:thereby|automatically|by\s+(?:itself|that)|therefore)\b|\b(?:does|do)\s*n['’]?o?t\s+work\s+(?:like|that\s+way)|\b(?:viral|the\s+claim\s*:|claims?\s+that|claiming|asked\s+(?:us\s+)?(?:whether|if)|alleg\w+|rumou?r\w*|hoax|debunk\w*|fact[- ]check\w*|verdict)\b|\bpeople\s+(?:keep|often|sometimes)\s+(?:tell\w*|say\w*|assum\w+|think\w*)\b|\bnot\s+(?:every|all|each|any|necessarily)\b|\b(?:can|could|may)\s+be\s+[^.;]{0,60}\s+and\s+still\b|\b(?:(?:would|could)\s+be\s+(?:a\s+)?(?:mistake|wrong|error)|says\s+nothing|tells?\s+(?:you|us|readers|buyers)\s+nothing|assumes?|assumption|assuming|tempting|misperception|some\s+readers|people\s+often|it\s+is\s+easy\s+to|myth|misconception|misread\w*|mistake\w*|fallac\w+|wrong(?:ly)?|incorrect\w*|beware|resist|caution|careful|false|misleading|unfounded|unsupported|conflat\w+|by\s+itself|on\s+its\s+own|alone)\b|\banyone\s+who\s+(?:tells?|says?|claims?|thinks?|believes?)\b|\b(?:rejected|declined|turned\s+down|voted\s+down)\b|\b(?:some|many|several|other|rival)\s+(?:of\s+(?:your|their|our|the)\s+)?(?:[\w-]+\s+){0,2}?(?:say|said|claim|claimed|argue|argued|suggest|suggested|insist|insisted)\s+that\b|\b(?:cited|cite|cites|citing|used|uses|using|presented|presents|offered|treated|treats|treating)\s+(?:their\s+|its\s+|the\s+)?(?:AI\s+)?(?:Alliance\s+)?(?:membership|affiliation)\s+as\s+(?:evidence|proof|a\s+sign)/i;
const NEGATED_LINK = /\b(?:not|no|never|nothing|neither|nor|none|cannot|can['’]t|doesn['’]t|don['’]t|didn['’]t|isn['’]t|aren['’]t|shouldn['’]t|mustn['’]t|won['’]t)\b[^.;]{0,48}\b(?:evidence|proof|guarantee\w*|credential|substitute|signal|argument|case|imply|implies|implied|mean|means|meant|make|makes|made|count|counts|tell|tells|say|says|settle|settles|decide|decides|answer|answers|establish\w*|prove|proves|show|shows|demonstrate\w*|vouch\w*|endors\w+|certif\w+|approv\w+|stand\s+behind|backs?|support\w*|treat|read|regard|take|accept|issue|issues|grant|give|award|vet|vets|mature|production[- ]\w+|reviews?|review\w*|audits?|affect\w*|bearing)\b/i;
// "OSAID-compliant (AI Alliance member)": the affiliation given in brackets as the quality's grounds.
const BRACKETED_GROUNDS = /\b(?:compliant|certified|safe|secure|trusted|trustworthy|vetted|approved|open[- ]source|open)\s*\((?:as\s+)?(?:an?\s+)?(?:AI\s+)?Alliance\s+(?:member|project|partner)s?\)/i;
const REFUTATION = { test: (t: string) => REFUTING_WORDS.test(t) || NEGATED_LINK.test(t) || DENIED_AFFILIATION.test(t) };
const PROHIBITION = /^(?:[\w-]+(?:\s+[\w-]+)?,\s+)?(?:(?:please\s+)?(?:do\s+not|don['’]t|never|avoid|stop\s+(?:putting|using|saying|calling|claiming|writing|describing|implying|advertising|selling|treating|presenting))|no\s+one\s+should|readers\s+should\s+not|we\s+do\s+not|one\s+should\s+not)\b/i;
// "Membership is not a conformity assessment", "You will hear that…", a fact-check's "Claim 2: "…"":
// the affiliation denied, or the inference reported as hearsay or put up to be checked.
const DENIED_AFFILIATION = /^(?:viral\s+)?(?:claim|myth|rumou?r)\s*\d*\s*:\s*["“]|\b(?:membership|affiliation)\s+(?:(?:of|in)\s+[\w\s]{1,40}?\s+)?(?:is|was)\s+(?:not|no)\b|^(?:you(?:['’]ll|\s+will)|we(?:['’]ll|\s+will))\s+(?:often\s+|sometimes\s+)?(?:hear|read|be\s+told|see\s+it\s+(?:said|claimed))\s+that\b/i;
const UNIVERSAL_MEMBERS = /\b(?:(?:all|every|each)\s+(?:[\w-]+\s+){0,2}?(?:company|companies|organi[sz]ations?|firms?|institutions?|members?)\s+(?:in|of)\s+the\s+(?:AI\s+)?Alliance|(?:all|every|each)(?:\s+one)?\s+(?:of\s+(?:the|its|our|the\s+(?:AI\s+)?Alliance['’]s)\s+)?(?:\d+(?:\+|-plus)?\s+)?(?:AI\s+)?(?:Alliance\s+)?(?:members?|partners?|participants?|member\s+(?:organi[sz]ations?|companies|sites|institutions))|(?:entire|whole|full)\s+(?:AI\s+)?(?:Alliance\s+)?(?:membership|community|network)|(?:entire|whole)\s+(?:AI\s+)?Alliance|\d+\s+member\s+(?:organi[sz]ations|companies)\s+(?:standing|stand|stood)\s+behind|members?\s+(?:all|unanimously|universally|collectively)|unanimous\w*)\b/i;
const ENDORSE = /\b(?:endors\w+|back(?:s|ed|ing)?|support(?:s|ed|ing)?|approv\w+|stands?\s+behind|stood\s+behind|standing\s+behind|signs?\s+off|signed\s+off|vouch\w*|champion\w*|agree\w*|pledg\w+|consensus)\b/i;
const UNIVERSAL_PROJECTS = /\b(?:(?:all|every|each)\s+(?:of\s+(?:the|its)\s+)?(?:AI\s+)?(?:Alliance(?:['’]s)?\s+)?projects?|(?:AI\s+)?Alliance(?:['’]s)?\s+projects\s+(?:are|have\s+been)|(?:its|the\s+Alliance['’]s)\s+projects\s+(?:are|have\s+been)|any\s+(?:AI\s+)?Alliance\s+project|(?:being|as)\s+an?\s+(?:AI\s+)?Alliance\s+project)\b/i;
const MATURE = /\b(?:mature|production[- ](?:ready|grade|proven|quality)|built\s+for\s+production|proven\s+in\s+production|battle[- ]tested|enterprise[- ](?:ready|grade)|ready\s+for\s+production|deployed\s+in\s+production|stable|robust|field[- ]tested|well[- ]tested|(?:take|takes|taking|put|puts|putting|ship|ships|shipping|deploy|deploys|deploying|move|moves|moving)\s+(?:[\w-]+\s+){0,4}?(?:to|in|into)\s+production)\b/i;

// "Every model that comes out of the Alliance has been vetted": the affiliation names the subject
// and the quality is what the sentence says of it, with no word between to link them.
const COPULA = /\b(?:is|are|was|were|has\s+been|have\s+been|gets?|got|becomes?|counts?\s+as|qualif\w+\s+as)\b/i;

function predicated(t: string, quality: RegExp): boolean {
  const a = AFFILIATION.exec(t);
  if (!a) return false;
  const after = t.slice(a.index + a[0].length);
  const q = quality.exec(after);
  if (!q || q.index > 80) return false;
  return COPULA.test(after.slice(0, q.index + 1));
}

// Wording that is itself the inference: the Alliance named as the one that vouches ("Trusted by
// the AI Alliance", "models the Alliance has already vetted", "Alliance-grade protection").
const VOUCHED = /\b(?:trusted|vetted|approved|certified|endorsed|validated|recommended|cleared|blessed|reviewed|audited|red-teamed)\s+(?:(?:as\s+)?(?:safe|secure|compliant|trustworthy|responsible)\s+)?by\s+the\s+(?:AI\s+)?Alliance\b|\bthe\s+(?:AI\s+)?Alliance\s+(?:has|had)\s+(?:already\s+)?(?:vetted|approved|certified|endorsed|validated|cleared)\b|\b(?:AI\s+)?Alliance[- ](?:grade|certified|approved|vetted|backed|endorsed|aligned)\s+(?:[\w-]+\s+)?(?:protection|security|safety|quality|trust|assurance|compliance|reliability|guardrails)\b|\b(?:AI\s+)?Alliance(?:['’]s)?\s+(?:seal|stamp|imprimatur|badge)\s+of\b/i;

/** Returns the forbidden inference a sentence relies on, if any. */
export function findInference(text: string): InferenceMatch | undefined {
  const t = text.trim();
  if (/\?\s*["'”’)]*\s*$/.test(t) || PROHIBITION.test(t)) return undefined;
  const refuted = REFUTATION.test(t);
  if (UNIVERSAL_MEMBERS.test(t) && ENDORSE.test(t) && !refuted) {
    return { kind: 'universal-endorsement', category: 'membership', message: 'Implies that every member endorses every project; membership does not mean endorsement of each project. State which members back it, with a source, or drop the implication.', affiliation: found(UNIVERSAL_MEMBERS, t), quality: found(ENDORSE, t) };
  }
  if (UNIVERSAL_PROJECTS.test(t) && MATURE.test(t) && !refuted) {
    return { kind: 'universal-maturity', category: 'project', message: 'Implies that every Alliance project is mature or production-proven; project status varies. Describe this project\u2019s own status with a source from its repository.', affiliation: found(UNIVERSAL_PROJECTS, t), quality: found(MATURE, t) };
  }
  if (VOUCHED.test(t) && !refuted) {
    return { kind: 'affiliation-safety', category: 'safety', message: 'Uses the AI Alliance as a voucher for a system\u2019s safety, trustworthiness or quality; the Alliance is not a regulator and gives no safety approval. Cite an independent evaluation or a regulator instead.', affiliation: found(VOUCHED, t) };
  }
  if (AFFILIATION.test(t) && (LINK.test(t) || BRACKETED_GROUNDS.test(t) || predicated(t, SAFETY_QUALITY) || predicated(t, OPEN_QUALITY)) && !refuted) {
    const words = { affiliation: found(AFFILIATION, t), link: found(LINK, t) };
    if (OPEN_QUALITY.test(t)) return { kind: 'affiliation-openness', category: 'open-source-ai', message: 'Uses an AI Alliance affiliation as evidence that a system is open source; openness under the OSI\u2019s Open Source AI Definition must be shown on its own terms (cite the OSI and the system\u2019s licence).', ...words, quality: found(OPEN_QUALITY, t) };
    if (SAFETY_QUALITY.test(t)) return { kind: 'affiliation-safety', category: 'safety', message: 'Uses an AI Alliance affiliation as evidence that a system is safe, vetted, trusted or compliant; the Alliance is not a regulator and gives no safety approval. Cite an independent evaluation or a regulator instead.', ...words, quality: found(SAFETY_QUALITY, t) };
    if (MATURE.test(t)) return { kind: 'universal-maturity', category: 'project', message: 'Uses Alliance affiliation as evidence that a project is mature or production-proven; project status varies. Cite the project\u2019s own status.', ...words, quality: found(MATURE, t) };
  }
  return undefined;
}

/** Whether a sentence names a forbidden inference only to reject or question it. */
export function rejectsInference(text: string): boolean {
  const t = text.trim();
  // Naming is broader than relying: "a convenience, not a safety argument" names the quality as a noun.
  const names = VOUCHED.test(t) || (AFFILIATION.test(t) && (SAFETY_QUALITY.test(t) || OPEN_QUALITY.test(t) || ENDORSE.test(t) || /\b(?:safety|trust|compliance|endorsement|guarantee|credential|evidence|licen[cs]e\s+terms|settles?|answers?|decides?|proves?)\b/i.test(t))) || (UNIVERSAL_MEMBERS.test(t) && ENDORSE.test(t)) || (UNIVERSAL_PROJECTS.test(t) && MATURE.test(t));
  return names && (REFUTATION.test(t) || PROHIBITION.test(t) || /\?\s*$/.test(t));
}

/**
 * A comparison or feature table that ticks an Alliance affiliation as if it settled safety or
 * openness: "| Safe for regulated workloads | ✔ (Alliance member) |", "| Trust | AI Alliance member ✔ |".
 */
export function badgeInference(row: string): InferenceMatch | undefined {
  if (!/[✔✓✅☑]|\byes\b/i.test(row) || !AFFILIATION.test(row)) return undefined;
  const quality = found(SAFETY_QUALITY, row) ?? found(/\b(?:trust|safety|security|compliance)\b/i, row);
  if (!quality && !OPEN_QUALITY.test(row)) return undefined;
  return { kind: quality ? 'affiliation-safety' : 'affiliation-openness', category: quality ? 'safety' : 'open-source-ai', message: 'Ticks an AI Alliance affiliation beside a quality the Alliance does not vouch for; membership is no evidence that a system is safe, trusted or open. Cite an independent evaluation (or the OSI) instead.', affiliation: found(AFFILIATION, row), quality: quality ?? found(OPEN_QUALITY, row), link: found(/[✔✓✅☑]|\byes\b/i, row) };
}


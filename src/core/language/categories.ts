// The category of a claim and the policy that chooses its approved sources: founding, membership,
// governance (Alliance-wide or one project's licence), project, safety (the Alliance's role or a
// system's safety), Open Source AI, and the rest (mission, what the press said).
import type { Category, PolicyKey } from '../types';
import type { SentenceContext } from './claims';
import { namesProject, OSAID, type Lexicons } from './lexicon';
import { hasPhrase } from './phrases';
import { ALLIANCE_ROLE, ALLIANCE_SUBJECT, LEADING_ADVERBIAL, PROJECT_ROLE } from './subjects';
import { CLAIM_VERB } from './verbs';

const PRESS = /\b(?:reported|reports|wrote|writes|described|describes|called|calls|dubbed|characteri[sz]ed|covered|headlines?|coverage|(?:has|have)\s+been\s+(?:praised|criticised|criticized|welcomed|panned|hailed|questioned)|reaction|reactions|was\s+(?:mixed|positive|negative|muted|enthusiastic|skeptical|sceptical|lukewarm))\b/i;

const PRESS_SUBJECT = /\b(?:press|media|news|newspapers?|reporters?|journalists?|outlets?|commentators?|critics|observers|analysts|reactions?|responses?|reception|Reuters|Bloomberg|TechCrunch|The\s+Verge|Wired|Axios|CNBC|Forbes|Fortune|VentureBeat|ZDNet|The\s+Register|Financial\s+Times|FT|New\s+York\s+Times|NYT|Wall\s+Street\s+Journal|WSJ|Washington\s+Post|Guardian|BBC|AP|Associated\s+Press|Politico|Semafor|MIT\s+Technology\s+Review)\b/;

const CURRENT_MARKER = /\b(?:now|currently|today|as\s+of|at\s+present|presently|still|these\s+days|has\s+since|have\s+since|so\s+far|to\s+date)\b/i;

const SYSTEM_SAFE = /\b(?:is|are|was|were|['’]re|['’]s)\s+(?:\w+\s+)?the\s+(?:safest|most\s+(?:trusted|trustworthy|secure))\b|^\W*(?:trusted|vetted|approved|certified)\s+by\b|\b(?:trusted|vetted|certified)\s+by\s+the\s+(?:AI\s+)?Alliance\b|\b(?:safe|vetted|trusted|secure)\s+(?:to|for)\s+(?!say\b|assume\b)\w+|\b(?:is|are|was|were|be|being|been|as|remains?|proven|deemed|considered|certified\s+as|rated)\s+(?:not\s+|now\s+|fully\s+|completely\s+|entirely\s+|inherently\s+|therefore\s+|thus\s+|also\s+|independently\s+|demonstrably\s+)*(?:safe|unsafe|vetted|trusted|trustworthy|secure|harmless|risk-free|safety[- ](?:approved|certified|tested))\b|\b(?:safe|vetted|trusted)\s+(?:to|for)\s+(?:use|deploy)|\b(?:can|could|may)\s+(?:safely\s+)?trust\s+(?:it|them|the\s+model|the\s+system)\b|\b(?:is|are|was|were|be|been)\s+(?:[\w-]+\s+){0,3}?(?:[\w]+-)?(?:vetted|safe|trusted|certified|compliant|trustworthy)\b|\bmeets?\s+(?:[\w-]+\s+){0,3}(?:compliance|regulatory|safety|security|trust|federal|government|procurement|privacy)\s+(?:requirements|obligations|standards)|(?:[\w-]+[- ])?grade\s+(?:security|safety)|\bsecurity\s+out\s+of\s+the\s+box|\b(?:safe|secure)\s+by\s+(?:design|default)|\bmeets?\s+(?:the\s+)?(?:EU\s+)?AI\s+Act\b|\b(?:is|are)\s+(?:\w+\s+)?compliant\b|\b(?:treated|regarded|considered)\s+as\s+(?:low[- ]risk|safe)\b|\b(?:found|showed|shows|reported|revealed|detected)\s+no\s+(?:critical\s+|serious\s+|major\s+)?(?:jailbreak\s+|security\s+|safety\s+)?(?:vulnerabilit\w+|issues|flaws|risks)|\bpassed\s+(?:an?\s+)?(?:independent\s+|external\s+|third-party\s+)?(?:red[- ]team\w*|safety|security)\s+(?:evaluation|audit|test|assessment|review)/i;

const MEMBER_OF_ALLIANCE = /\b(?:is|are|was|were|became|become|has\s+been|have\s+been)\s+(?:now\s+|also\s+|all\s+|already\s+)?(?:an?\s+)?members?\s+of\s+the\s+(?:AI\s+)?Alliance\b/i;
export const ROLE_SAFETY = /\b(?:regulator|regulat\w+|standards?\s+body|public\s+body|government(?:al)?\s+(?:body|agency)|certification\s+body|standards\s+organi[sz]ation|legal\s+force|safety\s+approval|approv\w+|certif\w+|vets?|vetting|vouch\w*|endorse\w*|audits?|accredit\w*|enforce\w*|guarantee\w*)\b/i;

export const OPEN_PREDICATE = /\b(?:is|are|was|were|be|isn['’]t|aren['’]t|qualif\w+\s+as|counts?\s+as|count\s+as|meets?|met|compl\w+\s+with|under|labell?ed|called|marketed\s+as|described\s+as|considered)\s+(?:not\s+|truly\s+|fully\s+|genuinely\s+|really\s+|an?\s+|also\s+|therefore\s+)*(?:open[- ]source(?!\s+(?:platform|protocol|library|librar\w+|toolkit|framework|tools?|projects?|software|code|codebase|repositor\w+|stack|community|initiative|effort|foundation|components?|harness|benchmark))|open\s+source\s+ai|osaid|open\s+by\s+the\s+osi|the\s+open\s+source\s+ai\s+definition|osi[- ]approved|open[- ]weights?)\b/i;

const PROJECT_SCOPED = /\b(?:project|initiative|repository|repo|models?|datasets?|data\s+sets?|toolkit|library|benchmarks?|weights|code\s+base|codebase)\b|\b(?:the|its|this|our|sample|example)\s+(?:code|documentation|docs|data|datasets|contents|weights)\b|^\s*(?:code|documentation|docs|data|contributions)\s+(?:is|are|in\s+this)\b/i;

const ALLIANCE_WIDE = /\b(?:managed\s+projects?|supported\s+projects?|member\s+projects?|managed-project|all\s+projects|alliance\s+projects|projects\s+(?:managed|supported)|standard|default|policy|policies|exceptions?)\b/i;

const FOUNDING_STRONG = /\b(?:found(?:ed|ing|er|ers)|co-?found\w*|inception|inaugural|December\s+5,?\s+2023|5\s+December\s+2023|Dec\.?\s+5,?\s+2023)\b/i;

const FOUNDING_LAUNCH = /\b(?:launched|launch|launches|launching|formed|formation|established|created|creation|started|announced|announcing|unveiled|spearheaded|spearheading)\b/i;

const MISSION = /\b(?:mission|aims?\s+to|aim\s+is|goal|purpose|role\s+is|practical\s+role|vision|dedicated\s+to|committed\s+to|seeks?\s+to|exists\s+(?:to|so\s+that|for)|believes|wants|aspires?\s+to|envisions?|prioriti[sz]es|champions|stands\s+for|is\s+set\s+on|is\s+focused\s+on|focuses\s+on|advocates\s+for|brings\s+together|unites|convenes)\b/i;

const MEMBER_NOUN = /\bmembers\b|\bmembership\b|\b(?:officially\s+)?part\s+of\s+the\s+(?:AI\s+)?Alliance\b(?!['’]s)|\b(?:entire|whole)\s+(?:AI\s+)?Alliance(?:\s+community)?\b|\bmember\s+(?:of|since|organi[sz]ations?|orgs|companies|institutions|universities|labs|firms|startups|start-ups|directory|list|count|roster)\b|\b(?:AI\s+)?Alliance\s+members?\b|\bbelongs?\s+to\s+(?:both\s+)?the\s+(?:AI\s+)?Alliance\b|\b(?:a|an|the|founding|new|general|core|newest|latest)\s+member\b|\bjoin(?:ed|s|ing)?\s+(?:the\s+)?(?:AI\s+)?Alliance\b|\bjoined\b/i;

const NON_MEMBERS = /\b(?:notably\s+)?(?:absent|missing)\s+(?:are|were|from\s+the\s+(?:list|roster|membership))\b|\bnot\s+among\s+(?:the\s+)?(?:members|founding|signatories)|\bnot\s+included\s+(?:were|are)\b|\b(?:are|were|is|was)\s+not\s+(?:part\s+of|in)\s+(?:the|this)\s+(?:effort|group|alliance|coalition|initiative|consortium)\b|\b(?:were|are)\s+not\s+(?:included|among)\b|\b(?:did\s+not|didn['’]t|declined\s+to|chose\s+not\s+to)\s+join\b|\bstayed\s+out\b/i;

// Conditions of membership are Alliance policy (governance), not who is a member.
const MEMBERSHIP_POLICY = /\b(?:requirements?\s+for\s+membership|membership\s+(?:requirements?|criteria|fees?|dues|tiers?|levels?|agreement|terms)|(?:not\s+)?a\s+requirement\s+for\s+(?:joining|membership))\b/i;

const MEMBER_COMPOSITION = /^(?:many|most|some|all|several|few|its|their|the\s+alliance['’]s|alliance)\s+(?:(?:AI\s+)?Alliance\s+)?members\b/i;

const PROPER_OR_NUMBER = /(?<!^)\b(?:[A-Z][\p{L}&-]+|\d[\d,.]*)/u;

/**
 * A project's own sentences ("The Open Agent Hub is a community of projects…", "Tapestry is
 * meant to let institutions…") are project claims even where mission or membership words occur.
 */
export function projectScoped(category: [Category, PolicyKey] | undefined, text: string, projectSubject: boolean, firstPersonClaim: boolean, projectItem = false): [Category, PolicyKey] | undefined {
  // A project's row that mentions licences ("detects licence conflicts") describes the project.
  if (projectItem && category?.[0] === 'governance-licensing' && !ALLIANCE_WIDE.test(text) && !/\b(?:licen[cs]ed|released|distributed|available)\s+under\b/i.test(text)) return ['project', 'project'];
  if (!category) return projectSubject && CLAIM_VERB.test(text) ? ['project', 'project'] : firstPersonClaim ? ['project', 'project'] : undefined;
  // "It is maintained by two Alliance members": who maintains a project is a fact about the project.
  const agent = /\b(?:maintained|developed|led|run|built|created|supported|backed|funded|governed|stewarded)\s+by\b/i.test(text);
  if (projectSubject && (category[0] === 'other' || category[1] === 'safety' || (category[0] === 'membership' && (agent || !MEMBER_NOUN.test(text))))) return ['project', 'project'];
  return category;
}

// A key/value row of an event page or project page ("| **Date** | June 24, 2026 |", "| Authors | …").
const INFOBOX_KEYS: [RegExp, [Category, PolicyKey]][] = [
  [/^(?:date|dates|when|location|venue|where|place|city)$/i, ['project', 'project']],
  [/^(?:authors?|maintainers?|owners?|(?:technical\s+|project\s+|team\s+)?leads?|lead\s+developers?|principal\s+developer|developers?|contributors?|team|status|stage|maturity|work\s*groups?|steward)$/i, ['project', 'project']],
  [/^(?:licen[cs]es?|license\s+type)$/i, ['governance-licensing', 'governance-licensing/project']],
  [/^(?:founded|formed|formation|inception|launched|established|founders?|founding\s+(?:members?|partners?))$/i, ['founding', 'founding']],
  [/^(?:members?|membership|member\s+count|number\s+of\s+members)$/i, ['membership', 'membership']],
];

/** The category a key/value row's key gives it, if the key is one an infobox uses. */
function infoboxCategory(text: string, headers: string[] | undefined): [Category, PolicyKey] | undefined {
  const cell = text.split('|')[0];
  // With headers the row reads "Header: value | …"; the key is the first value.
  const key = (headers?.[0] ? cell.slice(cell.indexOf(':') + 1) : cell).replace(/[*_:`]/g, '').trim();
  return INFOBOX_KEYS.find(([re]) => re.test(key))?.[1];
}

export function categoryOf(text: string, lex: Lexicons, aboutTheAlliance: boolean, ctx: SentenceContext): [Category, PolicyKey] | undefined {
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
    // The Alliance's own role ("the Alliance is not a safe harbour") only when it is the subject.
    if (aboutTheAlliance && !system && (ALLIANCE_SUBJECT.test(text.trimStart().replace(LEADING_ADVERBIAL, '')) || /^\s*(?:it|its)\b/i.test(text))) return ['safety', 'safety'];
    return ['safety', 'safety/system'];
  }
  const openAsked = /\b(?:whether|if)\b[^.;]{0,80}\b(?:is|are|count|counts|qualif\w+|meets?)\b/i.test(text);
  if (!openAsked && (OPEN_PREDICATE.test(text) || (OSAID.test(text) && has('open-source-ai')))) return ['open-source-ai', 'open-source-ai'];
  // "contributed by three member organizations", "where other members can run it": members as the
  // agents of a project's work, not the membership the sentence is about.
  const withoutMemberProjects = text.replace(/\bmember\s+projects?\b/gi, '').replace(MEMBERS_AS_AGENTS, '');
  const members = MEMBER_NOUN.test(withoutMemberProjects);
  const foundingPair = /\bIBM\b.{0,40}\bMeta\b|\bMeta\b.{0,40}\bIBM\b/.test(text) && FOUNDING_LAUNCH.test(text);
  const memberClaim = members && !/\bmember\s+(?:of|states?)\b(?!\s+the\s+(?:AI\s+)?Alliance)/i.test(text) && (PROPER_OR_NUMBER.test(text) || MEMBER_COMPOSITION.test(text.trim()) || /\bthe\s+membership\b|\b(?:make|makes)\s+up\b|\baccount\s+for\b|\bmajority\b|\bpercent\b|%|\b(?:grew|grown|doubled|tripled|quadrupled|increased|rose|fell|shrank|declined|expanded)\b/i.test(text));
  // Who is not a member: "Notably absent are OpenAI, Google and Microsoft."
  if (ctx.aboutAlliance && NON_MEMBERS.test(text) && PROPER_OR_NUMBER.test(text)) return FOUNDING_STRONG.test(text) ? ['founding', 'founding'] : ['membership', 'membership'];
  // The Alliance's project tiers are its own governance terms: no other subject is needed.
  const tiers = /\b(?:managed|supported|member)[\s-]projects?\b/i.test(text);
  // "The repository code is distributed under the MIT License" in a draft about the Alliance: a
  // project's licence needs no named subject.
  const licence = (/\b(?:licen[cs]ed|distributed|released|available|published|provided)\s+under\b/i.test(text) || /\b(?:is|are)\s+(?:(?:both|all|also)\s+)?(?:Apache(?:\s+2\.0)?|MIT|BSD|CDLA[\w.-]*|CC[- ]BY[\w. -]*)(?:[- ]licen[cs]ed)?\b/.test(text)) && /\blicen[cs]e|\bApache|\bMIT\b|\bCDLA|\bCC[- ]BY|Creative\s+Commons|\bBSD\b|\bGPL/i.test(text)
  // "Contributions are accepted under the Developer Certificate of Origin": the project's contribution rule.
  const contributionRule = /\b(?:accepted|contributed|submitted|made)\s+under\b|\brequires?\s+(?:a\s+)?sign-?off\b|\bsign(?:s|ed)?\s+off\b/i.test(text) && /Developer\s+Certificate\s+of\s+Origin|\bDCO\b|Contributor\s+Licen[cs]e\s+Agreement|\bCLA\b/i.test(text);
  if (MEMBERSHIP_POLICY.test(text)) return ['governance-licensing', 'governance-licensing'];
  // On the Alliance's own pages its work needs no named subject ("The following work groups are provisional").
  const ownWork = ctx.firstParty === true && has('project') && CLAIM_VERB.test(text);
  if (!aboutTheAlliance && !foundingPair && !memberClaim && !tiers && !ctx.tableRow && !licence && !contributionRule && !ownWork) return undefined;
  if (PRESS.test(text) && (PRESS_SUBJECT.test(text) || /\b(?:has|have)\s+been\s+(?:praised|criticised|criticized|welcomed|panned|hailed|questioned)\b/i.test(text))) return ['other', 'other/press'];
  if (ALLIANCE_ROLE.test(text)) return ['governance-licensing', 'governance-licensing'];
  if (PROJECT_ROLE.test(text)) return ['project', 'project'];
  if (ROLE_SAFETY.test(text) && aboutTheAlliance && /\b(?:not|no|never|neither|nor|doesn['’]t|isn['’]t)\b/i.test(text)) return ['safety', 'safety'];
  // "Launched in 2023 by IBM and Meta, it now counts 140 members": the current state is the claim.
  if (CURRENT_MARKER.test(text) && memberClaimWords(withoutMemberProjects) && has('membership')) return ['membership', 'membership'];
  // "Several suppliers are members of the AI Alliance, a consortium launched by IBM and Meta": the
  // founding fact is an aside to the membership the sentence asserts.
  if (MEMBER_OF_ALLIANCE.test(text) && !/\bfounding\s+members?\b|\bfound(?:ed|ing)\s+(?:it|the\s+(?:AI\s+)?Alliance)\b/i.test(text)) return ['membership', 'membership'];
  if (FOUNDING_STRONG.test(text) || foundingPair || (FOUNDING_LAUNCH.test(text) && aboutTheAlliance && !hasPhrase(lex.projects, text) && !/\bproject|initiative|platform|hub|benchmark|toolkit|dataset|working\s+group\b/i.test(text) && /\b2023\b|\bIBM\b|\bMeta\b|\bin\s+December\b/.test(text))) return ['founding', 'founding'];
  const governance = has('governance-licensing');
  if (/\b(?:is|was|became|becomes|as)\s+(?:now\s+)?an?\s+(?:AI\s+)?(?:Alliance[\s-])?(?:managed|supported|member|incubat\w+|graduated|core)\s+project\b/i.test(text) && !/\blicen[cs]/i.test(text)) return ['project', 'project'];
  if (governance && /\b(?:managed|supported|member)\s+projects?\b|\blicen[cs]/i.test(text)) return governanceOf(text, lex);
  // Organisations make a membership claim when they are counted or listed ("more than 200
  // organizations", "brings together companies, universities…"), not in passing ("open institutions").
  const organisations = /\b(?:organi[sz]ations|orgs|companies|universities|institutions|startups|start-ups|collaborators|participants|signatories)\b/i.test(withoutMemberProjects) && (/\d|\b(?:includ\w*|compris\w*|mix(?:es|ed)?|spans?|span(?:ning|ned)|brings?\s+together|consists?|among|dozens|hundreds|range\s+from|from\s+\w+\s+to|(?:five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\s+(?:[\w-]+\s+){0,3}(?:organi[sz]ations|companies|universities|institutions|laboratories|labs|centres|centers|agencies|members))\b|^(?:[\w-]+\s+)?(?:participants|partners|signatories)\s*:\s*\S/i.test(text) || /\b[A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+)*,\s+[A-Z][\w&.-]+/.test(text));
  if ((has('membership') || memberClaim) && (members || organisations)) return ['membership', 'membership'];
  if (MISSION.test(text) && aboutTheAlliance) return ['other', 'other'];
  if (governance) return governanceOf(text, lex);
  return restOf(text, lex, aboutTheAlliance, has, members, ctx);
}

function memberClaimWords(text: string): boolean {
  return /\b(?:members|membership|member\s+organi[sz]ations|organi[sz]ations|companies|institutions)\b/i.test(text) && !/\bfounding\s+members\b/i.test(text.replace(/\b(?:now|currently|today)\b.*$/i, ''));
}

// "Basalt Eval is released under the Apache 2.0 licence": a named thing's own licence.
const NAMED_RELEASE = /^(?!(?:The\s+)?(?:AI\s+)?Alliance\b)(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z0-9][\w.-]*){0,3}\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:released|licensed|published|distributed|available|shared)\s+under\b/;

const MEMBERS_AS_AGENTS = /\b(?:contributed|developed|built|written|reviewed|maintained|led)\s+by\s+(?:\w+\s+){0,3}?members?(?:\s+(?:organi[sz]ations|companies|institutions))?\b|\bwhere\s+(?:other\s+|any\s+)?members\s+can\b/gi;

function governanceOf(text: string, lex: Lexicons): [Category, PolicyKey] {
  {
    const licence = /\blicen[cs]\w*|\bApache|\bCDLA\b|\bCC[- ]BY\b|Creative\s+Commons|Developer\s+Certificate\s+of\s+Origin|\bDCO\b/i.test(text);
    const allianceWide = ALLIANCE_WIDE.test(text) || /\bAlliance['’]s\s+(?:default|standard)/i.test(text);
    const oneProject = licence && !allianceWide && (hasPhrase(lex.projects, text) || PROJECT_SCOPED.test(text) || NAMED_RELEASE.test(text.trimStart()));
    return ['governance-licensing', oneProject ? 'governance-licensing/project' : 'governance-licensing'];
  }
}

function restOf(text: string, lex: Lexicons, aboutTheAlliance: boolean, has: (c: Category) => boolean, members: boolean, ctx: SentenceContext): [Category, PolicyKey] | undefined {
  // "…as regulators weigh rules": a role word is the Alliance's role only when the Alliance is the subject.
  if (ROLE_SAFETY.test(text) && aboutTheAlliance && (ALLIANCE_SUBJECT.test(text.trimStart().replace(LEADING_ADVERBIAL, '')) || /^\s*(?:it|its)\b/i.test(text))) return ['safety', 'safety'];
  if (has('project') || namesProject(text, lex)) return ['project', 'project'];
  if (has('other') && aboutTheAlliance && (/\b(?:is|are|remains)\s+(?:an?|the)\b/i.test(text) || ALLIANCE_SUBJECT.test(text.trimStart().replace(LEADING_ADVERBIAL, '')) || /^\s*(?:it|they)\b|\b(?:describes|calls|bills|presents|defines)\s+itself\b/i.test(text))) return ['other', 'other'];
  if (ctx.tableRow && members) return ['membership', 'membership'];
  return undefined;
}

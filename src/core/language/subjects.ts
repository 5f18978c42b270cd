// What a sentence is about: the Alliance by name or pronoun, one of its projects, the page's own
// "we", a role at the Alliance; and which words are someone else's (quotations, attributions).
import { hasPhrase } from './phrases';
import type { SentenceContext } from './claims';
import { COMPANY_NAME, namesProject, PRODUCT_NAME_START, type Lexicons } from './lexicon';

export const ALLIANCE_SUBJECT = /^(?:the\s+)?(?:AI\s+)?Alliance\b|^(?:the\s+)?(?:consortium|coalition|organi[sz]ation)\b/i;

export const LEADING_ADVERBIAL = /^(?:(?:in|by|since|on|at|after|during|over|within|until|today|now|meanwhile|since\s+then|at\s+launch)\b[^,]{0,50},\s*)/i;

export const ELIDED_SUBJECT = /^(?:not|no(?=\s+\p{L})|never|does|doesn['’]t|is|isn['’]t|has|have|was|launched|founded|co-?founded|announced|includes|lists|manages|hosts|supports|counts|numbers|gives|issues|certifies|approves|regulates)\b/iu;

export const ATTRIBUTION = /\b(?:said|says|stated|states|told|wrote|writes|added|according\s+to|announced|declared)\b/i;

export const CONTINUATION = /^(?:it|its|they|their|these|managed|supported|member|members|standard|alliance|projects|licen[cs]es|founding\s+(?:members|partners|participants|collaborators|roster)|the\s+(?:same|governance|members?|membership|directory|site|page|projects?|list|alliance|consortium|coalition|group|organi[sz]ation|network|initiative|standard|default|managed|official|(?:two\s+)?(?:companies|firms|founders|partners)|participants|contributors|founding\s+(?:members|partners|roster|list|lineup))|(?:a|an)\s+(?:steering|governing|technical|board))\b/i;

export const SUBJECT_PRONOUN = /^(?:(?:by|in|on|at|since|after|during|over|within|until)\b[^,]{0,50}?,?\s+)?(?:it|its|they|their|the\s+(?:consortium|coalition|organi[sz]ation|group|alliance|initiative|network|community|body|collective))\b/i;

/** How a sentence refers to the AI Alliance, if it does. */
export function subjectOf(text: string, lex: Lexicons, aboutAlliance: boolean): 'name' | 'alliance' | 'project' | undefined {
  if (hasPhrase(lex.subjects, text)) return 'name';
  if (aboutAlliance && /\bAlliance(?:['’]s)?\b|\bthe\s+alliance\b/i.test(text)) return 'alliance';
  if (aboutAlliance && namesProject(text, lex)) return 'project';
  // In a draft about the Alliance, its members and founding roster need no name.
  if (aboutAlliance && /^(?:[\w,-]+\s+){0,3}?(?:(?:its|the|many|most|some|all)\s+)?(?:founding\s+(?:members?|roster|partners|participants|collaborators|lineup|signatories)|members|membership)\b(?!,)/i.test(text.trimStart()) && !/\bmember\s+(?:of|states?)\b(?!\s+the\s+(?:AI\s+)?Alliance)/i.test(text)) return 'alliance';
  return undefined;
}

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

// "This project…", "The initiative…", "Our guide…": the project a page or item is about.
const PROJECT_ANAPHOR = /^(?:this|the|our)\s+(?:[\w-]+\s+){0,2}?(?:project|initiative|work\s*streams?|consortium|effort|programme|program)\b/i;

const PROJECT_MENTION = /\b(?:in|of|for|by|from)\s+(?:this|our)\s+(?:project|initiative)\b|\b(?:this|our)\s+project\b/i;

export const FIRST_PERSON_SUBJECT = /^(?:(?:[\w,-]+\s+){0,6}?,\s*)?(?:(?:and|so|but|now|today)\s+)?(?:we|our|us)\b/i;

// Who says so, after a quotation: "…," said Jane Doe, co-founder of Quillfeather. A role at the
// Alliance named there ("chairman of the AI Alliance") is a claim of its own and stays.
const ATTRIBUTION_TAIL = /(["”’])\s*,?\s*(?:[\w'’.-]+\s+){0,6}?(?:said|says|according\s+to|wrote|writes|added|adds|told|explained|noted)\b[^"“]*$/i;

export const ALLIANCE_ROLE = /\b(?:chair(?:man|woman|person)?|chief\s+[\w-]+(?:\s+[\w-]+)?|board\s+member|member\s+of\s+the\s+board|director|executive\s+director|head|president|(?:technical\s+)?lead|advis[eo]r|architect|co-?chair|steering\s+committee\s+member)(?:\s+of\s+[A-Z][\w ]{1,30}?)?\s+(?:of|to|at|for)\s+(?:the\s+)?(?:AI\s+Alliance|Alliance|Project\s+[A-Z]\w+)|\b(?:co-?)?chaired\s+by\b/i;
// "…, who leads the project at Red Hat": a project's lead named in an attribution.
export const PROJECT_ROLE = /\bwho\s+(?:leads|heads|chairs|co-chairs|maintains|runs)\s+(?:the|this)\s+(?:project|initiative|work\s*group|working\s+group)\b|\b(?:lead|maintainer|chair)\s+of\s+(?:the|this)\s+(?:project|initiative)\b/i;

/** The sentence without the attribution after a quotation, unless that names a role at the Alliance. */
export function withoutAttribution(text: string): string {
  const m = ATTRIBUTION_TAIL.exec(text);
  if (!m || ALLIANCE_ROLE.test(m[0]) || PROJECT_ROLE.test(m[0])) return text;
  return text.slice(0, m.index + 1) + ' '.repeat(text.length - m.index - 1);
}

/** Whether the sentence's subject is a project: named first, pointed to, or the item's label. */
const SECTION_ANAPHOR = /^(?:(?:the|its)\s+(?:(?:current|latest|first|initial|new|next|public|stable|last)\s+)?(?:release|releases|version|versions|weights|code|code\s*base|repository|repo|benchmark|dataset|datasets|model|models|toolkit|library|paper|team|maintainers|pilot|platform|project|suite|tasks|leaderboard|documentation|docs|licen[cs]e|roadmap)|it)\b/i;

export function isProjectSubject(start: string, lex: Lexicons, ctx: SentenceContext): boolean {
  const t = start.replace(/^(?:[-*•▸>]\s*|\*\*|__)+/, '').replace(LEADING_ADVERBIAL, '');
  if (PROJECT_ANAPHOR.test(t) || PROJECT_MENTION.test(t)) return true;
  lex.projects.lastIndex = 0;
  if (lex.projects.exec(t)?.index === 0) return true;
  if (PRODUCT_NAME_START.test(t) && !COMPANY_NAME.test(t.split(/\s/)[0])) return true;
  // Under a project's heading, "The current release…", "The weights…", "Its maintainers…" are about it.
  if (ctx.projectSection === true && SECTION_ANAPHOR.test(t)) return true;
  // In a project's row or item, "It…", "The project…" and "Principal developer: IBM" are about it.
  if (ctx.projectItem === true && /^(?:it|its|the\s+project|this\s+project|\(?[A-Z][\w ]{2,30}:\s)/i.test(t)) return true;
  // The first sentence of an item or row that opens with a project's link or name is about it.
  if (ctx.projectItem === true && ctx.firstInUnit === true) return true;
  // "- Seeks to create a hub of evaluations" inside an item that opens with the project's link.
  return ctx.projectItem === true && /^(?:[A-Z][a-z]+s|is|are|has|was)\b/.test(t) && !/^(?:It|Its|They|The|This|These|Our|We|I)\b/.test(t);
}

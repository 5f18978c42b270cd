// A claim's kind of time (source discipline §7): `current` (the present state: membership,
// listings, status, ongoing work, policy, roles), `historical` (a dated or narrated past event:
// a launch, an announcement, a joining), `timeless` (what a tool, benchmark or definition is or
// does). Only current claims need a retrieval date.
import type { Category, ClaimTime, PolicyKey } from '../types';

// Words that pin a sentence to the present whatever its verbs.
const NOW = /^since\b|\bsince\s+(?:its|their|the)\s+(?:launch|founding|inception|start|creation)\b|\b(?:now|currently|today|as\s+of|at\s+present|presently|still|these\s+days|so\s+far|to\s+date|already|remains?|remained\s+a|has\s+since|have\s+since|has\s+become|have\s+become|has\s+grown|have\s+grown)\b/i;

// A past event told as one: the verb that carries it (simple past, present perfect, passive).
const EVENT = 'announc|launch|unveil|ship|found|co-?found|form|establish|creat|start|open|publish|releas|add|join|held|host|produc|introduc|debut|sign|grew|grow|doubl|tripl|quadrupl|reach|surpass|expand|nam|appoint|elect|welcom|complet|deliver|won|receiv|award|present|outlin|set\\s+out|began|begun|convene|develop';
const PAST_EVENT_ALL = new RegExp(`\\b(?:(?:has|have|had|was|were)\\s+(?:\\w+ly\\s+)?)?(?:(?:${EVENT})(?:ed|d)?|held|grew|began|begun|won|became)\\b`, 'gi');
// A present-tense form of the same verbs in a headline or lede ("AI Alliance Unveils Project
// Tapestry", "We are pleased to announce"): news of an event, not a standing state.
// A verb, not the noun ("between releases", "its opens"): no article or preposition before it.
const NEWS_PRESENT = /(?<!\b(?:between|of|the|its|their|our|new|in|for|and|two|three|several|recent|past|future|all|per|weekly|monthly|major|minor|point|patch|nightly|tagged)\s)\b(?:announces|launches|unveils|introduces|debuts|opens|releases|publishes|welcomes|adds|forms|names|appoints|joins|(?:pleased|proud|excited|happy)\s+to\s+(?:announce|introduce|share|launch|release|welcome))\b/i;
const EXPLICIT_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}(?:\s*[–-]\s*\d{1,2})?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*|(?:in|on|since|by|during|from|early|late|mid-?)\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\s+)?(?:19|20)\d{2}|(?:on|last)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this\s+week|last\s+(?:week|month|year)|at\s+(?:its\s+)?launch|on\s+launch\s+day|at\s+the\s+time)\b/i;

// Ongoing work ("is adapting", "are building") and standing facts about a project: that it is an
// Alliance project, where it is listed, who develops or maintains it, what it contains, its status.
const PROGRESSIVE = /\b(?:is|are|am|['’]re|['’]s)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?(?!going\b|being\b|designed\b|meant\b)[a-z]{3,}ing\b/i;
const STANDING = /\b(?:(?:an?|the|one\s+of\s+(?:the|its|our))\s+(?:(?:AI\s+)?Alliance|core|managed|supported|member|affiliated|incubat\w+|graduated|flagship)\s+projects?|in\s+the\s+(?:AI\s+)?Alliance\b|(?:tools?|projects?|initiatives?|efforts?|parts?|programmes?|programs?)\s+(?:of|in|under|within)\s+the\s+(?:AI\s+)?Alliance(?:['’]s)?|(?:is|are)\s+part\s+of|part\s+of\s+the\b|among\s+(?:its|the|our)\b|lists?|listed|includes?|including|hosts?|hosted|maintain\w*|led\s+by|leads?|chairs?|co-chairs?|heads?|contribut\w+\s+to|participat\w+\s+in|developed\s+by|(?:principal|lead|core)\s+developers?|developers?:|contributors?|collaboration\s+(?:of|between|across|with)|reflects\s+collaboration|authors?|prepared\s+by|owned\s+by|run\s+by|contains?|chapters?|status|active(?:ly)?|provisional|archived|deprecated|stage|beta|alpha|available|meets?\s+every|work\s*(?:groups?|streams?)|members?|seeks?\s+to|aims?\s+to|dedicated\s+to|focus(?:es|ed)?\s+on|consists?\s+of|comprises?|spans?|counts?|numbers?|has\s+appeared|appears?\s+(?:on|in)|early\s+development|alpha|beta|preview|available\s+now|generally\s+available|experimental|\d[\d,]*\s+(?:tasks|datasets|languages|models|members|projects|organi[sz]ations|contributors|benchmarks)|(?:is|are)\s+(?:\w+ly\s+|also\s+|still\s+)?(?:developed|maintained|hosted|led|run|funded|governed|managed|supported|sponsored|backed|stewarded)|(?:its|their|our|the\s+(?:AI\s+)?alliance['’]s)\s+projects|(?:is|are)\s+(?:now\s+|still\s+)?(?:the|an?)\s+(?:AI\s+)?Alliance['’]s\s+(?:[\w-]+\s+){0,3}(?:projects?|efforts?|initiatives?|programmes?|programs?|platforms?|models?|hub|stacks?|toolkits?))\b/i;

// What a definition says: the OSAID's requirements are timeless.
const DEFINITION = /\b(?:under\s+(?:the\s+)?(?:OSI['’]s\s+)?(?:OSAID|Open\s+Source\s+AI\s+Definition)|(?:OSAID|definition)\b[^.;]{0,40}\b(?:requires?|sets|is\s+a\s+definition|defines?|only\s+if|qualif\w+\s+(?:as|only)|asks?\s+for|demands?|expects?|calls?\s+for|lists?)|\bis\s+Open\s+Source\s+AI\s+only\s+if|\bqualifies\s+as\s+Open\s+Source\s+AI\s+(?:only\s+)?if)\b/i;

/** The kind of time of a claim of the given category. */
export function timeOf(sentence: string, category: Category, policy: PolicyKey, allianceSubject = false): ClaimTime {
  if (category === 'founding' || policy === 'other/press') return 'historical';
  const text = withoutCitationAsides(sentence);
  // A table row's status column ("Status: Active", "Stage: Incubating") is the present state.
  if (/\b(?:status|stage|maturity)\s*:\s*\S/i.test(text)) return 'current';
  if (category === 'open-source-ai' && DEFINITION.test(text.replace(/\s{2,}/g, ' '))) return 'timeless';
  // "The AI Alliance today announced…", "Today we're excited to announce…": news of an event, dated by the piece.
  if (isEvent(text) && (NEWS_PRESENT.test(text) || /\b(?:today|yesterday|this\s+week|last\s+(?:week|\w+day)|on\s+\w+day)\b/i.test(text))) return 'historical';
  if (NOW.test(text)) return 'current';
  if (isEvent(text)) return 'historical';
  // What the Alliance does with its projects is its present state; what a project does is timeless.
  if (category === 'project') return allianceSubject || PROGRESSIVE.test(text) || STANDING.test(text) ? 'current' : 'timeless';
  return 'current';
}

/** Whether the sentence tells of a past event (or announces one), rather than a standing state. */
export function isEvent(text: string): boolean {
  if (NEWS_PRESENT.test(text)) return true;
  for (const past of text.matchAll(PAST_EVENT_ALL)) {
    const word = past[0].toLowerCase();
    // A bare stem ("launch", "join") or a present form is no past event.
    const pastForm = /(?:ed|held|grew|began|begun|won|became)$/.test(word) || /^(?:has|have|had|was|were)\b/.test(word);
    if (!pastForm) continue;
    // "released under CDLA", "published under Apache 2.0": a licence is a standing state.
    if (/^\s*under\b/i.test(text.slice(past.index! + word.length))) continue;
    // "is developed in the open", "are maintained by": a present passive is a standing state.
    if (/\b(?:is|are|am|be|being)\s+(?:\w+ly\s+|also\s+|still\s+)?$/i.test(text.slice(0, past.index))) continue;
    // "Projects listed on the site include…", "the guide, published in 2024, explains…": a past
    // participle that only modifies a noun leaves the present main verb in charge.
    const before = text.slice(0, past.index);
    const aside = /,\s*$/.test(before);
    // The same in an aside after a standing state ("Orbit is an Alliance project, hosted in its
    // GitHub organization"): the present main verb comes first.
    if (aside && (MODIFYING_PARTICIPLE.test(word) || ASIDE_PARTICIPLE.test(word) || /^(?:started|formed)\b/.test(word)) && PRESENT_MAIN.test(before) && STANDING.test(text)) continue;
    // Launch verbs only in an aside: "Tapestry, announced in April, is the Alliance's open model effort".
    const participle = MODIFYING_PARTICIPLE.test(word) || (aside && ASIDE_PARTICIPLE.test(word));
    if (participle && PRESENT_MAIN.test(text.slice(past.index! + word.length))) {
      if (EXPLICIT_DATE.test(text) && !STANDING.test(text)) return true;
      continue;
    }
    return true;
  }
  return false;
}

// "(members page, published on June 1, 2026)": what a citation says of its source is not the claim.
const CITATION_ASIDE = /\([^()]*\b(?:published|posted|updated|issued|retrieved|accessed|checked|reviewed|(?:19|20)\d{2})\b[^()]*\)/gi;

function withoutCitationAsides(text: string): string {
  return text.replace(CITATION_ASIDE, (m) => ' '.repeat(m.length));
}

// Past participles that often only modify a noun, and launch verbs that do so only in a comma'd aside.
const MODIFYING_PARTICIPLE = /^(?:listed|hosted|maintained|developed|led|built|created|founded|launched)\b/;
const ASIDE_PARTICIPLE = /^(?:announced|released|published|unveiled|introduced)\b/;
const PRESENT_MAIN = /\b(?:is|are|include|includes|lists|counts|has|have|remains|hosts|spans|numbers)\b/i;

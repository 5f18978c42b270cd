// What a whole draft tells the sentence judge: whether it is about the AI Alliance (or the
// OSAID), whether the Alliance or one of its projects wrote it ("we" is then the Alliance), which
// projects it names, and its own date (which fixes the year of "checked June 10").
import type { DocumentModel, Unit } from '../markdown/model';
import { type Lexicons, mentionsOsaid, withoutLookalikes } from './lexicon';
import { yearOf } from './dates';
import { hasPhrase, phraseRegex } from './phrases';

export interface DocumentContext {
  aboutAlliance: boolean;
  aboutOsaid: boolean;
  /** Written by the Alliance or one of its projects: its "we" and "our" are the Alliance's. */
  firstParty: boolean;
  /** Year of the document's own date (front matter, byline or title), for year-less dates. */
  documentYear?: number;
  /** The lexicon with the projects this document names added to the configured ones. */
  lex: Lexicons;
}

const ALLIANCE_URL = /(?:^|[/.])(?:thealliance\.ai|aialliance\.org)|github\.com\/the-ai-alliance|the-ai-alliance\.github\.io/i;
// Links to an Alliance project: its microsite, its repository under the Alliance, its page on the site.
const PROJECT_URL = /the-ai-alliance\.github\.io\/[^/?#\s]+|github\.com\/the-ai-alliance\/[^/?#\s]+|thealliance\.ai\/(?:core-)?projects\/[^/?#\s]+/i;
const TEMPLATE_URL = /^\s*\{\{/;
const ALLIANCE_GITHUB_URL = /github\.com\/the-ai-alliance|the-ai-alliance\.github\.io/i;
// "SemiKong is an AI Alliance project", "GEO-Bench, an Alliance project,": a project by its listing.
const LISTED_AS_PROJECT = /\b([A-Z][\w&+.-]*(?:\s+[A-Z][\w&+.-]*){0,5})(?:\s*,\s+|\s+(?:is|was|became)\s+)(?:an?|the|one\s+of\s+the)\s+(?:AI\s+)?Alliance(?:['’]s)?\s+(?:core\s+|managed\s+|supported\s+)?projects?\b/g;
// "AI Alliance launches Agent Interop Testbed", "the Alliance today announced the X": what the
// Alliance launches is its project.
const LAUNCHED_BY_ALLIANCE = /\bAlliance\s+(?:(?:today|now|has|have|recently|formally|officially|this\s+week)\s+)*(?:launch(?:es|ed)?|announc(?:es|ed)|releas(?:es|ed)|unveil(?:s|ed)|introduc(?:es|ed)|open-sourc(?:es|ed)|debut(?:s|ed))\s+(?:the\s+|its\s+|a\s+new\s+)?([A-Z][\w&+.-]*(?:\s+[A-Z][\w&+.-]*){0,4})/g;
const LEADING_FUNCTION_WORDS = /^(?:(?:Because|As|Since|While|When|Whereas|If|Although|Though|Today|Now|And|But|So|Yet|The|This|That|Its|Our|Their|Like|Unlike|Also)\s+)+/;
const DOCUMENT_DATE = /\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})|((?:19|20)\d{2})-\d{2}-\d{2})\b/i;
const FIRST_PERSON = /\b(?:we|our|us)\b/i;
// "We" who joined the Alliance, or are one of its members, are a member writing, not the Alliance.
const MEMBER_VOICE = /\b(?:we|our\s+(?:\w+\s+){0,2}?\w+)\s+(?:(?:have|has|had|recently|formally|officially|proudly)\s+)*(?:joined|became\s+(?:an?\s+)?(?:\w+\s+)?members?\s+of)\s+the\s+(?:AI\s+)?Alliance\b|\bwe(?:'re|\s+are)\s+(?:\w+\s+)?(?:an?\s+)?(?:\w+\s+)?members?\s+of\s+the\s+(?:AI\s+)?Alliance\b|\bas\s+(?:an?\s+)?(?:\w+\s+)?members?\s+of\s+the\s+(?:AI\s+)?Alliance,\s+we\b/i;

/** Reads the document-wide facts the sentence judge needs. */
export function documentContext(model: DocumentModel, base: Lexicons): DocumentContext {
  const facts = model.units.map((u) => unitFacts(u, model.text, base));
  const aboutAlliance = facts.some((f) => f.namesAlliance) || linksToAllianceInTables(model);
  const aboutOsaid = facts.some((f) => f.namesOsaid);
  const firstParty = aboutAlliance && isFirstParty(facts);
  return {
    aboutAlliance,
    aboutOsaid,
    firstParty,
    documentYear: yearOf(model.frontMatter?.date) ?? headerYear(model),
    lex: aboutAlliance ? withProjects(withAliases(base, unique(facts.flatMap((f) => f.aliases))), projectNames(model, facts, firstParty)) : base,
  };
}

/** What one unit tells about the whole draft. */
interface UnitFacts {
  /** It names the Alliance (not a look-alike) or links to it. */
  namesAlliance: boolean;
  namesOsaid: boolean;
  /** Links that are site templates or relative, and links to the Alliance's GitHub. */
  templateLinks: number;
  githubLinks: number;
  firstPerson: boolean;
  memberVoice: boolean;
  /** Look-alike names it gives the Alliance itself. */
  aliases: string[];
  /** Project names it links to, lists as Alliance projects or defines. */
  projects: string[];
}

// Per lexicon and unit object: an editor session keeps the unit objects of the blocks it did not
// parse again, so after a keystroke only the touched units are read.
const factsCache = new WeakMap<Lexicons, WeakMap<Unit, UnitFacts>>();

function unitFacts(u: Unit, text: string, lex: Lexicons): UnitFacts {
  let byUnit = factsCache.get(lex);
  if (!byUnit) factsCache.set(lex, (byUnit = new WeakMap()));
  let facts = byUnit.get(u);
  if (!facts) byUnit.set(u, (facts = readUnitFacts(u, text, lex)));
  return facts;
}

function readUnitFacts(u: Unit, text: string, lex: Lexicons): UnitFacts {
  const facts: UnitFacts = { namesAlliance: false, namesOsaid: false, templateLinks: 0, githubLinks: 0, firstPerson: false, memberVoice: false, aliases: [], projects: [] };
  for (const l of u.locators) {
    if (!l.url) continue;
    if (ALLIANCE_URL.test(l.url)) facts.namesAlliance = true;
    if (TEMPLATE_URL.test(l.url) || isRelativeLink(l.url)) facts.templateLinks++;
    else if (ALLIANCE_GITHUB_URL.test(l.url)) facts.githubLinks++;
    if (l.kind === 'inline' && (PROJECT_URL.test(l.url) || TEMPLATE_URL.test(l.url))) {
      const name = linkText(text, l.start, l.end);
      if (name) facts.projects.push(name);
    }
  }
  for (const s of u.segments) {
    if (hasPhrase(lex.subjects, withoutLookalikes(s.masked, lex))) facts.namesAlliance = true;
    if (mentionsOsaid(s.masked)) facts.namesOsaid = true;
    if (FIRST_PERSON.test(s.masked)) facts.firstPerson = true;
    if (MEMBER_VOICE.test(s.masked)) facts.memberVoice = true;
    facts.aliases.push(...misnamedAlliance(s.masked, lex));
    for (const m of s.masked.matchAll(LISTED_AS_PROJECT)) facts.projects.push(m[1].replace(LEADING_FUNCTION_WORDS, ''));
    for (const m of s.masked.matchAll(LAUNCHED_BY_ALLIANCE)) facts.projects.push(m[1]);
    // A charter's defined term for an Alliance body: 'The Agents Working Group (the "Working Group") is a working group of the AI Alliance'.
    for (const m of s.masked.matchAll(DEFINED_TERM)) if (!/Alliance/.test(m[1]) && /\bAlliance\b|\bworking\s+group\b|\bproject\b/i.test(s.masked)) facts.projects.push(m[1]);
  }
  return facts;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/**
 * A look-alike's name that the draft gives the AI Alliance itself ("the Global AI Alliance,
 * spearheaded by IBM and Meta"): in that draft it is the Alliance, not another organisation.
 */
function misnamedAlliance(masked: string, lex: Lexicons): string[] {
  if (!/\bIBM\b[^.]{0,120}\bMeta\b|\bMeta\b[^.]{0,120}\bIBM\b/.test(masked)) return [];
  const names: string[] = [];
  for (const m of masked.matchAll(new RegExp(lex.lookalikes.source, lex.lookalikes.flags))) {
    const name = lex.lookalikeNames.find((n) => n.toLowerCase() === m[0].toLowerCase().replace(/\s+/g, ' '));
    if (name) names.push(name);
  }
  return names;
}

/** The lexicon with some look-alike names read as names of the Alliance. */
function withAliases(base: Lexicons, names: string[]): Lexicons {
  return derive(base, 'aliases', names, () => {
    const lookalikeNames = base.lookalikeNames.filter((n) => !names.includes(n));
    return { ...base, subjects: phraseRegex([...base.subjectNames, ...names]), subjectNames: [...base.subjectNames, ...names], lookalikes: phraseRegex(lookalikeNames), lookalikeNames };
  });
}

/** Reference-style links and footnotes keep their URLs in the document's tables. */
function linksToAllianceInTables(model: DocumentModel): boolean {
  for (const d of model.definitions.values()) if (ALLIANCE_URL.test(d.url)) return true;
  for (const f of model.footnotes.values()) if (f.urls.some((url) => ALLIANCE_URL.test(url))) return true;
  return false;
}

/**
 * A page of the Alliance's own sites speaks as "we": its links are site templates
 * (`{{site.baseurl}}`) or go to the Alliance's repositories and project sites, and it says "our".
 */
function isFirstParty(facts: UnitFacts[]): boolean {
  let github = 0;
  let templates = 0;
  let firstPerson = false;
  for (const f of facts) {
    if (f.memberVoice) return false;
    github += f.githubLinks;
    templates += f.templateLinks;
    firstPerson ||= f.firstPerson;
  }
  return firstPerson && (templates > 0 || github >= 3);
}

/** A link to a file of the same repository ("../../LICENSE", "docs/setup.md"). */
function isRelativeLink(url: string): boolean {
  return /^(?:\.{1,2}\/|[\w-]+\/|[\w-]+\.(?:md|markdown|txt|pdf|yaml|yml|json)\b|LICENSE)/i.test(url) && !/^[a-z][\w+.-]*:|^www\./i.test(url) && !/\s/.test(url);
}

/** The year of a date in the title, a byline or the first lines ("· Friday 12 June 2026"). */
function headerYear(model: DocumentModel): number | undefined {
  for (const u of model.units.slice(0, 4)) {
    if (u.kind !== 'heading' && u.kind !== 'paragraph') continue;
    const text = u.segments.map((s) => s.masked).join(' ');
    if (u.kind === 'paragraph' && text.trim().length > 120) continue;
    const m = DOCUMENT_DATE.exec(text);
    if (m) return Number(m[1] ?? m[2] ?? m[3]);
  }
  return undefined;
}

const DEFINED_TERM = /\(\s*the\s+["“]([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})["”]\s*\)/g;
const PROJECTS_HEADING = /^(?:(?:our|the|alliance|featured|current|active|selected|key|member|hosted)\s+)?(?:projects|project\s+highlights|initiatives)$/i;

/** Names of the projects the draft links to or lists as Alliance projects. */
function projectNames(model: DocumentModel, facts: UnitFacts[], firstParty: boolean): string[] {
  const names = new Set<string>(facts.flatMap((f) => f.projects));
  // The headings under a "Projects" heading name projects ("## Projects" / "### Atlas-EO").
  let projectsDepth: number | undefined;
  for (const u of model.units) {
    if (u.kind !== 'heading' || u.headingDepth === undefined) continue;
    const heading = u.segments.map((s) => s.masked).join(' ').replace(/[*_`#]/g, '').trim();
    if (projectsDepth !== undefined && u.headingDepth <= projectsDepth) projectsDepth = undefined;
    if (projectsDepth !== undefined) {
      if (heading.split(/\s+/).length <= 5 && !/[?!:]/.test(heading)) names.add(heading);
    } else if (PROJECTS_HEADING.test(heading)) projectsDepth = u.headingDepth;
  }
  // A first-party page is titled with its project's name ("# geoprobe", "title: Agent Interop Testbed").
  // A generic front-matter title ("title: Home") leaves the name to the first heading.
  const titles = firstParty ? [model.frontMatter?.title, model.units.find((u) => u.kind === 'heading' && u.headingDepth === 1)?.segments[0]?.masked] : [];
  for (const title of titles) {
    if (!title) continue;
    const name = title.replace(/[*_`#]/g, '').split(/[:|–—(]/)[0].trim();
    if (name.split(/\s+/).length <= 5 && !/[?!]/.test(name) && !/\b(?:AI\s+Alliance|README|Home|Welcome|News|Blog|About|Notes?|FAQ)\b/i.test(name)) {
      names.add(name);
      break;
    }
  }
  return [...names].filter(isProjectName);
}

/** The text of an inline link `[text](url)`, without emphasis. */
function linkText(text: string, start: number, end: number): string | undefined {
  const m = /^\[([^\]]{2,80})\]\(/.exec(text.slice(start, Math.min(end, start + 200)));
  return m?.[1].replace(/[*_`]/g, '').trim();
}

// A project's name is capitalised and short; "here", "this page", "About Us" are not names.
const NOT_PROJECT = /^(?:here|this|that|the|a|an|about(?:\s+us)?|home|contributing|contribute|issues|discussions|repo|repository|website|site|docs?|documentation|glossary|blog|page|link|details|more|github|license|licence|code\s+of\s+conduct|faq|readme|slides?|video|recording)$/i;

function isProjectName(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length <= 8 && (/^[A-Z0-9]/.test(name) || /^[a-z][a-z0-9-]{3,}$/.test(name)) && !NOT_PROJECT.test(name) && /[A-Za-z]{3}/.test(name);
}

/**
 * The lexicon with more project names, and their head nouns with an article: in a draft about
 * the "Agent Interop Testbed", "the testbed" is that project.
 */
function withProjects(base: Lexicons, names: string[]): Lexicons {
  const heads = names.filter((n) => n.includes(' ')).map((n) => n.split(/\s+/).pop()!).filter((w) => /^[A-Za-z]{4,}$/.test(w) && !/^(?:Alliance|Initiative|Project|Group|Team)$/i.test(w));
  // "Agent Recipes": "the recipes", "each recipe", "every recipe", "these recipes".
  const forms = heads.flatMap((w) => (/[^s]s$/i.test(w) ? [w, w.slice(0, -1)] : [w, `${w}s`]));
  const phrases = [...names, ...forms.flatMap((w) => [`the ${w}`, `this ${w}`, `these ${w}`, `our ${w}`, `each ${w}`, `every ${w}`])];
  return derive(base, 'projects', phrases, () => ({ ...base, projects: phraseRegex([...base.projectNames, ...phrases]), projectNames: [...base.projectNames, ...phrases] }));
}

const derived = new WeakMap<Lexicons, Map<string, Lexicons>>();
// An editor needs one or two; each holds compiled lists of every project name.
const DERIVED_LIMIT = 32;

/** A lexicon derived from `base` for some names, shared by every draft that needs the same one. */
function derive(base: Lexicons, kind: string, names: string[], build: () => Lexicons): Lexicons {
  if (names.length === 0) return base;
  const key = `${kind}\u0000${[...names].sort().join('\u0001')}`;
  let byKey = derived.get(base);
  if (!byKey) derived.set(base, (byKey = new Map()));
  let lex = byKey.get(key);
  if (!lex) {
    if (byKey.size >= DERIVED_LIMIT) byKey.clear();
    lex = build();
    byKey.set(key, lex);
  }
  return lex;
}

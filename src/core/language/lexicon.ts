// The lexicon compiled for matching: the Alliance's names, look-alikes to blank, project names
// (configured, found in the draft, or shaped like a product's name).
import type { Category, Lexicon } from '../types';
import { hasPhrase, phraseRegex } from './phrases';

export const OSAID = /\b(?:OSAID|Open\s+Source\s+AI\s+Definition|Open\s+Source\s+Initiative|OSI)\b/;

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
const NOT_A_NAME = 'AI|The|This|That|These|Those|Our|Its|Their|Every|Each|All|Any|No|Many|Some|Most|An?|As|Because|Being|Whole|Entire|Since|If|When|While|For|With|From|By|In|On|At|Of|To|And|But|Or|So|Yet|Why|How|What|Whether|Current|Former|Whole|Both|Neither|Either|Only|Even|Also|Today|Now|Joining|Inside|Within|Under|Unlike|Like|Managed|Supported|Member|Core|Founding|Affiliated|Full|Wider|Broader|Entire|Other|Such|Which|Whose|Young|Fellow|Partner|Several|Few|Numerous|Various|Multiple|Many|Existing|New|Newer|Recent|Prospective|Potential|Non|Participating|Active|Select|Selected|Certain|Notable|Leading|Major|Key|Individual|Original|Initial|Early|Established|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Several|Larger|Smaller|Academic|Industry|Corporate|Institutional|Veteran|Longtime|Past|Previous|Remaining|Other|Additional|Further|Most|Own|Official|Please|Does|Did|Do|Is|Was|Has|Had|Will|Can|Should|Would|Could|Then|Later|Earlier|Recently|Meanwhile|However|Still|Indeed|Thus|Here|There|Among|Across|Between|Per|Via|Not|Never|Every';

const LOOKALIKE_PREFIX = new RegExp(`\\b(?!(?:${NOT_A_NAME})\\b)([A-Z][\\w&.-]*(?:\\s+(?:&|and|of|for)\\s+[A-Z][\\w-]*)?)\\s+Alliance\\b`, 'g');

/** Blanks look-alike organisations ("EU AI Alliance", "Cloud Security Alliance") so they are not the subject. */
export function withoutLookalikes(text: string, lex: Lexicons): string {
  let t = text.replace(lex.lookalikes, (m) => ' '.repeat(m.length));
  // "<Capitalised word> Alliance" other than "AI Alliance"/"The Alliance", and "Alliance for …".
  t = t.replace(LOOKALIKE_PREFIX, (m) => ' '.repeat(m.length));
  t = t.replace(/\b(?<!AI\s)Alliance\s+for\s+(?:the\s+)?[A-Z][\w-]*/g, (m) => ' '.repeat(m.length));
  return t;
}

// A product's name: capitalised words ending in what it is ("Trust and Safety User Guide",
// "Evaluation Reference Stack", "Context Forge"), "Project X", or one word with an inner capital
// or hyphen ("SemiKong", "GEO-Bench"). In a draft about the Alliance these are its projects' names.
const PRODUCT_NAME = /(?<![\p{L}\p{N}])(?:(?:[A-Z][\w&+'’.-]*\s+(?:(?:and|&|of|for|the|in|on)\s+)?){1,6}(?:Guide|Stack|Initiative|Hub|Bench|Benchmark|Toolkit|Tools|Kit|Platform|Catalog|Catalogue|Leaderboards?|Datasets?|Framework|Library|Suite|Specification|Protocol|Forge|Engine|Evals|Evaluations|Workbench|Studio|Cookbook|Playbook)|Project\s+[A-Z][\w-]+|[A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{2,}-[A-Z][a-z]+)(?![\p{L}\p{N}])/u;

export const PRODUCT_NAME_START = new RegExp(`^(?:${PRODUCT_NAME.source.replace('(?<![\\p{L}\\p{N}])', '')})`, 'u');

/** Every product name in a text (for masking names such as "Trust and Safety User Guide"). */
export const PRODUCT_NAMES = new RegExp(PRODUCT_NAME.source, 'gu');

/** Whether the text names a project: one the lexicon or the draft knows, or a product's name. */
export function namesProject(text: string, lex: Lexicons): boolean {
  return hasPhrase(lex.projects, text) || PRODUCT_NAME.test(text);
}

// Companies and platforms whose names look like products ("OpenAI", "LinkedIn"): not projects.
export const COMPANY_NAME = /^(?:OpenAI|LinkedIn|GitHub|GitLab|DeepMind|YouTube|ServiceNow|SambaNova|HuggingFace|PyTorch|TensorFlow|JavaScript|TypeScript|PowerPoint|WordPress|MongoDB|PostgreSQL|SoftBank|AstraZeneca|BlackRock|JPMorgan|PayPal|FedEx|McKinsey|DeepSeek|MosaicML|LangChain|LlamaIndex|SiliconANGLE|TechCrunch|VentureBeat|ZDNet|InfoWorld|FactCheck|iPhone|macOS|iOS)$/;

/** Whether a text names the Open Source AI Definition or the OSI. */
export function mentionsOsaid(text: string): boolean {
  return OSAID.test(text);
}

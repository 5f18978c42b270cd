// What the Alliance-related part of the corpus says: claims of every category, forbidden
// inferences, sentences that are not claims, the sources they cite, and retrieval dates.
import type { Random } from './prng';

export interface SourceSpec {
  key: string;
  url: string;
  title: string;
  /** Front-matter `type:` written for Pandoc-style sources, when the type is not obvious from the URL. */
  type?: string;
}

const IBM_LAUNCH =
  'https://newsroom.ibm.com/2023-12-05-AI-Alliance-Launches-as-an-International-Community-of-Leading-Technology-Developers,-Researchers,-and-Adopters-Collaborating-Together-to-Advance-Open,-Safe,-Responsible-AI';

export const SOURCES: Record<string, SourceSpec> = {
  members: { key: 'members', url: 'https://thealliance.ai/members', title: 'AI Alliance members' },
  about: { key: 'about', url: 'https://thealliance.ai/about', title: 'About the AI Alliance' },
  governance: { key: 'governance', url: 'https://thealliance.ai/governance', title: 'AI Alliance governance' },
  projects: { key: 'projects', url: 'https://thealliance.ai/projects', title: 'AI Alliance projects' },
  blog: { key: 'blog', url: 'https://thealliance.ai/blog/one-year-of-the-ai-alliance', title: 'AI Alliance blog' },
  archive: { key: 'archive', url: 'https://web.archive.org/web/20260301000000/https://thealliance.ai/members', title: 'Archived member list' },
  ibm: { key: 'ibm-launch', url: IBM_LAUNCH, title: 'IBM Newsroom launch release' },
  meta: { key: 'meta-launch', url: 'https://ai.meta.com/blog/ai-alliance/', title: 'Meta launch post' },
  community: { key: 'community', url: 'https://github.com/The-AI-Alliance/community', title: 'AI Alliance community repository' },
  hub: { key: 'hub', url: 'https://the-ai-alliance.github.io/', title: 'AI Alliance project hub' },
  geobench: { key: 'geo-bench', url: 'https://github.com/The-AI-Alliance/geo-bench', title: 'GEO-Bench repository' },
  osi: { key: 'osaid', url: 'https://opensource.org/ai/open-source-ai-definition', title: 'The Open Source AI Definition' },
  evaluation: { key: 'eval', url: 'https://evals.example-lab.org/reports/model-safety-2026', title: 'Independent safety evaluation', type: 'safety-eval' },
  wikipedia: { key: 'wikipedia', url: 'https://en.wikipedia.org/wiki/AI_Alliance', title: 'Wikipedia: AI Alliance' },
  news: { key: 'news', url: 'https://www.reuters.com/technology/ibm-meta-launch-ai-alliance-2023-12-05/', title: 'Reuters report' },
  social: { key: 'social', url: 'https://twitter.com/AIAlliance/status/1732100000000000000', title: 'Post on X' },
  shortener: { key: 'short', url: 'https://bit.ly/ai-alliance-members', title: 'Short link' },
  vendor: { key: 'vendor', url: 'https://www.example-vendor.com/blog/why-we-joined', title: 'Vendor blog' },
  lookalike: { key: 'aiia', url: 'https://ai-infrastructure.org/members', title: 'AI Infrastructure Alliance members' },
};

const UNAPPROVED = ['wikipedia', 'news', 'social', 'shortener', 'vendor', 'lookalike', 'blog'];

const ORGS = ['IBM', 'Meta', 'AMD', 'Intel', 'Red Hat', 'Hugging Face', 'ServiceNow', 'Sony Group', 'Dell Technologies', 'Cornell University', 'Yale University', 'NASA', 'CERN', 'the Linux Foundation', 'Stability AI'];
const PROJECTS = ['Tapestry', 'GEO-Bench', 'Open Agent Hub', 'the Open Trusted Data Initiative', 'Trusted Evals'];
const MODELS = ['Granite 3.0', 'Llama 3.1', 'OLMo 2', 'Falcon 2', 'Mistral 7B', 'Pythia'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface ClaimSpec {
  category: string;
  text: string;
  /** Sources approved for this claim; one is cited when the draft cites correctly. */
  approved: string[];
}

type Template = (r: Random) => string;

const CLAIMS: Record<string, { approved: string[]; templates: Template[] }> = {
  membership: {
    approved: ['members', 'about', 'archive'],
    templates: [
      (r) => `The AI Alliance has more than ${r.int(10, 30) * 10} members in ${r.int(20, 40)} countries.`,
      (r) => `${r.pick(ORGS)} is a member of the AI Alliance.`,
      (r) => `${r.pick(ORGS)} joined the AI Alliance in ${r.pick(MONTHS)} ${r.int(2024, 2026)}.`,
      (r) => `${r.pick(ORGS)} is not a member of the AI Alliance.`,
      (r) => `Reportedly, more than ${r.int(15, 25) * 10} organizations belong to the AI Alliance.`,
      (r) => `Members of the AI Alliance include universities, start-ups and large companies such as ${r.pick(ORGS)}.`,
    ],
  },
  founding: {
    approved: ['ibm', 'meta'],
    templates: [
      () => 'The AI Alliance was launched on December 5, 2023, by IBM and Meta.',
      () => 'IBM and Meta founded the AI Alliance together with more than 50 founding members.',
      (r) => `${r.pick(ORGS)} was a founding member of the AI Alliance.`,
    ],
  },
  'governance-licensing': {
    approved: ['governance', 'about'],
    templates: [
      () => 'AI Alliance projects use the Apache 2.0 licence for code and model weights by default.',
      () => 'Data sets published by the AI Alliance default to the CDLA Permissive 2.0 licence.',
      () => 'AI Alliance documentation is published under CC BY 4.0.',
      () => 'The AI Alliance steering committee reviews every new project proposal.',
      (r) => `${r.pick(PROJECTS)}, an AI Alliance project, is released under the Apache 2.0 licence.`,
    ],
  },
  project: {
    approved: ['projects', 'community', 'hub', 'geobench'],
    templates: [
      (r) => `${r.pick(PROJECTS)} is an AI Alliance project.`,
      () => 'GEO-Bench is an AI Alliance project that benchmarks geospatial foundation models.',
      () => 'The AI Alliance announced the Open Trusted Data Initiative to publish data sets with clear provenance.',
      (r) => `${r.pick(PROJECTS)} is developed in the open by AI Alliance members.`,
    ],
  },
  safety: {
    approved: ['about', 'governance'],
    templates: [
      () => 'The AI Alliance is not a regulator and does not give safety approval to models.',
      () => 'The AI Alliance does not certify any model as safe.',
      (r) => `${r.pick(MODELS)}, which AI Alliance members build on, has been vetted as safe for customer-facing products.`,
    ],
  },
  'open-source-ai': {
    approved: ['osi'],
    templates: [
      (r) => `${r.pick(MODELS)} is Open Source AI under the OSI's Open Source AI Definition, as the AI Alliance notes.`,
      (r) => `${r.pick(MODELS)}, used in AI Alliance projects, is not OSAID-compliant because its training data is not described.`,
      () => 'The Open Source AI Definition, which the AI Alliance refers to, requires the weights and the code under OSI-approved terms.',
    ],
  },
  other: {
    approved: ['about'],
    templates: [
      () => "The AI Alliance's mission is to support open innovation and open science in AI.",
      () => 'The AI Alliance brings together builders and researchers to advance safe, responsible AI.',
    ],
  },
};

export const CLAIM_CATEGORIES = Object.keys(CLAIMS);

/** A claim of the given category (or a random one). */
export function claim(r: Random, category = r.pick(CLAIM_CATEGORIES)): ClaimSpec {
  const family = CLAIMS[category];
  return { category, text: r.pick(family.templates)(r), approved: family.approved };
}

/** A source to cite for a claim: mostly an approved one, sometimes a wrong type. */
export function sourceFor(r: Random, spec: ClaimSpec, approvedShare: number): SourceSpec {
  return SOURCES[r.chance(approvedShare) ? r.pick(spec.approved) : r.pick(UNAPPROVED)];
}

const INFERENCES: Template[] = [
  (r) => `As an AI Alliance member, ${r.pick(ORGS)} ships a model that is safe to use.`,
  (r) => `Because ${r.pick(PROJECTS)} is an AI Alliance project, it is production-ready.`,
  () => 'Every member of the AI Alliance endorses every AI Alliance project.',
  (r) => `${r.pick(MODELS)} is open source since its developer is a founding member of the AI Alliance.`,
  () => 'All AI Alliance projects are mature and proven in production.',
  (r) => `Being Alliance-backed, ${r.pick(MODELS)} can be trusted without further review.`,
];

/** A sentence that relies on a forbidden inference. */
export function forbiddenInference(r: Random): string {
  return r.pick(INFERENCES)(r);
}

const NON_CLAIMS: Template[] = [
  () => 'Do not infer that membership in the AI Alliance makes a model safe.',
  () => 'Does membership in the AI Alliance make a model trustworthy?',
  () => 'We plan to apply to join the AI Alliance next year.',
  () => 'See the AI Alliance website for more.',
  () => 'It is not yet clear whether the AI Alliance will publish a safety benchmark.',
  () => 'We think the AI Alliance is a useful forum for open research.',
  () => 'The AI Infrastructure Alliance publishes a landscape of MLOps tools.',
  () => 'The EU AI Alliance is a forum run by the European Commission.',
  () => 'Some say that every AI Alliance member endorses every project, but that is not true.',
  (r) => `Ask ${r.pick(ORGS)} directly before quoting their plans.`,
];

/** A sentence that mentions the Alliance (or a look-alike) without asserting a checkable claim. */
export function nonClaim(r: Random): string {
  return r.pick(NON_CLAIMS)(r);
}

/** A retrieval-date phrase such as "retrieved 2026-10-01", or '' for none; mostly valid and recent. */
export function retrievalPhrase(r: Random): string {
  const roll = r.next();
  if (roll < 0.22) return '';
  const verb = r.pick(['retrieved', 'accessed', 'checked', 'retrieved on']);
  if (roll < 0.8) return `${verb} ${formatDate(r, 2026, r.int(1, 10), r.int(1, 28))}`;
  if (roll < 0.88) return `${verb} ${formatDate(r, r.int(2023, 2024), r.int(1, 12), r.int(1, 28))}`;
  if (roll < 0.93) return `${verb} ${formatDate(r, 2027, r.int(1, 12), r.int(1, 28))}`;
  return `${verb} ${r.pick(['2026-02-30', 'yesterday', 'n/a', 'Smarch 3, 2026', '2026-13-01'])}`;
}

function formatDate(r: Random, year: number, month: number, day: number): string {
  const style = r.int(0, 2);
  if (style === 0) return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (style === 1) return `${MONTHS[month - 1]} ${day}, ${year}`;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** The date part of a retrieval phrase, as written in a "Retrieved" table column or front matter. */
export function bareDate(phrase: string): string {
  return phrase.replace(/^(retrieved on|retrieved|accessed|checked) /, '');
}

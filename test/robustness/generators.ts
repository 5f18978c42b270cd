// fast-check arbitraries for hostile Markdown drafts: claims about the AI Alliance, citations of
// every style the spec accepts (and some it rejects), markup, and odd characters. Drafts are built
// as small structures and rendered to text, so shrinking yields a short readable counterexample.
import fc from 'fast-check';

/** Text fragments that trip parsers, offset arithmetic and line counting. */
export const ODD_FRAGMENTS = [
  '\u2028', '\u2029', '\u0085', '\v', '\f', '\t', '\0', '\uFEFF', '\uFFFD', '\u200B', '\u200D',
  '\u200F', '\u202E', '\u2066', 'שלום', 'مرحبا بالعالم', '😀', '👩‍👩‍👧', '🏳️‍🌈', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '𠜎',
  'e\u0301', '\u0301', 'A\u030A\u0323', '\uD800', '\uDC00', '\r', '\n', '\r\n', '\\', '`', '*', '_',
  '[', ']', '(', ')', '<', '>', '|', '#', '^', '@', '&amp;', '&#0;', '&#x10FFFF;',
] as const;

const ORGS = ['IBM', 'Meta', 'Red Hat', 'Sony Group', 'Acme 🚀 Labs', 'Universit\u00e9 de Montr\u00e9al', 'Cafe\u0301 Research', 'שלום Labs', 'مختبر الذكاء', '株式会社サンプル', '𝔄𝔠𝔪𝔢 AI'];
const MODELS = ['Granite', 'Llama 3', 'OLMo', 'Mistral 7B', 'Model-𝟕', 'نموذج'];
const PROJECTS = ['Tapestry', 'GEO-Bench', 'Open Agent Hub', 'the Open Trusted Data Initiative'];
const COUNTS = ['50', '140', '200', 'more than 180', '1,000', '٣٠٠'];

/** Sentences that assert something checkable about the AI Alliance (no final punctuation). */
const CLAIMS: fc.Arbitrary<string>[] = [
  fc.constantFrom(...COUNTS).map((n) => `The AI Alliance has more than ${n} members`),
  fc.constantFrom(...ORGS).map((o) => `${o} is a member of the AI Alliance`),
  fc.constantFrom(...ORGS).map((o) => `${o} joined the AI Alliance in November 2024`),
  fc.constant('IBM and Meta launched the AI Alliance on December 5, 2023'),
  fc.constant('The AI Alliance launched with more than 50 founding members and collaborators'),
  fc.constant('AI Alliance managed projects use Apache 2.0 for code and model weights'),
  fc.constant('The AI Alliance uses CDLA Permissive 2.0 for data and CC BY 4.0 for documentation'),
  fc.constantFrom(...PROJECTS).map((p) => `${p} is an AI Alliance project`),
  fc.constant('The AI Alliance announced Tapestry on April 16, 2026'),
  fc.constant('The AI Alliance is not a regulator'),
  fc.constant('The AI Alliance does not give safety approval'),
  fc.constantFrom(...MODELS).map((m) => `${m} is Open Source AI under the OSAID`),
  fc.constantFrom(...MODELS).map((m) => `${m} is not OSAID-compliant`),
  fc.constantFrom(...MODELS).map((m) => `${m} is safe because its developer is an AI Alliance member`),
  fc.constant('Every AI Alliance member endorses every AI Alliance project'),
  fc.constant('Every AI Alliance project is mature and production-proven'),
  fc.constant('Reportedly, more than 200 organizations are members of the AI Alliance'),
  fc.constant('The AI Alliance\u2019s mission is to advance open, safe, responsible AI'),
];

/** Sentences that mention the Alliance without asserting anything checkable, or do not mention it. */
const NON_CLAIMS: fc.Arbitrary<string>[] = [
  fc.constant('See the AI Alliance website for more'),
  fc.constant('Is the AI Alliance a regulator?'),
  fc.constant('We think open AI matters'),
  fc.constant('Do not infer that every member endorses every project'),
  fc.constant('It is not yet clear whether the AI Alliance will grow'),
  fc.constant('AllianceDAO has 30 members'),
  fc.constant('The weather was pleasant'),
];

const URLS = [
  'https://thealliance.ai/members',
  'https://thealliance.ai/projects',
  'https://www.thealliance.ai/governance',
  'https://newsroom.ibm.com/2023-12-05-AI-Alliance-Launches-as-an-International-Community',
  'https://ai.meta.com/blog/ai-alliance/',
  'https://github.com/The-AI-Alliance/community',
  'https://opensource.org/ai/open-source-ai-definition',
  'https://en.wikipedia.org/wiki/AI_Alliance',
  'https://www.nytimes.com/2023/12/05/technology/ai-alliance.html',
  'https://bit.ly/3xYz',
  'https://alliancedao.com/',
  'https://web.archive.org/web/2026/https://thealliance.ai/members',
  'https://thealliance.ai/members?x=(1)&y=%F0%9F%98%80#top',
  'https://例え.テスト/メンバー',
  'http://[::1]:8080/a_(b)',
];

const DATES = [
  'retrieved 2026-06-25', 'accessed June 25, 2026', 'checked 25 June 2026', 'Retrieved: 2026-11-25',
  'retrieved 2031-01-01', 'retrieved 2019-02-03', 'retrieved yesterday', 'retrieved 2026-13-45',
  'retrieved n/a', 'published 2026-06-25', 'retrieved June 25', 'retrieved 2026-11-25 (TODO-verify)',
];

/** Keys are drawn from a small pool so that duplicates and collisions with stub labels happen. */
const KEYS = ['m1', 'src', 'membership-1', 'founding-1', '1', 'Ünï', 'a b', 'x'];

const STYLES = [
  'inline', 'inline-title', 'autolink', 'bare', 'html', 'reference', 'collapsed', 'shortcut',
  'footnote', 'numbered', 'bracket-numbered', 'pandoc', 'dangling-reference', 'dangling-footnote',
  'dangling-pandoc', 'attribution',
] as const;
type CitationStyle = (typeof STYLES)[number];

interface Citation {
  style: CitationStyle;
  url: string;
  date: string | null;
  key: string;
}

interface Sentence {
  body: string;
  citations: Citation[];
  punct: string;
  /** Whether markers go after the final punctuation ("members.[^1]") rather than before it. */
  citeAfterPunct: boolean;
  odd: string | null;
}

/** `arbitrary` one time in `oneIn`, otherwise null: keeps most drafts realistic, some hostile. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });
}

const citationArb: fc.Arbitrary<Citation> = fc.record({
  style: fc.constantFrom(...STYLES),
  url: fc.constantFrom(...URLS),
  date: fc.option(fc.constantFrom(...DATES), { freq: 3 }),
  key: fc.constantFrom(...KEYS),
});

const sentenceArb: fc.Arbitrary<Sentence> = fc.record({
  body: fc.oneof({ weight: 4, arbitrary: fc.oneof(...CLAIMS) }, { weight: 1, arbitrary: fc.oneof(...NON_CLAIMS) }),
  citations: fc.array(citationArb, { maxLength: 2 }),
  punct: fc.constantFrom('.', '.', '.', '!', '', '\u3002', '...'),
  citeAfterPunct: fc.boolean(),
  odd: sometimes(fc.constantFrom(...ODD_FRAGMENTS), 6),
});

/** Definitions and front-matter sources collected while rendering, appended at the end. */
class RenderContext {
  readonly definitions: string[] = [];
  readonly numbered: string[] = [];
  readonly sources: string[] = [];
}

function renderCitation(c: Citation, ctx: RenderContext): string {
  const date = c.date ? `, ${c.date}` : '';
  switch (c.style) {
    case 'inline': return ` [the source](${c.url})${date}`;
    case 'inline-title': return ` [the source](<${c.url}> "${c.date ?? 'Members'}")`;
    case 'autolink': return ` <${c.url}>${date}`;
    case 'bare': return ` ${c.url}${date}`;
    case 'html': return ` <a href="${c.url}">the source</a>${date}`;
    case 'reference':
    case 'collapsed':
    case 'shortcut': {
      ctx.definitions.push(`[${c.key}]: ${c.url}${c.date ? ` "Members, ${c.date}"` : ''}`);
      if (c.style === 'reference') return ` [the source][${c.key}]`;
      return c.style === 'collapsed' ? ` [${c.key}][]` : ` [${c.key}]`;
    }
    case 'footnote':
      ctx.definitions.push(`[^${c.key}]: <${c.url}>${date}.`);
      return `[^${c.key}]`;
    case 'numbered':
    case 'bracket-numbered': {
      const n = ctx.numbered.length + 1;
      ctx.numbered.push(c.style === 'numbered' ? `${n}. ${c.url}${date}` : `[${n}] ${c.url}${date}`);
      return ` [${n}]`;
    }
    case 'pandoc':
      ctx.sources.push(`  - id: ${c.key}\n    url: ${c.url}${c.date ? `\n    retrieved: ${c.date.replace(/^\w+:? /, '')}` : ''}`);
      return ` [@${c.key}]`;
    case 'dangling-reference': return ` [the source][nowhere-${c.key}]`;
    case 'dangling-footnote': return `[^nowhere-${c.key}]`;
    case 'dangling-pandoc': return ` [@nowhere-${c.key}]`;
    case 'attribution': return ', according to the member directory';
  }
}

function renderSentence(s: Sentence, ctx: RenderContext): string {
  const cites = s.citations.map((c) => renderCitation(c, ctx)).join('');
  // Odd fragments go inside the claim, between its words, where offsets matter most.
  const words = s.body.split(' ');
  if (s.odd !== null) words.splice(Math.min(2, words.length), 0, s.odd);
  const body = words.join(' ');
  return s.citeAfterPunct ? body + s.punct + cites : body + cites + s.punct;
}

type Block =
  | { kind: 'paragraph' | 'blockquote' | 'html-comment' | 'fence' | 'indented-code'; sentences: Sentence[] }
  | { kind: 'heading'; level: number; sentence: Sentence }
  | { kind: 'list'; marker: string; items: { depth: number; sentences: Sentence[] }[] }
  | { kind: 'table' | 'html-table'; rows: { sentence: Sentence; url: string; date: string | null }[] }
  | { kind: 'suppressed'; directive: string; rules: string[]; sentences: Sentence[] }
  | { kind: 'raw'; text: string };

const sentencesArb = fc.array(sentenceArb, { minLength: 1, maxLength: 3 });
const RULE_NAMES = ['missing-citation', 'missing-retrieval-date', 'unsupported-inference', 'citation-stub', 'no-such-rule'];

const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), sentences: sentencesArb }) },
  fc.record({ kind: fc.constantFrom('blockquote', 'html-comment', 'fence', 'indented-code'), sentences: sentencesArb }),
  fc.record({ kind: fc.constant('heading' as const), level: fc.integer({ min: 1, max: 6 }), sentence: sentenceArb }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('list' as const),
      marker: fc.constantFrom('-', '*', '+', '1.', '2)'),
      items: fc.array(fc.record({ depth: fc.integer({ min: 0, max: 3 }), sentences: sentencesArb }), { minLength: 1, maxLength: 4 }),
    }),
  },
  fc.record({
    kind: fc.constantFrom('table', 'html-table'),
    rows: fc.array(fc.record({ sentence: sentenceArb, url: fc.constantFrom(...URLS), date: fc.option(fc.constantFrom(...DATES)) }), { minLength: 1, maxLength: 3 }),
  }),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('suppressed' as const),
      directive: fc.constantFrom('disable-next-line', 'disable', 'enable', 'disable-file', 'disable-line', 'DISABLE-NEXT-LINE'),
      rules: fc.subarray(RULE_NAMES),
      sentences: sentencesArb,
    }),
  },
  fc.record({
    kind: fc.constant('raw' as const),
    text: fc.oneof(
      fc.string({ unit: fc.constantFrom(...ODD_FRAGMENTS), maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom('---', '***', '```', '~~~md', '<!--', '-->', '<div>', '[^membership-1]:', '| a |\n|---|', '> > >', '- - -'),
    ),
  }),
);

function renderBlock(b: Block, ctx: RenderContext): string {
  const para = (ss: Sentence[]): string => ss.map((s) => renderSentence(s, ctx)).join(' ');
  switch (b.kind) {
    case 'paragraph': return para(b.sentences);
    case 'blockquote': return b.sentences.map((s) => '> ' + renderSentence(s, ctx)).join('\n');
    case 'html-comment': return `<!-- ${para(b.sentences)} -->`;
    case 'fence': return '```md\n' + para(b.sentences) + '\n```';
    case 'indented-code': return '    ' + para(b.sentences);
    case 'heading': return '#'.repeat(b.level) + ' ' + renderSentence(b.sentence, ctx);
    case 'list': return b.items.map((it) => '   '.repeat(it.depth) + b.marker + ' ' + para(it.sentences)).join('\n');
    case 'table':
      return ['| Claim | Source | Retrieved |', '|---|---|---|', ...b.rows.map((r) => `| ${renderSentence(r.sentence, ctx).replace(/\|/g, '\\|')} | ${r.url} | ${r.date ?? ''} |`)].join('\n');
    case 'html-table':
      return '<table>\n' + b.rows.map((r) => `<tr><td>${renderSentence(r.sentence, ctx)}</td><td><a href="${r.url}">source</a> ${r.date ?? ''}</td></tr>`).join('\n') + '\n</table>';
    case 'suppressed': return `<!-- alliance-cite-${b.directive} ${b.rules.join(' ')} -->\n${para(b.sentences)}`;
    case 'raw': return b.text;
  }
}

export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed';

interface DraftShape {
  title: Sentence | null;
  date: string | null;
  brokenFrontMatter: boolean;
  blocks: Block[];
  separators: string[];
  lineEndings: LineEndings;
  mixedPattern: string[];
  bom: boolean;
  injections: { at: number; text: string }[];
}

/** Renders a draft shape to the exact text handed to the linter. */
function renderDraft(d: DraftShape): string {
  const ctx = new RenderContext();
  let body = '';
  d.blocks.forEach((b, i) => {
    body += renderBlock(b, ctx) + (i < d.blocks.length - 1 ? d.separators[i % d.separators.length] : '\n');
  });
  if (ctx.numbered.length > 0) body += '\n## References\n\n' + ctx.numbered.join('\n') + '\n';
  if (ctx.definitions.length > 0) body += '\n' + ctx.definitions.join('\n') + '\n';
  const fm: string[] = [];
  if (d.title) fm.push(`title: "${renderSentence(d.title, ctx).replace(/["\\]/g, '')}"`);
  if (d.date) fm.push(`date: ${d.date}`);
  if (ctx.sources.length > 0) fm.push('sources:\n' + ctx.sources.join('\n'));
  if (d.brokenFrontMatter) fm.push('tags: [unclosed, "quote');
  let text = fm.length > 0 ? `---\n${fm.join('\n')}\n---\n\n${body}` : body;
  text = convertLineEndings(text, d.lineEndings, d.mixedPattern);
  for (const inj of d.injections) {
    const at = Math.floor(inj.at * (text.length + 1));
    text = text.slice(0, at) + inj.text + text.slice(at);
  }
  return (d.bom ? '\uFEFF' : '') + text;
}

function convertLineEndings(text: string, style: LineEndings, pattern: string[]): string {
  if (style === 'lf') return text;
  if (style === 'crlf') return text.replace(/\n/g, '\r\n');
  if (style === 'cr') return text.replace(/\n/g, '\r');
  let i = 0;
  return text.replace(/\n/g, () => pattern[i++ % pattern.length]);
}

export interface DraftOptions {
  /** Upper bound on the number of top-level blocks. */
  maxBlocks?: number;
  /** Whether odd fragments may be spliced in at arbitrary offsets (possibly splitting pairs). */
  inject?: boolean;
}

/** Markdown drafts mixing claims, citations, markup and odd characters. */
export function draftArb(options: DraftOptions = {}): fc.Arbitrary<string> {
  const maxBlocks = options.maxBlocks ?? 8;
  return fc
    .record({
      title: sometimes(sentenceArb, 4),
      date: sometimes(fc.constantFrom('2026-06-25', 'June 25, 2026', 'not a date'), 3),
      brokenFrontMatter: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      blocks: fc.array(blockArb, { minLength: 1, maxLength: maxBlocks }),
      separators: fc.array(fc.constantFrom('\n\n', '\n\n', '\n', '\n\n\n', '\n \n'), { minLength: 1, maxLength: 3 }),
      lineEndings: fc.constantFrom<LineEndings>('lf', 'lf', 'crlf', 'cr', 'mixed'),
      mixedPattern: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 4 }),
      bom: fc.boolean(),
      injections: options.inject === false
        ? fc.constant<{ at: number; text: string }[]>([])
        : sometimes(fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...ODD_FRAGMENTS) }), { minLength: 1, maxLength: 3 }), 4).map((x) => x ?? []),
    })
    .map(renderDraft);
}

/** One editor change: a splice, a return to an earlier version (undo), or a whole new text. */
export type EditOp =
  | { kind: 'splice'; at: number; deleteFraction: number; insert: string }
  | { kind: 'undo'; back: number }
  | { kind: 'replace'; text: string };

const insertArb = fc.oneof(
  fc.constantFrom(...ODD_FRAGMENTS),
  fc.constantFrom('The AI Alliance has more than 140 members.', ' [^m1]', '\n\n', '\n- ', '> ', '```\n', '<!-- ', ' -->', '[^m1]: <https://thealliance.ai/members>, retrieved 2026-06-25.\n', ' https://thealliance.ai/members', '---\n'),
  fc.string({ maxLength: 6 }),
);

export const editOpArb: fc.Arbitrary<EditOp> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      deleteFraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.2, noNaN: true })),
      insert: insertArb,
    }),
  },
  fc.record({ kind: fc.constant('undo' as const), back: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('replace' as const), text: draftArb({ maxBlocks: 3 }) }),
);

/** Applies edit operations to a starting text and returns every version, in order, starting with it. */
export function versionsAfterEdits(start: string, ops: readonly EditOp[]): string[] {
  const versions = [start];
  for (const op of ops) {
    const current = versions[versions.length - 1];
    if (op.kind === 'undo') {
      versions.push(versions[Math.max(0, versions.length - 1 - op.back)]);
    } else if (op.kind === 'replace') {
      versions.push(op.text);
    } else {
      const at = Math.floor(op.at * (current.length + 1));
      const end = Math.min(current.length, at + Math.floor(op.deleteFraction * current.length));
      versions.push(current.slice(0, at) + op.insert + current.slice(end));
    }
  }
  return versions;
}

/** A draft followed by a sequence of edits, as the list of texts an editor session sees. */
export const editSessionArb: fc.Arbitrary<string[]> = fc
  .tuple(draftArb({ maxBlocks: 5 }), fc.array(editOpArb, { minLength: 1, maxLength: 8 }))
  .map(([start, ops]) => versionsAfterEdits(start, ops));

// Building blocks shared by the corpus writers: words, wrapped paragraphs, and ordinary
// documentation blocks (headings, lists, tables, code, quotes) that never mention the Alliance.
import type { Random } from './prng';

/** A block is a list of lines; blocks are separated by one blank line. */
export type Block = string[];

const NOUNS = [
  'build', 'cache', 'client', 'cluster', 'command', 'config', 'container', 'dashboard', 'database', 'deployment',
  'endpoint', 'event', 'export', 'field', 'file', 'handler', 'index', 'job', 'key', 'log', 'message', 'metric',
  'module', 'node', 'option', 'package', 'page', 'plugin', 'policy', 'queue', 'release', 'request', 'resource',
  'response', 'role', 'schema', 'script', 'server', 'service', 'session', 'setting', 'snapshot', 'task', 'template',
  'test', 'token', 'user', 'value', 'version', 'volume', 'webhook', 'worker', 'workflow', 'workspace',
];
const VERBS = [
  'adds', 'checks', 'creates', 'deletes', 'describes', 'exports', 'fetches', 'filters', 'formats', 'handles',
  'imports', 'lists', 'loads', 'merges', 'moves', 'parses', 'reads', 'renames', 'restarts', 'returns', 'runs',
  'saves', 'sends', 'sorts', 'starts', 'stops', 'stores', 'updates', 'validates', 'writes',
];
const ADJECTIVES = [
  'active', 'cached', 'current', 'default', 'empty', 'existing', 'external', 'global', 'hidden', 'internal',
  'large', 'local', 'new', 'optional', 'pending', 'private', 'public', 'remote', 'required', 'shared', 'small',
  'stable', 'temporary', 'unknown', 'valid',
];
const GERUNDS = ['Configuring', 'Deploying', 'Debugging', 'Testing', 'Upgrading', 'Using', 'Monitoring', 'Migrating'];
const CONNECTORS = ['When', 'If', 'After', 'Before', 'Unless', 'Once', 'While'];
const HOSTS = ['docs.example.com', 'example.org', 'wiki.example.net', 'dev.example.io', 'status.example.com'];
const LANGUAGES = ['ts', 'bash', 'json', 'yaml', 'python', 'text'];

/** Picks a noun, optionally with an adjective. */
export function nounPhrase(r: Random): string {
  return r.chance(0.4) ? `${r.pick(ADJECTIVES)} ${r.pick(NOUNS)}` : r.pick(NOUNS);
}

/** Capitalises the first letter. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One sentence of ordinary technical prose, with occasional inline code, emphasis or a link. */
export function plainSentence(r: Random): string {
  const subject = `the ${nounPhrase(r)}`;
  const object = `the ${nounPhrase(r)}`;
  let core = `${subject} ${r.pick(VERBS)} ${object}`;
  const roll = r.next();
  if (roll < 0.12) core += ` with \`${r.pick(NOUNS)}.${r.pick(NOUNS)}\``;
  else if (roll < 0.2) core += ` in the [${r.pick(NOUNS)} guide](https://${r.pick(HOSTS)}/${r.pick(NOUNS)}/${r.pick(NOUNS)})`;
  else if (roll < 0.26) core += ` *only* for ${nounPhrase(r)} values`;
  else if (roll < 0.3) core += ` (see [${r.pick(NOUNS)}][${r.pick(NOUNS)}-ref])`;
  if (r.chance(0.3)) return `${r.pick(CONNECTORS)} ${subject} ${r.pick(VERBS)} ${object}, ${core}.`;
  return `${capitalise(core)}.`;
}

/** Joins sentences and wraps them at about `width` characters, as writers hard-wrap Markdown. */
export function wrap(sentences: string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of sentences.join(' ').split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function paragraph(r: Random): Block {
  const sentences = Array.from({ length: r.int(1, 5) }, () => plainSentence(r));
  return wrap(sentences, r.pick([72, 80, 100, 120]));
}

export function heading(r: Random, level: number): Block {
  return [`${'#'.repeat(level)} ${r.pick(GERUNDS)} the ${nounPhrase(r)}`];
}

export function bulletList(r: Random): Block {
  const marker = r.pick(['-', '*', '1.']);
  const lines: string[] = [];
  for (let i = 0; i < r.int(2, 8); i++) {
    const m = marker === '1.' ? `${i + 1}.` : marker;
    lines.push(`${m} ${capitalise(nounPhrase(r))}: ${plainSentence(r).toLowerCase()}`);
    if (r.chance(0.15)) lines.push(`${' '.repeat(m.length + 1)}- ${capitalise(nounPhrase(r))}`);
  }
  return lines;
}

export function table(r: Random): Block {
  const columns = r.int(2, 5);
  const header = Array.from({ length: columns }, () => capitalise(r.pick(NOUNS)));
  const lines = [`| ${header.join(' | ')} |`, `|${' --- |'.repeat(columns)}`];
  for (let row = 0; row < r.int(2, 10); row++) {
    const cells = Array.from({ length: columns }, () => (r.chance(0.3) ? `\`${r.int(0, 9999)}\`` : nounPhrase(r)));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}

export function codeBlock(r: Random): Block {
  const language = r.pick(LANGUAGES);
  const body: string[] = [];
  for (let i = 0; i < r.int(2, 14); i++) {
    const name = r.pick(NOUNS);
    if (language === 'bash') body.push(`${r.pick(['npm run', 'git', 'curl -s', 'kubectl get'])} ${name}${r.chance(0.5) ? ` --${r.pick(NOUNS)}` : ''}`);
    else if (language === 'json') body.push(`  "${name}": ${r.int(0, 500)},`);
    else if (language === 'yaml') body.push(`${'  '.repeat(r.int(0, 2))}${name}: ${r.pick(ADJECTIVES)}`);
    else if (language === 'python') body.push(`${'    '.repeat(r.int(0, 2))}${name} = load_${r.pick(NOUNS)}(${r.int(0, 9)})`);
    else body.push(`${'  '.repeat(r.int(0, 2))}const ${name} = ${r.pick(NOUNS)}.${r.pick(VERBS)}(${r.int(0, 9)});`);
  }
  if (language === 'json') return ['```json', '{', ...body, '}', '```'];
  return ['```' + language, ...body, '```'];
}

export function blockquote(r: Random): Block {
  return paragraph(r).map((line) => `> ${line}`);
}

export function linkDefinitions(r: Random): Block {
  return Array.from({ length: r.int(1, 4) }, () => `[${r.pick(NOUNS)}-ref]: https://${r.pick(HOSTS)}/${r.pick(NOUNS)}`);
}

/** One ordinary block, drawn with weights that resemble project documentation. */
export function ordinaryBlock(r: Random): Block {
  const roll = r.next();
  if (roll < 0.1) return heading(r, r.int(2, 4));
  if (roll < 0.5) return paragraph(r);
  if (roll < 0.66) return bulletList(r);
  if (roll < 0.74) return table(r);
  if (roll < 0.88) return codeBlock(r);
  if (roll < 0.93) return blockquote(r);
  if (roll < 0.96) return [`<!-- ${plainSentence(r)} -->`];
  if (roll < 0.98) return [`![${nounPhrase(r)}](images/${r.pick(NOUNS)}.png)`];
  return linkDefinitions(r);
}

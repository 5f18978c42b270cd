// The claims ledger as one self-contained HTML page to publish from CI: inline CSS, no scripts, no
// external fetches. A summary first, then the claims by status and file.
import { claimsByFile, dateWords, freshnessWords, STATUS_ORDER, statusWords, timeWords, type ReportClaim, type ReportData, type ReportStatus } from './model';
import { STYLE } from './style';

/** Status colours: red for what is missing or wrong, amber for what needs a look, blue for what is coming, green for fine. */
const TONE: Record<ReportStatus, 'bad' | 'warn' | 'soon' | 'good'> = {
  uncited: 'bad',
  'wrong-type': 'bad',
  'invalid-date': 'bad',
  undated: 'warn',
  unverified: 'warn',
  stale: 'warn',
  'stale-soon': 'soon',
  fine: 'good',
};

export function formatHtml(data: ReportData): string {
  const { totals } = data;
  const shown = STATUS_ORDER.filter((s) => s !== 'stale-soon' || data.staleWithinDays !== undefined);
  const body: string[] = [];
  body.push('<header>', '<h1>Claims ledger</h1>');
  const within = data.staleWithinDays === undefined ? '' : ` · stale within ${data.staleWithinDays} days`;
  body.push('<p class="lede">Every claim about the AI Alliance in these drafts, the source it relies on, and what still needs doing.</p>');
  body.push(`<p class="meta">${esc(data.scope)} · ${count(totals.claims, 'claim')} in ${count(totals.drafts, 'draft')} · as of <time>${esc(data.asOf)}</time>${within}</p>`, '</header>');

  body.push('<section class="summary" aria-label="Summary">');
  body.push('<ul class="cards">');
  for (const status of shown) {
    const words = statusWords(status, data.staleWithinDays);
    const n = totals.byStatus[status];
    const inner = `<span class="count">${n}</span><span class="title">${esc(words.title)}</span><span class="means">${esc(words.means)}</span>`;
    body.push(`<li class="card ${TONE[status]}${n === 0 ? ' empty' : ''}">${n > 0 ? `<a class="inner" href="#${status}">${inner}</a>` : `<div class="inner">${inner}</div>`}</li>`);
  }
  body.push('</ul>');
  if (totals.claims > 0) body.push(bar(data, shown));
  body.push(categoryTable(data, shown), '</section>');

  if (totals.claims === 0) body.push('<p class="none">No claims about the AI Alliance were found.</p>');
  for (const status of STATUS_ORDER) {
    const groups = claimsByFile(data, status);
    if (groups.length === 0) continue;
    const words = statusWords(status, data.staleWithinDays);
    body.push(`<section class="status ${TONE[status]}" id="${status}">`);
    body.push(`<h2><span class="dot"></span>${esc(words.title)} <span class="n">${totals.byStatus[status]}</span></h2>`, `<p class="means">${esc(capitalise(words.means))}.</p>`);
    for (const group of groups) {
      body.push(`<h3>${esc(group.path)} <span class="n">${count(group.claims.length, 'claim')}</span></h3>`);
      body.push('<table class="claims"><thead><tr><th class="where">Line</th><th class="claim">Claim</th><th class="cat">Category</th><th class="cite">Citation</th><th class="type">Source type</th><th class="date">Retrieved</th></tr></thead><tbody>');
      for (const claim of group.claims) body.push(claimRows(claim, data.asOf));
      body.push('</tbody></table>');
    }
    body.push('</section>');
  }
  const inferences = data.files.flatMap((f) => f.inferences.map((i) => ({ path: f.path, ...i })));
  if (inferences.length > 0) {
    body.push('<section class="status bad" id="inferences">', `<h2><span class="dot"></span>Forbidden inferences <span class="n">${inferences.length}</span></h2>`, '<p class="means">Text that relies on a forbidden inference; no citation makes it acceptable.</p>', '<table class="claims inferences"><thead><tr><th class="where">Where</th><th>Text</th><th class="cat">Inference</th></tr></thead><tbody>');
    for (const i of inferences) body.push(`<tr><td class="where">${esc(i.path)}:${i.line}</td><td class="claim">${esc(plainText(i.text))}</td><td class="cat">${esc(i.kind)}</td></tr>`);
    body.push('</tbody></table>', '</section>');
  }
  body.push(`<footer>Made by alliance-cite ${esc(data.version)}. Statuses follow the rules of the config that governs each draft, whatever their severities.</footer>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing is loaded from anywhere: a published report cannot leak its readers or break.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>Claims ledger · ${esc(data.scope)} · ${esc(data.asOf)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** One row per citation (at least one), the claim's own cells spanning them. */
function claimRows(claim: ReportClaim, asOf: string): string {
  const span = Math.max(1, claim.citations.length);
  const rs = span > 1 ? ` rowspan="${span}"` : '';
  const freshness = freshnessWords(claim, asOf);
  const head = [
    `<td class="where"${rs}>${claim.line}</td>`,
    `<td class="claim"${rs}>${esc(plainText(claim.text))}</td>`,
    `<td class="cat"${rs}><span class="category">${esc(claim.category)}</span><span class="about">${esc(claim.policyLabel)}</span><span class="time">${esc(timeWords(claim.time))}</span></td>`,
  ].join('');
  if (claim.citations.length === 0) {
    const needs = claim.accepts.length > 0 ? `needs ${claim.accepts.join(' or ')}` : 'no type is accepted';
    return `<tr class="first">${head}<td class="cite none">none in scope</td><td class="type"><span class="needs">${esc(needs)}</span></td><td class="date">—</td></tr>`;
  }
  return claim.citations
    .map((c, i) => {
      const link = c.url ? linkTo(c.url) : `<span class="nourl">a ${esc(c.kind)} without a URL</span>`;
      const type = `<span class="badge ${c.approved ? 'ok' : 'no'}" title="${c.approved ? 'approved for this claim' : 'not approved for this claim'}">${esc(c.type)}</span>${c.approved ? '' : `<span class="needs">needs ${esc(claim.accepts.join(' or ') || 'no type')}</span>`}`;
      const undated = claim.time === 'current' ? '<span class="nodate">no date</span>' : '<span class="notneeded">not needed</span>';
      const dates = c.dates.length === 0 ? undated : c.dates.map((d) => `<span class="${d.problem ? 'baddate' : 'okdate'}">${esc(dateWords(d))}</span>`).join('<br>');
      const fresh = i === 0 && freshness ? `<span class="fresh">${esc(freshness)}</span>` : '';
      return `<tr${i === 0 ? ' class="first"' : ''}>${i === 0 ? head : ''}<td class="cite">${link}</td><td class="type">${type}</td><td class="date">${dates}${fresh}</td></tr>`;
    })
    .join('\n');
}

/** A link for web addresses only (never `javascript:` and the like), shown without its scheme and shortened. */
function linkTo(url: string): string {
  const bare = url.replace(/^https?:\/\/(?:www\.)?/i, '').replace(/\/$/, '');
  const shown = bare.length > 60 ? `${bare.slice(0, 44)}…${bare.slice(-12)}` : bare;
  if (!/^https?:\/\//i.test(url)) return `<span class="url">${esc(url)}</span>`;
  return `<a class="url" href="${esc(url)}" title="${esc(url)}" rel="noopener noreferrer">${esc(shown)}</a>`;
}

/** A bar of the statuses' shares, drawn with widths only. */
function bar(data: ReportData, shown: readonly ReportStatus[]): string {
  const parts = shown
    .filter((s) => data.totals.byStatus[s] > 0)
    .map((s) => `<span class="${TONE[s]}" style="width:${((100 * data.totals.byStatus[s]) / data.totals.claims).toFixed(2)}%" title="${esc(statusWords(s, data.staleWithinDays).title)}: ${data.totals.byStatus[s]}"></span>`);
  return `<div class="bar" aria-hidden="true">${parts.join('')}</div>`;
}

function categoryTable(data: ReportData, shown: readonly ReportStatus[]): string {
  const rows = Object.entries(data.totals.byCategory);
  if (rows.length === 0) return '';
  const head = shown.map((s) => `<th class="${TONE[s]}">${esc(statusWords(s, data.staleWithinDays).title)}</th>`).join('');
  const body = rows
    .map(([category, t]) => `<tr><th scope="row">${esc(category)}</th><td class="total">${t.total}</td>${shown.map((s) => `<td${t.byStatus[s] === 0 ? ' class="zero"' : ''}>${t.byStatus[s] === 0 ? '·' : t.byStatus[s]}</td>`).join('')}</tr>`)
    .join('\n');
  return `<div class="scroll"><table class="matrix"><caption>By category</caption><thead><tr><th>Category</th><th>Claims</th>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A sentence as a reader sees it: link text without its target, no footnote markers or emphasis marks. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\[\^[^\]\s]+\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+([.,;:])/g, '$1');
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

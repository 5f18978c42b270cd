// The claims ledger as Markdown: totals, then the claims by status and file.
import { claimsByFile, dateWords, freshnessWords, STATUS_ORDER, statusWords, timeWords, type ReportClaim, type ReportData } from './model';

export function formatMarkdown(data: ReportData): string {
  const out: string[] = [];
  const { totals } = data;
  out.push('# Claims ledger', '');
  out.push(`${plural(totals.claims, 'claim')} in ${plural(totals.drafts, 'draft')} (${data.scope}), as of ${data.asOf}${data.staleWithinDays === undefined ? '' : `; claims that go stale within ${data.staleWithinDays} days are singled out`}.`, '');
  if (totals.claims === 0) {
    out.push('No claims about the AI Alliance were found.', '');
    return out.join('\n');
  }
  const shown = STATUS_ORDER.filter((s) => s !== 'stale-soon' || data.staleWithinDays !== undefined);
  out.push('| status | claims | meaning |', '| --- | ---: | --- |');
  for (const status of shown) {
    const words = statusWords(status, data.staleWithinDays);
    out.push(`| ${words.title} | ${totals.byStatus[status]} | ${words.means} |`);
  }
  out.push(`| **total** | **${totals.claims}** | |`, '');

  out.push('## By category', '');
  out.push(`| category | claims | ${shown.map((s) => statusWords(s, data.staleWithinDays).title.toLowerCase()).join(' | ')} |`);
  out.push(`| --- | ---: | ${shown.map(() => '---:').join(' | ')} |`);
  for (const [category, t] of Object.entries(data.totals.byCategory)) {
    out.push(`| ${category} | ${t.total} | ${shown.map((s) => (t.byStatus[s] === 0 ? '·' : String(t.byStatus[s]))).join(' | ')} |`);
  }
  out.push('');

  for (const status of STATUS_ORDER) {
    const groups = claimsByFile(data, status);
    if (groups.length === 0) continue;
    const words = statusWords(status, data.staleWithinDays);
    out.push(`## ${words.title} (${totals.byStatus[status]})`, '', `${capitalise(words.means)}.`, '');
    for (const group of groups) {
      out.push(`### ${group.path}`, '');
      for (const claim of group.claims) out.push(...claimItem(group.path, claim, data.asOf));
      out.push('');
    }
  }

  const inferences = data.files.flatMap((f) => f.inferences.map((i) => ({ path: f.path, ...i })));
  if (inferences.length > 0) {
    out.push(`## Forbidden inferences (${inferences.length})`, '', 'Text that relies on a forbidden inference; no citation makes it acceptable.', '');
    for (const i of inferences) out.push(`- ${i.path}:${i.line}:${i.column} ${i.text} (${i.kind})`);
    out.push('');
  }
  out.push(`Made by alliance-cite ${data.version}.`, '');
  return out.join('\n');
}

function claimItem(path: string, claim: ReportClaim, asOf: string): string[] {
  const lines = [`- **${path}:${claim.line}:${claim.column}** ${claim.text}`];
  lines.push(`  - ${claim.category}: ${claim.policyLabel} (${timeWords(claim.time)}); accepts ${claim.accepts.join(', ') || 'no source type'}`);
  if (claim.citations.length === 0) lines.push('  - cites nothing');
  for (const c of claim.citations) {
    const where = c.url ? `<${c.url}>` : `a ${c.kind} without a URL`;
    const dates = c.dates.length > 0 ? `retrieved ${c.dates.map(dateWords).join(', ')}` : claim.time === 'current' ? 'no retrieval date' : 'no retrieval date (none needed)';
    lines.push(`  - cites ${where} (${c.type}, ${c.approved ? 'approved' : 'not approved'}), ${dates}`);
  }
  const freshness = freshnessWords(claim, asOf);
  if (freshness) lines.push(`  - ${freshness}`);
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// Applies fixes to a text: sorted, overlapping ones skipped, identical edits made once.
import type { Fix, FixKind, TextEdit } from '../types';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
  /** Applied fixes by kind (fixes without a kind are counted in `applied` only). */
  byKind: Partial<Record<FixKind, number>>;
}

/**
 * Applies fixes in one pass: sorted by position, a fix overlapping an earlier one is skipped. An
 * edit identical to one already taken is made once: claims citing one URL share its definition,
 * and two claims citing one undated source share its date stub.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const ordered = fixes
    .filter((f) => f.edits.length > 0 && f.edits.every((e) => validEdit(text, e)))
    .map((f) => ({ fix: f, start: Math.min(...f.edits.map((e) => e.start)), end: Math.max(...f.edits.map((e) => e.end)) }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let applied = 0;
  let skipped = fixes.length - ordered.length;
  const seen = new Set<string>();
  const byKind: Partial<Record<FixKind, number>> = {};
  for (const { fix } of ordered) {
    const fresh = fix.edits.filter((e) => !seen.has(editKey(e)));
    // Nothing left to do (the same fix offered by two findings), or a conflict with a taken edit.
    if (fresh.length === 0 || fresh.some((e) => chosen.some((t) => overlaps(t, e)))) {
      skipped++;
      continue;
    }
    for (const e of fresh) seen.add(editKey(e));
    chosen.push(...fresh);
    applied++;
    if (fix.kind) byKind[fix.kind] = (byKind[fix.kind] ?? 0) + 1;
  }
  // Stable sort: same-point insertions keep the order of their fixes.
  chosen.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const e of chosen) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped, byKind };
}

function editKey(e: TextEdit): string {
  return `${e.start}:${e.end}:${e.text}`;
}

function validEdit(text: string, e: TextEdit): boolean {
  return Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= text.length;
}

/**
 * Two edits conflict if their ranges intersect or one inserts strictly inside the other's range.
 * Insertions at the same point do not conflict: they are kept in fix order, so several stubs can
 * be appended to one place in a single pass without touching the writer's text.
 */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

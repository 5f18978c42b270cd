// Retrieval dates: finding "retrieved / accessed / checked <date>" phrases and judging the date.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// English names, and the German ones a date after "abgerufen am" uses (März, Mai, Juni, Juli, Oktober, Dezember).
const MONTH = '(jan(?:uary)?|januar|feb(?:ruary)?|februar|mar(?:ch)?|m(?:ä|ae)rz|apr(?:il)?|may|mai|juni|june?|juli|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?)\\.?';

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})\b/;
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})\b/;
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b`, 'i');
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(?:of\\s+)?${MONTH}(?:,?\\s+(\\d{4}))?\\b`, 'i');
const RELATIVE = /^(today|yesterday|tomorrow|recently|lately|earlier|last\s+(?:week|month|year|night|time)|this\s+(?:week|month|year|morning)|just now|the other day|\d+\s+(?:days?|weeks?|months?|years?)\s+ago|a\s+(?:few\s+)?(?:days?|weeks?|months?)\s+ago)\b/i;
const NOT_A_DATE = /^(n\/a|na|none|unknown|tbd|tba|\?+|-+|—|never|not\s+(?:yet\s+)?(?:checked|retrieved|accessed))(?=$|[\s.,;)])/i;

/** Verbs that introduce a retrieval date; "last reviewed" banners are handled by scope, not here. */
const RETRIEVAL_PHRASE = /\b(retrieved|accessed|checked|reviewed|consulted|visited|viewed|verified|fetched|read(?=\s+(?:on\s+)?(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d))|abgerufen\s+am|zugegriffen\s+am|last\s+(?:accessed|checked|visited|retrieved|verified))\b(?:\s+(?:it|them|this|that|the\s+(?:page|site|directory|list)))?(?:\s+(?:on|at|as\s+of))?[\s:,]*/gi;
export const UNVERIFIED = 'TODO-verify';

export interface DateMention {
  /** The phrase from its verb to the end of the date (or of what stands in its place). */
  start: number;
  end: number;
  raw: string;
  /** ISO date if it parsed. */
  iso?: string;
  problem?: 'unparseable' | 'relative' | 'not-a-date' | 'no-year';
}

/** Finds retrieval-date phrases in masked text; offsets are `base` + index. */
export function findRetrievalDates(text: string, base: number, documentYear?: number): DateMention[] {
  const out: DateMention[] = [];
  if (!/retriev|access|check|review|consult|visit|view|verif|fetch|abgerufen|zugegriffen|\bread\s/i.test(text)) return out;
  for (const m of text.matchAll(RETRIEVAL_PHRASE)) {
    const after = m.index + m[0].length;
    const rest = text.slice(after, after + 60).replace(/\(?TODO-verify\)?,?\s*/g, '');
    // "checked against the official site" — a verb without any date is not a retrieval date.
    const mention = parseDateAt(rest, documentYear);
    if (!mention) continue;
    out.push({ start: base + m.index, end: base + after + mention.length, raw: text.slice(m.index, after + mention.length).trim(), iso: mention.iso, problem: mention.problem });
  }
  return out;
}

/** Parses a date written at the start of `s` (a field value or the text after "retrieved"). */
export function parseDateAt(s: string, documentYear?: number): { iso?: string; problem?: DateMention['problem']; length: number } | undefined {
  const t = s.replace(/^\s+/, '');
  const lead = s.length - t.length;
  let m: RegExpExecArray | null;
  if ((m = ISO.exec(t)) || (m = SLASHED.exec(t))) return judged(Number(m[1]), Number(m[2]), Number(m[3]), lead + m[0].length);
  if ((m = MONTH_DAY_YEAR.exec(t))) return withYear(monthIndex(m[1]), Number(m[2]), m[3], lead + m[0].length, documentYear);
  if ((m = DAY_MONTH_YEAR.exec(t))) return withYear(monthIndex(m[2]), Number(m[1]), m[3], lead + m[0].length, documentYear);
  if ((m = RELATIVE.exec(t))) return { problem: 'relative', length: lead + m[0].length };
  if ((m = NOT_A_DATE.exec(t))) return { problem: 'not-a-date', length: lead + m[0].length };
  // Something date-like that is none of the accepted forms ("13/25/2026", "Junetember 5").
  if ((m = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4}|\d{4})\b/.exec(t))) return { problem: 'unparseable', length: lead + m[0].length };
  return undefined;
}

function withYear(month: number, day: number, year: string | undefined, length: number, documentYear?: number) {
  if (year) return judged(Number(year), month, day, length);
  if (documentYear) return judged(documentYear, month, day, length);
  return { problem: 'no-year' as const, length };
}

function judged(y: number, mo: number, d: number, length: number): { iso?: string; problem?: DateMention['problem']; length: number } {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (mo < 1 || mo > 12 || d < 1 || date.getUTCMonth() !== mo - 1 || y < 1990 || y > 2999) return { problem: 'unparseable', length };
  return { iso: date.toISOString().slice(0, 10), length };
}

const GERMAN_MONTHS: Record<string, number> = { mär: 3, mae: 3, mai: 5, okt: 10, dez: 12 };

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace('.', '');
  if (GERMAN_MONTHS[n.slice(0, 3)]) return GERMAN_MONTHS[n.slice(0, 3)];
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

/** The capture date of a Web Archive snapshot URL (web.archive.org/web/20260815093000/…), as ISO. */
export function archiveSnapshotDate(url: string): string | undefined {
  const m = /^https?:\/\/(?:www\.)?web\.archive\.org\/web\/(\d{4})(\d{2})(\d{2})\d{0,6}(?:[a-z_]{2,4})?\//i.exec(url);
  return m ? judged(Number(m[1]), Number(m[2]), Number(m[3]), 0).iso : undefined;
}

/** Days from `iso` to `asOf` (positive when `iso` is earlier). */
export function daysBetween(iso: string, asOf: string): number {
  return Math.round((Date.parse(asOf + 'T00:00:00Z') - Date.parse(iso + 'T00:00:00Z')) / 86400000);
}

/** The year of a document date such as `2026-06-25` or `June 25, 2026`. */
export function yearOf(date: string | undefined): number | undefined {
  const m = date ? /\b(19|20)\d{2}\b/.exec(date) : null;
  return m ? Number(m[0]) : undefined;
}

/** Today's date (UTC) as YYYY-MM-DD. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

// Stable identities of findings, shared by the SARIF report, the baseline and the editor. A
// fingerprint hashes the rule, the claim text with whitespace and case normalised, and which
// occurrence of that claim in the file it is; never a line number, so it survives edits
// elsewhere in the file, moved paragraphs and rewrapped sentences.
import { createHash } from 'node:crypto';

/** Names the recipe below; bump the suffix if the recipe ever changes, so old matches are not trusted. */
export const FINGERPRINT_KEY = 'allianceCite/v1';

/** What a fingerprint is computed from: a finding's rule and its UTF-16 range in the linted text. */
export interface FingerprintSubject {
  rule: string;
  start: number;
  end: number;
}

/**
 * Returns one fingerprint per subject, in the order given. Occurrences are counted in document
 * order (by start, then end, then rule), so the result does not depend on the input's order.
 */
export function fingerprintFindings(text: string, subjects: readonly FingerprintSubject[]): string[] {
  const order = subjects.map((_, index) => index).sort((a, b) => compareSubjects(subjects[a], subjects[b]) || a - b);
  const occurrences = new Map<string, number>();
  const fingerprints = new Array<string>(subjects.length);
  for (const index of order) {
    const subject = subjects[index];
    const key = `${subject.rule}\u0000${normalizeClaim(text.slice(subject.start, subject.end))}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    fingerprints[index] = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  }
  return fingerprints;
}

/** Collapses whitespace and case, so that rewrapping a paragraph keeps a finding's identity. */
export function normalizeClaim(claim: string): string {
  return claim.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Document order of findings, as every report prints them. */
export function compareSubjects(a: FingerprintSubject, b: FingerprintSubject): number {
  return a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule);
}

import { compileLexicon, judgeSentence, withoutLookalikes, type ClaimJudgement, type Lexicons } from './claims';
import { resolveCitations, type Resolution } from './citations';
import { findInference, rejectsInference, type InferenceMatch } from './inferences';
import { hasPhrase } from './phrases';
import type { DocumentModel, Unit } from './model';
import { sentencesOf, type Sentence } from './sentences';
import type { Config } from './types';
import { yearOf } from './dates';

export interface ClaimFinding {
  unit: Unit;
  sentence: Sentence;
  judgement: ClaimJudgement;
  resolution: Resolution;
}

export interface InferenceFinding {
  unit: Unit;
  sentence: Sentence;
  match: InferenceMatch;
}

export interface Analysis {
  model: DocumentModel;
  claims: ClaimFinding[];
  inferences: InferenceFinding[];
  documentYear?: number;
}

const HEADING_VERB = /\b(?:is|are|was|were|has|have|had|joins?|joined|launch\w*|announc\w*|found(?:s|ed)|adds?|added|includes?|lists?|releases?|released|becomes?|became|leaves?|left|wins?|certif\w+|approves?|endorses?)\b/i;
const ROLE_STATEMENT = /\b(?:not|no)\s+(?:a\s+)?(?:regulator|standards\s+body|certif\w+|safety\s+approval)|does\s+not\s+(?:give|grant|issue|provide)\s+(?:safety\s+)?(?:approval|certification)/i;
const TABLE_TOPIC = /\bmember|\bjoin|\bproject|\blicen[cs]|\bfound|\bsource|\bretriev|\bstatus|\bgovern|\bsafe/i;

/** Whether the draft is about the AI Alliance: it names it (not a look-alike) somewhere in its prose. */
export function isAboutAlliance(model: DocumentModel, lex: Lexicons): boolean {
  for (const u of model.units) {
    for (const s of u.segments) if (hasPhrase(lex.subjects, withoutLookalikes(s.masked, lex))) return true;
    for (const l of u.locators) if (l.url && /(?:^|[/.])(?:thealliance\.ai|aialliance\.org)|github\.com\/the-ai-alliance/i.test(l.url)) return true;
  }
  return false;
}

/** Finds the claims and forbidden inferences of a draft and resolves each claim's citations. */
export function analyse(model: DocumentModel, config: Config): Analysis {
  const lex = compileLexicon(config.lexicon);
  const documentYear = yearOf(model.frontMatter?.date);
  const aboutAlliance = isAboutAlliance(model, lex);
  const claims: ClaimFinding[] = [];
  const inferences: InferenceFinding[] = [];
  let previousAboutAlliance = false;
  for (const unit of model.units) {
    if (unit.inSourceList) continue;
    if (unit.kind === 'table-row' && !(unit.headers ?? []).some((h) => TABLE_TOPIC.test(h)) && !unit.segments.some((s) => hasPhrase(lex.subjects, s.masked))) continue;
    if (unit.kind !== 'paragraph') previousAboutAlliance = false;
    let sameBlock = false;
    for (const sentence of sentencesOf(unit)) {
      const text = withoutLookalikes(sentence.text, lex);
      const inference = aboutAlliance || /Alliance/.test(text) ? findInference(text) : undefined;
      if (inference && /Alliance|\bmember|\bproject/i.test(text)) {
        inferences.push({ unit, sentence, match: inference });
        previousAboutAlliance = true;
        continue;
      }
      const mentionsAlliance = hasPhrase(lex.subjects, text) || (aboutAlliance && /\bAlliance\b/.test(text));
      // A sentence that names an inference only to reject it is not a claim; one that also states
      // the Alliance's role ("is not a regulator, and membership is no evidence of safety") still is.
      if (rejectsInference(text) && !ROLE_STATEMENT.test(text)) {
        previousAboutAlliance = mentionsAlliance;
        continue;
      }
      if (unit.kind === 'heading' && !HEADING_VERB.test(text)) {
        previousAboutAlliance = false;
        continue;
      }
      if (unit.kind === 'footnote' && sentenceHasUrl(unit, sentence)) continue;
      const judgement = judgeSentence(text, lex, { aboutAlliance, previousAboutAlliance, sameBlock, tableRow: unit.kind === 'table-row', headers: unit.headers });
      sameBlock = true;
      previousAboutAlliance = mentionsAlliance || judgement !== undefined || (previousAboutAlliance && /^(?:it|its|the\s+(?:consortium|organi[sz]ation|group|coalition))\b/i.test(text.trim()));
      if (!judgement) continue;
      const resolution = resolveCitations(model, unit, sentence, config, documentYear);
      claims.push({ unit, sentence, judgement, resolution });
    }
  }
  return { model, claims, inferences, documentYear };
}

/** A footnote sentence that carries a URL is a bibliographic entry, not a claim. */
function sentenceHasUrl(unit: Unit, sentence: Sentence): boolean {
  return unit.locators.some((l) => l.url && l.start >= sentence.start && l.start < sentence.scopeEnd) || /\bhttps?:\/\//.test(sentence.text);
}

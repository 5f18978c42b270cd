// Verbs that make a sentence a statement, and the finite verbs that make a headline one.

// A claim states something: prose without any of these verbs (a caption, a label, a title) is not one.
export const CLAIM_VERB = /\b(?:is|are|was|were|be|been|being|has|have|had|does|do|did|can|cannot|may|must|joins?|joined|launch\w*|announc\w*|found(?:s|ed)|co-?founded|forms?|formed|adds?|added|includes?|included|lists?|listed|releases?|released|becomes?|became|leaves?|left|wins?|certif\w+|approves?|endorses?|manages?|managed|hosts?|hosted|supports?|supported|leads?|led|runs?|governs?|licen[cs]es|licensed|adopts?|adopted|requires?|required|uses?|used|offers?|publishes|published|maintains?|accepts?|welcomes?|counts?|reaches|grew|grows|expands?|expanded|comprises?|spans?|numbers|totals?|says|said|states?|stated|reports?|reported|describes?|described|presents?|calls?|called|develops?|developed|builds?|built|creates?|created|serves?|remains?|regulates?|vouch\w*|gives?|grants?|issues?|provides?|means|makes?|made|belongs?|sits|chairs?|stands?|allows?|allowed|advocates?|promotes?|focus(?:es)?|works?|aims?|seeks?|brings?|connects?|convenes?|funds?|sponsors?|partners?|collaborates?|contains?|features?|shows?|covers?|enables?|helps?|lets|permits?|needs?|expects?|invites?|signed|backs?|backed|operates?|coordinates?|spans?|vetted|trusted|approved|endorsed|validated|rally|rallies|rallied|unites?|united|gathers?|gathered|assembles?|assembled)\b/i;

// A headline states a claim only with a finite verb ("AI Alliance Unveils Project Tapestry",
// "IBM and Meta Launch AI Alliance"); "Key Features of Project Tapestry" is a label.
const HEADLINE_VERB = /\b(?:is|are|was|were|has|have|had|launch(?:es|ed)|unveil(?:s|ed)|announc(?:es|ed)|join(?:s|ed)|wants?|wanted|adds|added|releas(?:es|ed)|forms|formed|founded|creat(?:es|ed)|welcom(?:es|ed)|expand(?:s|ed)|names|named|hir(?:es|ed)|appoint(?:s|ed)|backs|backed|opens|opened|debut(?:s|ed)|introduc(?:es|ed)|partner(?:s|ed)|reach(?:es|ed)|grows|grew|becomes|became|signs|signed|aims|seeks|targets|plans|hosts|hosted|leads|led|counts|lists|includes|teams\s+up|bets|pushes|calls|says|said|warns|urges|commits|pledges|gets|wins|won|turns|marks|doubles|tops|surpasses|crosses)\b/i;

const HEADLINE_PLURAL_VERB = /\b(?!(?:The|A|An|Our|Its|Their|This|New)\b)[A-Z][\w&.'’-]*\s+(?:Launch|Unveil|Announce|Join|Form|Found|Create|Welcome|Partner|Team\s+Up|Want)\b|\b(?:others|members|companies|firms|groups|universities|labs|start-?ups|organi[sz]ations|institutes)\s+(?:join|launch|form|found|unveil|announce|back|sign)\b/;

/** Whether a heading or title makes a statement rather than naming a topic. */
export function isHeadline(text: string): boolean {
  // "…: what the AI Alliance can and cannot tell a buyer" asks; only what comes before states.
  text = text.split(/\b(?:what|how|why|whether|when|who|which)\b/i)[0];
  if (HEADLINE_VERB.test(text) || HEADLINE_PLURAL_VERB.test(text)) return true;
  // In sentence case a verb stays lower case ("The AI Alliance manages GEO-Bench"); in Title Case
  // a capitalised "Features" or "Focus" is as likely a noun.
  const verbs = new RegExp(CLAIM_VERB.source, 'gi');
  // …unless it sits in a relative clause ("Members we work with").
  for (const m of text.matchAll(verbs)) if (/^[a-z]/.test(m[0]) && !/\b(?:we|you|they|that|which|who|i)\s+$/i.test(text.slice(0, m.index))) return true;
  return false;
}

// Sentences that state nothing checkable (source discipline §1): questions, instructions and
// navigation, invitations, plans told as intentions, speculation, opinion, corrections of earlier
// text, reports of what someone asked, page banners. They need no citation whatever they name.
const QUESTION = /\?\s*["'”’)\]]*\s*$/;
const INSTRUCTION = /^you\s+can\s+(?:also\s+)?(?:install|run|use|download|try|find|get|read|browse|join|follow|watch|clone|pull|import|subscribe|sign\s+up)\b|^(?:please\s+)?(?:open\s+(?:an?|the|your)(?=\s)|file\s+(?:an?|the|your)(?=\s)|send\s+(?:us|me|an?|the|your)\b|see|visit|read|check|cite|use|do\s+not|don['’]t|never|always|avoid|refer|learn|click|contact|go\s+to|follow|consider|remember|make\s+sure|ensure|verify|confirm|add|link|write|describe|treat|compare|ask|find|download|install|run|sign\s+up|subscribe|explore|discover|get\s+involved|reach\s+out|keep|prefer|quote|mention|look|note\s+down|watch|give|try|join|help|dive|start|say|point\s+out|close|thank|share|tell|email|browse|search|record|require|request|submit|fill|register|rsvp|bring|feel\s+free|don['’]t\s+hesitate|be\s+sure|collaborate|experiment|build|contribute|participate|engage|innovate)\b/i;
// A condition or purpose before an instruction: "If you evaluate models, give Lumen a try",
// "For a general introduction to Tapestry, including its goals, see the project page."
const LEADING_CLAUSE = /^(?:if|when|whenever|where|wherever|unless|in\s+case|before|after|once|to|for|while|as\s+you|in\s+particular|in\s+addition|also|finally|first|then|next)\b/i;

/** What follows each comma of a sentence that opens with a condition or purpose. */
function afterLeadingClause(t: string): string[] {
  if (!LEADING_CLAUSE.test(t)) return [];
  const out: string[] = [];
  for (let i = t.indexOf(','); i !== -1 && i < 160; i = t.indexOf(',', i + 1)) out.push(t.slice(i + 1).trimStart());
  return out;
}
const NAVIGATION = /^(?:(?:an?|our|this)\s+(?:[\w,-]+\s+){0,3}(?:list|guide|overview|summary|collection|round-?up|selection|primer|explainer|briefing|timeline|reading\s+list)\s+(?:of|to|for|on|about)\b|for\s+(?:more|details|further)|more\s+(?:information|details|at|on)|learn\s+more|read\s+more|find\s+out\s+more|details\s+(?:are|can\s+be)\s+found|(?:this|the\s+following|below|the\s+(?:table|list)(?:\s+below)?|this\s+(?:table|list|section|memo|article|post|page|guide|document|note|draft|report|brief|explainer|faq|talk|wiki|checklist|newsletter|issue|episode|website|site|repo|repository|readme|file|chapter|handbook|tutorial|course|module|glossary)|in\s+this\s+(?:post|article|memo|guide|section|talk|issue|episode))\s+(?:lists?|describes?|summari[sz]es?|covers?|explains?|sets\s+out|advises?|shows?|collects?|gives?|outlines?|looks\s+at|walks|reviews?|compares?|tracks?|records?|documents?|is\s+for|contains\s+(?:links|notes|pointers))\b|here\s+(?:is|are)\b|(?:[\w-]+\s+){0,3}?(?:this|next|last)\s+(?:week|month|issue|edition|episode)\s*:|for\s+reference\b|an?\s+(?:quick|short|brief)\s+(?:tour|look|overview|guide|summary|round-?up)\b)/i;
// Where to read more, anywhere in the sentence: "The rest of the documentation is maintained in the repository."
const POINTER = /\b(?:documentation|docs|details|information|source\s+code)\s+(?:is|are)\s+(?:currently\s+|now\s+|also\s+)?(?:maintained|available|kept|found|hosted)\s+(?:in|at|on)\b|\b(?:page|site|post|document|guide)\s+(?:lives|is)\s+at\b|\bcan\s+be\s+found\s+at\b/i;
// "The licence files are in the community repository"; "OSI's FAQ on the definition explains why…".
const WHERE_TO_READ = /^(?:explains|describes|covers|summari[sz]es|lists|outlines|introduces|discusses|documents|traces|compares|reviews|analy[sz]es|gives|offers)\s+(?!that\b)|^this\s+(?:guide|page|post|article|brief|note|episode|memo|document|report|list|section)\s+(?:points|explains|describes|covers|summari[sz]es|lists|collects|gathers|is\s+(?:for|intended|meant))\b|^(?:\[[^\]]{4,160}\]\([^)]*\)\s*|[^—–.\s](?:[^—–.\s]|\s(?!\s)){3,159}\s{3,})[—–-]{1,2}\s*(?:an?|the|my|our)\s+(?:[\w-]+\s+){0,3}(?:essay|post|piece|thread|interview|op-?ed|column|video|podcast|talk|read|write-?up|explainer|newsletter|report|paper|article|blog)\b|^(?:the\s+)?(?:[\w-]+\s+){0,2}(?:files?|texts?|terms|details|instructions|templates?)\s+(?:is|are|live|sit)\s+(?:kept\s+|available\s+)?in\s+(?:the|our|this)\b|^(?:[\w'’.&-]+\s+){0,6}?(?:faq|guide|post|paper|blog|explainer|write-?up|thread|report|piece|op-?ed|essay|video|talk|podcast|episode|primer|overview|article|interview|keynote|slides|deck|analysis|newsletter)\s+(?:on\s+[^.]{0,80}?\s+)?(?:explains|describes|walks\s+through|covers|looks\s+at|digs\s+into|lays\s+out|unpacks|summari[sz]es|argues|asks|examines|explores)\b/i;
// Cautions about what a signal shows ("tells you nothing about whether…", "has no bearing on that",
// "Membership is not a safety review"): advice to the reader, not a fact about the Alliance.
const CAUTION = /,\s+not\s+an?\s+(?:verdict|guarantee|endorsement|certification|seal|stamp|audit|approval|ranking)\b|\b(?:is|are)\s+about\s+[\w\s-]{3,40},\s+not\s+[\w-]+|\b(?:tells?\s+(?:you|us|readers|buyers)\s+nothing|says\s+nothing\s+about|ha(?:s|ve)\s+no\s+bearing|and\s+nothing\s+more|for\s+information\s+only|did\s+not\s+(?:affect|change|influence)\s+the\s+(?:score|scores|rating|ratings|assessment|outcome)|tells?\s+(?:you|us|readers|buyers)\s+neither|(?:is|are)\s+not\s+the\s+same\s+(?:thing\s+)?as|can\s+be\s+(?:[\w-]+\s+){1,2}or\s+[\w-]+)\b|^(?:(?:an?|the)\s+)?(?:(?:AI\s+)?Alliance\s+)?membership(?:\s+(?:of|in)\s+(?:[\w-]+\s+){0,4}?(?:the\s+(?:AI\s+)?Alliance|groups?|consortia|bodies|alliances))?\s+(?:is|was)\s+(?:not|no)\s+(?:one\b|(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:review|evaluation|audit|certification|credential|guarantee|substitute|signal|proof|evidence|endorsement|approval|assessment)\b)/i;
// What others make of it: "Supporters have presented Tapestry as…", "Critics have asked who…";
// "Critics however warn: membership … is no proof": who warns, before the caution itself.
const CAUTION_LEAD = /^(?:but\s+)?(?:(?:some|many|other)\s+)?(?:critics|sceptics|skeptics|experts|analysts|observers|regulators|lawyers)\s+(?:however\s+|also\s+)?(?:warn|warned|caution|cautioned|note|noted|stress|stressed|point\s+out)\s*(?::|that)\s*|^but\s+/i;
// What happened at an event: "The Tapestry session was standing room only", "Three talks were built on …".
const EVENT_REPORT = /^(?:the\s+|three\s+|two\s+|four\s+|five\s+|several\s+|many\s+|most\s+|a\s+few\s+|\d+\s+)?(?:[\w-]+\s+){0,3}?(?:session|sessions|talk|talks|panel|panels|keynote|keynotes|workshop|workshops|demo|demos|booth|track|tracks|hallway|room|audience|crowd|q&a)\s+(?:was|were|drew|had|featured|got|filled|ran|went|built|came|asked|focused|centred|centered|opened|closed|ended|packed)\b/i;
// Others' reactions and hopes: "The federation welcomed the step", "Several told the paper that they hoped to use…".
const REACTION = /^(?:the\s+)?(?:[\p{Lu}\d][\p{L}\d&.'’-]*\s+){1,6}(?:has\s+|have\s+)?(?:welcomed|applauded|praised|hailed|critici[sz]ed|greeted|cheered|lamented)\s+(?:the|this|that|its)\s+(?:[\w-]+\s+)?(?:step|move|decision|announcement|news|launch|plan|choice|expansion|opening)\b|\b(?:said|say|says|told\s+[^.;]{1,50}?)\s+(?:that\s+)?(?:they|it|he|she|we)\s+(?:hoped|hope|hopes|would\s+like|wanted|want|planned|plan|intend|intended|expect|expected)\s+to\b/u;
const CHARACTERISATION = /^(?:(?:much\s+of\s+the\s+|early\s+|the\s+)?(?:press\s+coverage|coverage|press|headlines|reporters|journalists|commentary))(?:\s+at\s+the\s+time)?\s+(?:framed|described|called|presented|portrayed|cast|painted|characteri[sz]ed|billed|dubbed)\b|^hot\s+take\b|^not\s+every(?:one|body)\s+(?:is\s+convinced|agrees|accepts|believes|buys)\b|^(?:(?:some|many|several|other)\s+)?(?:supporters|critics|advocates|proponents|observers|commentators|analysts|fans|sceptics|skeptics|detractors|boosters|backers|enthusiasts)\s+(?:have\s+|had\s+)?(?:presented|described|called|hailed|praised|criticised|criticized|framed|dismissed|characteri[sz]ed|portrayed|pitched|touted|branded|welcomed|questioned|asked|wondered)\b/i;
// How others use the affiliation in their marketing: "vendors who cite their membership", "some
// members wave the logo around": a report about the marketing, not who is a member.
const MARKETING_REPORT = /\b(?:vendors|companies|firms|suppliers|bidders|sellers|startups|members|some|many|several)\s+(?:who\s+|that\s+)?(?:(?:increasingly|often|routinely|now|still|proudly)\s+)?(?:cite|cites|tout|touts|advertise|advertises|flaunt|flaunts|wave|waves|brandish|brandishes|invoke|invokes|point\s+to|lean\s+on|trade\s+on)\s+(?:their|its|the)\s+(?:AI\s+)?(?:Alliance\s+)?(?:membership|affiliation|logo|badge|seal)\b/i;
/** "Joining the AI Alliance puts us alongside…": the joiner's pitch, quoted or not. */
export const JOINING_PITCH = /^[\s"“'‘]*joining\s+the\s+(?:AI\s+)?Alliance\s+(?:puts|gives|lets|helps|allows|brings|offers|connects|opens)\b/i;
const SELF_REPORT = /^(?:we|i)(?:['’]ve|\s+have)?\s+(?:now\s+|already\s+)?(?:seen|noticed|heard|checked|reviewed|compared|tested|looked|asked|read|spoke|evaluated|wrote|collected|gathered|tracked|used|met|visited|attended|interviewed|sampled|surveyed|analy[sz]ed|coded|counted|examined|scraped|downloaded|did\s+not\s+interview)\b|\b(?:we|I)\s+(?:profile|feature|highlight|interview|cover|track|round\s+up|summari[sz]e)\b|\b(?:require|requires|need|needs)\s+our\s+own\b/i;
const CHANGELOG = /^(?:added|fixed|removed|updated|changed|improved|bumped|refactored|deprecated|renamed|dropped)\b/i;
const TITLE_LIKE = /^(?:how|why|what|when|where|who|which|inside|understanding|about|on|a\s+guide|guide|notes?\s+on|faq|q&a|questions)\b/i;
// "How to read the Alliance's licence defaults": a learning objective or a title, not a statement.
const HOW_TO = /^how\s+to\b/i;
const SPECULATION = /\b(?:(?:the|an?)\s+(?:open\s+|real\s+|key\s+)?question\s+(?:is|remains)\s+(?:whether|if|how)|(?:test|challenge|uncertainty|unknown)(?:\s+(?:for|of|facing)\s+[^,.;]{1,40}?)?\s+(?:is|remains|will\s+be)\s+(?:whether|if)\b|question\s+of\s+whether|(?:it\s+is|it['’]s)\s+(?:not\s+)?(?:yet\s+|still\s+)?(?:un)?clear\s+(?:whether|if|how)|remains\s+to\s+be\s+seen|remains\s+unclear|unclear\s+whether|may\s+(?:eventually|one\s+day|someday)|might|could\s+(?!not\b)\w+|may\s+(?:change|shift|evolve|break|move)|^[^,;]{0,120}\bmay\s+(?:still|yet)\s+(?:change|shift|evolve|break|move)\b|the\s+risk\s+is\s+that|perhaps|possibly|conceivably|it\s+is\s+possible\s+that|open\s+question|speculat\w*|whether\s+.{0,80}\s+(?:remains|is\s+(?:still\s+)?(?:unknown|uncertain|unclear)))\b/i;
const OPINION = /\b(?:genuinely|really|truly|pretty|quite|very)\s+(?:good|great|useful|solid|impressive|helpful|excellent|bad|poor|weak|nice)\b|(?:^(?:i|we)\s+(?:still\s+|really\s+|also\s+|honestly\s+|genuinely\s+)?(?:think|believe|feel|argue|suspect|expect|hope|would\s+argue|love|like)\b|\b(?:in\s+(?:my|our)\s+(?:view|opinion)|arguably|to\s+be\s+fair|frankly|honestly|i\s+think|we\s+think|i\s+believe|we\s+believe|matters\s+because|(?:it|this|that)\s+matters|deserves?|is\s+worth\s+watching|should\s+be\s+watched|impressive|laudable|admirable|exciting|encouraging|disappointing|worrying|troubling|welcome\s+(?:step|move|development)|most\s+(?:visible|important|interesting|ambitious|significant|notable|promising)|the\s+useful\s+posture|(?:is|are)\s+(?:well\s+)?worth|no\s+exception|more\s+\w+\s+than\s+any|argued|argues|contends|contended|opined|op-ed|editorial)\b)/i;
// Aspirations: "We are making it as easy as possible…", "Of special interest are…".
const ASPIRATION = /\b(?:we|our\s+\w+)\s+(?:are|['’]re|is)\s+(?:making\s+it|trying\s+to|working\s+(?:hard\s+)?to|striving\s+to|aiming\s+to)\b|^of\s+(?:special|particular)\s+interest\b/i;
// "…is not to be confused with the AI Infrastructure Alliance": telling organisations apart.
const DISAMBIGUATION = /\b(?:not\s+to\s+be\s+confused|should\s+not\s+be\s+confused|(?:is|are)\s+(?:sometimes\s+|often\s+)?confused\s+with|unrelated\s+to|no\s+relation\s+to|(?:a\s+)?different\s+(?:body|organi[sz]ation|group)\s+from)\b/i;
// A glossary entry: "Open weights — Model parameters published for download…".
const DEFINITION = /^[^—–.!?]{2,50}\s[—–]\s+(?:an?|the)\s+\w+/i;
// "Membership doesn't work like that": a rebuttal, not a fact.
const REBUTTAL = /^that(?:['’]s|\s+is)\s+not\s+how\b|\b(?:does|do)\s*n['’]?o?t\s+work\s+(?:like\s+that|that\s+way)\b|\b(?:does|do|did)\s*n['’]?o?t\s+(?:tell|mean|show|prove|guarantee|imply)\s+(?:you\s+)?(?:that\s+)?/i;
// An action item in minutes: "Priya: draft the summary by Friday", "Lee: TODO check the count".
const ACTION_ITEM = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*)?\s*:\s*(?:[Tt]o\s+)?(?:draft|write|send|ask|check|verify|review|update|prepare|follow\s+up|schedule|share|circulate|contact|reach\s+out|look\s+into|investigate|confirm|set\s+up|organi[sz]e|book|file|post|publish|TODO|todo)\b/u;
// Working notes left in a draft.
const NOTE = /^(?:todo|fixme|xxx|tbd|note\s+to\s+self)\b|^we\s+(?:found\s+no|could\s*(?:not|n['’]t)\s+find|did\s*(?:not|n['’]t)\s+find|were\s+unable\s+to\s+find)\b|^(?:(?:the\s+)?facts|figures|claims|statements|(?:this|the)\s+(?:article|table|brief|page|post|piece|report|section))\s+(?:[\w\s]{0,40}?\s+)?(?:were|was|have\s+been|has\s+been)\s+(?:checked|verified|fact-checked)\s+(?:against|with)\b/i;
// "We welcome contributions", "Join us!", "we want your input": invitations, not facts.
const INVITATION = /\b(?:is|are)\s+open\s+to\s+(?:everyone|anyone|all|the\s+public)\b|^(?:we\s+(?:welcome|invite|encourage|are\s+(?:looking\s+for|seeking|always\s+looking|eager|keen|happy\s+to\s+(?:help|hear)))|(?:contributions|participation|feedback|pull\s+requests|prs|ideas)\s+(?:are|is)\s+(?:\w+\s+)?welcome|help\s+wanted|join\s+us)\b|\bwe\s+(?:want|need|would\s+love|['’]d\s+love)\s+(?:your|to\s+hear|help)\b|\bwe\s+need\s+your\s+help\b/i;
// Corrections and retractions report earlier text without asserting it.
const CORRECTION = /^correction\b|\b(?:this|the)\s+(?:article|story|post|piece|report|page|item)\s+(?:originally|previously|initially|incorrectly|wrongly|mistakenly)\s+(?:said|stated|reported|claimed|gave|listed|described|called)\b|\b(?:an?\s+)?(?:earlier|previous|prior)\s+version\s+of\s+(?:this|these)\b|^(?:last\s+week|previously|earlier)\s*,?\s+we\s+(?:wrote|said|reported|stated)\b|\bwe\s+(?:wrongly|mistakenly|incorrectly)\s+(?:wrote|said|reported|stated)\b/i;
// What others asked: "Several groups have asked whether…", "One lab asked us to skip…".
const REPORTED_ASK = /\b(?:asked|ask|asks|wondered|wonder|wonders|asking)\s+(?:us\s+|me\s+|them\s+|him\s+|her\s+)?(?:whether|if|how|what|why|which|to)\b/i;
// Page furniture: "Last reviewed 2026-10-20", "Owner: … · Status: living document", bylines
// ("Jane Doe · Weekly Dispatch · June 9, 2026"), provenance and disclosure notes.
const BANNER = /\blast\s+(?:reviewed|updated|update|modified|edited|revised|checked)\b|\bstatus:\s*(?:living|draft|work\s+in\s+progress)|\s[·•]\s|^by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|·•]|$)|^(?:imported|syndicated|republished|reprinted|cross-posted|originally\s+published|this\s+(?:story|article)\s+(?:first|originally)\s+appeared)\b|^disclosure\s*:|\b(?:is\s+an?|are)\s+(?:registered\s+)?trademarks?\s+of\b|\btrademarks?\s+of\s+(?:its|their)\s+respective\s+owners?\b|^(?:©|\(c\)|copyright\b)|^(?:the\s+)?(?:content|text|material|everything)\s+(?:on|of|in)\s+this\s+(?:page|site|post|website)\s+is\s+(?:available|licensed|published|released)\s+under\b/i;
// "Welcome to the project", "Thank you for attending": greetings.
const GREETING = /^(?:welcome\s+(?:to|aboard|back)\b(?![^.]*,\s+(?:an?|the)\s+[^.]*\b(?:by|from|Alliance|project|initiative)\b)|thank\s+you\b|thanks\s+for\b|many\s+thanks\b|we\s+(?:would\s+(?:also\s+)?like\s+to\s+|also\s+|warmly\s+)?thank\b|(?:special\s+|many\s+|our\s+)?thanks\s+(?:go\s+|also\s+)?to\s+(?:the\s+|our\s+|all\s+)?(?:[\w&-]+\s+){0,6}?(?:maintainers|contributors|team|teams|community|colleagues|reviewers|volunteers|organi[sz]ers|speakers|sponsors|hosts|friends|everyone|all|members)\b|thanks\s+to\s+(?:everyone|all|our|you|the\s+[\w\s&-]{1,60}?\s+for)\b|hello\b|hi\b|greetings\b|congratulations\b)/i;
// "Whether X will … is not yet clear", "… was not confirmed": an open question stated as one.
const OPEN_QUESTION = /^whether\b[^.]*\b(?:is|remains)\s+(?:the|an?|one)\s+(?:[\w-]+\s+){0,2}question\b|^whether\b[^.]*\b(?:is|was|remains|remained)\s+(?:not\s+(?:yet\s+)?(?:clear|known|certain|settled|decided|confirmed|public)|(?:still\s+|yet\s+)?(?:unclear|unknown|uncertain|undecided|open|unconfirmed|anyone['’]s\s+guess))\b|\bis\s+anyone['’]s\s+guess\b/i;
// A heading that asks ("Can we run AI Alliance models on Halcyon? Notes from…").
const ASKING_HEADING = /^(?:can|could|does|do|did|is|are|was|were|should|will|would|may|has|have|how|what|why|when|where|who|which|whether)\b[^?]{0,200}\?/i;

// A programme entry: a talk's title, its speaker in parentheses, what the talk does ("adapting…").
const PROGRAMME_ENTRY = /^[^()]{3,100}?\s\((?:(?:Dr\.?|Prof\.?)\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}(?:,\s*[^()]{2,80}?(?:\([^()]*\)[^()]*)?)?\)\s*:\s+\p{Ll}+ing\b/u;

// '"We are not a certification body": a conversation with…', 'Claim 2: "…"': a heading that quotes.
const QUOTED_TITLE = /^(?:#+\s*)?["“][^"”]{8,}["”]\s*[:—–-]\s*(?:an?\s+|the\s+|our\s+)?(?:[\w-]+\s+){0,2}(?:conversation|interview|q\s*&\s*a|talk|chat|profile|podcast|episode)\b|^(?:#+\s*)?(?:viral\s+)?(?:claim|myth|rumou?r)\s*\d*\s*:\s*["“]/i;

// A press release's deck: "Company to contribute its Basalt Eval harness to the Open Agent Hub".
const HEADLINE_FUTURE = /^(?:[A-Z][\w&.'’-]*\s+){1,4}to\s+(?:contribute|join|launch|release|open|expand|build|host|lead|donate|invest|fund|bring|add)\b/;
// "We're pleased to welcome Quarry Peak": a welcome, in someone's quoted words.
export const QUOTED_WELCOME = /^(?:we(?:['’]re|\s+are)\s+(?:so\s+|very\s+)?(?:pleased|delighted|thrilled|excited|happy|proud|glad)\s+to\s+welcome|welcome\s+(?:aboard|to\s+the\s+(?:community|family)))\b/i;

// Quote marks, emphasis, bullets and dashes before a sentence's first word.
const LEADING_MARKS = /^[\s>*_"“'‘(\-–—•]+/;

export type NonClaimKind = 'question' | 'instruction' | 'navigation' | 'note' | 'definition' | 'invitation' | 'greeting' | 'correction' | 'reported question' | 'banner' | 'self-report' | 'changelog' | 'title' | 'opinion' | 'speculation';

/** Whether every clause of a sentence is a caution ("Membership is not an audit; it tells you nothing about safety"). */
export function isCaution(text: string): boolean {
  return cautions(text.replace(LEADING_MARKS, ''));
}

/** isCaution on a sentence already stripped of its leading marks. */
function cautions(t: string): boolean {
  return REBUTTAL.test(t) || t.replace(CAUTION_LEAD, '').split(/;|,\s+(?:but|and|while|whereas)\s+/).every((clause) => CAUTION.test(clause));
}

/** The kind of non-claim a sentence is, if it is one. */
export function nonClaimKind(text: string, titleLike = false): NonClaimKind | undefined {
  const t = text.replace(LEADING_MARKS, '');
  if (QUESTION.test(t) || (titleLike && ASKING_HEADING.test(t))) return 'question';
  if (HOW_TO.test(t) || PROGRAMME_ENTRY.test(t) || HEADLINE_FUTURE.test(t)) return 'title';
  // "AI Alliance unveils Project Tapestry: what it is" states before it asks.
  if (titleLike && QUOTED_TITLE.test(text.trim())) return 'title';
  if (titleLike && (TITLE_LIKE.test(t) || /\b(?:what|how|why|whether)\s+\p{L}+/iu.test(t.split(':')[0]))) return 'title';
  // "Run by: the AI Alliance" is a fact box's key, not an order.
  if ((INSTRUCTION.test(t) && !/^\w+\s+by\s*:/i.test(t)) || afterLeadingClause(t).some((rest) => INSTRUCTION.test(rest))) return 'instruction';
  if (NAVIGATION.test(t) || POINTER.test(t) || WHERE_TO_READ.test(t)) return 'navigation';
  if (NOTE.test(t) || ACTION_ITEM.test(t)) return 'note';
  if (DEFINITION.test(t)) return 'definition';
  // Every clause must be the caution: "The Alliance is not a regulator; its page says nothing about…" states a role.
  if (cautions(t) || CHARACTERISATION.test(t) || REACTION.test(t) || EVENT_REPORT.test(t) || MARKETING_REPORT.test(t)) return 'opinion';
  if (DISAMBIGUATION.test(t)) return 'navigation';
  if (INVITATION.test(t) || ASPIRATION.test(t)) return 'invitation';
  if (GREETING.test(t)) return 'greeting';
  if (CORRECTION.test(t)) return 'correction';
  // "…asked whether X, given that IBM co-founded the Alliance" still asserts what it takes as given.
  if (REPORTED_ASK.test(t) && !/\bgiven\s+that\b/i.test(t)) return 'reported question';
  // A disclosure that the writer's employer is a member still states who is a member.
  if (BANNER.test(t) && (t.split(/\s+/).length < 25 || /^disclosure\s*:/i.test(t)) && !/^disclosure\s*:.*\bmembers?\s+of\s+the\s+(?:AI\s+)?Alliance\b/i.test(t)) return 'banner';
  if (OPEN_QUESTION.test(t)) return 'speculation';
  // "We checked its OSAID status ourselves: it does not meet…" goes on to assert what was found.
  if (SELF_REPORT.test(t) && !/:\s+\S/.test(t)) return 'self-report';
  if (CHANGELOG.test(t)) return 'changelog';
  if (OPINION.test(t)) return 'opinion';
  if (SPECULATION.test(t)) return 'speculation';
  return undefined;
}

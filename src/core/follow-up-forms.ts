/** The shapes of follow-up turns, as patterns over the normalised text (read by conversation.ts). */

import { ORDINAL_WORDS } from "./words.ts";

/** "tell me more", "more", "go on": the whole topic of the previous answer. */
export const MORE =
  /^(?:(?:ok|okay|yes|sure|great|thanks|cool|and)\s+)?(?:tell me more|tell me more about (?:that|this|it|those|them)|more about (?:that|this|it)|more (?:detail|details|info|information) (?:on|about) (?:that|this|it|that one|this one)|more on (?:that|this|it|that one|this one)|more|more please|more pls|more info|more detail|more details|go on|keep going|continue|expand|elaborate|details|full answer|the rest|show me more|can you expand|say more|like what|for what|what for|such as|examples|example|an example|for example|for instance|give me examples|give me an example|an example please|examples please|any examples|what else|what else then|anything else|any others|what others|others|what are the others|and the others|and the rest)$/;
/** "more detail on that", "tell me more about it": more on the one thing just shown. */
export const MORE_ON_IT = /\bmore\b.{0,20}\b(?:on|about) (?:that|this|it|that one|this one)$/;
/** "which source says that?", "says who?": where the previous answer came from. */
export const SOURCES =
  /\b(which|what) (source|sources|site|sites|website|websites)\b|\bsays who\b|\bwho says\b|\bsource\b|\bsources\b|\bcitation\b|\bwhere (is|does|did|do) (that|this|it|those|these|the \w+(?: \w+)?) (figures? |numbers? )?(from|come from|comes from)\b|\bwhere did you get (that|this)\b|\bwhere (does|did) (it|that|this) say\b|\bwhere (is|was) (that|this|it) (said|stated|written|mentioned)\b|\bwhere did you (read|see|find) (that|this|it)\b|\bwheres (that|this|it|the [\w ]{1,20}?) (from|come from)\b|\b(which|what) (figure|figures|number|numbers|data) (comes?|came) from\b|\bwho(?:s| is)? (?:that|this|it|those|these) (?:from|by)\b/;
/** "which source says upper management?", "and which one mentions billing?": the source of one thing said before. */
export const WHICH_SOURCE_SAYS =
  /^(?:(?:and|so|ok|okay)\s+)?(?:which|what|whose) (?:source|sources|one|ones|site|article|document|page)s? (?:says?|said|mentions?|mentioned|lists?|listed|gives?|gave|talks? about|covers?|has|uses?|calls? it)\s+\S/;
/** "why?", "how come?": the reason behind the previous answer. */
export const WHY =
  /^(?:(?:ok|okay|and|but|so|hmm)\s+)?(?:why|how come|how so|whys that|why is that|why so|why would that be|what is the reason|reason|(?:whats|what is) (?:driving|behind|causing) (?:it|that|this)|what (?:drives|causes|explains) (?:it|that|this))\b/;
/** "how long does that take?": the time the path needs. */
export const HOW_LONG =
  /^(?:(?:and|ok|so)\s+)?how (?:long|much time) (?:does|would|will|did|do) (?:that|it|this|they|i|you) (?:take|need)\b|^(?:(?:and|ok|so)\s+)?how many (?:years|yrs) (?:does|would|will) (?:that|it|this) take\b|^how long$/;
/** The previous answer, pointed at: "that", "this", "it", or a bare "source?". */
export const POINTER =
  /\b(that|this|it|its|those|these|them)\b|\b(which|what) (figure|figures|number|numbers)\b|\bthe (average|figure|number|range|score|rate|percentage|data|stat|stats|growth figure)\b|^(?:which |what )?(source|sources)$|^(says who|who says)$/;
/** Words that open a turn leaning on the one before ("and in Canada?", "what about…"). */
export const CONTINUES =
  /^(?:and|what about|how about|what of|same for|same in|ok and|okay and|but|also|what if|and what about|and how about|then|so)\b/;
/** "what's the full range then?": a question on the same topic that carries on from the answer before. */
export const ENDS_CARRYING_ON = /\b(?:then|there|too|as well)$/;
/** "over what period?", "since when?", "what year is that from?": the previous answer, whose figures carry their dates. */
export const WHEN =
  /^(?:(?:and|ok|okay|so)\s+)?(?:(?:over|for|in|during)\s+)?(?:what|which) (?:period|time ?frame|timeframe|time span|years?|dates?)\b|^(?:since|by|until|from) when\b|^(?:and |so |ok |okay )?when (?:was|is|does|did) (?:that|it|this)\b|^what year\b|^(?:and |so )?when$|^(?:and |so )?by (?:what|which) (?:year|date)\b|^(?:and |so |ok )?how (?:old|recent|current) (?:is|are) (?:that|it|this|those|these)(?: figure| number| data| figures| numbers)?$/;
/** "and what do the other sources say?", "do the sources agree?": the previous topic with every source's view. */
export const OTHER_SOURCES =
  /\b(?:other|rest of the|remaining) sources?\b|\b(?:what|how) (?:each|every|all the|all) sources? (?:says?|said|gives?|puts? it)\b|\b(?:each|every) sources? (?:views?|take|figures?|numbers?)\b|^(?:and |so |ok )?(?:per|by) sources?$|\bsources? (?:agree|disagree|differ)\b|\b(?:everyone|anyone) else\b|^(?:and |so |ok )?(?:any|is there any|are there any|is there a|what) (?:disagreements?|differences?|conflicts?|contradictions?)(?: between them| there)?$|^(?:and |so )?(?:do|does) (?:they|the sources|all of them|all sources) (?:all )?(?:agree|disagree|differ)$/;
/** "is that more than…", "does it…": the turn is about the previous answer. */
export const POINTS_BACK =
  /^(?:is|was|does|how does|would|is it|and is) (?:that|it|this|those|these)\b|^(?:and )?(?:compared (?:to|with)|vs|versus|against|relative to|how does (?:that|it) compare)\b/;

/** "the second one", "tell me more about the third", "2nd?", "the last one": one item of the previous answer's list. */
export const ORDINAL =
  /^(?:(?:and|ok|okay|so|tell me|more|what|explain|about|on|is|the|whats|what is|about the)\s+)*(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|last|1st|2nd|3rd|4th|5th|6th|7th|runner up|number (?:one|two|three|four|five|\d)|(?:mistake|item|step|tip|trade ?off|skill|kpi|point|no|#) \d)(?:\s+(?:one|item|point|mistake|trade ?off|skill|kpi|step|reason|thing|on the list|tip|duty|measure|metric|goal|challenge|bullet|option|factor|lesson))?(?:\s+(?:about|mean|means|then|please|pls))?$/;
const ORDINALS: Readonly<Record<string, number>> = {
  ...ORDINAL_WORDS,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  "runner up": 2,
};
/** The item an ordinal points at: 1 for "first", -1 for "last", null when the text names none. */
export function ordinalOf(text: string): number | null {
  const m = ORDINAL.exec(text);
  if (!m) return null;
  const word = m[1]!.replace(/^(?:number|mistake|item|step|tip|trade ?off|skill|kpi|point|no|#) /, "");
  return ORDINALS[word] ?? (/^\d$/.test(word) ? Number(word) : null);
}

/** "the top of the range there", "in there": the place the previous answer was about. */
export const THERE = /\b(in|over|out|from) there\b|\bthere$/;

/** "sum it up in one line", "tldr": the previous topic's short answer. */
export const SUM_UP =
  /^(?:(?:ok|okay|so|can you|could you|pls|please)\s+)*(?:sum (?:it|that|this) up|summari[sz]e(?: (?:it|that|this))?|tl ?dr|short version|(?:a |in a |as a )?one ?liner|(?:a |the )?(?:quick )?summary|give me the short version|in short|(?:in|on) (?:one|a) (?:line|sentence)|shorter|briefly|in brief|(?:give me|say|put) (?:that|it|this) (?:in (?:one|a) (?:line|sentence)|shorter|briefly))(?:\s+(?:in|on) (?:one|a) (?:line|sentence))?(?:\s+(?:please|pls))?$/;
/** A turn that leans on the previous answer through a pronoun ("does that include…", "did anyone check it?"). */
export const PRONOUN = /\b(it|that|this|those|these)\b/;

/** "which one…", "how many have one?", "of them": the turn points at the previous answer's items. */
export const REFERS =
  /\bwhich one\b|^(?:and |so )?(?:is|are|isnt|arent) (?:\w+ ){1,3}(?:one|one of them|on (?:the|that) list|in there|included|among them)$|\b(have|has|hold|holds|get|gets) one\b|\bof (them|those|these)\b|\bthe (first|second|third|last) one\b/;

/** "and for the typical US job?", "what about the whole workforce?": the all-jobs average beside what was just shown. */
export const ALL_JOBS =
  /\b(typical|average|normal|regular|other|all|whole|overall|rest of the)\s+(us |u s |american )?(job|jobs|workers?|workforce|occupations?|employees?|careers?)\b|\b(us|american|national) (workforce|average)\b/;

/** "is there a range as well?", "and bonuses too?": a turn that adds to the previous question. */
export const AS_WELL = /\b(as well|too)$/;

/** "what percent?", "what share?", "what does that mean in words?", "in plain words?": the previous answer again, read for that. */
export const READ_AGAIN =
  /^(?:and |so |ok )?(?:what|which) (?:percent|percentage|share|score|number|figure)$|^(?:and |so |ok )?what does (?:that|it|this|the score|the rating) (?:mean|stand for)(?: in (?:words|plain english|practice))?$|^(?:(?:ok|okay|so|and|now|can you|could you|pls|please|say|explain|put)\s+)*(?:(?:it|that|this)\s+)?(?:in (?:plain|simple|simpler|everyday|normal|layman s|laymans|lay) (?:words|english|terms|language)|more simply|simply|in english|eli5|dumb (?:it|that) down)(?:\s+(?:please|pls))?$/;

/** "numbers?", "which teams exactly?", "how often?", "on what?": the previous answer again, read for its particulars. */
export const PARTICULARS =
  /^(?:and |so |ok )?(?:the |any )?(?:numbers|figures|stats|percentages?|the numbers|any numbers|figures please)$|^(?:and |so |ok )?(?:which|what) (?:\w+ )?(?:exactly|specifically|precisely)$|^(?:and |so |ok |but )?(?:how often|on what|about what|like what|with whom|with who|for what|in what way|such as|on which topics|covering what)$/;

/** "any pitfalls?", "what's the risk?", "what does each side offer?": asked of the one thing just shown. */
export const OF_THE_ONE =
  /^(?:(?:and|so|ok|okay|but)\s+)?(?:any|what are the|whats the|what is the|the|what s the|whats the big|what is the big|any big)\s*(?:pitfalls?|risks?|downsides?|catch|drawbacks?|dangers?|upsides?|benefits?)(?: (?:of|with|in) (?:it|that|this))?$|^(?:and |so )?what (?:does|do) (?:each|both) (?:side|sides|option|options|one)? ?(?:offer|bring|give|mean)$/;

/** "explain that", "can you explain it?": the previous answer explained; after one item, that item and its reason. */
export const EXPLAIN =
  /^(?:(?:ok|okay|so|can you|could you|pls|please|huh|hm|hmm|eh|sorry|wait)\s+)*explain(?: (?:that|it|this|that one|this one))?(?: (?:please|pls|more|a bit|further|again))?$/;

/** "anything about empathy?", "does it mention budgets?": a turn asking what the previous topic says about something. */
export const WITHIN =
  /^(?:(?:and|so|ok|okay)\s+)?(?:(?:is there |was there )?(?:anything|something|any mention|mention of)(?: (?:said|there|in there))? (?:about|on|regarding|of)|(?:does|did) (?:it|that|this|that list|the list|the answer) (?:say anything about|mention|cover|include))\b/;

/** "why do the numbers differ?", "why are they different?": the previous answer again, which sets the figures side by side. */
export const DIFFER =
  /^(?:(?:ok|okay|and|but|so)\s+)?(?:why|how come) (?:two|2|different|so many|several) (?:numbers|figures|growth figures|rates|percentages)\b|^(?:(?:ok|okay|and|but|so)\s+)?(?:why|how come)\b.{0,25}\b(?:numbers|figures|sources|they|these|those|estimates|stats|percentages|rates)\b.{0,15}\b(?:differ|different|disagree|dont match|not the same|inconsistent)\b/;

/** "do I actually need one?", "is it required?": the previous answer (a degree, experience) read as a yes or no. */
export const NEED_IT =
  /^(?:(?:ok|okay|and|but|so)\s+)?(?:do|would|will|must) (?:i|you|we|they) (?:really |actually |even |still )?(?:need|require|have to (?:get|have)) (?:one|it|that|them|those)\b/;

/** "which is better?", "so which one is right?": a choice between the sides just shown. */
export const WHICH_BETTER =
  /^(?:(?:ok|okay|and|but|so)\s+)?(?:which|what) (?:one |option |model |side )?(?:is|s|would be|should (?:i|we) (?:pick|choose|go for)) ?(?:better|best|right|the right one|preferable|the better one|the best one)?$/;

/** "why is the first one bad": the position a longer turn points at in the previous list. */
export function ordinalIn(text: string): number | null {
  const m = /\b(first|second|third|fourth|fifth|sixth|seventh|last|1st|2nd|3rd|4th|5th|6th|7th)\b/.exec(text);
  return m ? (ORDINALS[m[1]!] ?? null) : null;
}

/** "example?", "for instance?": after one item picked, that item is the example. */
export const EXAMPLE =
  /^(?:(?:an?|any|some|give me an?|for)\s+)?(?:example|examples|instance)s?$|^like what$|^such as$/;

/** "is that a lot?", "is it good?": the figure just shown against the all-jobs average. */
/** "which currency are those in?": the figures just shown give theirs. */
export const CURRENCY = /\b(which|what) currenc(y|ies)\b|\bin (which|what) currency\b|^(and )?currency$/;
export const MUCH =
  /^(?:(?:and|so|ok|but)\s+)?(?:is|isnt|was) (?:that|it|this) (?:a lot|much|good|high|low|decent|a good salary|good pay|high or low|above average|below average|well paid|a lot of money)$/;

/** "how big?", "how much are they?" after bonuses: the size of what was just named. */
export const HOW_BIG =
  /^(?:(?:and|so|ok)\s+)?how (?:big|much|large|high)(?: (?:are|is) (?:they|it|those|these|that))?(?: (?:typically|usually|normally|on average))?$/;

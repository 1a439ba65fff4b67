/**
 * Conversations: a follow-up is read against the turn before it. Pure: the previous turn's state
 * comes in, the reading of this turn and the state to keep go out; the engine stores the state
 * through the store port with a TTL.
 *
 * - "and in Canada?", "what about entry level?", "per hour?", "and India?": the previous question
 *   again with the new country, level or period (declined, naming it, where no source covers it).
 * - "why?", "which source says that?", "how long does that take?", "more": about the previous answer.
 * - Anything that is a question of its own is answered on its own, even mid-conversation.
 */
import { z } from "zod";
import { type Codec, jsonCodec, versioned } from "./codec.ts";
import {
  ALL_JOBS,
  AS_WELL,
  CONTINUES,
  CURRENCY,
  DIFFER,
  ENDS_CARRYING_ON,
  EXAMPLE,
  EXPLAIN,
  HOW_BIG,
  HOW_LONG,
  MORE,
  MORE_ON_IT,
  MUCH,
  NEED_IT,
  OF_THE_ONE,
  OTHER_SOURCES,
  ordinalIn,
  ordinalOf,
  PARTICULARS,
  POINTER,
  POINTS_BACK,
  PRONOUN,
  READ_AGAIN,
  REFERS,
  SOURCES,
  SUM_UP,
  THERE,
  WHEN,
  WHICH_BETTER,
  WHICH_SOURCE_SAYS,
  WHY,
  WITHIN,
} from "./follow-up-forms.ts";
import { LEVELS, type Level } from "./model/common.ts";
import { levelForYears, type RouteResult } from "./router/router.ts";
import type { Reply, Slots } from "./types.ts";

export interface ConversationState {
  v: 1;
  /** The intent last answered, with the slots it was answered with. */
  intent: string;
  slots: Slots;
  /** The facts the last answer led with, and the sources it cited. */
  facts: string[];
  sources: string[];
  /** The question's canonical terms ("gender", "range"): a follow-up keeps asking about the same. */
  terms: string[];
  /** The answer was one item picked from a list ("the fourth one"): a "why?" is about that item. */
  picked?: boolean;
  /** When it was saved, in ms (the store's TTL is what expires it). */
  at: number;
}

/** A question answered on its own: the reply, and how the router read it. */
export interface Answered {
  reply: Reply;
  routing: RouteResult;
}

/** A turn answered in its conversation. */
export interface Conversed extends Answered {
  follow: FollowUp;
  /** The previous turn's topic, when this turn was read as a follow-up to it. */
  context?: string;
  /** The state to keep for the next turn (null: nothing to remember). */
  state: ConversationState | null;
}

export type FollowUp =
  /** A question of its own. */
  | { kind: "fresh" }
  /** The previous question with these slots. */
  | { kind: "refine"; intent: string; slots: Slots; terms: string[] }
  /** The whole topic of the previous answer. */
  | { kind: "more"; intent: string; slots: Slots }
  /** Where the previous answer came from. */
  | { kind: "sources"; state: ConversationState }
  /** The reason behind the previous answer: the intent that explains it. */
  | { kind: "why"; intent: string; slots: Slots; facts: string[] }
  /** "How long does that take?": how much experience the path needs. */
  | { kind: "how-long"; intent: string; slots: Slots }
  /** "The second one": one item of the previous answer's list (1-based; -1 for the last). */
  | { kind: "item"; index: number; state: ConversationState; count?: number }
  /** "Over what period?", "do the sources agree?": the previous answer again, with its dates and every source. */
  | { kind: "again"; intent: string; slots: Slots; terms: string[]; facts?: string[] };

/** Slot dimensions a previous topic may or may not take (an intent's `slots`). */
type Dimension = "country" | "level" | "period" | "aspect";

/**
 * How this turn relates to the previous one.
 * @param accepts the slot dimensions an intent's answer changes with (its `slots`)
 */
export function readFollowUp(
  routing: RouteResult,
  previous: ConversationState | null,
  accepts: (intent: string) => readonly string[] = () => [],
  mentions: (intent: string, terms: readonly string[]) => boolean = () => false,
  named: (previous: ConversationState, text: string) => number | null = () => null,
  sourceAlone: (routing: RouteResult) => string | undefined = () => undefined,
): FollowUp {
  if (!previous) return { kind: "fresh" };
  // "source pls", "and canada thx": a closing courtesy says nothing about the turn.
  const text = routing.normalized.replace(COURTESY, "");
  const words = text.split(" ").filter(Boolean);
  const unplaced = unplacedTurn(routing);
  // "example?" after one item picked: that item is the example.
  if (previous.picked && EXAMPLE.test(text)) return againShown(previous);
  // "and its share?" after one item picked: that item's own figure, which its line gives.
  if (previous.picked && words.length <= 6 && ITS_FIGURE.test(text)) return againShown(previous);
  // "more detail on that" after one item picked: that item, which is all the sources say of it.
  if (previous.picked && MORE_ON_IT.test(text)) return againShown(previous);
  if (MORE.test(text)) return { kind: "more", intent: previous.intent, slots: previous.slots };
  if (SUM_UP.test(text)) return { kind: "again", intent: previous.intent, slots: previous.slots, terms: [] };
  // "just the top 3": the first items of the previous answer's list.
  const count = words.length <= 7 ? FIRST_FEW.exec(text) : null;
  if (count) return { kind: "item", index: 1, count: COUNTS[count[1]!] ?? Number(count[1]), state: previous };
  const index = words.length <= 8 ? ordinalOf(text) : null;
  if (index !== null) return { kind: "item", index, state: previous };
  // "and KPIs?" after a list that names KPIs: that item.
  const item = words.length <= 6 ? named(previous, text) : null;
  if (item !== null) return { kind: "item", index: item, state: previous };
  // "zippia?", "what does cityjobs say?" after a topic: that topic through the source named.
  // "is that from zippia?" asks where the last answer came from instead.
  const lens =
    previous.intent !== "sources" && words.length <= 6 && !ASKS_OF_THAT.test(text) ? sourceAlone(routing) : undefined;
  if (lens)
    return {
      kind: "refine",
      intent: previous.intent,
      slots: previous.slots,
      // The source named now replaces one named before ("zippia?", then "and cityjobs?").
      terms: [...previous.terms.filter((t) => !t.startsWith(SOURCE_TERM)), `${SOURCE_TERM}${lens}`],
    };
  if (words.length <= 8 && OTHER_SOURCES.test(text))
    return { kind: "again", intent: previous.intent, slots: previous.slots, terms: previous.terms };
  // "When?": the facts just shown, whose figures and labels carry their dates.
  if (words.length <= 8 && WHEN.test(text)) return againShown(previous);
  // "who wrote it?", "what data do they use?" after an answer about one source: that source.
  const oneSource = previous.intent === "sources" && previous.sources.length === 1 ? previous.sources[0] : undefined;
  if (
    oneSource &&
    !routing.quoted &&
    words.length <= 8 &&
    (routing.intent === "sources" || unplaced || SOURCES_OWN.test(text)) &&
    !routing.analysis.terms.has("_by_source") &&
    !NAMES_A_SOURCE.test(text) &&
    !ACROSS_SOURCES.test(text)
  )
    return {
      kind: "refine",
      intent: "sources",
      slots: previous.slots,
      terms: [...[...routing.analysis.terms].filter((t) => !t.startsWith("_")), `${SOURCE_TERM}${oneSource}`],
    };
  // "which source is highest?": which of the figures just shown, not where they came from.
  if (words.length <= 6 && SOURCES.test(text) && SUPERLATIVE.test(text))
    return {
      kind: "refine",
      intent: previous.intent,
      slots: previous.slots,
      terms: [...previous.terms, ...[...routing.analysis.terms].filter((t) => !t.startsWith("_") && t !== "source")],
    };
  // "why do the numbers differ?": the previous answer, which sets them side by side.
  if (words.length <= 8 && DIFFER.test(text)) return againShown(previous);
  if (words.length <= 7 && NEED_IT.test(text)) return againShown(previous);
  // "which is better?" after a trade-off: the answer says what the choice turns on.
  if (words.length <= 7 && WHICH_BETTER.test(text)) {
    if (previous.intent === "tradeoffs") return againShown(previous);
    if (
      mentions(
        "tradeoffs",
        previous.terms.filter((t) => !t.startsWith("_")),
      )
    )
      return { kind: "refine", intent: "tradeoffs", slots: {}, terms: previous.terms };
  }
  // "which source says 104k?" quotes a figure: the facts that give it answer, not the last reply's sources.
  // "which source says upper management?": a source of what the previous answer said, whatever topic the words have.
  if (
    (words.length <= 7 || (words.length === 8 && ASKS_ORIGIN.test(text))) &&
    previous.sources.length > 0 &&
    SOURCES.test(text) &&
    !routing.quoted &&
    (POINTER.test(text) ||
      (WHICH_SOURCE_SAYS.test(text) &&
        mentions(
          previous.intent,
          [...routing.analysis.terms].filter((t) => !t.startsWith("_")),
        )) ||
      !hasTopicOfItsOwn(routing, previous))
  )
    return { kind: "sources", state: previous };
  if (PARTICULARS.test(text) && routing.declineReason !== "uncovered") return againShown(previous);
  // "any pitfalls?" after one trade-off: that trade-off's downside, which its fact gives.
  // After a topic as a whole ("a good career path?"), "and the downside?" is a question of its own,
  // unless that topic's facts speak of it ("what's the risk?" after automation vs human support).
  if (
    previous.facts.length === 1 &&
    OF_THE_ONE.test(text) &&
    (previous.picked ||
      POINTER.test(text) ||
      routing.outcome !== "answer" ||
      routing.intent === previous.intent ||
      mentions(
        previous.intent,
        [...routing.analysis.terms].filter((t) => !t.startsWith("_")),
      ) ||
      // A topic whose facts weigh risks (the trade-offs): "any pitfalls?" is the one just shown.
      mentions(previous.intent, ["risk"]))
  )
    return againShown(previous);
  // "explain that" after one item: that item and the fact that explains it; otherwise the answer again.
  if (EXPLAIN.test(text))
    return previous.picked
      ? { kind: "why", intent: previous.intent, slots: previous.slots, facts: previous.facts }
      : againShown(previous);
  // "why is the first one bad": that item, with its reason.
  const whyItem = WHY.test(text) && words.length <= 8 ? ordinalIn(text) : null;
  if (whyItem !== null) return { kind: "item", index: whyItem, state: previous };
  // "how big?" after bonuses: the size of what was just shown, which the refine declines when no source gives it.
  if (previous.intent === "pay-factors" && HOW_BIG.test(text))
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: [...previous.terms, "_size"] };
  if (PAY_INTENTS.has(previous.intent) && words.length <= 7 && CURRENCY.test(text)) return againShown(previous);
  // "is that a lot?" after a pay figure: against the all-jobs average.
  if (PAY_INTENTS.has(previous.intent) && MUCH.test(text))
    return { kind: "refine", intent: "salary", slots: previous.slots, terms: [...previous.terms, "_vs_worker"] };
  if (words.length <= 6 && WHY.test(text))
    return {
      kind: "why",
      intent: previous.intent,
      slots: previous.slots,
      // One fact shown, picked or asked for: the reason is that fact's.
      facts: previous.picked || previous.facts.length === 1 ? previous.facts : [],
    };
  // "how long does that take?" after one step picked ("training and internships, 6-12 months"): that step.
  if (HOW_LONG.test(text))
    return previous.picked
      ? againShown(previous)
      : { kind: "how-long", intent: previous.intent, slots: previous.slots };

  // "…there" points back only at a place the previous answer was about.
  const there = previous.slots.country !== undefined && THERE.test(text);
  const pointsBack = POINTS_BACK.test(text) || REFERS.test(text) || there;
  // "that seems low, are you sure?": a challenge to the previous answer; alone, that answer again with its sources.
  const challenged = CHALLENGE.exec(text);
  if (challenged && text.slice(challenged[0].length).split(" ").filter(Boolean).length <= 2)
    // "that seems high": the topic again with every source's figure, not only the ones just shown.
    return { kind: "again", intent: previous.intent, slots: previous.slots, terms: previous.terms };
  // "what's the full range then?": a question on the same topic that carries on from the answer before.
  const carriesOn = CONTINUES.test(text) || (ENDS_CARRYING_ON.test(text) && routing.intent === previous.intent);
  const leans = carriesOn || pointsBack || AS_WELL.test(text) || challenged !== null;
  const years = bareYears(text);
  const dimensions = changed(routing, years);
  const fragment = contentWords(routing) <= 3 && (dimensions.size > 0 || hasSlotSignals(routing));
  // A question that names the role and asks something of its own stands alone, even mid-conversation.
  const complete = routing.analysis.roleMentioned && words.length >= 5 && routing.outcome === "answer";
  // "is marketing ok?" after the education answer: a short question the router cannot place on its
  // own, about something the previous topic's facts mention, is about that topic.
  const own = [...routing.analysis.terms].filter((t) => !t.startsWith("_"));
  // "next level up?", "and the level above?" after a level's pay: the next band.
  const next =
    previous.slots.level && words.length <= 6 && NEXT_LEVEL.test(text) ? nextLevel(previous.slots.level) : undefined;
  if (next)
    return {
      kind: "refine",
      intent: previous.intent,
      slots: { ...previous.slots, level: next, years: undefined },
      terms: previous.terms,
    };
  if (READ_AGAIN.test(text)) return againShown(previous);
  // "anything about empathy?" after the skills: what that topic says about it, whatever else the word may name.
  if (words.length <= 7 && own.length > 0 && WITHIN.test(text) && mentions(previous.intent, own))
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: own };
  // "and for the typical US job?" after a rating or a demographic: the all-jobs average of the same.
  if (
    words.length <= 8 &&
    AGAINST_ALL_JOBS.has(previous.intent) &&
    ALL_JOBS.test(text) &&
    !routing.analysis.roleMentioned
  )
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: [...previous.terms, "average"] };
  // "which is lowest?", "and highest?": a superlative about what was just shown.
  const samePay = PAY_INTENTS.has(previous.intent) && PAY_INTENTS.has(routing.intent ?? "");
  // "which is highest" after the scores: of the scores just shown.
  const bare = BARE_SUPERLATIVE.test(text) && (previous.intent === "ratings" || previous.intent === "demographics");
  if (
    words.length <= 4 &&
    (unplaced || routing.intent === previous.intent || samePay || bare) &&
    SUPERLATIVE.test(text)
  ) {
    // "which is best paid?" after the pay bands: the top band (the lowest, for "lowest").
    if (samePay && (previous.slots.level !== undefined || previous.slots.byLevel)) {
      const level: Level = LOWEST.test(text) ? "entry" : "veteran";
      return { kind: "refine", intent: "salary", slots: { ...previous.slots, level, years: undefined }, terms: [] };
    }
    // "most common ethnicity?" after the gender split: the new subject, within the same topic.
    const fresh = AGAINST_ALL_JOBS.has(previous.intent)
      ? own.filter((t) => !previous.terms.includes(t) && mentions(previous.intent, [t]))
      : [];
    return {
      kind: "refine",
      intent: previous.intent,
      slots: previous.slots,
      terms: fresh.length > 0 ? fresh : previous.terms,
    };
  }
  // "who are they for?", "what is it based on?": a short question about the facts just shown, naming nothing new.
  if (words.length <= 6 && unplaced && own.length === 0 && ASKS_OF_IT.test(text)) return againShown(previous);
  if (words.length <= 5 && unplaced && own.length > 0 && mentions(previous.intent, own))
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: [...previous.terms, ...own] };
  // "does that include workforce planning?": a short turn pointing back, about something the previous topic's facts say.
  if (
    words.length <= 8 &&
    PRONOUN.test(text) &&
    !routing.analysis.roleMentioned &&
    // "how is that different from a manager?": another role named is a question of its own.
    routing.analysis.relatedRoles.length === 0 &&
    own.length > 0 &&
    routing.intent !== previous.intent &&
    routing.intent !== "sources" &&
    // "is it a good career?": a question the router answers surely on its own is not about the last answer,
    // but "how many years is that?" after a pay band asks the band's years.
    (routing.outcome !== "answer" ||
      routing.confidence < SURE_ON_ITS_OWN ||
      ((previous.slots.level !== undefined || previous.slots.byLevel === true) && YEARS_ASKED.test(text))) &&
    mentions(previous.intent, own)
  )
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: [...previous.terms, ...own] };
  // "range?", "hourly?": a word or two that only say which figure, about the previous answer.
  const figureWords = words.length <= 2 && own.length > 0 && own.every((t) => SLOT_TERMS.includes(t));
  if (figureWords && routing.intent === previous.intent) {
    const slots = mergeSlots(previous.slots, routing.slots, false);
    // "range?" after the hourly figure: no source gives an hourly range, so the yearly ranges.
    if (own.includes("range") && slots.period === "hour" && !routing.slots.period) delete slots.period;
    return {
      kind: "refine",
      intent: previous.intent,
      slots,
      terms: [...previous.terms.filter((t) => t !== "range" && t !== "average"), ...own],
    };
  }
  if ((complete && !pointsBack && !carriesOn) || (!leans && !fragment)) return { kind: "fresh" };
  // "and in the UK?" after the duties: the duties do not change by country, so it is a new question.
  const taken = accepts(previous.intent);
  // "for someone with 3 yrs?" after what drives pay: that level's pay.
  if (previous.intent === "pay-factors" && fragment && dimensions.has("level") && !taken.includes("level"))
    return { kind: "refine", intent: "salary", slots: mergeSlots({}, withYears(routing, years), false), terms: [] };
  // "and the manager below them?" after the director's pay: that role's pay, which no source gives.
  if (
    PAY_INTENTS.has(previous.intent) &&
    routing.slots.relatedRole &&
    !routing.analysis.roleMentioned &&
    words.length <= 6 &&
    own.filter((t) => !t.startsWith("role ")).length <= 1
  )
    return { kind: "refine", intent: previous.intent, slots: previous.slots, terms: previous.terms };
  const foreign = [...dimensions].some((d) => !taken.includes(d));
  // "is that more than the US average?" after the stress score: the average of what was just shown.
  const againstAverage = pointsBack && /\baverage\b/.test(text) && !PAY_INTENTS.has(previous.intent);
  // "which one helps with high pressure?" picks among the previous answer's items, whatever it names.
  if (
    foreign &&
    !againstAverage &&
    !REFERS.test(text) &&
    routing.outcome === "answer" &&
    routing.intent !== previous.intent
  )
    return { kind: "fresh" };
  // A fragment that only changes what the previous answer can take ("per month?") refines it.
  const onlySlots = fragment && dimensions.size > 0 && !foreign;
  if (!pointsBack && !onlySlots && hasTopicOfItsOwn(routing, previous)) return { kind: "fresh" };
  // "is it a good career?" after what the role is: "it" is the role, and the question has a sure answer of its own.
  if (
    pointsBack &&
    !onlySlots &&
    routing.outcome === "answer" &&
    routing.confidence >= SURE_ON_ITS_OWN &&
    routing.intent !== previous.intent &&
    !mentions(previous.intent, own)
  )
    return { kind: "fresh" };
  const now = withYears(routing, years);
  // "and the average?" after the range: the figure asked now replaces the one asked before.
  const swaps = ["range", "average"].filter((t) => routing.analysis.terms.has(t));
  const kept = swaps.length > 0 ? previous.terms.filter((t) => t !== "range" && t !== "average") : previous.terms;
  const terms = [...new Set([...kept, ...routing.analysis.terms])];
  return { kind: "refine", intent: previous.intent, slots: mergeSlots(previous.slots, now, pointsBack), terms };
}

/** The previous answer again, leading with the facts it showed ("when?", "what percent?", "who are they for?"). */
function againShown(previous: ConversationState): FollowUp {
  return {
    kind: "again",
    intent: previous.intent,
    slots: previous.slots,
    terms: previous.terms,
    facts: previous.facts,
  };
}

/** The turn's slots, with the years a bare number gave ("and 25?") and their level. */
function withYears(routing: RouteResult, years: number | undefined): Slots {
  return years !== undefined && routing.slots.years === undefined
    ? { ...routing.slots, years, level: levelForYears(years) }
    : routing.slots;
}

/** A turn the router could not place on its own. */
function unplacedTurn(routing: RouteResult): boolean {
  return routing.outcome === "clarify" || routing.declineReason === "not-understood";
}

/** A refine term that names the source the previous answer was about ("source:zippia-2025"). */
export const SOURCE_TERM = "source:";
/** "the 4-6 number, where is it from?", "whose is that?": where a thing said comes from. */
const ASKS_ORIGIN = /\b(where|whose)\b/;
/** "Which is the newest?", "are they all dated?": the sources compared, not the one just shown. */
/** "what data do they use?" after one source: that source's own data, not the director's. */
const SOURCES_OWN =
  /\b(data|numbers|figures|method|methods|methodology)\b.{0,20}\b(they|it|its|their)\b|\b(they|it)\b.{0,20}\b(data|numbers|figures)\b/;
const ACROSS_SOURCES = /\b(newest|oldest|latest|most recent|more recent|newer|older|each|every|all|both)\b/;
/** "just the top 3", "only the first two pls": how many of the previous list's items to keep. */
const FIRST_FEW =
  /^(?:(?:ok|okay|so|and|just|only|give me|show me|can you give me|what are|whats)\s+)*(?:the\s+)?(?:top|first)\s+(2|3|4|5|two|three|four|five)(?:\s+(?:ones?|items?|skills|kpis|mistakes|duties|things))?(?:\s+(?:only|please|pls|then))?$/;
const COUNTS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5 };
/** A figure of the one item just picked: "and its share?", "how common is that one?". */
const ITS_FIGURE =
  /\b(its|it s|their|that s|that one s)\b.*\b(share|percentage|percent|rank|number|figure)\b|\bhow (common|popular|often) is (it|that|that one)\b/;
/** A turn about what the last answer said: "is that zippia?", "is it from cityjobs?". */
const ASKS_OF_THAT = /\b(that|this|it|those|these|they)\b/;
/** A turn that names a source of its own, or all of them. */
const NAMES_A_SOURCE =
  /\b(zippia|cityjobs|jobdescription|playsupplychain|job description|other sources?|each source|all (the )?sources|every source|sources)\b/;

/** The slot dimensions this turn sets. */
function changed(routing: RouteResult, years: number | undefined): Set<Dimension> {
  const a = routing.analysis;
  const out = new Set<Dimension>();
  if (a.countries.length > 0) out.add("country");
  if (a.level !== undefined || a.years !== undefined || years !== undefined) out.add("level");
  if (a.period !== undefined) out.add("period");
  if (a.aspects.length > 0) out.add("aspect");
  return out;
}

/** The state to keep after answering `intent` with these slots, facts and sources. */
export function stateAfter(
  intent: string,
  slots: Slots,
  facts: readonly string[],
  sources: readonly string[],
  terms: Iterable<string>,
  at: number,
): ConversationState {
  const kept = [...terms].filter((t) => !t.startsWith("_")).slice(0, 20);
  return { v: 1, intent, slots: { ...slots }, facts: [...facts], sources: [...sources], terms: kept, at };
}

/** "and 20+?", "what about 15", "for 10 years": a number of years said on its own. */
function bareYears(text: string): number | undefined {
  const m =
    /^(?:(?:and|what about|how about|for|with|at|ok and)\s+)*(?:someone with|somebody with|people with)?\s*(\d{1,2})(?:\s*plus)?(?:\s*(?:years?|yrs?|yr))?$/.exec(
      text,
    );
  return m ? Number(m[1]) : undefined;
}

/** Content words the message has (the vocabulary's count), a measure of how much it says on its own. */
function contentWords(routing: RouteResult): number {
  return routing.analysis.content;
}

/** Countries, places, levels, years, a period, a rated aspect, another role, a year or an unknown subject. */
function hasSlotSignals(routing: RouteResult): boolean {
  const a = routing.analysis;
  return (
    a.countries.length > 0 ||
    a.places.length > 0 ||
    a.level !== undefined ||
    a.years !== undefined ||
    a.period !== undefined ||
    a.aspects.length > 0 ||
    a.relatedRoles.length > 0 ||
    routing.uncovered !== undefined
  );
}

/** Question shapes that ask a topic whole: "and how do I get from director to VP?" is a question of its own. */
const WHOLE_FRAMES: ReadonlySet<string> = new Set(["_how_become", "_what_is", "_what_do"]);

/**
 * The message names a topic of its own, other than the previous one: "and what about their
 * skills?" is a new question, "and in Canada?" is not.
 */
function hasTopicOfItsOwn(routing: RouteResult, previous: ConversationState): boolean {
  if (routing.outcome !== "answer" || !routing.intent || routing.intent === previous.intent) return false;
  // "and Zippia's number?": a source named is who says it, not what is asked about.
  if (routing.intent === "sources" && CONTINUES.test(routing.normalized)) return false;
  // Words that set a slot ("per month", "entry level", "10 years") are not a topic; "pay" is one,
  // unless the previous answer was about pay already.
  const slotTerms = new Set(SLOT_TERMS);
  // "what's the difference in dollars?" after pay figures: the gap between them, not manager vs director.
  if (PAY_INTENTS.has(previous.intent)) for (const t of ["salary", "difference", "gap"]) slotTerms.add(t);
  // "experience" sets the pay level after a pay answer; after anything else it asks about experience.
  else slotTerms.delete("experience");
  // "and the manager?" after the duties or what the role is: the topic that describes the manager.
  if (!PAY_INTENTS.has(previous.intent) && routing.analysis.relatedRoles.length > 0 && routing.slots.relatedRole)
    return true;
  // After pay, "role manager" and the like come from another role's name ("and the manager?"): a slot, not a topic.
  const own = [...routing.analysis.terms].filter(
    (t) => (!t.startsWith("_") || WHOLE_FRAMES.has(t)) && !t.startsWith("role ") && !slotTerms.has(t),
  );
  return own.length > 0;
}

const SLOT_TERMS = [
  "hourly",
  "annual",
  "entry",
  "mid",
  "senior",
  "veteran",
  "experienced",
  "experience",
  "level",
  "year",
  "years",
  "month",
  "monthly",
  "week",
  "weekly",
  "hour",
  "average",
  "range",
];
const PAY_INTENTS = new Set(["salary", "pay-factors"]);
/** "next level up", "the level above", "one band higher". */
const NEXT_LEVEL = /\b(next|higher) (level|band|step)\b|\blevel (up|above)\b|\b(one )?(level|band) (up|higher)\b/;

function nextLevel(level: Level): Level | undefined {
  return LEVELS[LEVELS.indexOf(level) + 1];
}

/** Topics whose figures the sources set beside the average of all US jobs. */
const AGAINST_ALL_JOBS = new Set(["ratings", "demographics"]);
/** "who are they for?", "what is it based on?": a wh-question pointing back at what was just shown. */
/** A router confidence at which a short turn with a pronoun is a question of its own. */
const SURE_ON_ITS_OWN = 0.85;
/** Words of courtesy that close a turn. */
const COURTESY = /(?:\s+(?:pls|plz|please|thx|thanks|ty|thank you))+$/;
/** "that seems low", "are you sure?", "really?": the asker doubts the previous answer. */
const CHALLENGE =
  /^(?:(?:hmm|hm|ok|but|wait)\s+)?(?:(?:that|this|it|thats|that s|this is|it s|its)\s+(?:seems|sounds|looks|is|feels)?\s*(?:very |way |a bit |too |pretty |quite )?(?:low|high|off|wrong|small|big|little|a lot|much|weird|odd)|are you sure|really|(?:is that|is it) (?:right|correct|true|accurate))\b/;
const YEARS_ASKED = /\b(years?|yrs)\b/;
const ASKS_OF_IT =
  /^(?:(?:and|so|ok|okay|but)\s+)?(?:who|whom|what|which|where|how)\b.*\b(?:they|them|it|that|those|these|this)\b|^(?:and |so )?(?:(?:good|better|best|right|meant|useful) )?(?:for|to|by|towards|toward|with) (?:who|whom)$/;
/** Words that ask which of the things shown is first on some scale. */
/** "which is highest", "and lowest?": a superlative that names nothing else. */
const BARE_SUPERLATIVE =
  /^(?:(?:and|so|ok)\s+)?(?:(?:which|what)(?: one| aspect| score| group| rating)? (?:is|s|has|was) )?(?:the )?(?:highest|lowest|best|worst|biggest|smallest|top|most|least)(?: one)?$/;
const LOWEST = /\b(lowest|least|worst|bottom|smallest|cheapest)\b/;
const SUPERLATIVE = /\b(lowest|highest|biggest|smallest|largest|widest|best|worst|most|least|top|bottom)\b/;

/** The previous slots with this turn's: a new country replaces the old one, and so on for each slot. */
function mergeSlots(before: Slots, now: Slots, compare: boolean): Slots {
  const merged: Slots = { ...before };
  if (now.country) {
    const previous = before.countries ?? (before.country ? [before.country] : []);
    const asked = now.countries ?? [now.country];
    // "is that more than the US?" puts the new country beside the previous one.
    const countries = compare ? [...new Set([...previous, ...asked])] : asked;
    merged.country = countries[0];
    merged.countryName = now.countryName;
    if (countries.length > 1) merged.countries = countries;
    else delete merged.countries;
  }
  if (now.level || now.years !== undefined || now.byLevel) {
    delete merged.level;
    delete merged.levels;
    delete merged.years;
    delete merged.byLevel;
    Object.assign(merged, pick(now, ["level", "levels", "years", "byLevel"]));
  }
  if (now.period) merged.period = now.period;
  if (now.aspect) {
    merged.aspect = now.aspect;
    if (now.aspects) merged.aspects = now.aspects;
    else delete merged.aspects;
  }
  if (now.relatedRole) merged.relatedRole = now.relatedRole;
  return merged;
}

function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

const LEVEL = z.enum(["entry", "mid", "experienced", "senior", "veteran"]);
const ASPECT = z.enum(["salary", "stability", "stress", "complexity", "work-life", "diversity"]);
const SlotsSchema = z
  .object({
    country: z.string().max(8).optional(),
    countryName: z.string().max(80).optional(),
    countries: z.array(z.string().max(8)).max(10).optional(),
    level: LEVEL.optional(),
    levels: z.array(LEVEL).max(5).optional(),
    byLevel: z.boolean().optional(),
    years: z.number().int().min(0).max(99).optional(),
    period: z.enum(["year", "hour", "month", "week"]).optional(),
    aspect: ASPECT.optional(),
    aspects: z.array(ASPECT).max(6).optional(),
    otherRole: z.string().max(80).optional(),
    relatedRole: z.string().max(80).optional(),
  })
  .strict();
const StateSchema = z
  .object({
    v: z.literal(1),
    intent: z.string().regex(/^[a-z0-9-]{1,40}$/),
    slots: SlotsSchema,
    facts: z.array(z.string().max(120)).max(10),
    sources: z.array(z.string().max(60)).max(10),
    terms: z.array(z.string().max(60)).max(20).default([]),
    picked: z.boolean().optional(),
    at: z.number(),
  })
  .strict();

/** How a conversation's context is stored: JSON checked by its schema, versioned. */
export const conversationCodec: Codec<ConversationState> = versioned(1, jsonCodec(StateSchema));

/**
 * "What share have a master's?", then "and a bachelor's?": the same question of another subject. A
 * short "and X?" after a share keeps asking the share, so X is routed with the word that asks it.
 */
export function sameQuestionOf(text: string, previous: ConversationState | null): string {
  if (!previous?.terms.includes(SHARE_TERM)) return text;
  const swapped = SUBJECT_SWAP.exec(text)?.[1];
  return swapped && !NOT_A_SUBJECT.test(swapped) ? `${text} ${SHARE_TERM}` : text;
}
const SHARE_TERM = "percentage";
/** "and a bachelor's?", "what about associate?": another subject, nothing else. */
const SUBJECT_SWAP = /^\W*(?:and|what about|how about|same for)\s+(?:an? |the )?([a-z'’ ]{2,30})\??\s*$/i;
/** "and it's for which group?", "and zippia's number?": a question about what was shown, not another subject. */
const NOT_A_SUBJECT =
  /\b(it|its|it's|it’s|that|this|which|what|who|why|how|number|figure|source|sources|zippia|zippia's|cityjobs|jobdescription|year|years)\b/i;

/**
 * Follow-ups read against the previous turn. A refinement ("and in Canada?", "what about Zippia's
 * number?", "and the manager?") asks the previous topic again with this turn's slots, sources or
 * words; after any reply, what the conversation remembers for the next turn.
 */
import type { Catalog } from "./catalog.ts";
import { type ConversationState, type FollowUp, SOURCE_TERM, stateAfter } from "./conversation.ts";
import { PRONOUN, REFERS } from "./follow-up-forms.ts";
import type { KnowledgeFact } from "./knowledge/facts.ts";
import type { FactHit } from "./knowledge/index.ts";
import { declineReply, uncoveredReply } from "./replies.ts";
import { readText } from "./router/fact-text.ts";
import { sourceWord } from "./router/names.ts";
import { missingFigure, type RouteResult, type Router } from "./router/router.ts";
import type { Reply } from "./types.ts";

/** Follow-ups to figure answers that name another role ("and the manager?") have no figures. */
const FIGURE_FOLLOW_UPS = new Set(["salary", "ratings", "demographics", "pay-factors"]);

/** What refining needs from the engine: the content, the router, and the reply to a routed question. */
export interface Refining {
  catalog: Catalog;
  router: Router;
  replyTo(routing: RouteResult): Reply;
}

export function refineReply(
  follow: Extract<FollowUp, { kind: "refine" }>,
  routing: RouteResult,
  text: string,
  { catalog, router, replyTo }: Refining,
): Reply {
  const refined: RouteResult = {
    ...routing,
    outcome: "answer",
    intent: follow.intent,
    slots: follow.slots,
    confidence: 1,
  };
  const own = routing.uncovered && routing.uncovered.kind !== "no-words" && routing.uncovered.kind !== "code";
  const uncovered = own ? routing.uncovered! : router.uncoveredFor(routing, text, follow.intent);
  if (uncovered) return uncoveredReply(catalog, { ...refined, declineReason: "uncovered", uncovered }, router.coverage);
  // "ok so what's the actual number in San Francisco?": a place the sources name, with no figure for it.
  // "and in San Francisco?" after a figure asks that figure there.
  const asksFigure = routing.form.quantity || FIGURE_FOLLOW_UPS.has(follow.intent);
  const placeFact = asksFigure ? router.placeWithoutFigure(routing.analysis) : undefined;
  // "how big?" after the bonuses: a size no source gives.
  const sized = follow.terms.includes("_size")
    ? (router.facts
        .searchTopic(
          follow.terms.filter((t) => !t.startsWith("_")),
          follow.intent,
          5,
        )
        .find((h) => h.fact.noFigure)?.fact ?? router.facts.facts.find((f) => f.topic === follow.intent && f.noFigure))
    : undefined;
  const missing = placeFact ?? sized;
  if (missing) {
    const figure = missingFigure(missing);
    return uncoveredReply(catalog, { ...refined, declineReason: "uncovered", uncovered: figure }, router.coverage);
  }
  if (routing.analysis.relatedRoles.length > 0 && !routing.analysis.roleMentioned) {
    const asksPay = routing.analysis.terms.has("salary") || routing.analysis.terms.has("_what_make");
    if (FIGURE_FOLLOW_UPS.has(follow.intent) || asksPay)
      return declineReply(catalog, "related-role-pay", routing.slots, 1);
    if (follow.intent === "duties") return replyTo({ ...refined, intent: "manager-vs-director", focus: [] });
  }
  // "what about Zippia's number?": the previous topic's facts from the source named.
  const said = new Set(routing.analysis.tokens);
  const named = [...catalog.sources.values()].filter(
    (s) =>
      said.has(sourceWord(s.short)) ||
      said.has(`${sourceWord(s.short)}s`) ||
      follow.terms.includes(`${SOURCE_TERM}${s.id}`),
  );
  const fromSource = router.facts.facts.filter(
    (f) => f.topic === follow.intent && named.some((s) => f.sources.includes(s.id)) && !f.summary,
  );
  if (named.length > 0 && fromSource.length > 0) {
    // "and Zippia's range?": of that source's facts, those with the words asked for first.
    // The words of the turns before count too: "zippia?" after the US average asks Zippia's average.
    const before = new Set(follow.terms);
    const asked = (f: (typeof fromSource)[number]) =>
      f.keys.filter((k) => routing.analysis.terms.has(k) || before.has(k)).length;
    const ranked = [...fromSource].sort((a, b) => asked(b) - asked(a));
    return replyTo({ ...refined, focus: ranked.slice(0, 3), quoted: true });
  }
  // The turn's own words among the previous topic's facts ("does that include workforce planning?").
  const focused = routing.focus.filter((f) => f.topic === follow.intent);
  const sameTopic =
    focused.length > 0 || !(PRONOUN.test(routing.normalized) || REFERS.test(routing.normalized))
      ? focused
      : router.facts
          .searchTopic(
            [...routing.analysis.terms].filter((t) => !t.startsWith("_")),
            follow.intent,
            2,
          )
          .filter((h) => h.keyed || h.matched.length > 1)
          .map((h) => h.fact);
  const analysis = { ...routing.analysis, terms: new Set(follow.terms) };
  return replyTo({ ...refined, analysis, focus: sameTopic });
}

/**
 * "The second one": the item of the previous answer's list. The answer led with several facts, or
 * with one that lists items ("Five common mistakes: a, b, c…"); an item named in a list is looked up
 * among its topic's facts. With no list to point into, the topic's page.
 */
export function itemReply(
  follow: Extract<FollowUp, { kind: "item" }>,
  routing: RouteResult,
  { router, replyTo }: Refining,
): Reply {
  const { state, index } = follow;
  const all = router.facts.facts;
  const led = state.facts.flatMap((id) => all.filter((f) => f.id === id));
  const answer = (focus: RouteResult["focus"]): Reply =>
    replyTo({
      ...routing,
      outcome: "answer",
      intent: state.intent,
      slots: state.slots,
      confidence: 1,
      focus,
      quoted: focus.length > 0,
      form: { ...routing.form, yesNo: false },
    });
  // A sentence that lists things ("Top resume skills: CRM (9.62%), project management (7.51%), …") is
  // what "the second one" counts in; otherwise the facts the answer led with.
  const listing = shownListing(state, all);
  // "just the top 3": the list's first items, as the list gives them, or the first facts the answer led with.
  if (follow.count !== undefined) {
    if (!listing) return answer(led.slice(0, follow.count));
    const label = listing.text.slice(0, listing.text.indexOf(": "));
    const items = listItems(listing.text).slice(0, follow.count);
    return answer([
      {
        ...listing,
        id: `${listing.id}#top${follow.count}`,
        text: `${label} (first ${items.length}): ${items.join(", ")}.`,
        summary: false,
      },
    ]);
  }
  if (!listing && led.length >= 2) {
    const fact = nth(led, index);
    if (fact) return answer([fact]);
  }
  const list =
    listing ??
    [led[0], ...all.filter((f) => f.topic === state.intent && f.summary)].find(
      (f) => f && listItems(f.text).length >= 2,
    );
  const phrase = list ? nth(listItems(list.text), index) : undefined;
  if (list && phrase) {
    // An item that carries its own figure ("KPIs (4.91%)") is answered as the list gives it.
    const label = list.text.slice(0, list.text.indexOf(": "));
    const item = `${label}: ${phrase}.`;
    const asListed = [{ ...list, id: `${list.id}#${index}`, text: item, summary: false }];
    if (/\d/.test(phrase)) return answer(asListed);
    const terms = router.route(phrase).analysis.terms;
    const hit = router.facts
      .searchTopic(terms, state.intent, 4)
      .find((h) => !h.fact.summary && (h.keyed || h.matched.length >= Math.min(2, terms.size)));
    if (hit) return answer([hit.fact]);
    // No fact of its own: the item as the list gives it, with the list's sources.
    return answer(asListed);
  }
  return answer([]);
}

/**
 * "Why does that matter?" after one fact ("the fourth one"): the fact, then the fact from any topic
 * that shares most of its words (the guide's reason for a mistake, the trade-off behind a skill).
 * Empty when the previous answer led with more than one fact, or with none.
 */
export function reasonsFor(ids: readonly string[], router: Router): KnowledgeFact[] {
  if (ids.length !== 1) return [];
  const base = ids[0]!.split("#")[0]!;
  const fact = router.facts.facts.find((f) => f.id === base);
  if (!fact || fact.summary) return [];
  const terms = router.route(fact.text).analysis.terms;
  // Not a sibling from the same list ("optimizing cost too hard" does not explain the fourth mistake).
  const list = fact.id.slice(0, fact.id.lastIndexOf("/") + 1);
  const explains = (h: FactHit) => !h.fact.id.startsWith(list) && !h.fact.summary && (h.keyed || h.matched.length >= 2);
  const reason = router.facts.search(terms, 6).find(explains);
  return reason ? [fact, reason.fact] : [fact];
}

/** "Over what period?", "when?": the previous topic again, leading with the facts it showed when there were any. */
export function againOptions(
  follow: Extract<FollowUp, { kind: "again" }>,
  facts: readonly KnowledgeFact[],
): { terms: Set<string>; focus?: KnowledgeFact[]; quoted?: boolean } {
  const terms = new Set(follow.terms);
  const shown = facts.filter((f) => follow.facts?.includes(f.id));
  return shown.length > 0 ? { terms, focus: shown, quoted: true } : { terms };
}

/** The sentence listing items that the previous answer showed: one it led with, or its topic's short answer. */
export function shownListing(state: ConversationState, facts: readonly KnowledgeFact[]): KnowledgeFact | undefined {
  const led = state.facts.flatMap((id) => facts.filter((f) => f.id === id));
  const summaries = facts.filter((f) => f.topic === state.intent && f.summary);
  return [...led, ...summaries].find((f) => isListing(f.text));
}

/** Words that only frame a follow-up ("and", "what about", "what percentage is"), not what it names. */
const FRAME_WORDS = new Set(
  "and what about how is was the a an of for percentage percent share one ones its it s please pls explain explained mean means tell me more related part bit side thing that".split(
    " ",
  ),
);

/**
 * "and KPIs?" after a list that names KPIs: the position (1-based) of the one item of the previous
 * answer's listing that holds every word the turn names, or null.
 */
export function itemNamed(state: ConversationState, facts: readonly KnowledgeFact[], text: string): number | null {
  const about = ABOUT_ONE.exec(text);
  if (about) return itemAbout(state, facts, about[1]!);
  const words = text.split(" ").filter((w) => w && !FRAME_WORDS.has(w));
  if (words.length === 0 || words.length > 4) return null;
  const listing = shownListing(state, facts);
  if (!listing) return null;
  const items = listItems(listing.text).map((item) => ` ${item.toLowerCase().replace(/[^a-z0-9]+/g, " ")} `);
  const holding = items.flatMap((item, i) => (words.every((w) => item.includes(` ${w} `)) ? [i + 1] : []));
  return holding.length === 1 ? holding[0]! : null;
}

/** "which one is about phones?", "the one that mentions CRM": an item picked by what it says. */
const ABOUT_ONE =
  /^(?:and |so |ok )?(?:which|what|the) (?:one|ones|item|bullet|point)s?\b.{0,20}?\b(?:about|mentions?|mentioning|covers?|covering|deals with|involves?|involving|says)\s+(.+)$/;

/**
 * The position (1-based) of the one fact the previous answer led with that says every word of
 * `subject` ("phones" finds "phone system"), or null; only where no listing sentence is counted in.
 */
function itemAbout(state: ConversationState, facts: readonly KnowledgeFact[], subject: string): number | null {
  if (shownListing(state, facts)) return null;
  const words = subject
    .split(" ")
    .filter((w) => w.length > 1 && !FRAME_WORDS.has(w))
    .map((w) => w.replace(/(?<=[a-z]{3})(e?s)$/, ""));
  if (words.length === 0) return null;
  const led = state.facts.flatMap((id) => facts.filter((f) => f.id === id));
  const holding = led.flatMap((f, i) => {
    const text = f.text.toLowerCase();
    return words.every((w) => new RegExp(`\\b${w}`).test(text)) ? [i + 1] : [];
  });
  return holding.length === 1 ? holding[0]! : null;
}

/** A sentence that lists three things or more ("Five common mistakes: a, b, c…"), not clauses ("…: x, but y"). */
function isListing(text: string): boolean {
  const items = listItems(text);
  return items.length >= 3 && items.every((item) => !/^(but|so|yet|or|which|that|while|when)\b/.test(item));
}

/** The items of a sentence that lists them: "Five common mistakes: a, b, c and d." → [a, b, c, d]. */
export function listItems(text: string): string[] {
  const colon = text.indexOf(": ");
  if (colon < 0) return [];
  return (
    text
      .slice(colon + 2)
      .replace(/\.$/, "")
      // Not at the comma inside a figure: "$78,000".
      .split(/,(?!\d{3}\b)\s*(?:and\s+)?|\s+and\s+(?=[^,]*$)/)
      .map((s) => s.trim())
      .filter((s) => s.length > 1)
  );
}

function nth<T>(items: readonly T[], index: number): T | undefined {
  return index === -1 ? items[items.length - 1] : items[index - 1];
}

/** Declines that keep the topic: something uncovered, or a country ("…in New Zealand?", then "and the UK?"). */
const REMEMBERED_DECLINES: ReadonlySet<string> = new Set(["uncovered", "other-country"]);

/**
 * What to remember after a reply: its intent and slots, the facts it led with, its sources. A
 * decline of something uncovered, or of a country, remembers the topic it was otherwise about
 * ("at Amazon" → pay), so "and in general?" has something to refer to; other declines change nothing.
 */
export function stateOf(reply: Reply, follow: FollowUp, routing: RouteResult, at: number): ConversationState | null {
  if (reply.outcome !== "answer") {
    // "What does the manager earn?" declined, then "and the director?": the director's pay.
    if (reply.intent === "related-role-pay")
      return stateAfter("salary", routing.slots, [], [], routing.analysis.terms, at);
    const nearest = follow.kind === "refine" ? follow.intent : routing.intent;
    if (!REMEMBERED_DECLINES.has(reply.intent) || !nearest) return null;
    const slots = follow.kind === "refine" ? follow.slots : routing.slots;
    return stateAfter(nearest, slots, [], [], routing.analysis.terms, at);
  }
  const slots =
    follow.kind === "refine" || follow.kind === "again" || follow.kind === "more" || follow.kind === "why"
      ? follow.slots
      : follow.kind === "item"
        ? follow.state.slots
        : routing.slots;
  const sources = reply.blocks.flatMap((b) => (b.type === "sources" ? b.sources.map((s) => s.id) : []));
  const facts = follow.kind === "fresh" ? routing.focus.map((f) => f.id) : [];
  const terms = follow.kind === "refine" || follow.kind === "again" ? follow.terms : routing.analysis.terms;
  return stateAfter(reply.intent, slots, facts, sources, terms, at);
}

/** Words of a "which source says…?" turn that ask, rather than say what was said. */
const ASKING_SOURCE_WORDS = new Set(
  "and so ok okay which what whose who where source sources site sites article document page says say said mention mentions mentioned list lists listed give gives gave talk talks about cover covers has have uses use call calls is was it its that this those these the a an of for from number figure figures one ones do does did come comes get got you your please pls thanks thx".split(
    " ",
  ),
);

/** What a "which source says…?" turn says was said: its words beyond the asking ("upper management", "4 6"). */
export function saidIn(normalized: string): string[] {
  return normalized.split(" ").filter((w) => w !== "" && !ASKING_SOURCE_WORDS.has(w) && (w.length > 2 || /\d/.test(w)));
}

/** Whether a fact's text says every word: a word of up to four letters whole, a longer one without its last letter ("budgets" finds "budget"). */
export function says(text: string, words: readonly string[]): boolean {
  const plain = readText(text).plain;
  return words.every((w) => plain.includes(` ${w.length >= 5 ? w.slice(0, -1) : `${w} `}`));
}

/**
 * The lists a source gives, item by item: "the third duty in Cityjobs' list", "the last mistake",
 * "Zippia's 5th skill". Each section of a topic is one source's list (or the topic's numbered one).
 */
import type { Catalog } from "../catalog.ts";
import type { KnowledgeFact } from "../knowledge/facts.ts";
import type { Section } from "../model/topics.ts";
import { ORDINAL_WORDS } from "../words.ts";

export interface SourceList {
  sources: readonly string[];
  numbered: boolean;
  /** The section is the source's own list (it says how many of its items the source lists). */
  own: boolean;
  /** The list's items in the source's order (only those the source lists). */
  items: readonly KnowledgeFact[];
}

/** Every topic's lists, from its sections; the facts are found by their ids ("<topic>/<section>/<n>"). */
export function sourceLists(catalog: Catalog, facts: readonly KnowledgeFact[]): Map<string, SourceList[]> {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const out = new Map<string, SourceList[]>();
  const add = (topic: string, sections: readonly Section[]) => {
    const lists = sections.map((s) => ({
      sources: s.sources ?? [],
      numbered: s.style === "numbered",
      own: s.listed !== undefined,
      items: s.items
        .slice(0, s.listed ?? s.items.length)
        .map((_, i) => byId.get(`${topic}/${s.id}/${i + 1}`))
        .filter((f): f is KnowledgeFact => f !== undefined),
    }));
    out.set(topic, lists);
  };
  for (const [id, topic] of catalog.topics) add(id, topic.sections);
  add("skills", catalog.skills.sections);
  return out;
}

const ORDINAL_ASKED =
  /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|1st|2nd|3rd|4th|5th|6th|7th|8th|9th|10th)\s+(?:\w+\s+){0,2}?(?:bullets?|items?|points?|entry|entries|duty|duties|responsibility|responsibilities|tasks?|skills?|mistakes?|trade ?offs?|tradeoffs?|steps?|kpis?|metrics?|measures?|challenges?|one)\b/;

/** The position a question asks for in a list ("the third duty" → 3, "the last bullet" → -1), or null. */
export function positionAsked(normalized: string): number | null {
  const m = ORDINAL_ASKED.exec(normalized);
  if (m) return ORDINAL_WORDS[m[1]!] ?? null;
  // "mistake 4", "step no 3", "trade-off #2": the item's name, then its number (most questions have no digit).
  const n = DIGIT.test(normalized) ? NUMBERED_ASKED.exec(normalized) : null;
  return n ? Number(n[1]) : null;
}
const DIGIT = /\d/;
/** An item named by its kind and number: "mistake 4", "duty number 2", "kpi no 3". */
const NUMBERED_ASKED =
  /\b(?:bullet|item|point|duty|responsibility|task|skill|mistake|trade ?off|tradeoff|kpi|metric|measure|challenge)\s+(?:number\s+|no\s+|nr\s+)?([1-9])\b/;

/**
 * The item at `position` in the list the question means: the named source's list, or without a
 * source the topic's one numbered list (or its only list).
 */
export function itemAt(
  lists: readonly SourceList[],
  position: number,
  source: string | undefined,
): KnowledgeFact | undefined {
  const list = source
    ? listOf(lists, source)
    : ((lists.filter((l) => l.numbered).length === 1 ? lists.find((l) => l.numbered) : undefined) ??
      (lists.length === 1 ? lists[0] : undefined));
  if (!list) return undefined;
  return position === -1 ? list.items.at(-1) : list.items[position - 1];
}

/**
 * A source's list in a topic: the one with `count` items when the question says how many ("the four
 * duties Zippia lists"), else the source's own list, else its first section.
 */
export function listOf(lists: readonly SourceList[], source: string, count?: number): SourceList | undefined {
  const mine = lists.filter((l) => l.sources.length === 1 && l.sources[0] === source);
  if (count !== undefined) return mine.find((l) => l.items.length === count);
  return mine.find((l) => l.own) ?? mine[0];
}

/** The list an item belongs to ("what other abilities does it put alongside quick decisions?"). */
export function listHolding(lists: readonly SourceList[], item: KnowledgeFact): SourceList | undefined {
  return lists.find((l) => l.items.includes(item));
}

const RELATIVE_ASKED =
  /\b(?:comes?|step|one|thing|is|s|do|happens)\s+(?:right |just |immediately |directly )?(after|before)\s+(?:the |a |an |your |my |you )?(?:step of |stage of )?(?:getting |doing |having |completing |finishing |writing )?(?:the |a |an |your |my )?([a-z]{4,})/;

/**
 * "What comes right after education?", "the step before applying": the item next to the one named,
 * in the list whose item names that word (its label or text).
 */
export function itemBeside(lists: readonly SourceList[], normalized: string): KnowledgeFact | undefined {
  // The pattern needs "after" or "before": most questions have neither, and are not searched for it.
  if (!normalized.includes("after") && !normalized.includes("before")) return undefined;
  const m = RELATIVE_ASKED.exec(normalized);
  if (!m) return undefined;
  const stemmed = m[2]!.slice(0, Math.max(4, m[2]!.length - 3));
  for (const list of lists) {
    const at = list.items.findIndex(
      (f) => f.keys.some((k) => k.includes(stemmed)) || f.text.toLowerCase().startsWith(stemmed),
    );
    if (at < 0) continue;
    return list.items[m[1] === "after" ? at + 1 : at - 1];
  }
  return undefined;
}

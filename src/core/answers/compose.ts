/**
 * What every composer shares: its input, its output, and small helpers to turn records into
 * blocks with their citations and to write figures the same way everywhere.
 */

import type { Catalog } from "../catalog.ts";
import type { KnowledgeFact } from "../knowledge/facts.ts";
import type { Intent } from "../model/intents.ts";
import type { Item, Section, Topic } from "../model/topics.ts";
import type { QuestionForm } from "../router/form.ts";
import type { Block, DeclineReason, Fact, ListItem, Slots, SourceRef } from "../types.ts";
import { itemText } from "./format.ts";
import { startsWithName } from "./names.ts";

export {
  describeSource,
  formatDate,
  itemText,
  joinList,
  money,
  percent,
  score,
  sourceName,
  thousands,
} from "./format.ts";

/** "lead": the short answer, the fact asked for first; "page": the whole topic ("More on …"). */
export type ComposeMode = "lead" | "page";

export interface ComposeInput {
  catalog: Catalog;
  intent: Intent;
  slots: Slots;
  mode: ComposeMode;
  /** Facts of this topic the question asked for specifically, best first (empty for a general question). */
  focus: readonly KnowledgeFact[];
  form: QuestionForm;
  /**
   * Those of the question's canonical terms in COMPOSER_TERMS, for composers that answer a part of a
   * topic ("range", "gender").
   */
  terms: ReadonlySet<string>;
}

/**
 * The only question terms a composer sees: replies are cached per term set, so the fewer terms the
 * composers read, the more questions share a reply. A composer reading a new term adds it here.
 */
export const COMPOSER_TERMS: readonly string[] = [
  "range",
  "gender",
  "race",
  "age",
  "diversity",
  "_vs_worker",
  "_up_to",
  "_by_source",
  "zippia",
  "jobdescription",
  "cityjobs",
  "average",
  "_how_long",
  "salary",
  "growth",
  "_which_countries",
  "next",
  "year",
];

/**
 * A composer either answers, or declines when the knowledge base has nothing for the slots asked
 * (a country, an hourly figure for the UK), or chats: a social reply that answers no question.
 * `more: false` when the lead already is the whole topic.
 */
export type Composition =
  | { kind: "answer"; blocks: Block[]; more?: boolean }
  | { kind: "chat"; blocks: Block[] }
  | { kind: "decline"; reason: DeclineReason; blocks: Block[] };

export type Composer = (input: ComposeInput) => Composition;

export const answer = (blocks: Block[], more?: boolean): Composition =>
  more === undefined ? { kind: "answer", blocks } : { kind: "answer", blocks, more };

/** A social reply ("Hi!", "You're welcome"): shown like an answer, counted as answering no question. */
export const chat = (blocks: Block[]): Composition => ({ kind: "chat", blocks });

/**
 * The lead for facts a question asked for: one fact as a sentence, several as bullets; a yes/no
 * question gets the first fact's stance ("Yes", "Not necessarily") in front.
 */
export function leadFromFacts(
  catalog: Catalog,
  facts: readonly Pick<KnowledgeFact, "text" | "sources" | "stance">[],
  form: QuestionForm,
): Block[] {
  const stance = form.yesNo ? facts[0]?.stance : undefined;
  if (facts.length === 1) {
    const f = facts[0]!;
    return [{ type: "text", text: stance ? withStance(catalog, stance, f.text) : f.text, sources: f.sources }];
  }
  const blocks: Block[] = stance ? [{ type: "text", text: `${stance}.` }] : [];
  blocks.push({ type: "bullets", items: facts.map((f) => ({ text: f.text, sources: f.sources })) });
  return blocks;
}

/** A topic's short general answer (its summary items), or the facts asked for when there are any. */
export function leadOrFocus(summary: readonly Item[], input: ComposeInput): Composition {
  const facts =
    input.focus.length > 0
      ? input.focus
      : summary.map((item) => ({
          text: itemText(input.catalog, item),
          sources: item.sources ?? [],
          stance: item.stance,
        }));
  return answer(leadFromFacts(input.catalog, facts, input.form));
}

/** "Yes: leads the team"; a labelled fact keeps its label as a sentence ("Yes. Optimizing cost too hard: …"). */
export function withStance(catalog: Catalog, stance: string, text: string): string {
  // "Yes. Service software: …", "Yes. jobdescription.org (2023): …": a label or a source keeps its colon alone.
  // "Yes. The growth figures measure different things:": a line that introduces a list stays whole.
  return /^[^:]{2,60}: /.test(text) || text.endsWith(":")
    ? `${stance}. ${text}`
    : `${stance}: ${lowerStart(catalog, text)}`;
}

/** "Leads the team" → "leads the team", keeping names and acronyms ("Zippia", "CRM") as they are. */
export function lowerStart(catalog: Catalog, s: string): string {
  // "Chief Operations Officer (COO)…": a name in capitals keeps them.
  return /^[A-Z][a-z]*\b/.test(s) && !/^(I\b|[A-Z][a-z]+ [A-Z])/.test(s) && !startsWithName(catalog, s)
    ? s[0]!.toLowerCase() + s.slice(1)
    : s;
}

export const heading = (text: string, level: 1 | 2 = 1): Block => ({ type: "heading", text, level });

export function listItems(catalog: Catalog, items: readonly Item[], defaultSources?: readonly string[]): ListItem[] {
  return items.map((item) => ({ text: itemText(catalog, item), sources: item.sources ?? defaultSources ?? [] }));
}

export function sectionBlocks(catalog: Catalog, section: Section, withTitle = true): Block[] {
  const blocks: Block[] = [];
  if (withTitle) blocks.push(heading(section.title, 2));
  blocks.push({
    type: "bullets",
    items: listItems(catalog, section.items, section.sources),
    ordered: section.style === "numbered",
  });
  return blocks;
}

/** A generic topic file: title, intro, every section, closing note. */
export function topicBlocks(
  catalog: Catalog,
  topic: Topic,
  options: { sections?: readonly string[]; title?: string } = {},
): Block[] {
  const blocks: Block[] = [heading(options.title ?? topic.title)];
  if (topic.intro) blocks.push({ type: "text", text: topic.intro.text, sources: topic.intro.sources });
  const sections = options.sections ? topic.sections.filter((s) => options.sections!.includes(s.id)) : topic.sections;
  const titled = sections.length > 1;
  for (const section of sections) blocks.push(...sectionBlocks(catalog, section, titled));
  if (topic.note) blocks.push({ type: "text", text: topic.note.text, sources: topic.note.sources });
  return blocks;
}

export function fact(label: string, value: string, sources: readonly string[]): Fact {
  return { label, value, sources };
}

/** The sources cited anywhere in these blocks, in order of first citation (the order of the [n] markers). */
export function citedSources(catalog: Catalog, blocks: readonly Block[]): SourceRef[] {
  const ids: string[] = [];
  const add = (list?: readonly string[]) => {
    for (const id of list ?? []) if (!ids.includes(id)) ids.push(id);
  };
  for (const b of blocks) {
    if (b.type === "text") add(b.sources);
    else if (b.type === "bullets") for (const i of b.items) add(i.sources);
    else if (b.type === "facts") for (const f of b.facts) add(f.sources);
    else if (b.type === "table") for (const r of b.rows) add(r.sources);
  }
  return ids.flatMap((id) => {
    const s = catalog.sources.get(id);
    return s ? [{ id, short: s.short, title: s.title, publisher: s.publisher, date: s.date }] : [];
  });
}

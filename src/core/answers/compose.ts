/**
 * What every composer shares: its input, its output, and small helpers to turn records into
 * blocks with their citations and to write figures the same way everywhere.
 */

import type { Intent, Item, Section, Source, Topic } from "../../content/schemas.ts";
import type { Catalog } from "../catalog.ts";
import type { Block, DeclineReason, Fact, ListItem, Slots, SourceRef } from "../types.ts";

export interface ComposeInput {
  catalog: Catalog;
  intent: Intent;
  slots: Slots;
}

/** A composer either answers, or declines when the knowledge base has nothing for the slots asked (e.g. a country). */
export type Composition =
  | { kind: "answer"; blocks: Block[] }
  | { kind: "decline"; reason: DeclineReason; blocks: Block[] };

export type Composer = (input: ComposeInput) => Composition;

export const answer = (blocks: Block[]): Composition => ({ kind: "answer", blocks });

export const heading = (text: string, level: 1 | 2 = 1): Block => ({ type: "heading", text, level });

export function itemText(item: Item): string {
  return item.label ? `${item.label}: ${lowerFirst(item.text)}` : item.text;
}

/** Lower-cases a sentence's first word after a label, keeping acronyms and names ("CRM", "Zippia") as they are. */
function lowerFirst(s: string): string {
  return /^[A-Z][a-z]*\b/.test(s) && !/^(I|Zippia|Cityjobs|Indeed|Glassdoor|Totaljobs|Payscale)\b/.test(s)
    ? s[0]!.toLowerCase() + s.slice(1)
    : s;
}

export function listItems(items: readonly Item[], defaultSources?: readonly string[]): ListItem[] {
  return items.map((item) => ({ text: itemText(item), sources: item.sources ?? defaultSources ?? [] }));
}

export function sectionBlocks(section: Section, withTitle = true): Block[] {
  const blocks: Block[] = [];
  if (withTitle) blocks.push(heading(section.title, 2));
  blocks.push({
    type: "bullets",
    items: listItems(section.items, section.sources),
    ordered: section.style === "numbered",
  });
  return blocks;
}

/** A generic topic file: title, intro, every section, closing note. */
export function topicBlocks(topic: Topic, options: { sections?: readonly string[]; title?: string } = {}): Block[] {
  const blocks: Block[] = [heading(options.title ?? topic.title)];
  if (topic.intro) blocks.push({ type: "text", text: topic.intro.text, sources: topic.intro.sources });
  const sections = options.sections ? topic.sections.filter((s) => options.sections!.includes(s.id)) : topic.sections;
  const titled = sections.length > 1;
  for (const section of sections) blocks.push(...sectionBlocks(section, titled));
  if (topic.note) blocks.push({ type: "text", text: topic.note.text, sources: topic.note.sources });
  return blocks;
}

export function sourceName(catalog: Catalog, id: string): string {
  return catalog.sources.get(id)?.short ?? id;
}

export function fact(label: string, value: string, sources: readonly string[]): Fact {
  return { label, value, sources };
}

const SYMBOL: Record<string, string> = { USD: "$", GBP: "£", CAD: "C$" };

/** 121000 → "121,000" (written out by hand: Intl formatting costs microseconds a call). */
export function thousands(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** 121000 → "$121,000"; 60.41 → "$60.41". */
export function money(amount: number, currency: string): string {
  const digits = Number.isInteger(amount) ? thousands(amount) : amount.toFixed(2);
  return `${SYMBOL[currency] ?? `${currency} `}${digits}`;
}

export function percent(n: number): string {
  return `${n}%`;
}

/** "one decimal" scores: 8 → "8.0". */
export function score(n: number): string {
  return n.toFixed(1);
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2023-09-19" → "19 September 2023". */
export function formatDate(iso: string | null): string | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

export function describeSource(source: Source): string {
  const parts = [source.publisher ?? "publisher not named", formatDate(source.date) ?? "no date"];
  return `"${source.title}" (${source.kind}; ${parts.join(", ")})`;
}

/** "a, b and c". */
export function joinList(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
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
  }
  return ids.flatMap((id) => {
    const s = catalog.sources.get(id);
    return s ? [{ id, short: s.short, title: s.title, publisher: s.publisher, date: s.date }] : [];
  });
}

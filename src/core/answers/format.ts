/** How figures, dates, lists and source names are written, the same way in every answer. */

import type { Catalog } from "../catalog.ts";
import type { Source } from "../model/sources.ts";
import type { Item } from "../model/topics.ts";
import { startsWithSourceName } from "./names.ts";

export function itemText(catalog: Catalog, item: Item): string {
  return item.label ? `${item.label}: ${lowerFirst(catalog, item.text)}` : item.text;
}

/** Lower-cases a sentence's first word after a label, keeping acronyms and names ("CRM", "Zippia") as they are. */
function lowerFirst(catalog: Catalog, s: string): string {
  return /^[A-Z][a-z]*\b/.test(s) && !/^I\b/.test(s) && !startsWithSourceName(catalog, s)
    ? s[0]!.toLowerCase() + s.slice(1)
    : s;
}

export function sourceName(catalog: Catalog, id: string): string {
  return catalog.sources.get(id)?.short ?? id;
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

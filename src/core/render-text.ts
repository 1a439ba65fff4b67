/**
 * The plain-text renderer: terminal output, and every channel's fallback `text`.
 * Facts carry numbered markers ([1], [2]) that point at the sources list; with a single source the
 * markers are left out.
 */

import type { Block, Cites, Reply, SourceRef, TableRow } from "./types.ts";

export interface TextOptions {
  /** Show button groups ("You could also ask: …"); off for notification fallbacks. */
  buttons?: boolean;
}

export function citationMarkers(reply: Reply): (cites?: Cites) => string {
  const sources =
    reply.blocks.find((b): b is Extract<Block, { type: "sources" }> => b.type === "sources")?.sources ?? [];
  const index = new Map(sources.map((s, i) => [s.id, i + 1]));
  return (cites) => {
    if (!cites || cites.length === 0 || sources.length < 2) return "";
    const numbers = [...new Set(cites.map((id) => index.get(id)).filter((n): n is number => n !== undefined))].sort(
      (a, b) => a - b,
    );
    return numbers.length ? ` ${numbers.map((n) => `[${n}]`).join("")}` : "";
  };
}

/** A source as cited under an answer: its short name ("Zippia (2025)"); "sources" gives the full description. */
export function sourceLine(s: SourceRef): string {
  return s.short;
}

/** A table as plain lines: the column titles, then one line per row with its citation markers. */
export function tableLines(
  columns: readonly string[],
  rows: readonly TableRow[],
  mark: (c?: Cites) => string,
): string[] {
  return [columns.join(" | "), ...rows.map((r) => `${r.cells.join(" | ")}${mark(r.sources)}`)];
}

export function renderText(reply: Reply, options: TextOptions = {}): string {
  const mark = citationMarkers(reply);
  const out: string[] = [];
  for (const block of reply.blocks) {
    switch (block.type) {
      case "heading":
        out.push(block.level === 1 ? block.text : `${block.text}:`);
        break;
      case "text":
        out.push(block.text + mark(block.sources));
        break;
      case "bullets":
        out.push(
          block.items
            .map((item, i) => `${block.ordered ? `${i + 1}.` : "•"} ${item.text}${mark(item.sources)}`)
            .join("\n"),
        );
        break;
      case "facts":
        out.push(block.facts.map((f) => `• ${f.label}: ${f.value}${mark(f.sources)}`).join("\n"));
        break;
      case "table":
        out.push(tableLines(block.columns, block.rows, mark).join("\n"));
        break;
      case "sources":
        out.push(
          block.sources.length === 1
            ? `Source: ${sourceLine(block.sources[0]!)}`
            : `Sources: ${block.sources.map((s, i) => `[${i + 1}] ${sourceLine(s)}`).join(" · ")}`,
        );
        break;
      case "buttons":
        if (options.buttons !== false && block.buttons.length > 0) {
          out.push(`${block.title ?? "Options"}: ${block.buttons.map((b) => b.label).join(" | ")}`);
        }
        break;
      case "feedback":
        // Channels render 👍/👎 natively; plain text (and every fallback) leaves them out.
        break;
      case "divider":
        out.push("—".repeat(20));
        break;
    }
  }
  return out.join("\n\n");
}
